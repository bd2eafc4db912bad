import type { ClientToolCallItem } from "@threadkit/core";
import { ChevronDown, CircleCheck, LoaderCircle, Wrench } from "lucide-react";
import { Collapsible } from "radix-ui";
import { memo } from "react";
import { type ItemRendererProps, useThreadUI } from "../context";
import { prettyJson } from "../internal/json";

/** What the UI shows for a tool call: the protocol's two states plus "in progress" while the client runs it. */
export type ToolCallDisplayStatus = "pending" | "in_progress" | "completed";

/** The display status of a client tool call. */
export function toolCallStatus(
  item: ClientToolCallItem,
  status: ItemRendererProps["status"],
): ToolCallDisplayStatus {
  if (item.status === "completed") return "completed";
  return status === "streaming" ? "in_progress" : "pending";
}

/**
 * Default renderer of `client_tool_call`: the tool's name, a live status, collapsible
 * pretty-printed arguments and the output once completed. Replace it per tool name with
 * `toolRenderers`.
 *
 * @selector [data-tk-part="tool-call"][data-status="pending"|"in_progress"|"completed"]
 * @selector [data-tk-part="tool-call-trigger"][data-state="open"|"closed"] (Radix Collapsible)
 */
export const ClientToolCall = memo(function ClientToolCall({
  item,
  status,
}: ItemRendererProps<ClientToolCallItem>) {
  const { t } = useThreadUI();
  const display = toolCallStatus(item, status);
  const args = prettyJson(item.arguments ?? {});
  const hasOutput =
    item.status === "completed" && item.output !== undefined && item.output !== null;
  return (
    <Collapsible.Root data-tk-part="tool-call" data-status={display} asChild>
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled group of content, not a form */}
      <div role="group" aria-label={t("toolCall.title", { name: item.name })}>
        <Collapsible.Trigger data-tk-part="tool-call-trigger">
          <span data-tk-part="tool-call-icon" aria-hidden>
            <Wrench size={14} />
          </span>
          <span data-tk-part="tool-call-name">{item.name}</span>
          <span data-tk-part="tool-call-status" data-status={display}>
            {display === "completed" ? (
              <CircleCheck aria-hidden size={14} />
            ) : (
              <LoaderCircle
                aria-hidden
                size={14}
                data-tk-part="spinner"
                data-paused={display === "pending" ? "" : undefined}
              />
            )}
            {t(`toolCall.${display}`)}
          </span>
          <ChevronDown aria-hidden size={16} data-tk-part="chevron" />
        </Collapsible.Trigger>
        <Collapsible.Content data-tk-part="tool-call-content">
          <p data-tk-part="tool-call-label">{t("toolCall.arguments")}</p>
          <pre data-tk-part="tool-call-json">
            <code>{args}</code>
          </pre>
          {hasOutput ? (
            <>
              <p data-tk-part="tool-call-label">{t("toolCall.output")}</p>
              <pre data-tk-part="tool-call-json">
                <code>{prettyJson(item.output)}</code>
              </pre>
            </>
          ) : null}
        </Collapsible.Content>
      </div>
    </Collapsible.Root>
  );
});
