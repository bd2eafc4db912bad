// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown tokens, content parts and tasks are positional and only ever append
import type { FileSource, Task, TaskItem, URLSource } from "@threadkit/core";
import {
  Brain,
  CircleCheck,
  FileText,
  Globe,
  ImageIcon,
  LoaderCircle,
  Search,
  Sparkles,
} from "lucide-react";
import { memo } from "react";
import { type ItemRendererProps, useThreadUI } from "../context";
import type { MessageKey } from "../i18n/messages";
import { hostOf, safeUrl } from "../internal/safe-url";
import { VisuallyHidden } from "../internal/slot";
import { Markdown } from "../markdown/markdown";
import { NamedIcon } from "./named-icon";

const DEFAULT_TITLE: Record<Task["type"], MessageKey> = {
  custom: "task.task",
  web_search: "task.searching",
  thought: "task.thinking",
  file: "task.files",
  image: "task.image",
};

function TaskIcon({ task }: { task: Task }) {
  switch (task.type) {
    case "web_search":
      return <Search aria-hidden size={14} />;
    case "thought":
      return <Brain aria-hidden size={14} />;
    case "file":
      return <FileText aria-hidden size={14} />;
    case "image":
      return <ImageIcon aria-hidden size={14} />;
    case "custom":
      return <NamedIcon name={task.icon} fallback={<Sparkles aria-hidden size={14} />} />;
    default:
      return <Sparkles aria-hidden size={14} />;
  }
}

function UrlSources({ sources }: { sources: readonly URLSource[] }) {
  if (sources.length === 0) return null;
  return (
    <ul data-tk-part="task-sources">
      {sources.map((source, i) => {
        const href = safeUrl(source.url, "link");
        const host = hostOf(source.url);
        const body = (
          <>
            <Globe aria-hidden size={12} />
            <span data-tk-part="task-source-title">{source.title}</span>
            {host ? <span data-tk-part="task-source-detail">{host}</span> : null}
          </>
        );
        return (
          <li key={`${source.url}-${i}`}>
            {href ? (
              <a
                data-tk-part="task-source"
                href={href}
                target="_blank"
                rel="noopener noreferrer nofollow"
              >
                {body}
              </a>
            ) : (
              <span data-tk-part="task-source">{body}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function FileSources({ sources }: { sources: readonly FileSource[] }) {
  if (sources.length === 0) return null;
  return (
    <ul data-tk-part="task-sources">
      {sources.map((source, i) => (
        <li key={`${source.filename}-${i}`}>
          <span data-tk-part="task-source">
            <FileText aria-hidden size={12} />
            <span data-tk-part="task-source-title">{source.title || source.filename}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * One task (custom, thought, web search, file search, image) with its status indicator. Used on
 * its own for `task` items and inside workflows. The `content` of custom and thought tasks (a
 * thought's reasoning summary) is markdown, rendered like message text: no raw HTML, allow-listed
 * link and image URLs.
 *
 * @selector [data-tk-part="task"][data-task-type][data-status="loading"|"complete"|"none"]
 * @selector [data-tk-part="task-icon"][data-icon] (a custom task's icon name)
 */
export const TaskView = memo(function TaskView({ task }: { task: Task }) {
  const { t } = useThreadUI();
  const indicator = task.status_indicator ?? "none";
  const title =
    (task.type === "web_search" ? (task.title ?? task.title_query) : task.title) ||
    t(DEFAULT_TITLE[task.type] ?? "task.task");
  return (
    <div data-tk-part="task" data-task-type={task.type} data-status={indicator}>
      <div data-tk-part="task-header">
        <span
          data-tk-part="task-icon"
          data-icon={(task.type === "custom" && task.icon) || undefined}
        >
          {indicator === "loading" ? (
            <LoaderCircle aria-hidden size={14} data-tk-part="spinner" />
          ) : indicator === "complete" ? (
            <CircleCheck aria-hidden size={14} />
          ) : (
            <TaskIcon task={task} />
          )}
        </span>
        <span data-tk-part="task-title">{title}</span>
        {indicator !== "none" ? (
          <VisuallyHidden>
            {indicator === "loading" ? t("task.loading") : t("task.complete")}
          </VisuallyHidden>
        ) : null}
      </div>
      {(task.type === "custom" || task.type === "thought") && task.content ? (
        <div data-tk-part="task-content">
          <Markdown text={task.content} streaming={indicator === "loading"} />
        </div>
      ) : null}
      {task.type === "web_search" && task.queries && task.queries.length > 0 ? (
        <ul data-tk-part="task-queries">
          {task.queries.map((query, i) => (
            <li key={`${query}-${i}`} data-tk-part="task-query">
              <Search aria-hidden size={12} />
              {query}
            </li>
          ))}
        </ul>
      ) : null}
      {task.type === "web_search" ? <UrlSources sources={task.sources ?? []} /> : null}
      {task.type === "file" ? <FileSources sources={task.sources ?? []} /> : null}
    </div>
  );
});

/** Default renderer of `task`: a single task shown on its own. @selector [data-tk-part="task-item"] */
export const TaskItemView = memo(function TaskItemView({ item }: ItemRendererProps<TaskItem>) {
  return (
    <div data-tk-part="task-item">
      <TaskView task={item.task} />
    </div>
  );
});
