import { type ApiObject, KIND, stepObject, usage } from "./assistants-objects";
import { assistantsScript, toolOutputsScript } from "./assistants-script";
import { type RunEvent, type StepStreamContext, streamStep } from "./assistants-stream";
import type { DevServices } from "./services";
import { badRequest, createId, HttpError, sleep, toUnix } from "./util";

export type { RunEvent } from "./assistants-stream";

interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string; output?: string | null };
}

function messageText(message: ApiObject): string {
  const content = Array.isArray(message.content)
    ? (message.content as Record<string, unknown>[])
    : [];
  return content
    .map((part) => {
      const text = part.text as { value?: unknown } | undefined;
      return typeof text?.value === "string" ? text.value : "";
    })
    .join(" ");
}

/**
 * Runs Assistants API runs with the scripted assistant. Each run is a generator of stream
 * events that also persists every state change, so streaming and polling see the same run.
 * A user message that mentions `weather` (or a function tool's name) makes the run call the
 * assistant's function tool and stop at `requires_action`; `fail` makes it fail; anything else
 * streams the steps `assistantsScript` picks (messages, code interpreter and file search calls).
 */
export class RunEngine {
  private readonly aborts = new Map<string, AbortController>();

  constructor(private readonly services: DevServices) {}

  private now(): number {
    return toUnix(this.services.clock.now());
  }

  private save(
    kind: string,
    value: ApiObject,
    parent: string,
    patch: Record<string, unknown> = {},
  ): ApiObject {
    const next = { ...value, ...patch };
    this.services.store.putObject(kind, next, parent);
    return next;
  }

  /** The events of a new run, from `thread.run.created` to its first stop. */
  async *start(created: ApiObject): AsyncGenerator<RunEvent> {
    const signal = this.track(created.id);
    yield ["thread.run.created", created];
    yield ["thread.run.queued", created];
    const run = this.save(KIND.run, created, String(created.thread_id), {
      status: "in_progress",
      started_at: this.now(),
    });
    yield ["thread.run.in_progress", run];
    yield* this.work(run, signal, null);
  }

  /** The events after `submit_tool_outputs`: the tool step completes, then a message streams. */
  async *resume(
    run: ApiObject,
    outputs: { tool_call_id: string; output: string }[],
  ): AsyncGenerator<RunEvent> {
    const calls =
      (run.required_action as { submit_tool_outputs?: { tool_calls?: ToolCall[] } } | null)
        ?.submit_tool_outputs?.tool_calls ?? [];
    for (const call of calls) {
      if (!outputs.some((output) => output.tool_call_id === call.id)) {
        throw badRequest(`Missing output for tool call '${call.id}'.`, "tool_outputs");
      }
    }
    const signal = this.track(run.id);
    const threadId = String(run.thread_id);
    const steps = this.services.store.allObjects<ApiObject>(KIND.step, run.id);
    const toolStep = steps.find(
      (step) => step.type === "tool_calls" && step.status === "in_progress",
    );
    if (toolStep) {
      const toolCalls = calls.map((call) => ({
        ...call,
        function: {
          ...call.function,
          output: outputs.find((o) => o.tool_call_id === call.id)?.output ?? null,
        },
      }));
      const done = this.save(KIND.step, toolStep, run.id, {
        status: "completed",
        completed_at: this.now(),
        step_details: { type: "tool_calls", tool_calls: toolCalls },
        usage: usage(10, 5),
      });
      yield ["thread.run.step.completed", done];
    }
    const queued = this.save(KIND.run, run, threadId, { status: "queued", required_action: null });
    yield ["thread.run.queued", queued];
    const inProgress = this.save(KIND.run, queued, threadId, {
      status: "in_progress",
      started_at: this.now(),
    });
    yield ["thread.run.in_progress", inProgress];
    yield* this.work(inProgress, signal, outputs);
  }

  /** Marks a run cancelled and stops its generator. Returns the run as `cancelling`. */
  cancel(run: ApiObject): ApiObject {
    if (!["queued", "in_progress", "requires_action"].includes(String(run.status))) {
      throw new HttpError(
        400,
        `Cannot cancel run with status '${String(run.status)}'.`,
        "invalid_request_error",
        "run_not_cancellable",
      );
    }
    this.aborts.get(run.id)?.abort();
    this.save(KIND.run, run, String(run.thread_id), {
      status: "cancelled",
      cancelled_at: this.now(),
      required_action: null,
    });
    return { ...run, status: "cancelling" };
  }

  /** Drains a run's events without a client (non-streaming requests). */
  drain(events: AsyncGenerator<RunEvent>): void {
    void (async () => {
      for await (const _ of events) {
        // Every state change is persisted by the generator itself.
      }
    })().catch((error: unknown) => {
      // A run cut short by the server closing its store is not an error worth reporting.
      if (this.services.store.db.open) console.error("run failed", error);
    });
  }

