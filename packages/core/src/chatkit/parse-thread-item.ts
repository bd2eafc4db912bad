/**
 * The checks of the ChatKit protocol's objects and answers, over the valibot item schemas
 * (`./schema`). The public parsers here are synchronous; the protocol client reaches this module
 * with `import()` when a request starts, in parallel with the network, and checks the answer once
 * both are there, so a page's first chunks carry neither valibot nor the schemas.
 */
import * as v from "valibot";
import { type JsonPath, ValidationError } from "../errors";
import { isJsonObject, validationError, validationErrorFromIssues } from "../errors/issues";
import { toUnknownThreadItem } from "./item-origin";
import type { ChatKitJsonResponseMap, JsonRequestType } from "./requests";
import {
  attachment as attachmentSchema,
  pageEnvelope,
  threadItemSchemas,
  threadMetadata,
} from "./schema";
import type { Thread, ThreadMetadata } from "./thread";
import type { Attachment, JsonObject, ThreadItem } from "./thread-item";

/**
 * @internal The protocol client's upload, loaded with the checks it awaits (see `./client`), and
 * the byte upload under it (the Assistants client's file upload loads it from here too).
 */
export { uploadBytes } from "../http/upload";
export { uploadAttachment } from "./upload-attachment";
export { toUnknownThreadItem };

type KnownItemType = keyof typeof threadItemSchemas;

/**
 * `json` with every Assistants-shaped refusal part (`{type: "refusal", refusal}`) of its
 * `content` read as the canonical refusal part (`output_text` with `refusal: true`), so a server
 * that sends one loses nothing; `json` itself when there is none.
 */
function withCanonicalRefusals(json: JsonObject): JsonObject {
  const content = json.content;
  if (!Array.isArray(content)) return json;
  let next: unknown[] | undefined;
  for (let i = 0; i < content.length; i++) {
    const part: unknown = content[i];
    if (isJsonObject(part) && part.type === "refusal" && typeof part.refusal === "string") {
      next ??= content.slice();
      const { refusal, ...rest } = part;
      next[i] = { ...rest, type: "output_text", text: refusal, annotations: [], refusal: true };
    }
  }
  return next === undefined ? json : { ...json, content: next };
}

/** @internal Validates one item; issue paths start with `prefix`. */
export function parseThreadItemAt(json: unknown, prefix: JsonPath, root: unknown): ThreadItem {
  if (!isJsonObject(json)) throw validationError("thread item", prefix, "object", json, root);
  const type = json.type;
  if (typeof type !== "string") {
    throw validationError("thread item", [...prefix, "type"], "string", type, root);
  }
  const schema = threadItemSchemas[type as KnownItemType];
  if (schema === undefined || !Object.hasOwn(threadItemSchemas, type)) {
    return toUnknownThreadItem(json, type);
  }
  const input = type === "assistant_message" ? withCanonicalRefusals(json) : json;
  const result = v.safeParse(schema, input);
  if (!result.success) {
    throw validationErrorFromIssues(`thread item (${type})`, result.issues, root, prefix);
  }
  return result.output as ThreadItem;
}

/**
 * Validates a canonical ChatKit protocol thread item (as a ChatKit server sends it).
 *
 * - Known types are checked in full; a broken shape throws a {@link ValidationError} naming the
 *   path (`content[0].text`).
 * - Unknown types (a newer server) become an {@link UnknownThreadItem} holding the item whole
 *   under `raw`; they are never dropped and never throw.
 * - Unknown fields pass through; fields the server may omit get the server's defaults
 *   (`attachments: []`, `annotations: []`, `inference_options: {}`, `status: "pending"`).
 * - Widgets are checked only for an object with a string `type`.
 * - An assistant message part `{type: "refusal", refusal}` (the Assistants shape) becomes the
 *   canonical refusal part `{type: "output_text", text, annotations: [], refusal: true}`.
 *
 * Hosted REST items (`chatkit.user_message` …) are a different shape: use
 * `normalizeChatKitRestItem` for those.
 */
