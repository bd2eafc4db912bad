/**
 * @vitest-environment node
 *
 * The run engine without React: a runner over a `ThreadBackend` written here (any adapter that
 * yields ChatKit event batches), and the rule that the engine folder imports no React.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type {
  ClientToolCallItem,
  ThreadBackend,
  ThreadRunBatch,
  ThreadRunOperation,
  ThreadRunOptions,
} from "@threadkit/core";
import { createAssistantMessage, createUserMessage, textDelta } from "@threadkit/core/testing";
import { createThreadStore, type ThreadStore } from "../thread/thread-store";
import { loadedRunRuntime, loadRunRuntime } from "./load-run-runtime";
import { RunEngine, type RunEngineDeps } from "./run-engine";

const here = path.dirname(fileURLToPath(import.meta.url));

/** A backend answering each run with scripted batches, recording the operations it got. */
function scriptedBackend(script: (operation: ThreadRunOperation) => ThreadRunBatch[]) {
  const operations: ThreadRunOperation[] = [];
  const unused = () => Promise.reject(new Error("not used by runs"));
  const backend: ThreadBackend = {
    capabilities: {
      run: true,
      rename: false,
      delete: false,
      feedback: false,
      attachments: false,
      customActions: false,
      transcribe: false,
    },
    listThreads: unused,
    getThread: unused,
    listItems: unused,
    renameThread: unused,
    deleteThread: unused,
    feedback: unused,
    createAttachment: unused,
    uploadAttachment: unused,
    deleteAttachment: unused,
    syncCustomAction: unused,
    transcribe: unused,
    async *run(operation, _signal?: AbortSignal, options?: ThreadRunOptions) {
      operations.push(operation);
      options?.onAccepted?.();
      for (const batch of script(operation)) yield batch;
    },
  };
  return { backend, operations };
}

function engineOver(backend: ThreadBackend, overrides: Partial<RunEngineDeps> = {}) {
  const stores = new Map<string | null, ThreadStore>();
  const getStore = (id: string | null) => {
    let store = stores.get(id);
    if (!store) {
      store = createThreadStore(id);
      stores.set(id, store);
    }
    return store;
  };
  const engine = new RunEngine(null, {
    getRoute: () => ({ kind: "backend", backend }),
    getStore,
    adoptDraft: (store, id) => stores.set(id, store),
    getClientTools: () => undefined,
    throttleMs: 1,
    maxToolRoundTrips: 3,
    getIdleTimeoutMs: () => 0,
    getReauthenticate: () => undefined,
    runtime: { loaded: loadedRunRuntime, load: loadRunRuntime },
    onThreadCreated: () => {},
    onEffect: () => {},
    onError: () => {},
    log: () => {},
    ...overrides,
  });
  return { engine, getStore };
}

const thread = {
  id: "thr_1",
  created_at: "2026-01-01T00:00:00",
  status: { type: "active" as const },
  items: { data: [], has_more: false },
};

const toolCall = (status: "pending" | "completed"): ClientToolCallItem => ({
  type: "client_tool_call",
  id: "call_item",
  thread_id: "thr_1",
  created_at: "2026-01-01T00:00:00",
  status,
  call_id: "call_1",
  name: "weather",
  arguments: { city: "Oslo" },
});

