/**
 * The `ThreadBackend` of each client the provider may hold, one per client (and, for the
 * Assistants API, per assistant): the only place hooks build backends. The hosted REST and
 * Assistants adapters are loaded with a dynamic `import()` on their first call, so an app that
 * only speaks the ChatKit protocol does not bundle them.
 */
import type {
  AssistantsClient,
  ChatKitClient,
  ChatKitRestClient,
  RunCreateParams,
  ThreadBackend,
  ThreadBackendCapabilities,
} from "@threadkit/core";
import { chatKitBackendCalls } from "@threadkit/core/internal";
import { loadedRunRuntime, loadRunRuntime } from "./load-run-runtime";

/** How `useRunStream` runs an assistant (Assistants API). */
export interface AssistantRunOptions {
  /** The assistant to run. */
  assistantId: string;
  /** Extra run parameters (model, instructions, tools, …). */
  params?: Omit<RunCreateParams, "assistant_id" | "additional_messages">;
  /**
   * Maps an OpenAI file id (images, code interpreter outputs) to a URL the browser may load.
   * Default: `openai-file:<id>`, which renderers treat as not loadable.
   */
  fileUrl?: (fileId: string) => string;
}

/**
 * What the hosted REST adapter can do (`createChatKitRestBackend`'s `capabilities`, known before
 * the adapter loads).
 */
export const REST_CAPABILITIES: ThreadBackendCapabilities = Object.freeze({
  run: false,
  rename: false,
  delete: true,
  feedback: false,
  attachments: false,
  customActions: false,
  transcribe: false,
});

/** What the Assistants adapter can do (`createAssistantsBackend`'s `capabilities`). */
export const ASSISTANTS_CAPABILITIES: ThreadBackendCapabilities = Object.freeze({
  run: true,
  rename: false,
  delete: true,
  feedback: false,
  attachments: true,
  customActions: false,
  transcribe: false,
});

/**
 * The calls of a `ThreadBackend` besides `run`, each forwarded as it is by {@link lazyBackend}
 * (a record, so a call added to `ThreadBackend` and missing here fails to compile).
 */
const BACKEND_CALLS: Record<Exclude<keyof ThreadBackend, "capabilities" | "run">, 0> = {
  listThreads: 0,
  getThread: 0,
  listItems: 0,
  renameThread: 0,
  deleteThread: 0,
  feedback: 0,
  createAttachment: 0,
  uploadAttachment: 0,
  deleteAttachment: 0,
  syncCustomAction: 0,
  transcribe: 0,
};

/**
 * A `ThreadBackend` that loads the real one on its first call (a failed load is tried again on
 * the next call). `capabilities` are known up front.
 */
export function lazyBackend(
  capabilities: ThreadBackendCapabilities,
  load: () => Promise<ThreadBackend>,
): ThreadBackend {
  let loading: Promise<ThreadBackend> | null = null;
  const get = () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  const backend: Pick<ThreadBackend, "capabilities" | "run"> & Record<string, unknown> = {
    capabilities,
    async *run(operation, signal, options) {
      yield* (await get()).run(operation, signal, options);
    },
  };
  for (const call of Object.keys(BACKEND_CALLS) as (keyof typeof BACKEND_CALLS)[]) {
    backend[call] = async (...args: unknown[]) =>
      ((await get())[call] as (...args: unknown[]) => unknown)(...args);
  }
  return backend as unknown as ThreadBackend;
}

const chatKitBackends = new WeakMap<ChatKitClient, ThreadBackend>();

/**
 * The backend of a ChatKit protocol client (one per client): core's `createChatKitBackend`, with
 * its `run` (the stream reading) in the lazy run runtime.
 */
export function chatKitBackendFor(client: ChatKitClient): ThreadBackend {
  let backend = chatKitBackends.get(client);
  if (backend === undefined) {
    backend = chatKitBackendCalls(client, async function* run(operation, signal, options) {
      const runtime = loadedRunRuntime() ?? (await loadRunRuntime());
      yield* runtime.runChatKitStream(client, operation, signal, options);
    });
    chatKitBackends.set(client, backend);
  }
  return backend;
}

const restBackends = new WeakMap<ChatKitRestClient, ThreadBackend>();

/** The backend of a hosted ChatKit REST client (one per client; the adapter loads lazily). */
export function restBackendFor(client: ChatKitRestClient): ThreadBackend {
  let backend = restBackends.get(client);
  if (backend === undefined) {
    backend = lazyBackend(REST_CAPABILITIES, async () => {
      const { createChatKitRestBackend } = await import("@threadkit/core/rest");
      return createChatKitRestBackend({ client });
    });
    restBackends.set(client, backend);
  }
  return backend;
}

/** An Assistants backend with the `fileUrl` it was last asked for. */
interface AssistantsEntry {
  backend: ThreadBackend;
  fileUrl: ((fileId: string) => string) | undefined;
}

const assistantsBackends = new WeakMap<AssistantsClient, Map<string, AssistantsEntry>>();

/**
 * The backend of an Assistants client: one per client and assistant (id and run parameters), so
 * a run and the tool outputs that continue it share one adapter; without an assistant, one that
 * reads and manages threads only. The newest `fileUrl` given is used at each call, so a new
 * function each render keeps the same backend. The adapter loads lazily.
 */
export function assistantsBackendFor(
  client: AssistantsClient,
  options: {
    readonly assistantId?: string | undefined;
    readonly params?: AssistantRunOptions["params"] | undefined;
    readonly fileUrl?: ((fileId: string) => string) | undefined;
  } = {},
): ThreadBackend {
  let byAssistant = assistantsBackends.get(client);
  if (byAssistant === undefined) {
    byAssistant = new Map();
    assistantsBackends.set(client, byAssistant);
  }
  const key = JSON.stringify([options.assistantId ?? null, options.params ?? null]);
  let entry = byAssistant.get(key);
  if (entry === undefined) {
    const created: AssistantsEntry = {
      fileUrl: options.fileUrl,
      backend: lazyBackend(ASSISTANTS_CAPABILITIES, async () => {
        const { createAssistantsBackend } = await import("@threadkit/core/assistants");
        return createAssistantsBackend({
          client,
          assistantId: options.assistantId,
          params: options.params,
          // Images resolve with the newest `fileUrl`; without one, the adapter's default.
          fileUrl: (fileId) => created.fileUrl?.(fileId) ?? `openai-file:${fileId}`,
        });
      }),
    };
    entry = created;
    byAssistant.set(key, entry);
  }
  // A caller without `fileUrl` (the thread list) leaves the one given before.
  if (options.fileUrl !== undefined) entry.fileUrl = options.fileUrl;
  return entry.backend;
}
