import { loadResponseParsers } from "../chatkit/load-response-parsers";
import { parseJsonText } from "../errors/parse-json";
import { createHttpClient, type HttpClientOptions, type RequestOptions } from "../http/client";
import { nextCursorParams, PagePromise } from "../http/pagination";
import type { UploadProgress } from "../http/upload";
import {
  parseAssistant,
  parseAssistantFile,
  parseAssistantThread,
  parseCursorPage,
  parseDeleted,
  parseMessage,
  parseRun,
  parseRunStep,
} from "./parse";
import type {
  Assistant,
  AssistantCreateParams,
  AssistantDeleted,
  AssistantFile,
  AssistantFileDeleted,
  AssistantsListParams,
  AssistantThread,
  AssistantThreadDeleted,
  AssistantUpdateParams,
  CursorPage,
  Message,
  MessageCreateParams,
  MessageDeleted,
  Metadata,
  Run,
  RunCreateParams,
  RunStep,
  SubmitToolOutputsParams,
  ThreadCreateAndRunParams,
  ThreadCreateParams,
  ThreadUpdateParams,
} from "./types";

/** Options of {@link createAssistantsClient}. */
export interface AssistantsClientOptions extends HttpClientOptions {
  /** API key sent as `Authorization: Bearer …` (servers only; omit when a proxy adds it). */
  apiKey?: string;
  /** @default "https://api.openai.com/v1" */
  baseUrl?: string;
  /** `OpenAI-Organization` header. */
  organization?: string;
  /** `OpenAI-Project` header. */
  project?: string;
}

/** The `include[]` query of run steps. */
export type RunStepInclude = "step_details.tool_calls[*].file_search.results[*].content";

/** An auto-paging list result: await for one page, `for await` for every object. */
export type ListResult<T> = PagePromise<CursorPage<T>, T>;

/** A run stream: the SSE response body for `readAssistantStream`. */
export type AssistantStreamBody = ReadableStream<Uint8Array>;

/** Parameters of {@link AssistantsClient.files.upload}. */
export interface AssistantFileUploadParams {
  /** @default "assistants" */
  purpose?: string;
  /** File name when `file` is a `Blob` without one. */
  name?: string;
  /**
   * Called as bytes go out. Progress is reported while uploading only where `XMLHttpRequest`
   * exists (browsers); elsewhere it is called once, when the upload is done.
   */
  onProgress?: (progress: UploadProgress) => void;
}

