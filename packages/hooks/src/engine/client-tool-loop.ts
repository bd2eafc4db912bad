/**
 * The client tool loop: when a response ends with a pending client tool call whose tool the app
 * registered, run the tool in the browser and post its output; the response goes on in the next
 * stream. A tool that throws posts `{ error: message }` so the agent can react; a loop guard
 * stops after `maxToolRoundTrips` calls in one response.
 */
import type { ClientToolCallItem, JsonObject, ThreadRunOperation } from "@threadkit/core";
import { ClientToolError, type ClientToolHandler, type RunStreamError } from "./run-errors";
import type { StreamOutcome } from "./stream-loop";

/** A client tool call whose output a stream posts: completed once the server takes it. */
export interface ToolCompletion {
  readonly itemId: string;
  readonly output: unknown;
}

/** What the loop needs from the engine. */
export interface ClientToolLoopOptions {
  /** The app's client tools, read when a call arrives. */
  getClientTools(): Readonly<Record<string, ClientToolHandler>> | undefined;
  maxToolRoundTrips: number;
  /** The thread the run writes to (a created thread's id once it exists). */
  getThreadId(): string | null;
  signal: AbortSignal;
  /** A tool starts running for `call`. */
  onToolRunning(call: ClientToolCallItem): void;
  log(name: string, data?: Readonly<Record<string, unknown>>): void;
}

/**
 * Runs a client tool handler; a handler that throws gives `{ error: message }`, which goes back
 * to the server as the tool's output.
 */
export async function callClientTool(
  handler: ClientToolHandler,
  args: JsonObject,
  call: { name: string; callId: string; threadId: string; itemId: string },
): Promise<unknown> {
  try {
    return await handler(args, call);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Streams `operation`, then every client tool round-trip the response asks for. Resolves with
 * the server's `error` event of the stream that sent one (the loop stops there), or `null`.
 * Throws what a stream throws, `ClientToolError` past the loop guard, and the abort.
 */
export async function runClientToolLoop(
  operation: ThreadRunOperation,
  completes: ToolCompletion | null,
  stream: (
    operation: ThreadRunOperation,
    completes: ToolCompletion | null,
  ) => Promise<StreamOutcome>,
  options: ClientToolLoopOptions,
): Promise<RunStreamError | null> {
  let next = operation;
  let completion = completes;
  let roundTrips = 0;
  for (;;) {
    const outcome = await stream(next, completion);
    if (outcome.streamError) return outcome.streamError;
    const call = outcome.pendingToolCall;
    if (!call) return null;
    const handler = options.getClientTools()?.[call.name];
    if (!handler) return null;
    if (++roundTrips > options.maxToolRoundTrips) {
      throw new ClientToolError(
        call.name,
        `Stopped after ${options.maxToolRoundTrips} client tool calls in one response`,
      );
    }
    options.onToolRunning(call);
    options.log("run.client_tool", { name: call.name });
    const threadId = options.getThreadId()!;
    const result = await callClientTool(handler, call.arguments, {
      name: call.name,
      callId: call.call_id,
      threadId,
      itemId: call.id,
    });
    if (options.signal.aborted) throw options.signal.reason;
    next = { type: "client_tool_output", threadId: options.getThreadId()!, result };
    completion = { itemId: call.id, output: result };
  }
}