  private track(runId: string): AbortSignal {
    const controller = new AbortController();
    this.aborts.set(runId, controller);
    return controller.signal;
  }

  private async *work(
    run: ApiObject,
    signal: AbortSignal,
    outputs: { tool_call_id: string; output: string }[] | null,
  ): AsyncGenerator<RunEvent> {
    const { store } = this.services;
    const threadId = String(run.thread_id);
    const users = store
      .allObjects<ApiObject>(KIND.message, threadId)
      .filter((m) => m.role === "user");
    const last = users[users.length - 1];
    const text = last ? messageText(last) : "";
    const functions = (Array.isArray(run.tools) ? (run.tools as Record<string, unknown>[]) : [])
      .map((tool) =>
        tool.type === "function"
          ? (tool.function as { name?: unknown } | undefined)?.name
          : undefined,
      )
      .filter((name): name is string => typeof name === "string");
    const lower = text.toLowerCase();
    if (outputs === null && functions.length > 0) {
      const named = functions.find((name) => lower.includes(name.toLowerCase()));
      const tool =
        named ??
        (/\bweather\b/.test(lower)
          ? (functions.find((name) => name.includes("weather")) ?? functions[0])
          : undefined);
      if (tool) {
        yield* this.callTool(run, tool, text);
        return;
      }
    }
    if (outputs === null && /\b(fail|failed)\b/.test(lower)) {
      const failed = this.save(KIND.run, run, threadId, {
        status: "failed",
        failed_at: this.now(),
        last_error: { code: "server_error", message: "The scripted run failed on purpose." },
      });
      yield ["thread.run.failed", failed];
      return;
    }
    const steps = outputs !== null ? toolOutputsScript(outputs) : assistantsScript(text);
    const context: StepStreamContext = {
      run,
      signal,
      delayMs: this.services.delayMs,
      promptTokens: text.split(/\s+/).filter(Boolean).length,
      now: () => this.now(),
      save: (kind, value, parent, patch) => this.save(kind, value, parent, patch),
    };
    const total = usage(0, 0);
    for (const step of steps) {
      const result = yield* streamStep(context, step);
      if (result.cancelled) {
        this.aborts.delete(run.id);
        yield ["thread.run.cancelled", store.getObject<ApiObject>(KIND.run, run.id) ?? run];
        return;
      }
      for (const key of Object.keys(total))
        total[key] = (total[key] ?? 0) + (result.usage[key] ?? 0);
    }
    const completed = this.save(KIND.run, run, threadId, {
      status: "completed",
      completed_at: this.now(),
      expires_at: null,
      usage: total,
    });
    this.aborts.delete(run.id);
    yield ["thread.run.completed", completed];
  }

  private async *callTool(run: ApiObject, name: string, text: string): AsyncGenerator<RunEvent> {
    const city = /\bin ([A-Z][\w-]*(?: [A-Z][\w-]*)*)/.exec(text)?.[1] ?? "Paris";
    const args = JSON.stringify(name.includes("weather") ? { city } : {});
    const call: ToolCall = {
      id: createId("call", 12),
      type: "function",
      function: { name, arguments: args, output: null },
    };
    const step = this.save(
      KIND.step,
      stepObject({
        id: createId("step", 12),
        run,
        createdAt: this.now(),
        details: { type: "tool_calls", tool_calls: [] },
      }),
      run.id,
      {},
    );
    yield ["thread.run.step.created", step];
    yield ["thread.run.step.in_progress", step];
    yield [
      "thread.run.step.delta",
      {
        id: step.id,
        object: "thread.run.step.delta",
        delta: {
          step_details: {
            type: "tool_calls",
            tool_calls: [
              {
                index: 0,
                id: call.id,
                type: "function",
                function: { name, arguments: "", output: null },
              },
            ],
          },
        },
      },
    ];
    for (const piece of args.match(/.{1,8}/g) ?? []) {
      await sleep(this.services.delayMs);
      yield [
        "thread.run.step.delta",
        {
          id: step.id,
          object: "thread.run.step.delta",
          delta: {
            step_details: {
              type: "tool_calls",
              tool_calls: [{ index: 0, type: "function", function: { arguments: piece } }],
            },
          },
        },
      ];
    }
    this.save(KIND.step, step, run.id, {
      step_details: { type: "tool_calls", tool_calls: [call] },
    });
    const waiting = this.save(KIND.run, run, String(run.thread_id), {
      status: "requires_action",
      required_action: {
        type: "submit_tool_outputs",
        submit_tool_outputs: {
          tool_calls: [{ id: call.id, type: "function", function: { name, arguments: args } }],
        },
      },
    });
    yield ["thread.run.requires_action", waiting];
  }
}
