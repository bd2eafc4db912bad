/** Shapes of Assistants API objects (v2), built the way the API returns them. */

/** An object as stored and returned. */
export type ApiObject = { id: string } & Record<string, unknown>;

/** Store kinds of the Assistants API objects. */
export const KIND = {
  assistant: "assistant",
  thread: "assistants.thread",
  message: "assistants.message",
  run: "assistants.run",
  step: "assistants.step",
} as const;

/** Run statuses after which nothing changes any more. */
export const TERMINAL_RUN_STATUSES = ["completed", "failed", "cancelled", "expired", "incomplete"];

/** A text content part of a message. */
export function textContent(value: string): Record<string, unknown> {
  return { type: "text", text: { value, annotations: [] } };
}

/** A `thread.message` object. */
export function messageObject(input: {
  id: string;
  threadId: string;
  createdAt: number;
  role: "user" | "assistant";
  content: Record<string, unknown>[];
  status?: "in_progress" | "completed" | "incomplete";
  assistantId?: string | null;
  runId?: string | null;
  metadata?: Record<string, unknown>;
  attachments?: unknown[];
}): ApiObject {
  const status = input.status ?? "completed";
  return {
    id: input.id,
    object: "thread.message",
    created_at: input.createdAt,
    assistant_id: input.assistantId ?? null,
    thread_id: input.threadId,
    run_id: input.runId ?? null,
    role: input.role,
    content: input.content,
    attachments: input.attachments ?? [],
    metadata: input.metadata ?? {},
    status,
    incomplete_details: null,
    completed_at: status === "completed" ? input.createdAt : null,
    incomplete_at: null,
  };
}

/** A `thread.run` object in its first (`queued`) state. */
export function runObject(input: {
  id: string;
  threadId: string;
  assistant: ApiObject;
  createdAt: number;
  instructions?: unknown;
  model?: unknown;
  tools?: unknown;
  metadata?: unknown;
}): ApiObject {
  return {
    id: input.id,
    object: "thread.run",
    created_at: input.createdAt,
    assistant_id: input.assistant.id,
    thread_id: input.threadId,
    status: "queued",
    started_at: null,
    expires_at: input.createdAt + 600,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    required_action: null,
    last_error: null,
    model: input.model ?? input.assistant.model,
    instructions: input.instructions ?? input.assistant.instructions ?? null,
    tools: input.tools ?? input.assistant.tools ?? [],
    tool_resources: {},
    metadata: input.metadata ?? {},
    temperature: 1,
    top_p: 1,
    reasoning_effort: null,
    max_completion_tokens: null,
    max_prompt_tokens: null,
    truncation_strategy: { type: "auto", last_messages: null },
    incomplete_details: null,
    usage: null,
    response_format: "auto",
    tool_choice: "auto",
    parallel_tool_calls: true,
  };
}

/** A `thread.run.step` object. */
export function stepObject(input: {
  id: string;
  run: ApiObject;
  createdAt: number;
  details: Record<string, unknown>;
}): ApiObject {
  return {
    id: input.id,
    object: "thread.run.step",
    created_at: input.createdAt,
    run_id: input.run.id,
    assistant_id: input.run.assistant_id,
    thread_id: input.run.thread_id,
    type: input.details.type,
    status: "in_progress",
    cancelled_at: null,
    completed_at: null,
    expires_at: input.run.expires_at,
    failed_at: null,
    last_error: null,
    step_details: input.details,
    usage: null,
  };
}

/** Token usage counted in words (deterministic, good enough for a dev server). */
export function usage(prompt: number, completion: number): Record<string, number> {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
}
