import * as v from "valibot";
import { isJsonObject, validationError, validationErrorFromIssues } from "../errors/issues";
import { requestParamsSchemas } from "./request-schema";
import type { ChatKitRequest } from "./requests";
import { assistantMessageContent, jsonObject } from "./schema";
import type { AssistantMessageContent } from "./thread-item";

/**
 * Validates a protocol request body `{type, params, metadata}` (what a ChatKit server receives).
 * Unlike items and events, an unknown operation is an error: a server cannot answer it.
 */
export function parseChatKitRequest(json: unknown): ChatKitRequest {
  if (!isJsonObject(json)) throw validationError("ChatKit request", [], "object", json, json);
  const type = json.type;
  if (typeof type !== "string" || !Object.hasOwn(requestParamsSchemas, type)) {
    throw validationError("ChatKit request", ["type"], "a protocol operation", type, json);
  }
  const schema = requestParamsSchemas[type as keyof typeof requestParamsSchemas];
  const params = v.safeParse(schema, json.params);
  if (!params.success) {
    throw validationErrorFromIssues(`ChatKit request (${type})`, params.issues, json, ["params"]);
  }
  if (json.metadata !== undefined) {
    const metadata = v.safeParse(jsonObject, json.metadata);
    if (!metadata.success) {
      throw validationErrorFromIssues(`ChatKit request (${type})`, metadata.issues, json, [
        "metadata",
      ]);
    }
  }
  return { ...json, type, params: params.output } as ChatKitRequest;
}

/** Validates one assistant message content part (`output_text` with its annotations). */
export function parseAssistantMessageContent(json: unknown): AssistantMessageContent {
  const result = v.safeParse(assistantMessageContent, json);
  if (!result.success) {
    throw validationErrorFromIssues("assistant message content", result.issues, json);
  }
  return result.output as AssistantMessageContent;
}
