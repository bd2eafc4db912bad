import type { AssistantMessageItem } from "@threadkit/core";
import { Check, Copy, RotateCcw, ThumbsDown, ThumbsUp } from "lucide-react";
import { forwardRef, memo, useMemo, useState } from "react";
import { type FeedbackKind, useThreadUI } from "../context";
import { createPart, type PrimitiveProps } from "../internal/primitive";
import { useCopy } from "../internal/use-copy";
import { Markdown } from "../markdown/markdown";
import type { MarkdownMarker } from "../markdown/render-tokens";
import { CitationMarker } from "./citation";
import type { PlacedCitation } from "./sources";

/**
 * One message (an `article`).
 *
 * @selector [data-tk-part="message"][data-role="user"|"assistant"]
 * @selector [data-status="streaming"|"done"|"error"]
 */
export const MessageRoot = createPart("article", "message", "Message.Root");
/** The message body (bubble for user messages). @selector [data-tk-part="message-content"] */
export const MessageContent = createPart("div", "message-content", "Message.Content");
/** A row of message actions. @selector [data-tk-part="message-actions"] */
export const MessageActionBar = createPart("div", "message-actions", "Message.ActionBar");

/** Props of {@link MessageText}. */
export interface MessageTextProps {
  /** Markdown text of one output part. */
  text: string;
  /** `true` while the text still grows. @default false */
  streaming?: boolean;
  /** Annotations placed in this part (from `collectSources`). */
  citations?: readonly PlacedCitation[];
}

/**
 * Markdown text of an assistant reply with inline citation markers at their annotation index.
 * Streaming-safe: only the unfinished tail block re-renders on a delta.
 */
export const MessageText = memo(function MessageText({
  text,
  streaming = false,
  citations,
}: MessageTextProps) {
  const key = citations?.map((c) => `${c.entry.number}@${c.index}`).join(",") ?? "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` captures the citations' content
  const markers = useMemo<MarkdownMarker[] | undefined>(
    () =>
      citations?.map((c) => ({
        index: c.index,
        key: `c${c.ordinal}`,
        node: (
          <sup data-tk-part="citation-wrap">
            <CitationMarker entry={c.entry} />
          </sup>
        ),
      })),
    [key],
  );
  return <Markdown text={text} streaming={streaming} {...(markers ? { markers } : {})} />;
});

/** Props of {@link MessageActions}. */
export interface MessageActionsProps extends PrimitiveProps<"div"> {
  item: AssistantMessageItem;
}

/** Plain text of an assistant reply (what "copy" puts on the clipboard). */
export function assistantText(item: AssistantMessageItem): string {
  return item.content.map((part) => part.text).join("\n\n");
}

/**
 * Copy, feedback and retry for a finished assistant reply. Feedback and retry appear when the
 * app handles them (`onFeedback`, `onRetry` on the provider).
 *
 * @selector [data-tk-part="message-action"][data-action="copy"|"feedback-positive"|"feedback-negative"|"retry"]
 */
export const MessageActions = forwardRef<HTMLDivElement, MessageActionsProps>(
  function MessageActions({ item, ...props }, ref) {
    const { t, onFeedback, onRetry, onCopy } = useThreadUI();
    const { copied, copy } = useCopy();
    const [feedback, setFeedback] = useState<FeedbackKind | null>(null);
    const give = (kind: FeedbackKind) => {
      setFeedback(kind);
      onFeedback?.(item, kind);
    };
    return (
      <MessageActionBar role="group" aria-label={t("action.actions")} {...props} ref={ref}>
        <button
          type="button"
          data-tk-part="message-action"
          data-action="copy"
          data-copied={copied ? "" : undefined}
          aria-label={copied ? t("action.copied") : t("action.copy")}
          title={t("action.copy")}
          onClick={async () => {
            const text = assistantText(item);
            if (await copy(text)) onCopy?.(item, text);
          }}
        >
          {copied ? <Check aria-hidden size={16} /> : <Copy aria-hidden size={16} />}
        </button>
        {onFeedback ? (
          <>
            <button
              type="button"
              data-tk-part="message-action"
              data-action="feedback-positive"
              aria-label={t("action.feedbackPositive")}
              title={t("action.feedbackPositive")}
              aria-pressed={feedback === "positive"}
              onClick={() => give("positive")}
            >
              <ThumbsUp aria-hidden size={16} />
            </button>
            <button
              type="button"
              data-tk-part="message-action"
              data-action="feedback-negative"
              aria-label={t("action.feedbackNegative")}
              title={t("action.feedbackNegative")}
              aria-pressed={feedback === "negative"}
              onClick={() => give("negative")}
            >
              <ThumbsDown aria-hidden size={16} />
            </button>
          </>
        ) : null}
        {onRetry ? (
          <button
            type="button"
            data-tk-part="message-action"
            data-action="retry"
            aria-label={t("action.retry")}
            title={t("action.retry")}
            onClick={() => onRetry(item)}
          >
            <RotateCcw aria-hidden size={16} />
          </button>
        ) : null}
      </MessageActionBar>
    );
  },
);
