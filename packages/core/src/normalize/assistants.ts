/**
 * Assistants API objects → canonical protocol items. The mapping itself is
 * `assistantRunToThreadItems` (the one the run stream uses, documented in
 * packages/core/README.md); these functions apply it to objects loaded through the REST API and
 * record each source under `origin`.
 */
import type { AssistantThread, Message, Run, RunStep } from "../assistants/types";
import type { ThreadMetadata } from "../protocol/thread";
import type { ClientToolCallItem, JsonObject, ThreadItem } from "../protocol/thread-item";
import {
  type AssistantRunToThreadItemsOptions,
  assistantRunToThreadItems,
} from "../reducers/assistant-run-to-thread-items";
import { origin, pickExtra, unixToIso } from "./shared";

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

/**
 * Normalizes Assistants messages, run steps and a run into canonical items, in order (see
 * `assistantRunToThreadItems`). Message items record the message's unmapped fields under
 * `origin.extra`.
 */
export function normalizeAssistantObjects(
  objects: AssistantObjects,
  options: AssistantRunToThreadItemsOptions = {},
): ThreadItem[] {
  const byId = new Map<string, Message>();
  for (const message of objects.messages ?? []) byId.set(message.id, message);
  return convert(objects, options).map((item) => {
    const message = byId.get(item.id);
    return message ? { ...item, origin: messageOrigin(message, item) } : item;
  });
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
