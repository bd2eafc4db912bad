// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown tokens, content parts and tasks are positional and only ever append
import type { AssistantMessageItem } from "@threadkit/core";
import { Tooltip } from "radix-ui";
import { memo, useMemo } from "react";
import { type ItemRendererProps, useThreadUI } from "../context";
import { SourceList } from "../message/citation";
import { MessageActions, MessageContent, MessageRoot, MessageText } from "../message/message";
import { collectSources } from "../message/sources";

/** A content part that marks a refusal (Assistants `refusal` blocks, normalized or not). */
function refusalText(item: AssistantMessageItem): string | null {
  for (const part of item.content as unknown as {
    type: string;
    text?: string;
    refusal?: string;
  }[]) {
    if (part.type === "refusal") return part.refusal ?? part.text ?? "";
  }
  return null;
}

/**
 * Default renderer of `assistant_message`: streaming markdown with inline citations, the sources
 * list and (once done) copy/feedback/retry actions. A refusal part renders as a styled notice.
 *
 * @selector [data-tk-part="message"][data-role="assistant"][data-status]
 * @selector [data-refusal] when the reply is a refusal
 */
export const AssistantMessage = memo(function AssistantMessage({
  item,
  status = "done",
}: ItemRendererProps<AssistantMessageItem>) {
  const { t } = useThreadUI();
  const content = Array.isArray(item.content) ? item.content : [];
  const { entries, placedByPart } = useMemo(() => collectSources(content), [content]);
  const streaming = status === "streaming";
  const refusal = refusalText(item);
  const textParts = content.filter((part) => part.type === "output_text");
  const empty = textParts.every((part) => !part.text);
  return (
    <MessageRoot
      data-role="assistant"
      data-status={status}
      data-refusal={refusal !== null ? "" : undefined}
      aria-label={t("item.assistant")}
    >
      <Tooltip.Provider delayDuration={200}>
        <MessageContent>
          {refusal !== null ? (
            <p data-tk-part="message-refusal">{refusal || t("message.refusal")}</p>
          ) : null}
          {streaming && empty ? <span data-tk-part="typing-indicator" aria-hidden /> : null}
          {content.map((part, i) =>
            part.type === "output_text" ? (
              <MessageText
                // Content parts only ever append.
                key={i}
                text={typeof part.text === "string" ? part.text : ""}
                streaming={streaming && i === content.length - 1}
                citations={placedByPart[i] ?? []}
              />
            ) : null,
          )}
        </MessageContent>
        {streaming ? null : <SourceList entries={entries} />}
        {streaming ? null : <MessageActions item={item} />}
      </Tooltip.Provider>
    </MessageRoot>
  );
});
