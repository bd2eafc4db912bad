import type { UnknownThreadItem } from "@threadkit/core";
import { CircleHelp } from "lucide-react";
import { forwardRef, type HTMLAttributes } from "react";
import { useThreadUI } from "../context";
import { prettyJson } from "../internal/json";

/** Props of {@link UnknownItem}. */
export interface UnknownItemProps extends HTMLAttributes<HTMLDivElement> {
  item: UnknownThreadItem;
}

/**
 * The visible fallback for an item type this version does not know: it names the type and keeps
 * the raw JSON one click away (as inert text), so nothing the server sent is hidden or lost.
 *
 * @selector [data-tk-part="unknown-item"][data-item-type=<original type>]
 */
export const UnknownItem = forwardRef<HTMLDivElement, UnknownItemProps>(function UnknownItem(
  { item, ...props },
  ref,
) {
  const { t } = useThreadUI();
  const type = typeof item.original_type === "string" ? item.original_type : "unknown";
  const [before, after] = t("unknown.title", { type: "\u0000" }).split("\u0000");
  return (
    <div ref={ref} data-tk-part="unknown-item" data-item-type={type} role="note" {...props}>
      <p data-tk-part="unknown-item-title">
        <CircleHelp aria-hidden size={16} />
        <span>
          {before}
          <code>{type}</code>
          {after}
        </span>
      </p>
      <details data-tk-part="raw-details">
        <summary>{t("unknown.raw")}</summary>
        <pre data-tk-part="raw-json">{prettyJson(item.raw)}</pre>
      </details>
    </div>
  );
});