/** The Assistants API client (`OpenAI-Beta: assistants=v2`). */
export interface AssistantsClient {
  assistants: {
    /** `POST /assistants`. */
    create(params: AssistantCreateParams, options?: RequestOptions): Promise<Assistant>;
    /** `GET /assistants/{id}`. */
    retrieve(assistantId: string, options?: RequestOptions): Promise<Assistant>;
    /** `POST /assistants/{id}`. */
    update(
      assistantId: string,
      params: AssistantUpdateParams,
      options?: RequestOptions,
    ): Promise<Assistant>;
    /** `GET /assistants` — await for a page, `for await` for every object. */
    list(params?: AssistantsListParams, options?: RequestOptions): ListResult<Assistant>;
    /** `DELETE /assistants/{id}`. */
    delete(assistantId: string, options?: RequestOptions): Promise<AssistantDeleted>;
  };
  threads: {
    /** `POST /threads`. */
    create(params?: ThreadCreateParams, options?: RequestOptions): Promise<AssistantThread>;
    /** `GET /threads/{id}`. */
    retrieve(threadId: string, options?: RequestOptions): Promise<AssistantThread>;
    /** `POST /threads/{id}`. */
    update(
      threadId: string,
      params: ThreadUpdateParams,
      options?: RequestOptions,
    ): Promise<AssistantThread>;
    /** `DELETE /threads/{id}`. */
    delete(threadId: string, options?: RequestOptions): Promise<AssistantThreadDeleted>;
    /** `POST /threads/runs`: creates a thread and runs it. */
    createAndRun(params: ThreadCreateAndRunParams, options?: RequestOptions): Promise<Run>;
    /** `POST /threads/runs` with `stream: true`. */
    createAndRunStream(
      params: ThreadCreateAndRunParams,
      options?: RequestOptions,
    ): Promise<AssistantStreamBody>;
  };
  messages: {
    /** `POST /threads/{thread_id}/messages`. */
    create(
      threadId: string,
      params: MessageCreateParams,
      options?: RequestOptions,
    ): Promise<Message>;
    /** `GET /threads/{thread_id}/messages/{id}`. */
    retrieve(threadId: string, messageId: string, options?: RequestOptions): Promise<Message>;
    /** `POST /threads/{thread_id}/messages/{id}`. */
    update(
      threadId: string,
      messageId: string,
      params: { metadata?: Metadata | null },
      options?: RequestOptions,
    ): Promise<Message>;
    /** `GET /threads/{thread_id}/messages` — await for a page, `for await` for every object. */
    list(
      threadId: string,
      params?: AssistantsListParams & { run_id?: string },
      options?: RequestOptions,
    ): ListResult<Message>;
    /** `DELETE /threads/{thread_id}/messages/{id}`. */
    delete(threadId: string, messageId: string, options?: RequestOptions): Promise<MessageDeleted>;
  };
  runs: {
    /** `POST /threads/{thread_id}/runs`. */
    create(threadId: string, params: RunCreateParams, options?: RequestOptions): Promise<Run>;
    /** `POST /threads/{id}/runs` with `stream: true`. */
    createStream(
      threadId: string,
      params: RunCreateParams,
      options?: RequestOptions,
    ): Promise<AssistantStreamBody>;
    /** `GET /threads/{thread_id}/runs/{id}`. */
    retrieve(threadId: string, runId: string, options?: RequestOptions): Promise<Run>;
    /** `POST /threads/{thread_id}/runs/{id}`. */
    update(
      threadId: string,
      runId: string,
      params: { metadata?: Metadata | null },
      options?: RequestOptions,
    ): Promise<Run>;
    /** `GET /threads/{thread_id}/runs` — await for a page, `for await` for every object. */
    list(
      threadId: string,
      params?: AssistantsListParams,
      options?: RequestOptions,
    ): ListResult<Run>;
    /** `POST /threads/{thread_id}/runs/{id}/cancel`. */
    cancel(threadId: string, runId: string, options?: RequestOptions): Promise<Run>;
    /** `POST /threads/{thread_id}/runs/{id}/submit_tool_outputs`. */
    submitToolOutputs(
      threadId: string,
      runId: string,
      params: SubmitToolOutputsParams,
      options?: RequestOptions,
    ): Promise<Run>;
    /** `submit_tool_outputs` with `stream: true`: the run continues on the returned stream. */
    submitToolOutputsStream(
      threadId: string,
      runId: string,
      params: SubmitToolOutputsParams,
      options?: RequestOptions,
    ): Promise<AssistantStreamBody>;
  };
  files: {
    /** `POST /files`: a multipart upload (`file`, `purpose`); never retried. */
    upload(
      file: Blob,
      params?: AssistantFileUploadParams,
      options?: RequestOptions,
    ): Promise<AssistantFile>;
    /** `DELETE /files/{id}`. */
    delete(fileId: string, options?: RequestOptions): Promise<AssistantFileDeleted>;
  };
  steps: {
    /** `GET /threads/{thread_id}/runs/{run_id}/steps/{id}`. */
    retrieve(
      threadId: string,
      runId: string,
      stepId: string,
      params?: { include?: RunStepInclude[] },
      options?: RequestOptions,
    ): Promise<RunStep>;
    /** `GET /threads/{thread_id}/runs/{run_id}/steps` — await for a page, `for await` for every object. */
    list(
      threadId: string,
      runId: string,
      params?: AssistantsListParams & { include?: RunStepInclude[] },
      options?: RequestOptions,
    ): ListResult<RunStep>;
  };
}

