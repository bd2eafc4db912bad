/** What `respond` and `action` receive besides the thread: the request context and helpers. */
import { randomBytes } from "node:crypto";
import type {
  Annotation,
  AssistantMessageContent,
  AssistantMessageItem,
  ClientToolCallItem,
  CustomSummary,
  DurationSummary,
  EndOfTurnItem,
  JsonObject,
  Task,
  TaskItem,
  ThreadMetadata,
  ThreadStreamEvent,
  WidgetItem,
  WidgetRoot,
  WorkflowItem,
} from "@threadkit/core";
import { events } from "./events";
import type {
  HiddenContextItem,
  ServerStreamEvent,
  Store,
  StoredThreadItem,
  StoreItemType,
} from "./types";
import { diffWidget } from "./widget-diff";

const ID_PREFIXES: Record<StoreItemType, string> = {
  thread: "thr",
  message: "msg",
  tool_call: "tc",
  task: "tsk",
  workflow: "wf",
  attachment: "atc",
  sdk_hidden_context: "shcx",
};

/** The default id of a new object: a prefix by type and 16 random hex digits. Never parse ids. */
export function defaultGenerateId(type: StoreItemType): string {
  return `${ID_PREFIXES[type]}_${randomBytes(8).toString("hex")}`;
}

/** An open workflow item: each method returns the event to yield. */
export interface WorkflowHandle {
  /** The workflow as it stands (tasks so far). */
  readonly item: WorkflowItem;
  /** `thread.item.added` of the workflow. */
  start(): ThreadStreamEvent;
  /** Appends a task: `workflow.task.added`. */
  addTask(task: Task): ThreadStreamEvent;
  /** Replaces the task at `index`: `workflow.task.updated`. */
  updateTask(index: number, task: Task): ThreadStreamEvent;
  /**
   * Closes the workflow: `thread.item.done` with a summary (default: the seconds since
   * `workflow()` was called) and collapsed unless `expanded`.
   */
  end(options?: {
    summary?: CustomSummary | DurationSummary | null;
    expanded?: boolean;
  }): ThreadStreamEvent;
}

/**
 * The third argument of `respond` and `action` (Python passes `context` and leaves the helpers
 * to `AgentContext`): the caller's request context, the store, an abort signal and builders.
 */
export interface RespondContext<C = unknown> {
  /** What the caller passed to `server.handle(request, context)` (e.g. the signed-in user). */
  readonly context: C;
  /** The server's store. */
  readonly store: Store<C>;
  /**
   * The thread being answered: the same object `respond` receives. Change `title`, `status` or
   * `metadata` and the server saves it and sends `thread.updated`.
   */
  readonly thread: ThreadMetadata;
  /** Aborted when the client goes away (or cancels). Pass it to model calls. */
  readonly signal: AbortSignal;
  /** A new id for an item of this thread. */
  newId(type: StoreItemType): string;
  /** The current time as an ISO-8601 string (item `created_at`). */
  now(): string;
  /**
   * Every stored item of the thread, oldest first, hidden context included (to build model
   * input). Reads the store page by page.
   */
  loadAllItems(): Promise<StoredThreadItem[]>;
  /** A complete assistant message item. */
  assistantMessage(
    text: string | AssistantMessageContent[],
    annotations?: Annotation[],
  ): AssistantMessageItem;
  /** A pending client tool call; the client answers with `threads.add_client_tool_output`. */
  clientToolCall(name: string, args?: JsonObject, callId?: string): ClientToolCallItem;
  /** A hidden context item (stored for the model, never sent to the client). */
  hiddenContext(content: unknown): HiddenContextItem;
  /** A single task item. */
  task(task: Task): TaskItem;
  /** A widget item. */
  widget(widget: WidgetRoot, copyText?: string): WidgetItem;
  /** An end-of-turn marker item. */
  endOfTurn(): EndOfTurnItem;
  /**
   * Streams an assistant message from text chunks: `thread.item.added`, `content_part.added`,
   * one `text_delta` per chunk, `content_part.done`, `thread.item.done`. Returns the item.
   *
   * @example
   * const message = yield* ctx.streamText(model.stream(prompt), { annotations });
   */
  streamText(
    chunks: AsyncIterable<string> | Iterable<string>,
    options?: { annotations?: Annotation[] },
  ): AsyncGenerator<ServerStreamEvent, AssistantMessageItem, undefined>;
  /**
   * Streams a widget (Python: `stream_widget`). A single root is sent as one
   * `thread.item.done`; an async sequence of roots is sent as `thread.item.added`, then the
   * diff between consecutive roots (text deltas for `Markdown`/`Text` nodes with an id that
   * only grow, otherwise `widget.root.updated`), then `thread.item.done` with the last root.
   */
  streamWidget(
    widget: WidgetRoot | AsyncIterable<WidgetRoot>,
    options?: { copyText?: string },
  ): AsyncGenerator<ServerStreamEvent, WidgetItem, undefined>;
  /** Opens a workflow (task group) whose tasks stream as they happen. */
  workflow(options?: {
    type?: "custom" | "reasoning";
    tasks?: Task[];
    expanded?: boolean;
  }): WorkflowHandle;
}