export function parseThreadItem(json: unknown): ThreadItem {
  return parseThreadItemAt(json, [], json);
}

/** @internal */
export function parseThreadAt(json: unknown, prefix: JsonPath, root: unknown): Thread {
  const meta = v.safeParse(threadMetadata, json);
  if (!meta.success) throw validationErrorFromIssues("thread", meta.issues, root, prefix);
  const thread = meta.output as ThreadMetadata & { items?: unknown };
  const items = thread.items;
  if (items === undefined) {
    // `threads.list` sends threads without items.
    return { ...thread, items: { data: [], has_more: false } };
  }
  return { ...thread, items: parseItemsPageAt(items, [...prefix, "items"], root) };
}

/** @internal */
export function parseItemsPageAt(json: unknown, prefix: JsonPath, root: unknown): Thread["items"] {
  const page = v.safeParse(pageEnvelope, json);
  if (!page.success) throw validationErrorFromIssues("page", page.issues, root, prefix);
  const data = page.output.data.map((item, index) =>
    parseThreadItemAt(item, [...prefix, "data", index], root),
  );
  return { ...(page.output as Thread["items"]), data };
}

/** Validates a protocol `Thread` (`threads.get_by_id`, `threads.update`, `thread.created`). */
export function parseThread(json: unknown): Thread {
  return parseThreadAt(json, [], json);
}

/** Validates a protocol `Page<ThreadItem>` (`items.list`); unknown items are preserved. */
export function parseThreadItemsPage(json: unknown): Thread["items"] {
  return parseItemsPageAt(json, [], json);
}

/** Validates a protocol `Page<Thread>` (`threads.list`). */
export function parseThreadsPage(json: unknown): {
  data: Thread[];
  has_more: boolean;
  after?: string | null;
} {
  const page = v.safeParse(pageEnvelope, json);
  if (!page.success) throw validationErrorFromIssues("page", page.issues, json);
  const data = page.output.data.map((thread, index) =>
    parseThreadAt(thread, ["data", index], json),
  );
  return { ...(page.output as { has_more: boolean; after?: string | null }), data };
}

/** Validates an attachment (as `attachments.create` or a direct upload answers it). */
export function parseAttachment(json: unknown): Attachment {
  const result = v.safeParse(attachmentSchema, json);
  if (!result.success) throw validationErrorFromIssues("attachment", result.issues, json);
  return result.output as Attachment;
}

const EMPTY = (json: unknown): JsonObject => (isJsonObject(json) ? json : {});

/**
 * @internal The check of each JSON operation's answer. The protocol client loads this module
 * with `import()` when a request starts, in parallel with the network, so a page's first chunks
 * do not carry the schemas (see `loadResponseParsers` in `./client`).
 */
export const RESPONSE_PARSERS: {
  [K in JsonRequestType]: (json: unknown) => ChatKitJsonResponseMap[K];
} = {
  "threads.sync_custom_action": (json) => {
    if (!isJsonObject(json)) throw validationError("sync action result", [], "object", json, json);
    if (json.updated_item == null) return json as { updated_item?: null };
    try {
      return { ...json, updated_item: parseThreadItem(json.updated_item) };
    } catch (error) {
      if (error instanceof ValidationError) throw error.withPrefix(["updated_item"]);
      throw error;
    }
  },
  "threads.get_by_id": parseThread,
  "threads.list": parseThreadsPage,
  "threads.update": parseThread,
  "threads.delete": EMPTY,
  "items.list": parseThreadItemsPage,
  "items.feedback": EMPTY,
  "attachments.create": parseAttachment,
  "attachments.delete": EMPTY,
  "input.transcribe": (json) => {
    if (!isJsonObject(json) || typeof json.text !== "string") {
      throw validationError(
        "transcription",
        ["text"],
        "string",
        isJsonObject(json) ? json.text : json,
        json,
      );
    }
    return json as { text: string };
  },
};
