import type { Annotation, AssistantMessageContent, AssistantMessageItem } from "@threadkit/core";
import { itemBase, type ScriptContext, type ScriptStream } from "./context";

/** Splits text into word-sized deltas that keep their whitespace (so they join back exactly). */
export function wordChunks(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

/**
 * Streams one assistant message the way the ChatKit server does: `thread.item.added` (empty),
 * `content_part.added`, a `text_delta` per word, one `annotation_added` per annotation,
 * `content_part.done`, then `thread.item.done` with the whole message.
 */
export async function* streamAssistantMessage(
  ctx: ScriptContext,
  text: string,
  annotations: Annotation[] = [],
): ScriptStream {
  const base = itemBase(ctx, "msg");
  const item: AssistantMessageItem = { ...base, type: "assistant_message", content: [] };
  yield { type: "thread.item.added", item };
  const empty: AssistantMessageContent = { type: "output_text", text: "", annotations: [] };
  yield {
    type: "thread.item.updated",
    item_id: base.id,
    update: { type: "assistant_message.content_part.added", content_index: 0, content: empty },
  };
  for (const delta of wordChunks(text)) {
    await ctx.pause();
    yield {
      type: "thread.item.updated",
      item_id: base.id,
      update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta },
    };
  }
  for (const [annotation_index, annotation] of annotations.entries()) {
    yield {
      type: "thread.item.updated",
      item_id: base.id,
      update: {
        type: "assistant_message.content_part.annotation_added",
        content_index: 0,
        annotation_index,
        annotation,
      },
    };
  }
  const content: AssistantMessageContent = { type: "output_text", text, annotations };
  yield {
    type: "thread.item.updated",
    item_id: base.id,
    update: { type: "assistant_message.content_part.done", content_index: 0, content },
  };
  yield { type: "thread.item.done", item: { ...item, content: [content] } };
}
