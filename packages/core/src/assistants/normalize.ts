/**
 * Assistants API objects → canonical protocol items. The mapping itself is
 * `assistantRunToThreadItems` (the one the run stream uses, documented in
 * packages/core/README.md); these functions apply it to objects loaded through the REST API and
 * record each source under `origin`.
 */

import { origin, pickExtra, unixToIso } from "../chatkit/item-origin";
import type { ThreadMetadata } from "../chatkit/thread";
import type { ClientToolCallItem, JsonObject, ThreadItem } from "../chatkit/thread-item";
import {
  type AssistantRunToThreadItemsOptions,
  assistantRunToThreadItems,
} from "./assistant-run-to-thread-items";
import type { AssistantThread, Message, Run, RunStep } from "./types";

/** Objects of one Assistants thread, as `messages.list` / `runs.steps.list` return them. */
export interface AssistantObjects {
  /** Messages, oldest first (`messages.list({ order: "asc" })`). */
  messages?: readonly Message[];
  /** Run steps, oldest first. Messages a `message_creation` step references follow its order. */
  steps?: readonly RunStep[];
  /** The run, when its `required_action` should give pending tool calls. */
  run?: Run | null;
}

function convert(
  objects: AssistantObjects,
  options: AssistantRunToThreadItemsOptions,
): ThreadItem[] {
  return assistantRunToThreadItems(
    {
      thread: null,
      run: objects.run ?? null,
      messages: objects.messages ?? [],
      steps: objects.steps ?? [],
      error: null,
      done: true,
    },
    options,
  );
}

/** Whether `step` is the `message_creation` step of `messageId`. */
function createsMessage(step: RunStep, messageId: string): boolean {
  return (
    step.step_details.type === "message_creation" &&
    step.step_details.message_creation.message_id === messageId
  );
}

/**
 * Normalizes the messages, run steps and run of a thread into canonical items in thread order.
 * Messages keep their order (oldest first); the tool steps of a run come right before the
 * message the run created after them, so a user message is followed by the workflow and the
 * reply of its run. Steps after a run's last message (a run still working) come last, then the
 * pending tool calls of `run`. Message items record the message's unmapped fields under
 * `origin.extra`. The per-object mapping is `assistantRunToThreadItems`.
 */
export function normalizeAssistantObjects(
  objects: AssistantObjects,
  options: AssistantRunToThreadItemsOptions = {},
): ThreadItem[] {
  const messages = objects.messages ?? [];
  // Each run's steps, oldest first; taken from the front as the messages come.
  const pending = new Map<string, RunStep[]>();
  for (const step of objects.steps ?? []) {
    const list = pending.get(step.run_id);
    if (list === undefined) pending.set(step.run_id, [step]);
    else list.push(step);
  }
  const out: ThreadItem[] = [];
  const seen = new Set<string>();
  const push = (items: readonly ThreadItem[]) => {
    for (const item of items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  };
  for (const message of messages) {
    const steps = message.run_id === null ? undefined : pending.get(message.run_id);
    const creator = steps?.findIndex((step) => createsMessage(step, message.id)) ?? -1;
    if (steps !== undefined && creator !== -1) {
      // The run's steps up to this message: tools it ran before writing it.
      push(convert({ steps: steps.splice(0, creator), run: null }, options));
      steps.shift();
    }
    push(
      convert({ messages: [message] }, options).map((item) =>
        item.id === message.id ? { ...item, origin: messageOrigin(message, item) } : item,
      ),
    );
  }
  const rest = [...pending.values()].flat();
  push(convert({ steps: rest, run: objects.run ?? null }, options));
  return out;
}

function messageOrigin(message: Message, item: ThreadItem) {
  const extra = pickExtra(message as unknown as JsonObject, [
    "id",
    "thread_id",
    "created_at",
    "role",
    "content",
  ]);
  // Keep the source content when the item does not carry it one to one (images become their own
  // items, citation markers become annotations). A refusal maps to one marked text part.
  const oneToOne = message.content.every(
    (part) =>
      (part.type === "text" && part.text.annotations.length === 0) || part.type === "refusal",
  );
  if (!oneToOne || item.type !== "assistant_message" || message.role !== "assistant") {
    extra.content = message.content;
  }
  return origin("assistants", "thread.message", extra);
}

/**
 * Normalizes one Assistants message into its `assistant_message` / `user_message` item (the id is
 * the message id, so it merges with the streamed item). Image parts, which the mapping turns into
 * separate `generated_image` items, are kept under `origin.extra.content`; use
 * {@link normalizeAssistantObjects} to get those items too.
 */
export function normalizeAssistantMessage(
  message: Message,
  options: AssistantRunToThreadItemsOptions = {},
): ThreadItem {
  const items = convert({ messages: [message] }, options);
  const own: ThreadItem = items.find((item) => item.id === message.id) ?? {
    type: "assistant_message",
    id: message.id,
    thread_id: message.thread_id,
    created_at: unixToIso(message.created_at),
    content: [],
  };
  return { ...own, origin: messageOrigin(message, own) };
}

/**
 * Normalizes a run step into the items it shows: a `tool_calls` step gives a `workflow` item (code
 * interpreter and file search tasks), `generated_image` items for code interpreter images and a
 * `client_tool_call` per function call; a `message_creation` step gives nothing (the message is its
 * own item). The step's fields are kept under `origin.extra` of each item.
 */
export function normalizeAssistantRunStep(
  step: RunStep,
  options: AssistantRunToThreadItemsOptions = {},
): ThreadItem[] {
  if (step.step_details.type !== "tool_calls") return [];
  const extra = pickExtra(step as unknown as JsonObject, ["thread_id", "created_at"]);
  return convert({ steps: [step] }, options).map((item) => ({
    ...item,
    origin: origin("assistants", "thread.run.step", extra),
  }));
}

/**
 * The pending `client_tool_call` items a `requires_action` run waits for, one per
 * `required_action.submit_tool_outputs.tool_calls[]` (ids are the call ids, so they merge with the
 * step's function calls).
 */
export function normalizeRequiredAction(run: Run): ClientToolCallItem[] {
  if (run.status !== "requires_action") return [];
  return convert({ run }, {}).flatMap((item) =>
    item.type === "client_tool_call"
      ? [{ ...item, origin: origin("assistants", "thread.run", { run_id: run.id }) }]
      : [],
  );
}

/** Normalizes an Assistants thread into protocol thread metadata (always `active`). */
export function normalizeAssistantThread(thread: AssistantThread): ThreadMetadata {
  return {
    id: thread.id,
    title: null,
    created_at: unixToIso(thread.created_at),
    status: { type: "active" },
    origin: origin(
      "assistants",
      "thread",
      pickExtra(thread as unknown as JsonObject, ["id", "created_at"]),
    ),
  };
}