/** Builds the {@link RespondContext} of one stream. */
export function createRespondContext<C>(
  store: Store<C>,
  thread: ThreadMetadata,
  context: C,
  signal: AbortSignal,
  now: () => Date = () => new Date(),
): RespondContext<C> {
  const newId = (type: StoreItemType) =>
    store.generateItemId?.(type, thread, context) ?? defaultGenerateId(type);
  const iso = () => now().toISOString();
  const base = (type: StoreItemType) => ({
    id: newId(type),
    thread_id: thread.id,
    created_at: iso(),
  });
  const ctx: RespondContext<C> = {
    context,
    store,
    thread,
    signal,
    newId,
    now: iso,
    async loadAllItems() {
      const items: StoredThreadItem[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await store.loadThreadItems(
          thread.id,
          { after, limit: 100, order: "asc" },
          context,
        );
        items.push(...page.data);
        if (!page.has_more || !page.after) return items;
        after = page.after;
      }
    },
    assistantMessage(text, annotations = []) {
      const content: AssistantMessageContent[] =
        typeof text === "string" ? [{ type: "output_text", text, annotations }] : text;
      return { ...base("message"), type: "assistant_message", content };
    },
    clientToolCall(name, args = {}, callId) {
      return {
        ...base("tool_call"),
        type: "client_tool_call",
        status: "pending",
        call_id: callId ?? newId("tool_call"),
        name,
        arguments: args,
      };
    },
    hiddenContext(content) {
      return { ...base("message"), type: "hidden_context_item", content };
    },
    task(task) {
      return { ...base("task"), type: "task", task };
    },
    widget(widget, copyText) {
      return {
        ...base("message"),
        type: "widget",
        widget,
        ...(copyText === undefined ? {} : { copy_text: copyText }),
      };
    },
    endOfTurn() {
      return { ...base("message"), type: "end_of_turn" };
    },
    async *streamText(chunks, options = {}) {
      const item = ctx.assistantMessage([]);
      yield events.itemAdded(item);
      yield events.contentPartAdded(item.id, 0);
      let text = "";
      for await (const chunk of chunks) {
        if (chunk === "") continue;
        text += chunk;
        yield events.textDelta(item.id, 0, chunk);
      }
      const part: AssistantMessageContent = {
        type: "output_text",
        text,
        annotations: options.annotations ?? [],
      };
      for (const [index, annotation] of part.annotations.entries()) {
        yield events.annotationAdded(item.id, 0, index, annotation);
      }
      yield events.contentPartDone(item.id, 0, part);
      const done: AssistantMessageItem = { ...item, content: [part] };
      yield events.itemDone(done);
      return done;
    },
    async *streamWidget(widget, options = {}) {
      if (!isAsyncIterable(widget)) {
        const item = ctx.widget(widget, options.copyText);
        yield events.itemDone(item);
        return item;
      }
      const iterator = widget[Symbol.asyncIterator]();
      const first = await iterator.next();
      if (first.done) throw new Error("streamWidget: the widget sequence produced no root.");
      let last = first.value;
      const item = ctx.widget(last, options.copyText);
      yield events.itemAdded(item);
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        for (const update of diffWidget(last, next.value))
          yield events.itemUpdated(item.id, update);
        last = next.value;
      }
      const done: WidgetItem = { ...item, widget: last };
      yield events.itemDone(done);
      return done;
    },
    workflow(options = {}) {
      const started = now().getTime();
      let item: WorkflowItem = {
        ...base("workflow"),
        type: "workflow",
        workflow: {
          type: options.type ?? "custom",
          tasks: [...(options.tasks ?? [])],
          expanded: options.expanded ?? true,
        },
      };
      const setTasks = (tasks: Task[]) => {
        item = { ...item, workflow: { ...item.workflow, tasks } };
      };
      return {
        get item() {
          return item;
        },
        start: () => events.itemAdded(item),
        addTask(task) {
          setTasks([...item.workflow.tasks, task]);
          return events.taskAdded(item.id, item.workflow.tasks.length - 1, task);
        },
        updateTask(index, task) {
          if (index < 0 || index >= item.workflow.tasks.length) {
            throw new RangeError(`workflow has no task ${index}`);
          }
          const tasks = [...item.workflow.tasks];
          tasks[index] = task;
          setTasks(tasks);
          return events.taskUpdated(item.id, index, task);
        },
        end(end = {}) {
          const summary =
            end.summary === undefined
              ? { duration: Math.round((now().getTime() - started) / 1000) }
              : end.summary;
          item = {
            ...item,
            workflow: { ...item.workflow, summary, expanded: end.expanded ?? false },
          };
          return events.itemDone(item) as ThreadStreamEvent;
        },
      };
    },
  };
  return ctx;
}

function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AsyncIterable<T>)[Symbol.asyncIterator] === "function"
  );
}
