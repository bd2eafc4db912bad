import type { Context, Hono } from "hono";
import type { AppEnv } from "./app-env";
import { registerFileRoutes, seedScriptFiles } from "./assistants-files";
import {
  type ApiObject,
  KIND,
  messageObject,
  runObject,
  TERMINAL_RUN_STATUSES,
  textContent,
} from "./assistants-objects";
import { RunEngine, type RunEvent } from "./assistants-runs";
import { readJson, readRestPage, toRestList } from "./rest-chatkit";
import type { DevServices } from "./services";
import { namedFrame, sseResponse } from "./sse";
import { asObject, badRequest, createId, HttpError, notFound, toUnix } from "./util";

type Body = Record<string, unknown>;

async function body(c: Context<AppEnv>): Promise<Body> {
  const value = asObject(await readJson(c));
  if (!value) throw badRequest("Request body must be a JSON object.");
  return value;
}

function metadataOf(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  const obj = asObject(value);
  if (!obj) throw badRequest("metadata must be an object.", "metadata");
  if (Object.keys(obj).length > 16)
    throw badRequest("metadata may have at most 16 keys.", "metadata");
  return obj;
}

function contentOf(value: unknown, where: string): Record<string, unknown>[] {
  if (typeof value === "string") return [textContent(value)];
  if (Array.isArray(value)) {
    return value.map((part, index) => {
      const obj = asObject(part);
      if (obj?.type === "text" && typeof obj.text === "string") return textContent(obj.text);
      if (obj && (obj.type === "image_url" || obj.type === "image_file")) return obj;
      throw badRequest(`${where}[${index}] must be a text, image_url or image_file part.`, where);
    });
  }
  throw badRequest(`${where} must be a string or an array of content parts.`, where);
}

/**
 * The Assistants API (v2) under `/v1`: assistants, threads, messages, runs and run steps, and
 * the file reads (`/v1/files/:id`, `/v1/files/:id/content`) for the files scripted runs cite.
 */
