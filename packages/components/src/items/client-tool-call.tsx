import type { ClientToolCallItem } from "@threadkit/core";
import { ChevronDown, CircleCheck, LoaderCircle, Wrench } from "lucide-react";
import { memo, useContext, useId, useState, useSyncExternalStore } from "react";
import { type ItemRendererProps, useThreadUI } from "../context";
import { prettyJson } from "../internal/json";
import { ThreadContext } from "../thread/thread-context";
import { disclosureProps } from "./disclosure";

/** What the UI shows for a tool call: the protocol's two states plus "in progress" while the client runs it. */
export type ToolCallDisplayStatus = "pending" | "in_progress" | "completed";

/**
 * The display status of a client tool call: `completed` once it has its output, `in_progress`
 * while the item streams or the client runs the tool (`running`), else `pending`.
 */
export function toolCallStatus(
  item: ClientToolCallItem,
  status: ItemRendererProps["status"],
  running = false,
): ToolCallDisplayStatus {
  if (item.status === "completed") return "completed";
  return status === "streaming" || running ? "in_progress" : "pending";
}

/** Props of {@link ClientToolCall}. */
export interface ClientToolCallProps extends ItemRendererProps<ClientToolCallItem> {
  /**
   * Whether the client is running this tool now. Defaults to what the enclosing `Thread.Root`'s
   * store says (`runningToolCallId`, set while a `useRunStream` client tool handler runs);
   * `false` outside a thread or with a thread fed from plain `items`.
   */
  running?: boolean;
}

const noSubscribe = () => () => {};

/** Whether the enclosing thread's source says the client runs tool call `id` (false without one). */
function useRunningInThread(id: string): boolean {
  const source = useContext(ThreadContext)?.source;
  const isRunning = () => source?.getRunningToolCallId?.() === id;
  return useSyncExternalStore(source?.subscribe ?? noSubscribe, isRunning, isRunning);
}

/**
 * Default renderer of `client_tool_call`: the tool's name, a live status, collapsible
 * pretty-printed arguments and the output once completed. Replace it per tool name with
 * `toolRenderers`.
 *
 * The status is `in_progress` (with the spinning indicator) while the item streams and while
 * the client runs the tool: inside a `Thread.Root` fed by a store, the store's
 * `runningToolCallId` says so; elsewhere pass `running`.
 *
 * @selector [data-tk-part="tool-call"][data-status="pending"|"in_progress"|"completed"]
 * @selector [data-tk-part="tool-call-trigger"][data-state="open"|"closed"] (the `<summary>` of a `<details>`)
 */
export const ClientToolCall = memo(function ClientToolCall({
  item,
  status,
  running,
}: ClientToolCallProps) {
  const { t } = useThreadUI();
  const runningInThread = useRunningInThread(item.id);
  const display = toolCallStatus(item, status, running ?? runningInThread);
  const args = prettyJson(item.arguments ?? {});
  const hasOutput =
    item.status === "completed" && item.output !== undefined && item.output !== null;
  const [open, setOpen] = useState(false);
  const contentId = useId();
  const disclosure = disclosureProps(open, setOpen, contentId);
  return (
    <details
      data-tk-part="tool-call"
      data-status={display}
      aria-label={t("toolCall.title", { name: item.name })}
      {...disclosure.details}
    >
      <summary data-tk-part="tool-call-trigger" {...disclosure.summary}>
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
      </summary>
      {open ? (
        <div id={contentId} data-tk-part="tool-call-content" data-state="open">
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
        </div>
      ) : null}
    </details>
  );
});
