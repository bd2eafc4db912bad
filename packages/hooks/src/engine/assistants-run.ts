/**
 * Assistants API runs into a thread store: create-and-run (new thread) or message + run stream
 * (existing thread), reduced with core's run reducer and normalized to thread items once per
 * frame; `requires_action` function calls go to the client tool registry and the run continues
 * on the submit-tool-outputs stream.
 */
import {
  type AssistantRunState,
  type AssistantStreamBody,
  type AssistantStreamReaderEvent,
  type AssistantsClient,
  assistantRunToThreadItems,
  createAssistantRunState,
  type JsonObject,
  normalizeAssistantMessage,
  type RunCreateParams,
  readAssistantStreamBatches,
  reduceAssistantRunEvents,
  type ThreadItem,
} from "@threadkit/core";
import type { ThreadRunIncomplete, ThreadStore } from "../thread/thread-store";
import { callClientTool } from "./client-tool-loop";
import { createFrameBatcher } from "./frame-batcher";
import { ClientToolError, type ClientToolHandler, RunStreamError } from "./run-errors";

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

/** What one assistants run needs from the runner. */
export interface AssistantRunContext {
  client: AssistantsClient;
  options: AssistantRunOptions;
  threadId: string | null;
  /** The user's text, or `null` to run again without a new message (retry). */
  text: string | null;
  store: ThreadStore;
  optimisticId: string | null;
  signal: AbortSignal;
  throttleMs: number;
  maxToolRoundTrips: number;
  flags: { accepted: boolean };
  clientTools: Readonly<Record<string, ClientToolHandler>> | undefined;
  onThreadCreated(threadId: string): void;
  onRun(threadId: string, runId: string): void;
  onRunningTool(): void;
  /** The request was accepted and the stream starts. */
  onStreaming(): void;
  log(name: string, data?: Readonly<Record<string, unknown>>): void;
}

function toolOutput(result: unknown): string {
  return typeof result === "string" ? result : JSON.stringify(result ?? null);
}

/**
 * Why a run that ended without an error did not finish its reply: its `incomplete_details`
 * (v1 runs report them on a `completed` run), else a message's, or `"cancelled"` for a run
 * cancelled on the server; `null` when the reply is complete.
 */
function incompleteOf(state: AssistantRunState): ThreadRunIncomplete | null {
  const run = state.run;
  if (run?.status === "cancelling" || run?.status === "cancelled") return { reason: "cancelled" };
  const message = [...state.messages].reverse().find((m) => m.status === "incomplete");
  const reason = run?.incomplete_details?.reason ?? message?.incomplete_details?.reason ?? null;
  if (run?.status === "incomplete" || reason !== null || message !== undefined) return { reason };
  return null;
}

