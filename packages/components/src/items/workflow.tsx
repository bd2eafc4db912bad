// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown tokens, content parts and tasks are positional and only ever append
import type { Workflow, WorkflowItem } from "@threadkit/core";
import { ChevronDown, LoaderCircle, Sparkles } from "lucide-react";
import { memo, useEffect, useId, useRef, useState } from "react";
import { type ItemRendererProps, type ThreadUIContextValue, useThreadUI } from "../context";
import { disclosureProps } from "./disclosure";
import { NamedIcon } from "./named-icon";
import { TaskView } from "./task";

/** "12s" / "2m 5s" in the active locale. */
export function formatDuration(seconds: number, t: ThreadUIContextValue["t"]): string {
  const total = Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0));
  if (total < 60) return t("duration.seconds", { count: total });
  return t("duration.minutes", { minutes: Math.floor(total / 60), seconds: total % 60 });
}

function summaryText(workflow: Workflow, streaming: boolean, t: ThreadUIContextValue["t"]): string {
  const summary = workflow.summary;
  if (summary && "title" in summary && summary.title) return summary.title;
  const reasoning = workflow.type === "reasoning";
  if (summary && "duration" in summary) {
    const duration = formatDuration(summary.duration, t);
    return reasoning ? t("workflow.thought", { duration }) : t("workflow.duration", { duration });
  }
  if (streaming) return reasoning ? t("workflow.thinking") : t("workflow.working");
  return t("workflow.steps", { count: workflow.tasks.length });
}

/**
 * Default renderer of `workflow` (task group): a native `<details>` whose `<summary>` shows a
 * custom or duration summary. It starts open when `workflow.expanded` is set (and follows later changes of it) and
 * shows tasks as they stream in.
 *
 * @selector [data-tk-part="workflow"][data-status="streaming"|"done"][data-workflow-type="custom"|"reasoning"]
 * @selector [data-tk-part="workflow-trigger"][data-state="open"|"closed"] (the `<summary>`)
 * @selector [data-tk-part="workflow-icon"][data-icon] (a custom summary's icon name)
 */
export const WorkflowView = memo(function WorkflowView({
  item,
  status = "done",
}: ItemRendererProps<WorkflowItem>) {
  const { t } = useThreadUI();
  const workflow = item.workflow ?? { type: "custom", tasks: [] };
  const tasks = Array.isArray(workflow.tasks) ? workflow.tasks : [];
  const expanded = workflow.expanded ?? false;
  const [open, setOpen] = useState(expanded);
  const lastExpanded = useRef(expanded);
  useEffect(() => {
    if (lastExpanded.current !== expanded) {
      lastExpanded.current = expanded;
      setOpen(expanded);
    }
  }, [expanded]);
  const streaming = status === "streaming";
  const summary = workflow.summary;
  const icon = summary && "title" in summary ? summary.icon : undefined;
  const contentId = useId();
  const disclosure = disclosureProps(open, setOpen, contentId);
  return (
    <details
      data-tk-part="workflow"
      data-status={streaming ? "streaming" : "done"}
      data-workflow-type={workflow.type}
      {...disclosure.details}
    >
      <summary data-tk-part="workflow-trigger" {...disclosure.summary}>
        <span data-tk-part="workflow-icon" aria-hidden data-icon={icon ?? undefined}>
          {streaming ? (
            <LoaderCircle size={14} data-tk-part="spinner" />
          ) : (
            <NamedIcon name={icon} fallback={<Sparkles size={14} />} />
          )}
        </span>
        <span data-tk-part="workflow-summary">
          {summaryText({ ...workflow, tasks }, streaming, t)}
        </span>
        <ChevronDown aria-hidden size={16} data-tk-part="chevron" />
      </summary>
      {open ? (
        <div id={contentId} data-tk-part="workflow-content" data-state="open">
          <ol data-tk-part="workflow-tasks">
            {tasks.map((task, i) => (
              // Tasks are addressed by index in the protocol (`task_index`).
              <li key={i} data-tk-part="workflow-task">
                <TaskView task={task} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </details>
  );
});
