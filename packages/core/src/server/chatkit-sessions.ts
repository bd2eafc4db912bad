/**
 * Server-side helpers for hosted ChatKit sessions. They need an OpenAI API key, so they belong on
 * the integrator's server; the browser only ever receives the short-lived client secret.
 */

import { ValidationError, type ValidationIssue } from "../errors";
import type { RequestOptions } from "../http/client";
import { createChatKitRestClient } from "../rest/client";
import type { ChatSession, ChatSessionCreateParams } from "../rest/types";
import { CHAT_SESSION_LIMITS } from "../rest/types";

/** Options of the session helpers. */
export interface ChatKitSessionsOptions {
  /** OpenAI API key. Never send it to a browser. */
  apiKey: string;
  /** @default "https://api.openai.com/v1" */
  baseUrl?: string;
  /** `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per-request timeout in ms. @default 60000 */
  timeoutMs?: number;
  /** Retries on 408/409/429/5xx. @default 2 */
  maxRetries?: number;
}

/** What the browser needs from a session (no API key, no configuration). */
export interface ClientSecret {
  client_secret: string;
  /** Unix seconds. */
  expires_at: number;
}

function checkInteger(
  issues: ValidationIssue[],
  path: (string | number)[],
  value: number | undefined,
  min: number,
  max?: number,
): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    const range = max === undefined ? `an integer ≥ ${min}` : `an integer in ${min}..${max}`;
    issues.push({
      path,
      message: `expected ${range}, received ${value}`,
      expected: range,
      received: String(value),
    });
  }
}

/**
 * Checks session parameters against the documented bounds before a request is made:
 * `expires_after.seconds` 1..600, `file_upload.max_file_size` 1..512 (MB), `max_files` ≥ 1,
 * `history.recent_threads` ≥ 1, `rate_limits.max_requests_per_1_minute` ≥ 1, a non-empty
 * `user`, a `workflow.id`, and state variable keys of at most 64 characters.
 *
 * @throws {ValidationError} naming the first bad field.
 */
export function assertChatSessionCreateParams(params: ChatSessionCreateParams): void {
  const issues: ValidationIssue[] = [];
  const L = CHAT_SESSION_LIMITS;
  if (typeof params.user !== "string" || params.user === "") {
    issues.push({ path: ["user"], message: "expected a non-empty string", expected: "string" });
  }
  if (typeof params.workflow?.id !== "string" || params.workflow.id === "") {
    issues.push({
      path: ["workflow", "id"],
      message: "expected a non-empty string",
      expected: "string",
    });
  }
  for (const key of Object.keys(params.workflow?.state_variables ?? {})) {
    if (key.length > L.stateVariableKeyLength.max) {
      issues.push({
        path: ["workflow", "state_variables", key],
        message: `expected a key of at most ${L.stateVariableKeyLength.max} characters`,
      });
    }
  }
  checkInteger(
    issues,
    ["expires_after", "seconds"],
    params.expires_after?.seconds,
    L.expiresAfterSeconds.min,
    L.expiresAfterSeconds.max,
  );
  const upload = params.chatkit_configuration?.file_upload;
  checkInteger(
    issues,
    ["chatkit_configuration", "file_upload", "max_file_size"],
    upload?.max_file_size,
    L.maxFileSizeMb.min,
    L.maxFileSizeMb.max,
  );
  checkInteger(
    issues,
    ["chatkit_configuration", "file_upload", "max_files"],
    upload?.max_files,
    L.maxFiles.min,
  );
  checkInteger(
    issues,
    ["chatkit_configuration", "history", "recent_threads"],
    params.chatkit_configuration?.history?.recent_threads,
    L.recentThreads.min,
  );
  checkInteger(
    issues,
    ["rate_limits", "max_requests_per_1_minute"],
    params.rate_limits?.max_requests_per_1_minute,
    L.maxRequestsPer1Minute.min,
  );
  if (issues.length > 0) {
    throw new ValidationError({ subject: "ChatKit session parameters", issues, input: params });
  }
}

function restClient(options: ChatKitSessionsOptions) {
  const { apiKey, baseUrl, fetch, timeoutMs, maxRetries } = options;
  return createChatKitRestClient({
    apiKey,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(fetch !== undefined ? { fetch } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxRetries !== undefined ? { maxRetries } : {}),
  });
}

/**
 * Creates a hosted ChatKit session (`POST /v1/chatkit/sessions`) after checking the parameters'
 * bounds. Return only {@link toClientSecret}'s result to the browser.
 *
 * @example
 * // app/api/chatkit/session/route.ts
 * const session = await createChatKitSession(
 *   { apiKey: process.env.OPENAI_API_KEY! },
 *   { user: userId, workflow: { id: "wf_123" } },
 * );
 * return Response.json(toClientSecret(session));
 */
export async function createChatKitSession(
  options: ChatKitSessionsOptions,
  params: ChatSessionCreateParams,
  call?: RequestOptions,
): Promise<ChatSession> {
  assertChatSessionCreateParams(params);
  return restClient(options).sessions.create(params, call);
}

/** Cancels a session (`POST /v1/chatkit/sessions/{id}/cancel`), invalidating its secret. */
export function cancelChatKitSession(
  options: ChatKitSessionsOptions,
  sessionId: string,
  call?: RequestOptions,
): Promise<ChatSession> {
  return restClient(options).sessions.cancel(sessionId, call);
}

/** The part of a session the browser may see. */
export function toClientSecret(session: ChatSession): ClientSecret {
  return { client_secret: session.client_secret, expires_at: session.expires_at };
}