/** Runs the assistant; resolves with the stream error, if the run reported one. */
export async function runAssistant(context: AssistantRunContext): Promise<RunStreamError | null> {
  const { client, options, store, signal } = context;
  let threadId = context.threadId;
  let runState: AssistantRunState = createAssistantRunState();
  let queue: AssistantStreamReaderEvent[] = [];
  const published = new Map<string, string>();
  const itemOptions = options.fileUrl ? { fileUrl: options.fileUrl } : {};

  const flush = () => {
    if (queue.length === 0) return;
    runState = reduceAssistantRunEvents(runState, queue);
    queue = [];
    if (runState.run && threadId !== null) context.onRun(threadId, runState.run.id);
    const changed: ThreadItem[] = [];
    for (const item of assistantRunToThreadItems(runState, itemOptions)) {
      // Only items whose content changed get a new identity in the store.
      const json = JSON.stringify(item);
      if (published.get(item.id) === json) continue;
      published.set(item.id, json);
      changed.push(item);
    }
    // Live changes: a history page requested before them must not bring back older content.
    if (changed.length > 0) store.getState().upsertLiveItems(changed);
  };
  const batcher = createFrameBatcher(flush, context.throttleMs);

  const params = { ...options.params, assistant_id: options.assistantId };
  let body: AssistantStreamBody;
  if (threadId === null) {
    const text = context.text ?? "";
    body = await client.threads.createAndRunStream(
      { ...params, thread: { messages: [{ role: "user", content: text }] } },
      { signal },
    );
  } else {
    if (context.text !== null) {
      const message = await client.messages.create(
        threadId,
        { role: "user", content: context.text },
        { signal },
      );
      if (context.optimisticId !== null) store.getState().removeItem(context.optimisticId);
      store.getState().upsertItem(normalizeAssistantMessage(message, itemOptions));
    }
    body = await client.runs.createStream(threadId, params, { signal });
  }
  context.flags.accepted = true;
  store.getState().startStream();
  context.onStreaming();

  let roundTrips = 0;
  for (;;) {
    try {
      for await (const batch of readAssistantStreamBatches(body, { signal })) {
        for (const event of batch) {
          if (event.event === "stream.malformed") {
            context.log("run.malformed_event", { reason: event.reason, message: event.message });
          }
        }
        queue.push(...batch);
        const created = batch.find((event) => event.event === "thread.created");
        if (created && created.event === "thread.created" && threadId === null) {
          threadId = created.data.id;
          batcher.flush();
          context.onThreadCreated(threadId);
          continue;
        }
        batcher.schedule();
      }
    } finally {
      batcher.flush();
    }
    const run = runState.run;
    if (runState.error) {
      store.getState().finishStream();
      return new RunStreamError(
        runState.error.code ?? runState.error.type ?? "server_error",
        runState.error.message ?? null,
        true,
      );
    }
    if (run?.status === "failed" || run?.status === "expired") {
      store.getState().finishStream();
      return new RunStreamError(
        run.last_error?.code ?? run.status,
        run.last_error?.message ?? `The run ${run.status}`,
        true,
      );
    }
    const calls =
      run?.status === "requires_action"
        ? run.required_action?.submit_tool_outputs.tool_calls
        : null;
    if (!run || !calls || calls.length === 0 || threadId === null) break;
    const missing = calls.find((call) => !context.clientTools?.[call.function.name]);
    if (missing) {
      store.getState().finishStream();
      throw new ClientToolError(
        missing.function.name,
        `The assistant called "${missing.function.name}", which is not in \`clientTools\``,
      );
    }
    if (++roundTrips > context.maxToolRoundTrips) {
      throw new ClientToolError(
        calls[0]!.function.name,
        `Stopped after ${context.maxToolRoundTrips} tool round-trips in one run`,
      );
    }
    context.onRunningTool();
    const outputs = await Promise.all(
      calls.map(async (call) => {
        let args: JsonObject = {};
        try {
          args = JSON.parse(call.function.arguments || "{}") as JsonObject;
        } catch {}
        const result = await callClientTool(context.clientTools![call.function.name]!, args, {
          name: call.function.name,
          callId: call.id,
          threadId: threadId!,
          itemId: call.id,
        });
        return { tool_call_id: call.id, output: toolOutput(result) };
      }),
    );
    if (signal.aborted) throw signal.reason;
    context.log("run.submit_tool_outputs", { count: outputs.length });
    body = await client.runs.submitToolOutputsStream(
      threadId,
      run.id,
      { tool_outputs: outputs },
      { signal },
    );
  }
  store.getState().setRunIncomplete(incompleteOf(runState));
  store.getState().finishStream();

  // create-and-run does not stream the user message: swap the optimistic one for the real one.
  if (context.threadId === null && threadId !== null && context.optimisticId !== null) {
    try {
      const page = await client.messages.list(threadId, { order: "asc", limit: 1 }, { signal });
      const first = page.data[0];
      if (first && first.role === "user") {
        store.getState().removeItem(context.optimisticId);
        store.getState().mergeItems([normalizeAssistantMessage(first, itemOptions)], "prepend");
      }
    } catch (error) {
      context.log("run.user_message_lookup_failed", {
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return null;
}