export function registerAssistantsRoutes(app: Hono<AppEnv>, services: DevServices): void {
  const { store } = services;
  seedScriptFiles(services);
  registerFileRoutes(app, services);
  const engine = new RunEngine(services);
  const now = () => toUnix(services.clock.now());
  const get = (kind: string, id: string, label: string, parent?: string) => {
    const found = store.getObject<ApiObject>(kind, id, parent);
    if (!found) throw notFound(label, id);
    return found;
  };
  const deleted = (id: string, object: string) => ({ id, object, deleted: true });

  // ---- assistants ----
  const assistantFields = (input: Body, base: ApiObject): ApiObject => {
    const next: ApiObject = { ...base };
    for (const key of [
      "name",
      "description",
      "instructions",
      "model",
      "temperature",
      "top_p",
      "response_format",
      "reasoning_effort",
    ]) {
      if (key in input) next[key] = input[key];
    }
    if ("tools" in input) {
      if (!Array.isArray(input.tools)) throw badRequest("tools must be an array.", "tools");
      next.tools = input.tools;
    }
    if ("metadata" in input) next.metadata = metadataOf(input.metadata);
    return next;
  };
  app.get("/v1/assistants", (c) =>
    c.json(
      toRestList(store.listObjects<ApiObject>(KIND.assistant, null, readRestPage(c)), (a) => a),
    ),
  );
  app.post("/v1/assistants", async (c) => {
    const input = await body(c);
    if (typeof input.model !== "string" || !input.model)
      throw badRequest("model is required.", "model");
    const base: ApiObject = {
      id: createId("asst", 12),
      object: "assistant",
      created_at: now(),
      name: null,
      description: null,
      model: input.model,
      instructions: null,
      tools: [],
      tool_resources: {},
      metadata: {},
      temperature: 1,
      top_p: 1,
      response_format: "auto",
      reasoning_effort: null,
    };
    const assistant = assistantFields(input, base);
    store.putObject(KIND.assistant, assistant);
    return c.json(assistant);
  });
  app.get("/v1/assistants/:id", (c) => c.json(get(KIND.assistant, c.req.param("id"), "assistant")));
  app.post("/v1/assistants/:id", async (c) => {
    const assistant = assistantFields(
      await body(c),
      get(KIND.assistant, c.req.param("id"), "assistant"),
    );
    store.putObject(KIND.assistant, assistant);
    return c.json(assistant);
  });
  app.delete("/v1/assistants/:id", (c) => {
    const id = c.req.param("id");
    if (!store.deleteObject(KIND.assistant, id)) throw notFound("assistant", id);
    return c.json(deleted(id, "assistant.deleted"));
  });

  // ---- threads ----
  /** Validates every message before any is stored, so a bad one loses nothing. */
  const buildMessages = (threadId: string, raw: unknown, where: string): ApiObject[] => {
    const list = raw ?? [];
    if (!Array.isArray(list)) throw badRequest(`${where} must be an array.`, where);
    return list.map((m, index) =>
      buildMessage(
        threadId,
        asObject(m) ?? badRequestThrow(`${where}[${index}] must be an object.`),
        `${where}[${index}]`,
      ),
    );
  };
  const buildMessage = (threadId: string, input: Body, where: string): ApiObject => {
    const role = input.role;
    if (role !== "user" && role !== "assistant")
      throw badRequest(`${where}.role must be "user" or "assistant".`, `${where}.role`);
    const message = messageObject({
      id: createId("msg", 12),
      threadId,
      createdAt: now(),
      role,
      content: contentOf(input.content, `${where}.content`),
      metadata: metadataOf(input.metadata),
      attachments: Array.isArray(input.attachments) ? input.attachments : [],
    });
    return message;
  };
  const storeMessages = (messages: ApiObject[]) => {
    for (const message of messages)
      store.putObject(KIND.message, message, String(message.thread_id));
  };
  const createThread = (input: Body): ApiObject => {
    const thread: ApiObject = {
      id: createId("thread", 12),
      object: "thread",
      created_at: now(),
      metadata: metadataOf(input.metadata),
      tool_resources: {},
    };
    const messages = buildMessages(thread.id, input.messages, "messages");
    store.putObject(KIND.thread, thread);
    storeMessages(messages);
    return thread;
  };
  const thread = (c: Context<AppEnv>) => get(KIND.thread, c.req.param("thread_id") ?? "", "thread");
  app.post("/v1/threads", async (c) => c.json(createThread(await body(c))));
  // Registered before `/v1/threads/:thread_id` so that "runs" is not read as a thread id.
  app.post("/v1/threads/runs", (c) => createAndRun(c));
  app.get("/v1/threads/:thread_id", (c) => c.json(thread(c)));
  app.post("/v1/threads/:thread_id", async (c) => {
    const input = await body(c);
    const next = {
      ...thread(c),
      ...("metadata" in input ? { metadata: metadataOf(input.metadata) } : {}),
    };
    store.putObject(KIND.thread, next);
    return c.json(next);
  });
  app.delete("/v1/threads/:thread_id", (c) => {
    const found = thread(c);
    store.deleteObject(KIND.thread, found.id);
    return c.json(deleted(found.id, "thread.deleted"));
  });

  // ---- messages ----
  app.get("/v1/threads/:thread_id/messages", (c) => {
    const found = thread(c);
    return c.json(
      toRestList(
        store.listObjects<ApiObject>(KIND.message, found.id, readRestPage(c), runFilter(c)),
        (m) => m,
      ),
    );
  });
  app.post("/v1/threads/:thread_id/messages", async (c) => {
    const found = thread(c);
    const active = store
      .allObjects<ApiObject>(KIND.run, found.id)
      .find((run) => !TERMINAL_RUN_STATUSES.includes(String(run.status)));
    if (active)
      throw badRequest(
        `Can't add messages to ${found.id} while a run ${active.id} is active.`,
        "thread_id",
      );
    const message = buildMessage(found.id, await body(c), "body");
    storeMessages([message]);
    return c.json(message);
  });
  const message = (c: Context<AppEnv>) =>
    get(KIND.message, c.req.param("message_id") ?? "", "message", thread(c).id);
  app.get("/v1/threads/:thread_id/messages/:message_id", (c) => c.json(message(c)));
  app.post("/v1/threads/:thread_id/messages/:message_id", async (c) => {
    const input = await body(c);
    const found = message(c);
    const next = {
      ...found,
      ...("metadata" in input ? { metadata: metadataOf(input.metadata) } : {}),
    };
    store.putObject(KIND.message, next, String(found.thread_id));
    return c.json(next);
  });
  app.delete("/v1/threads/:thread_id/messages/:message_id", (c) => {
    const found = message(c);
    store.deleteObject(KIND.message, found.id);
    return c.json(deleted(found.id, "thread.message.deleted"));
  });

  // ---- runs ----
  const answer = (
    c: Context<AppEnv>,
    stream: boolean,
    events: AsyncGenerator<RunEvent>,
    first: ApiObject,
    prefix: RunEvent[] = [],
  ) => {
    if (!stream) {
      engine.drain(events);
      return c.json(first);
    }
    async function* frames() {
      for (const [event, data] of prefix) yield namedFrame(event, data);
      for await (const [event, data] of events) yield namedFrame(event, data);
      yield namedFrame("done", "[DONE]");
    }
    return sseResponse(frames(), { dropAfter: c.get("info").faults.dropAfter });
  };
  const startRun = (threadId: string, input: Body): ApiObject => {
    if (typeof input.assistant_id !== "string")
      throw badRequest("assistant_id is required.", "assistant_id");
    const assistant = get(KIND.assistant, input.assistant_id, "assistant");
    const active = store
      .allObjects<ApiObject>(KIND.run, threadId)
      .find((run) => !TERMINAL_RUN_STATUSES.includes(String(run.status)));
    if (active)
      throw badRequest(`Thread ${threadId} already has an active run ${active.id}.`, "thread_id");
    storeMessages(buildMessages(threadId, input.additional_messages, "additional_messages"));
    const run = runObject({
      id: createId("run", 12),
      threadId,
      assistant,
      createdAt: now(),
      instructions: input.instructions,
      model: input.model,
      tools: input.tools,
      metadata: metadataOf(input.metadata),
    });
    store.putObject(KIND.run, run, threadId);
    return run;
  };
  async function createAndRun(c: Context<AppEnv>) {
    const input = await body(c);
    if (typeof input.assistant_id !== "string")
      throw badRequest("assistant_id is required.", "assistant_id");
    get(KIND.assistant, input.assistant_id, "assistant");
    const created = createThread(asObject(input.thread) ?? {});
    const run = startRun(created.id, input);
    return answer(c, input.stream === true, engine.start(run), run, [["thread.created", created]]);
  }
  app.post("/v1/threads/:thread_id/runs", async (c) => {
    const input = await body(c);
    const run = startRun(thread(c).id, input);
    return answer(c, input.stream === true, engine.start(run), run);
  });
  app.get("/v1/threads/:thread_id/runs", (c) =>
    c.json(
      toRestList(store.listObjects<ApiObject>(KIND.run, thread(c).id, readRestPage(c)), (r) => r),
    ),
  );
  const run = (c: Context<AppEnv>) =>
    get(KIND.run, c.req.param("run_id") ?? "", "run", thread(c).id);
  app.get("/v1/threads/:thread_id/runs/:run_id", (c) => c.json(run(c)));
  app.post("/v1/threads/:thread_id/runs/:run_id", async (c) => {
    const input = await body(c);
    const found = run(c);
    const next = {
      ...found,
      ...("metadata" in input ? { metadata: metadataOf(input.metadata) } : {}),
    };
    store.putObject(KIND.run, next, String(found.thread_id));
    return c.json(next);
  });
  app.post("/v1/threads/:thread_id/runs/:run_id/submit_tool_outputs", async (c) => {
    const input = await body(c);
    const found = run(c);
    if (found.status !== "requires_action") {
      throw new HttpError(
        400,
        `Runs in status "${String(found.status)}" do not accept tool outputs.`,
        "invalid_request_error",
        "run_not_requires_action",
      );
    }
    const raw = input.tool_outputs;
    if (!Array.isArray(raw) || raw.length === 0)
      throw badRequest("tool_outputs must be a non-empty array.", "tool_outputs");
    const outputs = raw.map((entry, index) => {
      const obj = asObject(entry);
      if (!obj || typeof obj.tool_call_id !== "string")
        throw badRequest(`tool_outputs[${index}].tool_call_id is required.`, "tool_outputs");
      return {
        tool_call_id: obj.tool_call_id,
        output: typeof obj.output === "string" ? obj.output : JSON.stringify(obj.output ?? ""),
      };
    });
    const events = engine.resume(found, outputs);
    // Validate before answering: the first step throws on missing outputs.
    const first = await events.next();
    async function* rest(): AsyncGenerator<RunEvent> {
      if (!first.done) yield first.value;
      yield* events;
    }
    return answer(c, input.stream === true, rest(), {
      ...found,
      status: "queued",
      required_action: null,
    });
  });
  app.post("/v1/threads/:thread_id/runs/:run_id/cancel", (c) => c.json(engine.cancel(run(c))));
  app.get("/v1/threads/:thread_id/runs/:run_id/steps", (c) => {
    const found = run(c);
    return c.json(
      toRestList(store.listObjects<ApiObject>(KIND.step, found.id, readRestPage(c)), (s) => s),
    );
  });
  app.get("/v1/threads/:thread_id/runs/:run_id/steps/:step_id", (c) =>
    c.json(get(KIND.step, c.req.param("step_id"), "run step", run(c).id)),
  );
}

function runFilter(c: Context<AppEnv>): { field: string; value: string } | undefined {
  const runId = c.req.query("run_id");
  return runId ? { field: "run_id", value: runId } : undefined;
}

function badRequestThrow(message: string): never {
  throw badRequest(message);
}
