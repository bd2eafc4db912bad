import { fireEvent, render, screen } from "@testing-library/react";
import type { Task, WorkflowItem } from "@threadkit/core";
import { ThreadUIProvider } from "../context";
import { loadLocale } from "../i18n/locales";
import { preloadWidgetIcons } from "../widgets/icon";
import { TaskItemView, TaskView } from "./task";
import { WorkflowView } from "./workflow";

// Icons load as one lazy chunk and catalogs other than English on first use; these tests read
// both from the first render.
beforeAll(() => Promise.all([preloadWidgetIcons(), loadLocale("de"), loadLocale("ar")]));

function workflowItem(workflow: WorkflowItem["workflow"]): WorkflowItem {
  return {
    id: "wf",
    thread_id: "thr",
    created_at: "2026-05-01T10:00:00Z",
    type: "workflow",
    workflow,
  };
}

const task: Task = { type: "custom", title: "Checked the calendar", status_indicator: "none" };

function iconOf(container: HTMLElement, part: string) {
  return container.querySelector(`[data-tk-part="${part}"] svg`)?.getAttribute("class") ?? "";
}

describe("WorkflowView", () => {
  it("draws the custom summary's icon by its ChatKit name", () => {
    const { container } = render(
      <WorkflowView
        item={workflowItem({
          type: "custom",
          tasks: [task],
          summary: { title: "Booked", icon: "calendar" },
        })}
      />,
    );
    expect(iconOf(container, "workflow-icon")).toContain("lucide-calendar");
    expect(container.querySelector('[data-tk-part="workflow-icon"]')).toHaveAttribute(
      "data-icon",
      "calendar",
    );
  });

  it("falls back to the default icon for an unknown name", () => {
    const { container } = render(
      <WorkflowView
        item={workflowItem({ type: "custom", tasks: [], summary: { title: "x", icon: "nope" } })}
      />,
    );
    expect(iconOf(container, "workflow-icon")).toContain("lucide-sparkles");
  });

  it("toggles from its <summary> by click, Enter and Space, with aria-expanded", () => {
    const { container } = render(
      <WorkflowView item={workflowItem({ type: "custom", tasks: [task] })} />,
    );
    const trigger = screen.getByRole("button", { name: "1 step" });
    const details = container.querySelector("details");
    expect(trigger.tagName).toBe("SUMMARY");
    expect(trigger).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByText("Checked the calendar")).toBeNull();
    fireEvent.click(trigger);
    expect(trigger).toHaveAttribute("aria-expanded", "true");
    expect(details).toHaveAttribute("open");
    expect(trigger).toHaveAttribute("aria-controls", screen.getByRole("list").parentElement?.id);
    expect(screen.getByText("Checked the calendar")).toBeInTheDocument();
    fireEvent.keyDown(trigger, { key: "Enter" });
    expect(trigger).toHaveAttribute("aria-expanded", "false");
    expect(details).not.toHaveAttribute("open");
    fireEvent.keyDown(trigger, { key: " " });
    expect(trigger).toHaveAttribute("data-state", "open");
    fireEvent.keyDown(trigger, { key: "a" });
    expect(trigger).toHaveAttribute("data-state", "open");
  });

  it("counts steps with the locale's plural forms", () => {
    const one = workflowItem({ type: "custom", tasks: [task] });
    const { rerender } = render(<WorkflowView item={one} />);
    expect(screen.getByRole("button", { name: "1 step" })).toBeInTheDocument();
    rerender(<WorkflowView item={workflowItem({ type: "custom", tasks: [task, task] })} />);
    expect(screen.getByRole("button", { name: "2 steps" })).toBeInTheDocument();
    rerender(
      <ThreadUIProvider locale="ar">
        <WorkflowView item={workflowItem({ type: "custom", tasks: [task, task] })} />
      </ThreadUIProvider>,
    );
    expect(screen.getByRole("button", { name: "خطوتان" })).toBeInTheDocument();
  });
});

describe("TaskView", () => {
  it("draws a custom task's icon and keeps its name as data-icon", () => {
    const { container } = render(<TaskView task={{ ...task, icon: "search" }} />);
    expect(iconOf(container, "task-icon")).toContain("lucide-search");
    expect(container.querySelector('[data-tk-part="task-icon"]')).toHaveAttribute(
      "data-icon",
      "search",
    );
  });

  it("shows the status indicator instead of the icon while loading", () => {
    const { container } = render(
      <TaskView task={{ ...task, icon: "search", status_indicator: "loading" }} />,
    );
    expect(container.querySelector('[data-tk-part="task-icon"] [data-tk-part="spinner"]')).not.toBe(
      null,
    );
  });
});

describe("task content", () => {
  const reasoning = [
    "**Comparing** the `two` routes:",
    "",
    "- via [Zurich](https://example.com/zurich)",
    "- via [Milan](javascript:alert(1))",
    "",
    '<img src="x" onerror="alert(1)">',
  ].join("\n");

  function expectMarkdown(content: Element | null) {
    expect(content).not.toBeNull();
    const markdown = content?.querySelector('[data-tk-part="markdown"]');
    expect(markdown).not.toBeNull();
    expect(markdown?.querySelector("strong")?.textContent).toBe("Comparing");
    expect(markdown?.querySelector("code")?.textContent).toBe("two");
    expect(markdown?.querySelectorAll("li")).toHaveLength(2);
    const links = markdown?.querySelectorAll("a") ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute("href", "https://example.com/zurich");
    // Raw HTML stays text, as in message text.
    expect(markdown?.querySelector("img")).toBeNull();
    expect(markdown?.textContent).toContain('<img src="x" onerror="alert(1)">');
    expect(content?.textContent).not.toContain("**");
  }

  it("renders a thought task's content as markdown inside a workflow", () => {
    const { container } = render(
      <WorkflowView
        item={workflowItem({
          type: "reasoning",
          expanded: true,
          tasks: [{ type: "thought", title: "Planning", content: reasoning }],
        })}
      />,
    );
    expectMarkdown(container.querySelector('[data-tk-part="task-content"]'));
  });

  it("renders a custom task item's content as markdown", () => {
    const { container } = render(
      <TaskItemView
        item={{
          id: "t1",
          thread_id: "thr",
          created_at: "2026-05-01T10:00:00Z",
          type: "task",
          task: { type: "custom", title: "Notes", content: reasoning },
        }}
      />,
    );
    expectMarkdown(container.querySelector('[data-tk-part="task-content"]'));
  });
});
