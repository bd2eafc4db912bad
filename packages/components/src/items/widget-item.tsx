import type { WidgetItem } from "@threadkit/core";
import { memo } from "react";
import { type ItemRendererProps, useThreadUI } from "../context";
import { prettyJson } from "../internal/json";

/**
 * Fallback renderer of `widget` used when no widget renderer is registered: the widget's copy
 * text and its JSON as inert text.
 *
 * @selector [data-tk-part="widget-item"][data-widget-type]
 */
export const WidgetItemFallback = memo(function WidgetItemFallback({
  item,
}: ItemRendererProps<WidgetItem>) {
  const { t } = useThreadUI();
  const type = typeof item.widget?.type === "string" ? item.widget.type : "unknown";
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of content, not a form
    <div
      role="group"
      data-tk-part="widget-item"
      data-widget-type={type}
      aria-label={t("widget.label")}
    >
      {item.copy_text ? <p data-tk-part="widget-copy-text">{item.copy_text}</p> : null}
      <details data-tk-part="raw-details">
        <summary>{t("widget.raw")}</summary>
        <pre data-tk-part="raw-json">{prettyJson(item.widget)}</pre>
      </details>
    </div>
  );
});