describe("RunEngine over a ThreadBackend", () => {
  it("sends a first message: creates the thread, confirms the message and streams the reply", async () => {
    const { backend, operations } = scriptedBackend(() => [
      [{ type: "thread.created", thread }],
      [
        { type: "thread.item.done", item: createUserMessage("msg_user", "Hi") },
        { type: "thread.item.added", item: createAssistantMessage("msg_reply", [""]) },
        textDelta("msg_reply", "Hel"),
      ],
      [textDelta("msg_reply", "lo")],
    ]);
    const created: string[] = [];
    const { engine, getStore } = engineOver(backend, { onThreadCreated: (id) => created.push(id) });
    const result = await engine.send("Hi");

    expect(operations).toEqual([
      {
        type: "create_thread",
        input: {
          content: [{ type: "input_text", text: "Hi" }],
          attachments: [],
          inference_options: {},
        },
      },
    ]);
    expect(result).toMatchObject({
      status: "done",
      threadId: "thr_1",
      accepted: true,
      userMessageId: "msg_user",
    });
    expect(created).toEqual(["thr_1"]);
    expect(engine.getSnapshot()).toMatchObject({ status: "idle", threadId: "thr_1" });
    const state = getStore("thr_1").getState();
    // The optimistic copy left when the server's copy arrived.
    expect(state.itemIds).toEqual(["msg_user", "msg_reply"]);
    expect(state.itemsById.get("msg_reply")).toMatchObject({ content: [{ text: "Hello" }] });
  });

  it("runs a pending client tool and posts its output, completing the call in the store", async () => {
    const { backend, operations } = scriptedBackend((operation) =>
      operation.type === "client_tool_output"
        ? [[{ type: "thread.item.done", item: createAssistantMessage("msg_done", ["Sunny"]) }]]
        : [[{ type: "thread.item.done", item: toolCall("pending") }]],
    );
    const handler = vi.fn(async () => ({ sky: "clear" }));
    const { engine, getStore } = engineOver(backend, {
      getClientTools: () => ({ weather: handler }),
    });
    engine.setThread("thr_1");
    const result = await engine.customAction({ type: "look", payload: {} });

    expect(result.status).toBe("done");
    expect(handler).toHaveBeenCalledWith(
      { city: "Oslo" },
      { name: "weather", callId: "call_1", threadId: "thr_1", itemId: "call_item" },
    );
    expect(operations.map((operation) => operation.type)).toEqual([
      "custom_action",
      "client_tool_output",
    ]);
    expect(operations[1]).toEqual({
      type: "client_tool_output",
      threadId: "thr_1",
      result: { sky: "clear" },
    });
    expect(getStore("thr_1").getState().itemsById.get("call_item")).toMatchObject({
      status: "completed",
      output: { sky: "clear" },
    });
  });

  it("stops a client tool loop at maxToolRoundTrips with ClientToolError", async () => {
    const { backend, operations } = scriptedBackend(() => [
      [{ type: "thread.item.done", item: { ...toolCall("pending"), id: `call_${Math.random()}` } }],
    ]);
    const { engine } = engineOver(backend, { getClientTools: () => ({ weather: () => "again" }) });
    engine.setThread("thr_1");
    const result = await engine.customAction({ type: "look", payload: {} });
    expect(result.status).toBe("error");
    expect(result.error?.name).toBe("ClientToolError");
    expect(operations).toHaveLength(4);
  });
});

/** Every module an engine file imports, transitively through relative imports. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  const specifiers = new Set<string>();
  if (seen.has(file)) return specifiers;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s+"([^"]+)"/g)) {
    const specifier = match[1]!;
    if (!specifier.startsWith(".")) {
      specifiers.add(specifier);
      continue;
    }
    const target = path.resolve(path.dirname(file), `${specifier}.ts`);
    specifiers.add(path.relative(here, target));
    for (const nested of importsOf(target, seen)) specifiers.add(nested);
  }
  return specifiers;
}

describe("the engine folder", () => {
  it("imports no React, no React binding and no provider module", () => {
    const files = readdirSync(here).filter(
      (name) => name.endsWith(".ts") && !name.endsWith(".test.ts"),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const imports = [...importsOf(path.join(here, name))];
      const allowed = imports.every(
        (specifier) =>
          specifier.startsWith("@threadkit/core") ||
          specifier === "zustand/vanilla" ||
          !specifier.startsWith("..") ||
          specifier.startsWith("../thread/thread-st"),
      );
      expect({ name, imports, allowed }).toMatchObject({ name, allowed: true });
      expect(imports.filter((specifier) => /react|^zustand$/.test(specifier))).toEqual([]);
    }
  });
});
