import type { ThreadItem } from "@threadkit/core";
import { useEffect, useRef, useState } from "react";
import { useThreadUI } from "../context";
import { VisuallyHidden } from "../internal/slot";
import type { ThreadSource } from "./thread-source";

const MAX_ANNOUNCEMENT = 400;

function replyText(item: ThreadItem): string {
  if (item.type !== "assistant_message" || !Array.isArray(item.content)) return "";
  const text = item.content
    .map((part) => (typeof part.text === "string" ? part.text : ""))
    .join(" ")
    // Markdown punctuation is noise when spoken.
    .replace(/[#*_`>|~[\]]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_ANNOUNCEMENT ? `${text.slice(0, MAX_ANNOUNCEMENT)}…` : text;
}

/**
 * A polite live region that speaks an assistant reply once, when it finishes streaming — never
 * per token, and never for replies loaded from history.
 */
export function LiveAnnouncer({ source }: { source: ThreadSource }) {
  const { t } = useThreadUI();
  const [message, setMessage] = useState("");
  const streaming = useRef(new Set<string>());
  const announced = useRef(new Set<string>());

  useEffect(() => {
    const check = () => {
      const ids = source.getItemIds();
      // Only the tail can stream; scanning a few items keeps this O(1) per update.
      for (let i = ids.length - 1; i >= Math.max(0, ids.length - 6); i--) {
        const id = ids[i] as string;
        const status = source.getStatus(id);
        if (status === "streaming") {
          streaming.current.add(id);
        } else if (streaming.current.has(id)) {
          streaming.current.delete(id);
          if (announced.current.has(id)) continue;
          const item = source.getItem(id);
          const text = item ? replyText(item) : "";
          if (text) {
            announced.current.add(id);
            setMessage(t("thread.replyAnnouncement", { text }));
          }
        }
      }
    };
    check();
    return source.subscribe(check);
  }, [source, t]);

  return (
    <VisuallyHidden asChild>
      <div data-tk-part="thread-announcer" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </VisuallyHidden>
  );
}