/**
 * Creates a client for every Assistants API endpoint (`OpenAI-Beta: assistants=v2`). Objects are
 * validated; streaming calls resolve with the SSE body for `readAssistantStream`.
 *
 * @example
 * const api = createAssistantsClient({ baseUrl: "/api/openai" });
 * const body = await api.runs.createStream(threadId, { assistant_id: "asst_1" });
 */
export function createAssistantsClient(options: AssistantsClientOptions = {}): AssistantsClient {
  const base = (options.baseUrl ?? "https://api.openai.com/v1").replace(/\/+$/, "");
  const userHeaders = options.headers;
  const buildHeaders = async () => {
    const headers = new Headers({ "OpenAI-Beta": "assistants=v2" });
    if (options.apiKey) headers.set("authorization", `Bearer ${options.apiKey}`);
    if (options.organization) headers.set("openai-organization", options.organization);
    if (options.project) headers.set("openai-project", options.project);
    const extra = typeof userHeaders === "function" ? await userHeaders() : userHeaders;
    if (extra)
      new Headers(extra).forEach((value, key) => {
        headers.set(key, value);
      });
    return headers;
  };
  const http = createHttpClient({ ...options, headers: buildHeaders });
  const url = (...parts: string[]) => `${base}/${parts.map(encodeURIComponent).join("/")}`;
  const get = <T>(
    path: string,
    parse: (json: unknown) => T,
    call?: RequestOptions,
    query?: object,
  ) => http.json({ method: "GET", url: path, query: query as never }, call, parse);
  const post = <T>(
    path: string,
    json: unknown,
    parse: (json: unknown) => T,
    call?: RequestOptions,
    query?: object,
  ) =>
    http.json({ method: "POST", url: path, json: json ?? {}, query: query as never }, call, parse);
  // Creates a thread, message or run: a repeat after the server acted would create it twice.
  const create = <T>(
    path: string,
    json: unknown,
    parse: (json: unknown) => T,
    call?: RequestOptions,
    query?: object,
  ) =>
    http.json(
      { method: "POST", url: path, json: json ?? {}, query: query as never, idempotent: false },
      call,
      parse,
    );
  const del = <T>(path: string, parse: (json: unknown) => T, call?: RequestOptions) =>
    http.json({ method: "DELETE", url: path }, call, parse);
  const stream = (path: string, json: object, call?: RequestOptions, query?: object) =>
    http.stream(
      {
        method: "POST",
        url: path,
        json: { ...json, stream: true },
        query: query as never,
        // Every stream creates a run or posts tool outputs.
        idempotent: false,
      },
      call,
    );

  function list<T, P extends AssistantsListParams>(
    path: string,
    params: P,
    parse: (json: unknown) => T,
    call: RequestOptions | undefined,
    toQuery: (params: P) => object = (p) => p,
  ): ListResult<T> {
    const fetchPage = (p: P) => get(path, (json) => parseCursorPage(json, parse), call, toQuery(p));
    return new PagePromise(
      () => fetchPage(params),
      (page) => {
        const next = nextCursorParams(params, page);
        return next && fetchPage(next);
      },
      (page) => page.data,
    );
  }

  const withInclude = <P extends { include?: RunStepInclude[] }>(params: P) => {
    const { include, ...rest } = params;
    return include ? { ...rest, "include[]": include } : rest;
  };

  return {
    assistants: {
      create: (params, call) => create(url("assistants"), params, parseAssistant, call),
      retrieve: (id, call) => get(url("assistants", id), parseAssistant, call),
      update: (id, params, call) => post(url("assistants", id), params, parseAssistant, call),
      list: (params = {}, call) => list(url("assistants"), params, parseAssistant, call),
      delete: (id, call) => del(url("assistants", id), parseDeleted, call),
    },
    threads: {
      create: (params = {}, call) => create(url("threads"), params, parseAssistantThread, call),
      retrieve: (id, call) => get(url("threads", id), parseAssistantThread, call),
      update: (id, params, call) => post(url("threads", id), params, parseAssistantThread, call),
      delete: (id, call) => del(url("threads", id), parseDeleted<AssistantThreadDeleted>, call),
      createAndRun: (params, call) => create(url("threads", "runs"), params, parseRun, call),
      createAndRunStream: (params, call) => stream(url("threads", "runs"), params, call),
    },
    messages: {
      create: (tid, params, call) =>
        create(url("threads", tid, "messages"), params, parseMessage, call),
      retrieve: (tid, mid, call) => get(url("threads", tid, "messages", mid), parseMessage, call),
      update: (tid, mid, params, call) =>
        post(url("threads", tid, "messages", mid), params, parseMessage, call),
      list: (tid, params = {}, call) =>
        list(url("threads", tid, "messages"), params, parseMessage, call),
      delete: (tid, mid, call) =>
        del(url("threads", tid, "messages", mid), parseDeleted<MessageDeleted>, call),
    },
    runs: {
      create: (tid, params, call) => {
        const { include, ...body } = params;
        return create(
          url("threads", tid, "runs"),
          body,
          parseRun,
          call,
          include ? { "include[]": include } : undefined,
        );
      },
      createStream: (tid, params, call) => {
        const { include, ...body } = params;
        return stream(
          url("threads", tid, "runs"),
          body,
          call,
          include ? { "include[]": include } : undefined,
        );
      },
      retrieve: (tid, rid, call) => get(url("threads", tid, "runs", rid), parseRun, call),
      update: (tid, rid, params, call) =>
        post(url("threads", tid, "runs", rid), params, parseRun, call),
      list: (tid, params = {}, call) => list(url("threads", tid, "runs"), params, parseRun, call),
      cancel: (tid, rid, call) =>
        post(url("threads", tid, "runs", rid, "cancel"), {}, parseRun, call),
      submitToolOutputs: (tid, rid, params, call) =>
        create(url("threads", tid, "runs", rid, "submit_tool_outputs"), params, parseRun, call),
      submitToolOutputsStream: (tid, rid, params, call) =>
        stream(url("threads", tid, "runs", rid, "submit_tool_outputs"), params, call),
    },
    files: {
      async upload(file, params = {}, call = {}) {
        const form = new FormData();
        form.append("purpose", params.purpose ?? "assistants");
        const name = params.name ?? (file as Partial<File>).name ?? "file";
        form.append("file", file, name);
        const headers = await buildHeaders();
        if (call.headers)
          new Headers(call.headers).forEach((value, key) => {
            headers.set(key, value);
          });
        // The byte upload loads with the protocol client's deferred half, which re-exports it
        // (one chunk for both clients); a failed load rejects before any byte goes out.
        const { uploadBytes } = await loadResponseParsers();
        const response = await uploadBytes(http, {
          url: url("files"),
          method: "POST",
          body: form,
          size: file.size,
          headers,
          onProgress: params.onProgress,
          signal: call.signal,
          timeoutMs: call.timeoutMs ?? options.timeoutMs,
        });
        return parseAssistantFile(parseJsonText(await response.text(), "file upload JSON"));
      },
      delete: (id, call) => del(url("files", id), parseDeleted<AssistantFileDeleted>, call),
    },
    steps: {
      retrieve: (tid, rid, sid, params = {}, call) =>
        get(
          url("threads", tid, "runs", rid, "steps", sid),
          parseRunStep,
          call,
          withInclude(params),
        ),
      list: (tid, rid, params = {}, call) =>
        list(url("threads", tid, "runs", rid, "steps"), params, parseRunStep, call, withInclude),
    },
  };
}
