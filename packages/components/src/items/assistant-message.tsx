// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown tokens, content parts and tasks are positional and only ever append
import type { AssistantMessageItem } from "@threadkit/core";
import { memo, useMemo } from "react";
import { type ItemRendererProps, useThreadUI } from "../context";
import { SourceList } from "../message/citation";
import { MessageActions, MessageContent, MessageRoot, MessageText } from "../message/message";
import { collectSources } from "../message/sources";

/**
 * Default renderer of `assistant_message`: streaming markdown with inline citations, the sources
 * list and (once done) copy/feedback/retry actions. A refusal part (`output_text` with
 * `refusal: true`) renders in its place as a styled plain-text notice; an empty one, once done,
 * says that the assistant declined.
 *
 * @selector [data-tk-part="message"][data-role="assistant"][data-status]
 * @selector [data-refusal] when the reply holds a refusal
 * @selector [data-tk-part="message-refusal"] a refusal part
 */
export const AssistantMessage = memo(function AssistantMessage({
  item,
  status = "done",
}: ItemRendererProps<AssistantMessageItem>) {
  const { t } = useThreadUI();
  const content = Array.isArray(item.content) ? item.content : [];
  const { entries, placedByPart } = useMemo(() => collectSources(content), [content]);
  const streaming = status === "streaming";
  const textParts = content.filter((part) => part.type === "output_text");
  const refused = textParts.some((part) => part.refusal === true);
  const empty = textParts.every((part) => !part.text);
  return (
    <MessageRoot
      data-role="assistant"
      data-status={status}
      data-refusal={refused ? "" : undefined}
      aria-label={t("item.assistant")}
    >
      <MessageContent>
        {streaming && empty ? <span data-tk-part="typing-indicator" aria-hidden /> : null}
        {content.map((part, i) => {
          if (part.type !== "output_text") return null;
          const text = typeof part.text === "string" ? part.text : "";
          // Content parts only ever append, so the index is a stable key.
          if (part.refusal === true) {
            // Plain text, never markdown: a refusal is a notice, not formatted content.
            return (
              <p key={i} data-tk-part="message-refusal">
                {text || (streaming ? null : t("message.refusal"))}
              </p>
            );
          }
          return (
            <MessageText
              key={i}
              text={text}
              streaming={streaming && i === content.length - 1}
              citations={placedByPart[i] ?? []}
            />
          );
        })}
      </MessageContent>
      {streaming ? null : <SourceList entries={entries} />}
      {streaming ? null : <MessageActions item={item} />}
    </MessageRoot>
  );
});
