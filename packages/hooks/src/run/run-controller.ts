/**
 * Runs ChatKit protocol responses into a thread store: sends the request, reads the stream,
 * reduces events (coalesced to frames), dispatches client effects, follows a thread created by
 * the first message, and round-trips client tool calls.
 */
import {
  type ActionPayload,
  type Attachment,
  type ChatKitRequestMap,
  type InferenceOptions,
  isAbortError,
  readThreadStream,
  type StreamingRequestType,
  type StructuredInputSubmission,
  type ThreadItem,
  type ThreadStreamReducerEvent,
  type UserMessageContent,
  type UserMessageInput,
} from "@threadkit/core";
import type { AssistantsClient, ProtocolClient } from "../provider/clients";
import type { ThreadkitEffect } from "../provider/threadkit-context";
import type { ThreadRunFailure, ThreadStore } from "../thread/thread-store";
import type { AssistantRunOptions } from "./assistants-run";
import { createFrameBatcher } from "./frame-batcher";
import { removeItemsAfter } from "./retry-items";
import { ClientToolError, type ClientToolHandler, RunStreamError } from "./run-errors";
import {
  describeRunFailure,
  StreamIdleTimeoutError,
  UnconfirmedMessageError,
  watchIdle,
} from "./run-failure";
import type { RunResult } from "./run-result";

export type { RunResult } from "./run-result";

export { ClientToolError, type ClientToolHandler, RunStreamError };

/** What the user sends: plain text, or structured content with attachments and options. */
export type RunInput =
  | string
  | {
      /** Plain text; becomes one `input_text` part (ignored when `content` is given). */
      text?: string;
      /** Structured content (text and @-mention tags). */
      content?: UserMessageContent[];
      /** Uploaded attachments; their ids are sent, and they show on the optimistic message. */
      attachments?: readonly Attachment[];
      /** Text the user is replying to. */
      quotedText?: string | null;
      /** Tool choice and model. */
      inferenceOptions?: InferenceOptions;
    };

/** Where a run is. */
export type RunStatus = "idle" | "submitting" | "streaming" | "running_tool" | "error";

/** Options of one send. */
export interface SendOptions {
  /**
   * Called once per attempt, as soon as the server accepted the send (its stream started);
   * before the response ends. A send that fails before that never calls it; when `retry()`
   * sends the message again, it is called for that attempt.
   */
  onAccepted?: () => void;
  /**
   * Called when the send failed and its message is not in the thread: the input is kept in
   * `failedInput`, and `retry()` sends it again (with these same options).
   */
  onLost?: () => void;
}

/** What one run tracks while it goes: acceptance and the confirmed user message. */
interface RunFlags {
  accepted: boolean;
  userMessageId: string | null;
}

