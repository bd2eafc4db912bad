import * as v from "valibot";
import type { ThreadItem } from "../chatkit/thread-item";
import { ValidationError } from "../errors";
import { validationErrorFromIssues } from "../errors/issues";
import { createHttpClient, type HttpClientOptions, type RequestOptions } from "../http/client";
import { nextCursorParams, PagePromise } from "../http/pagination";
import { type NormalizedPage, normalizeChatKitRestItemsPage } from "./normalize";
import {
  chatKitThreadDeletedSchema,
  chatKitThreadSchema,
  chatSessionSchema,
  restPageSchema,
} from "./schema";
import type {
  ChatKitCursorPage,
  ChatKitThread,
  ChatKitThreadDeleted,
  ChatKitThreadItemListParams,
  ChatKitThreadListParams,
  ChatSession,
  ChatSessionCreateParams,
} from "./types";

/** Options of {@link createChatKitRestClient}. */
export interface ChatKitRestClientOptions extends HttpClientOptions {
  /**
   * API key sent as `Authorization: Bearer …`. Only on servers: never ship an API key to a
   * browser. Omit it when `headers` or a proxying `fetch` add the credentials.
   */
  apiKey?: string;
  /** @default "https://api.openai.com/v1" */
  baseUrl?: string;
}

/** The hosted ChatKit REST client. */
export interface ChatKitRestClient {
  sessions: {
    /** `POST /chatkit/sessions`: mints a session and its client secret. */
    create(params: ChatSessionCreateParams, options?: RequestOptions): Promise<ChatSession>;
    /** `POST /chatkit/sessions/{id}/cancel`: invalidates the client secret. */
    cancel(sessionId: string, options?: RequestOptions): Promise<ChatSession>;
  };
  threads: {
    /** `GET /chatkit/threads`: await for one page, `for await` for every thread. */
    list(
      params?: ChatKitThreadListParams,
      options?: RequestOptions,
    ): PagePromise<ChatKitCursorPage<ChatKitThread>, ChatKitThread>;
    /** `GET /chatkit/threads/{id}`. */
    retrieve(threadId: string, options?: RequestOptions): Promise<ChatKitThread>;
    /** `DELETE /chatkit/threads/{id}`. */
    delete(threadId: string, options?: RequestOptions): Promise<ChatKitThreadDeleted>;
    /**
     * `GET /chatkit/threads/{id}/items`, normalized to canonical `ThreadItem`s (see
     * `normalizeChatKitRestItem`). Await for one page, `for await` for every item.
     */
    listItems(
      threadId: string,
      params?: ChatKitThreadItemListParams,
      options?: RequestOptions,
    ): PagePromise<NormalizedPage<ThreadItem>, ThreadItem>;
  };
}

function parseWith<T>(schema: v.GenericSchema, subject: string): (json: unknown) => T {
  return (json) => {
    const result = v.safeParse(schema, json);
    if (!result.success) throw validationErrorFromIssues(subject, result.issues, json);
    return result.output as T;
  };
}

const parseSession = parseWith<ChatSession>(chatSessionSchema, "ChatKit session");
const parseThread = parseWith<ChatKitThread>(chatKitThreadSchema, "ChatKit thread");

function parseThreadsPage(json: unknown): ChatKitCursorPage<ChatKitThread> {
  const page = parseWith<ChatKitCursorPage<unknown>>(restPageSchema, "ChatKit thread page")(json);
  const data = page.data.map((thread, index) => {
    try {
      return parseThread(thread);
    } catch (error) {
      if (error instanceof ValidationError) throw error.withPrefix(["data", index]);
      throw error;
    }
  });
  return {
    ...page,
    object: "list",
    data,
    first_id: page.first_id ?? null,
    last_id: page.last_id ?? null,
  };
}

/**
 * Creates a client for the hosted ChatKit REST API (`OpenAI-Beta: chatkit_beta=v1`). Every
 * answer is validated; errors are typed (`APIError`, `ConnectionError`, `TimeoutError`,
 * `AbortError`, `ValidationError`).
 *
 * @example
 * const rest = createChatKitRestClient({ apiKey: process.env.OPENAI_API_KEY });
 * for await (const item of rest.threads.listItems("cthr_123", { order: "asc" })) render(item);
 */
export function createChatKitRestClient(options: ChatKitRestClientOptions = {}): ChatKitRestClient {
  const base = (options.baseUrl ?? "https://api.openai.com/v1").replace(/\/+$/, "");
  const userHeaders = options.headers;
  const http = createHttpClient({
    ...options,
    headers: async () => {
      const headers = new Headers({ "OpenAI-Beta": "chatkit_beta=v1" });
      if (options.apiKey) headers.set("authorization", `Bearer ${options.apiKey}`);
      const extra = typeof userHeaders === "function" ? await userHeaders() : userHeaders;
      if (extra)
        new Headers(extra).forEach((value, key) => {
          headers.set(key, value);
        });
      return headers;
    },
  });
  const url = (path: string) => `${base}${path}`;
  const id = (value: string) => encodeURIComponent(value);

  return {
    sessions: {
      create: (params, call) =>
        http.json(
          { method: "POST", url: url("/chatkit/sessions"), json: params },
          call,
          parseSession,
        ),
      cancel: (sessionId, call) =>
        http.json(
          { method: "POST", url: url(`/chatkit/sessions/${id(sessionId)}/cancel`) },
          call,
          parseSession,
        ),
    },
    threads: {
      list(params = {}, call) {
        const fetchPage = (query: ChatKitThreadListParams) =>
          http.json(
            { method: "GET", url: url("/chatkit/threads"), query: { ...query } },
            call,
            parseThreadsPage,
          );
        return new PagePromise(
          () => fetchPage(params),
          (page) => {
            const next = nextCursorParams(params, page);
            return next && fetchPage(next);
          },
          (page) => page.data,
        );
      },
      retrieve: (threadId, call) =>
        http.json(
          { method: "GET", url: url(`/chatkit/threads/${id(threadId)}`) },
          call,
          parseThread,
        ),
      delete: (threadId, call) =>
        http.json(
          { method: "DELETE", url: url(`/chatkit/threads/${id(threadId)}`) },
          call,
          parseWith<ChatKitThreadDeleted>(chatKitThreadDeletedSchema, "deletion result"),
        ),
      listItems(threadId, params = {}, call) {
        const fetchPage = (query: ChatKitThreadItemListParams) =>
          http.json(
            {
              method: "GET",
              url: url(`/chatkit/threads/${id(threadId)}/items`),
              query: { ...query },
            },
            call,
            (json) => normalizeChatKitRestItemsPage(json, { threadId }),
          );
        return new PagePromise(
          () => fetchPage(params),
          (page) => {
            const next = nextCursorParams(params, page);
            return next && fetchPage(next);
          },
          (page) => page.data,
        );
      },
    },
  };
}