function createRunFlags(onAccepted: (() => void) | undefined, log: RunControllerDeps["log"]) {
  let accepted = false;
  const flags: RunFlags = {
    get accepted() {
      return accepted;
    },
    set accepted(value: boolean) {
      const first = value && !accepted;
      accepted = value;
      if (first && onAccepted) {
        try {
          onAccepted();
        } catch (error) {
          log("run.on_accepted_failed", {
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }
    },
    userMessageId: null,
  };
  return flags;
}

/** A snapshot of the runner. */
export interface RunSnapshot {
  readonly status: RunStatus;
  readonly error: Error | null;
  /** The thread this runner writes to (follows a thread created by the first message). */
  readonly threadId: string | null;
  /** The input of a send that failed before the server accepted it (kept for retry). */
  readonly failedInput: RunInput | null;
}

/** What the runner needs from its hook. */
export interface RunControllerDeps {
  getClient(): ProtocolClient | undefined;
  getStore(threadId: string | null): ThreadStore;
  adoptDraft(store: ThreadStore, threadId: string): void;
  getClientTools(): Readonly<Record<string, ClientToolHandler>> | undefined;
  /** Set when the run goes to an assistant (Assistants API) instead of a ChatKit server. */
  getAssistants():
    | { client: AssistantsClient | undefined; options: AssistantRunOptions }
    | undefined;
  throttleMs: number;
  maxToolRoundTrips: number;
  /** How long a started stream may stay silent before the run fails (`0`/`Infinity`: never). */
  getIdleTimeoutMs(): number;
  /** The app's re-authentication for an expired session (`onSessionExpired`), if any. */
  getReauthenticate(): (() => void | Promise<void>) | undefined;
  onThreadCreated(threadId: string): void;
  onEffect(effect: ThreadkitEffect): void;
  onError(error: Error): void;
  log(name: string, data?: Readonly<Record<string, unknown>>): void;
}

type Operation =
  | { kind: "send"; input: RunInput; options?: SendOptions }
  | { kind: "retry_after_item"; itemId: string }
  | { kind: "structured_input"; itemId: string; submission: StructuredInputSubmission }
  | { kind: "custom_action"; action: ActionPayload; itemId: string | null }
  | { kind: "tool_output"; result: unknown }
  | { kind: "rerun" };

let optimisticCounter = 0;

/** Converts a {@link RunInput} to the protocol's `UserMessageInput`. */
export function toUserMessageInput(input: RunInput): UserMessageInput {
  if (typeof input === "string") {
    return {
      content: [{ type: "input_text", text: input }],
      attachments: [],
      inference_options: {},
    };
  }
  const message: UserMessageInput = {
    content: input.content ?? [{ type: "input_text", text: input.text ?? "" }],
    attachments: (input.attachments ?? []).map((attachment) => attachment.id),
    inference_options: input.inferenceOptions ?? {},
  };
  if (input.quotedText != null) message.quoted_text = input.quotedText;
  return message;
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || isAbortError(error);
}

/** The runner behind `useRunStream`. */
export class RunController {
  private snapshot: RunSnapshot;
  private readonly listeners = new Set<() => void>();
  private abort: AbortController | null = null;
  private lastOperation: Operation | null = null;
  private lastUserMessageId: string | null = null;
  /** The user message the last send got confirmed (`thread.item.done`), for `retry()`. */
  private confirmedUserMessageId: string | null = null;
  private disposed = false;
  private assistantRun: { threadId: string; runId: string } | null = null;
  /** The failure this runner left in a thread's store, for `useThreadRunStatus`. */
  private published: { store: ThreadStore; failure: ThreadRunFailure } | null = null;
  /** The client tool call this runner marked running in a thread's store. */
  private runningTool: { store: ThreadStore; itemId: string } | null = null;

  constructor(
    threadId: string | null,
    private readonly deps: RunControllerDeps,
  ) {
    this.snapshot = { status: "idle", error: null, threadId, failedInput: null };
  }

  getSnapshot = (): RunSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(patch: Partial<RunSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Shows the failure to every part reading the thread's store, with this runner's retry. */
  private publishFailure(error: Error, streamStarted: boolean) {
    this.withdrawFailure();
    const store = this.deps.getStore(this.snapshot.threadId);
    const info = describeRunFailure(error, streamStarted);
    const reauthenticate = this.deps.getReauthenticate();
    const failure: ThreadRunFailure = {
      error,
      ...info,
      retry: this.retry,
      reauthenticate:
        info.reason === "session_expired" && reauthenticate
          ? () => this.reauthenticateAndRetry(reauthenticate)
          : null,
    };
    store.getState().setRunFailure(failure);
    this.published = { store, failure };
  }

  /** Runs the app's re-authentication, then retries the failed operation. */
  private async reauthenticateAndRetry(
    reauthenticate: () => void | Promise<void>,
  ): Promise<RunResult> {
    try {
      await reauthenticate();
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      this.deps.log("run.reauthenticate_failed", { message: error.message });
      return {
        status: "error",
        threadId: this.snapshot.threadId,
        error,
        accepted: false,
        userMessageId: null,
      };
    }
    return this.retry();
  }

  /** Takes back the failure this runner published, unless another run replaced it since. */
  private withdrawFailure() {
    const published = this.published;
    if (published === null) return;
    this.published = null;
    if (published.store.getState().runFailure === published.failure) {
      published.store.getState().setRunFailure(null);
    }
  }

  /** Shows every part reading the thread's store which tool call the client is running. */
  private markRunningTool(store: ThreadStore, itemId: string) {
    this.clearRunningTool();
    store.getState().setRunningToolCall(itemId);
    this.runningTool = { store, itemId };
  }

  /** Takes back the running tool call this runner marked, unless another run replaced it since. */
  private clearRunningTool() {
    const running = this.runningTool;
    if (running === null) return;
    this.runningTool = null;
    if (running.store.getState().runningToolCallId === running.itemId) {
      running.store.getState().setRunningToolCall(null);
    }
  }

  /** The app switched threads: aborts work for the old thread (not when following our own). */
  setThread(threadId: string | null): void {
    if (threadId === this.snapshot.threadId) return;
    this.abort?.abort();
    this.abort = null;
    this.lastOperation = null;
    this.lastUserMessageId = null;
    this.confirmedUserMessageId = null;
    this.withdrawFailure();
    this.clearRunningTool();
    this.update({ threadId, status: "idle", error: null, failedInput: null });
  }

  /** Whether a run is in flight. */
  get busy(): boolean {
    return this.abort !== null;
  }

  send = (input: RunInput, options: SendOptions = {}) =>
    this.start({ kind: "send", input, options });
  retryAfterItem = (itemId: string) => this.start({ kind: "retry_after_item", itemId });
  submitStructuredInput = (itemId: string, submission: StructuredInputSubmission) =>
    this.start({ kind: "structured_input", itemId, submission });
  customAction = (action: ActionPayload, itemId: string | null = null) =>
    this.start({ kind: "custom_action", action, itemId });
  submitClientToolOutput = (result: unknown) => this.start({ kind: "tool_output", result });

  /**
   * Retries the last failed operation. A send whose user message the server confirmed is
   * re-run after that message (`threads.retry_after_item`, no duplicate message); a send whose
   * message never arrived is sent again.
   */
  retry = (): Promise<RunResult> => {
    const last = this.lastOperation;
    if (last === null || this.snapshot.status !== "error") {
      return Promise.resolve({
        status: "error",
        threadId: this.snapshot.threadId,
        error: new Error("Nothing to retry"),
        accepted: false,
        userMessageId: null,
      });
    }
    if (last.kind === "send" && this.confirmedUserMessageId !== null) {
      return this.start({ kind: "retry_after_item", itemId: this.confirmedUserMessageId });
    }
    // A resent message keeps its callbacks: the sender's draft leaves once this attempt is accepted.
    return this.start(last);
  };

  /** Aborts the running request; the server sees the disconnect and stops the response. */
  cancel = (): void => {
    if (!this.abort) return;
    this.deps.log("run.cancel", { threadId: this.snapshot.threadId });
    this.abort.abort();
    // A handler still running finishes on its own, but its output is never posted.
    this.clearRunningTool();
    const run = this.assistantRun;
    const client = this.deps.getAssistants()?.client;
    if (run && client) {
      // Aborting only stops reading; an Assistants run goes on unless cancelled explicitly.
      client.runs.cancel(run.threadId, run.runId).catch((error: unknown) => {
        this.deps.log("run.cancel_failed", {
          message: error instanceof Error ? error.message : String(error),
        });
      });
    }
  };

  /** Marks the runner mounted again (React strict mode unmounts and remounts effects). */
  mount(): void {
    this.disposed = false;
  }

  /** Aborts the running request (unmount). */
  dispose(): void {
    this.disposed = true;
    this.abort?.abort();
    this.abort = null;
    // Its retry goes with the runner.
    this.withdrawFailure();
    this.clearRunningTool();
  }

  private async start(operation: Operation): Promise<RunResult> {
    const threadId = this.snapshot.threadId;
    if (this.abort !== null) {
      const error = new Error("A response is still streaming; cancel it before sending again");
      return { status: "error", threadId, error, accepted: false, userMessageId: null };
    }
    const assistants = this.deps.getAssistants();
    const client = this.deps.getClient();
    const unsupported = assistants
      ? operation.kind !== "send" && operation.kind !== "rerun"
        ? `\`${operation.kind}\` needs the ChatKit protocol; Assistants runs only send messages`
        : !assistants.client
          ? "`useRunStream` with `assistant` needs an `assistants` client in `ThreadkitProvider`"
          : null
      : !client
        ? "`useRunStream` needs a `protocol` client in `ThreadkitProvider`"
        : null;
    if (unsupported !== null) {
      const error = new Error(unsupported);
      this.fail(error, operation);
      return { status: "error", threadId, error, accepted: false, userMessageId: null };
    }
    if (threadId === null && operation.kind !== "send") {
      const error = new Error("This operation needs an existing thread");
      this.fail(error, operation);
      return { status: "error", threadId, error, accepted: false, userMessageId: null };
    }
    const abort = new AbortController();
    this.abort = abort;
    this.lastOperation = operation;
    if (operation.kind === "send") this.confirmedUserMessageId = null;
    const flags = createRunFlags(
      operation.kind === "send"
        ? operation.options?.onAccepted
        : operation.kind === "retry_after_item"
          ? () => removeItemsAfter(this.deps.getStore(threadId), operation.itemId)
          : undefined,
      this.deps.log,
    );
    this.update({ status: "submitting", error: null, failedInput: null });

    const store = this.deps.getStore(threadId);
    // A new run on the thread replaces whatever failed before, whichever runner ran it.
    this.withdrawFailure();
    store.getState().setRunFailure(null);
    let optimisticId: string | null = null;
    if (operation.kind === "send") {
      optimisticId = `optimistic_${++optimisticCounter}`;
      store
        .getState()
        .addOptimisticMessage(this.optimisticItem(optimisticId, threadId, operation.input));
    }
    if (assistants?.client) {
      return this.runAssistantOperation(operation, assistants.client, assistants.options, {
        store,
        abort,
        optimisticId,
        flags,
      });
    }

    let type: StreamingRequestType;
    // The client tool call whose output this request posts: completed once the server takes it.
    let completes: { itemId: string; output: unknown } | null = null;
    let params: ChatKitRequestMap[StreamingRequestType];
    switch (operation.kind) {
      case "send": {
        const input = toUserMessageInput(operation.input);
        if (threadId === null) {
          type = "threads.create";
          params = { input };
        } else {
          type = "threads.add_user_message";
          params = { thread_id: threadId, input };
        }
        break;
      }
      case "retry_after_item":
        type = "threads.retry_after_item";
        params = { thread_id: threadId!, item_id: operation.itemId };
        break;
      case "structured_input":
        type = "threads.add_structured_input";
        params = { thread_id: threadId!, item_id: operation.itemId, input: operation.submission };
        break;
      case "custom_action":
        type = "threads.custom_action";
        params = { thread_id: threadId!, item_id: operation.itemId, action: operation.action };
        break;
      case "tool_output": {
        type = "threads.add_client_tool_output";
        params = { thread_id: threadId!, result: operation.result };
        const pending = this.latestPendingToolCall(store);
        if (pending !== null) completes = { itemId: pending, output: operation.result };
        break;
      }
      case "rerun":
        type = "threads.retry_after_item";
        params = { thread_id: threadId!, item_id: this.lastUserMessageId ?? "" };
        break;
    }

    let toolRoundTrips = 0;
    let currentStore = store;
    try {
      for (;;) {
        const sendsMessage = optimisticId !== null;
        const outcome = await this.stream(
          client!,
          type,
          params,
          currentStore,
          abort.signal,
          optimisticId,
          flags,
          completes,
        );
        optimisticId = null;
        completes = null;
        if (operation.kind === "send") this.confirmedUserMessageId = flags.userMessageId;
        currentStore = outcome.store;
        // A stream that ends without confirming the sent message may not have stored it.
        if (sendsMessage && flags.userMessageId === null && !outcome.streamError) {
          throw new UnconfirmedMessageError();
        }
        if (outcome.streamError) {
          this.finish(abort);
          const failedInput = this.lostInput(operation, flags);
          this.update({ status: "error", error: outcome.streamError, failedInput });
          this.publishFailure(outcome.streamError, true);
          if (failedInput !== null) this.notifyLost(operation);
          this.deps.onError(outcome.streamError);
          return this.result("error", outcome.streamError, flags);
        }
        const call = outcome.pendingToolCall;
        if (!call) break;
        const handler = this.deps.getClientTools()?.[call.name];
        if (!handler) break;
        if (++toolRoundTrips > this.deps.maxToolRoundTrips) {
          throw new ClientToolError(
            call.name,
            `Stopped after ${this.deps.maxToolRoundTrips} client tool calls in one response`,
          );
        }
        this.update({ status: "running_tool" });
        this.markRunningTool(currentStore, call.id);
        this.deps.log("run.client_tool", { name: call.name });
        let result: unknown;
        try {
          result = await handler(call.arguments, {
            name: call.name,
            callId: call.call_id,
            threadId: this.snapshot.threadId!,
            itemId: call.id,
          });
        } catch (error) {
          // The tool's failure goes back to the server as its output, so the agent can react.
          result = { error: error instanceof Error ? error.message : String(error) };
        }
        if (abort.signal.aborted) throw abort.signal.reason;
        type = "threads.add_client_tool_output";
        params = { thread_id: this.snapshot.threadId!, result };
        completes = { itemId: call.id, output: result };
      }
      this.finish(abort);
      this.update({ status: "idle" });
      return this.result("done", null, flags);
    } catch (error) {
      if (optimisticId !== null) currentStore.getState().removeItem(optimisticId);
      if (operation.kind === "send") this.confirmedUserMessageId = flags.userMessageId;
      if (isAbort(error, abort.signal)) {
        this.finish(abort);
        if (!this.disposed && this.abort === null) this.update({ status: "idle" });
        return this.result("cancelled", null, flags);
      }
      const reason = error instanceof Error ? error : new Error(String(error));
      this.finish(abort);
      this.fail(reason, operation, flags.userMessageId !== null, flags.accepted);
      return this.result("error", reason, flags);
    } finally {
      // Ended, failed or cancelled: no tool of this run is running any more.
      this.clearRunningTool();
    }
  }

  private result(status: RunResult["status"], error: Error | null, flags: RunFlags): RunResult {
    return {
      status,
      threadId: this.snapshot.threadId,
      error,
      accepted: flags.accepted,
      userMessageId: flags.userMessageId,
    };
  }

  /** The input to keep for a resend: a send whose user message the server never confirmed. */
  private lostInput(operation: Operation, flags: RunFlags): RunInput | null {
    return operation.kind === "send" && flags.userMessageId === null ? operation.input : null;
  }

  private notifyLost(operation: Operation) {
    if (operation.kind !== "send") return;
    try {
      operation.options?.onLost?.();
    } catch (error) {
      this.deps.log("run.on_lost_failed", {
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** The newest `client_tool_call` still waiting for its output. */
  private latestPendingToolCall(store: ThreadStore): string | null {
    const state = store.getState();
    for (let index = state.itemIds.length - 1; index >= 0; index -= 1) {
      const item = state.itemsById.get(state.itemIds[index] ?? "");
      if (item?.type === "client_tool_call" && item.status === "pending") return item.id;
    }
    return null;
  }

  private async runAssistantOperation(
    operation: Operation,
    client: AssistantsClient,
    options: AssistantRunOptions,
    run: {
      store: ThreadStore;
      abort: AbortController;
      optimisticId: string | null;
      flags: RunFlags;
    },
  ): Promise<RunResult> {
    const { abort, flags } = run;
    let store = run.store;
    this.assistantRun = null;
    try {
      const text =
        operation.kind === "send"
          ? toUserMessageInput(operation.input)
              .content.map((part) => part.text)
              .join("")
          : null;
      // Loaded on the first Assistants run: a ChatKit-only app bundles none of it.
      const { runAssistant } = await import("../internal/backends");
      const streamError = await runAssistant({
        client,
        options,
        threadId: this.snapshot.threadId,
        text,
        store,
        optimisticId: run.optimisticId,
        signal: abort.signal,
        throttleMs: this.deps.throttleMs,
        maxToolRoundTrips: this.deps.maxToolRoundTrips,
        flags,
        clientTools: this.deps.getClientTools(),
        onThreadCreated: (id) => {
          this.deps.adoptDraft(store, id);
          store = this.deps.getStore(id);
          this.update({ threadId: id });
          this.deps.onThreadCreated(id);
        },
        onRun: (threadId, runId) => {
          this.assistantRun = { threadId, runId };
        },
        onRunningTool: () => this.update({ status: "running_tool" }),
        onStreaming: () => this.update({ status: "streaming" }),
        log: this.deps.log,
      });
      this.finish(abort);
      if (streamError) {
        this.update({ status: "error", error: streamError });
        this.publishFailure(streamError, true);
        this.deps.onError(streamError);
        return this.result("error", streamError, flags);
      }
      this.update({ status: "idle" });
      return this.result("done", null, flags);
    } catch (error) {
      store.getState().finishStream();
      if (!flags.accepted && run.optimisticId !== null)
        store.getState().removeItem(run.optimisticId);
      this.finish(abort);
      if (isAbort(error, abort.signal)) {
        if (!this.disposed) this.update({ status: "idle" });
        return this.result("cancelled", null, flags);
      }
      const reason = error instanceof Error ? error : new Error(String(error));
      this.fail(reason, operation, flags.accepted, flags.accepted);
      return this.result("error", reason, flags);
    }
  }

  private finish(abort: AbortController) {
    if (this.abort === abort) this.abort = null;
  }

  /**
   * `messageStored`: the server confirmed the sent user message, so there is nothing to resend.
   * `streamStarted`: the server had accepted the request (its stream started).
   */
  private fail(error: Error, operation: Operation, messageStored = false, streamStarted = false) {
    this.lastOperation = operation;
    this.update({
      status: "error",
      error,
      failedInput: operation.kind === "send" && !messageStored ? operation.input : null,
    });
    this.publishFailure(error, streamStarted);
    if (operation.kind === "send" && !messageStored) this.notifyLost(operation);
    this.deps.onError(error);
  }

  private optimisticItem(id: string, threadId: string | null, input: RunInput): ThreadItem {
    const message = toUserMessageInput(input);
    return {
      type: "user_message",
      id,
      thread_id: threadId ?? "",
      created_at: new Date().toISOString(),
      content: message.content.map((part) =>
        part.type === "input_tag" ? { ...part, data: part.data ?? {} } : part,
      ),
      attachments: typeof input === "string" ? [] : [...(input.attachments ?? [])],
      quoted_text: message.quoted_text ?? null,
      inference_options: message.inference_options,
    };
  }

  /** Streams one request into the store; resolves when the stream ends. */
  private async stream(
    client: ProtocolClient,
    type: StreamingRequestType,
    params: ChatKitRequestMap[StreamingRequestType],
    initialStore: ThreadStore,
    signal: AbortSignal,
    optimisticId: string | null,
    flags: RunFlags,
    completes: { itemId: string; output: unknown } | null,
  ): Promise<{
    store: ThreadStore;
    streamError: RunStreamError | null;
    pendingToolCall: Extract<ThreadItem, { type: "client_tool_call" }> | null;
  }> {
    const store = initialStore;
    let queue: ThreadStreamReducerEvent[] = [];
    let pendingOptimistic = optimisticId;
    let streamError: RunStreamError | null = null;
    let pendingToolCall: Extract<ThreadItem, { type: "client_tool_call" }> | null = null;
    let lastEffectSeq = 0;

    const flush = () => {
      if (queue.length === 0) return;
      const events = queue;
      queue = [];
      store.getState().apply(events);
      const effects = store.getState().effects;
      if (effects.length > 0) {
        for (const effect of effects) {
          if (effect.seq <= lastEffectSeq) continue;
          lastEffectSeq = effect.seq;
          this.deps.onEffect({
            name: effect.name,
            data: effect.data,
            threadId: this.snapshot.threadId,
          });
        }
        store.getState().acknowledgeEffects(lastEffectSeq);
      }
    };
    const batcher = createFrameBatcher(flush, this.deps.throttleMs);

    this.deps.log("run.start", { type });
    // Armed once the stream starts; a silent stream aborts the whole request, so the server
    // sees the disconnect.
    const idle = watchIdle(this.deps.getIdleTimeoutMs(), signal);
    let body: ReadableStream<Uint8Array>;
    try {
      body = await client.stream(type as never, params as never, { signal: idle.signal });
    } catch (error) {
      idle.stop();
      throw error;
    }
    // The server took the output: ChatKit servers complete the call without sending it again.
    if (completes !== null) {
      store.getState().completeClientToolCall(completes.itemId, completes.output);
      this.clearRunningTool();
    }
    store.getState().startStream();
    flags.accepted = true;
    if (this.snapshot.status === "submitting") this.update({ status: "streaming" });
    idle.touch();
    try {
      for await (const event of readThreadStream(body, { signal: idle.signal })) {
        idle.touch();
        switch (event.type) {
          case "thread.created": {
            queue.push(event);
            batcher.flush();
            const id = event.thread.id;
            this.deps.adoptDraft(store, id);
            this.update({ threadId: id });
            this.deps.onThreadCreated(id);
            continue;
          }
          case "thread.item.added":
          case "thread.item.done":
            if (event.item.type === "user_message") {
              this.lastUserMessageId = event.item.id;
              if (event.type === "thread.item.done" && optimisticId !== null) {
                flags.userMessageId = event.item.id;
              }
              if (pendingOptimistic !== null) {
                queue.push({ type: "thread.item.removed", item_id: pendingOptimistic });
                pendingOptimistic = null;
              }
            }
            if (event.item.type === "client_tool_call") {
              // A call whose output was posted already is not run again.
              pendingToolCall =
                event.item.status === "pending" &&
                !store.getState().isClientToolCallCompleted(event.item.id)
                  ? event.item
                  : null;
            }
            break;
          case "error":
            streamError = new RunStreamError(
              event.code ?? "custom",
              event.message ?? null,
              event.allow_retry ?? false,
            );
            break;
          case "stream.malformed":
            this.deps.log("run.malformed_event", { reason: event.reason, message: event.message });
            break;
          default:
            break;
        }
        queue.push(event);
        batcher.schedule();
      }
    } catch (error) {
      if (idle.timedOut) throw new StreamIdleTimeoutError(idle.timeoutMs, { cause: error });
      throw error;
    } finally {
      idle.stop();
      batcher.flush();
      store.getState().finishStream();
    }
    this.deps.log("run.end", { type });
    if (pendingOptimistic !== null) store.getState().removeItem(pendingOptimistic);
    return { store, streamError, pendingToolCall };
  }
}
