import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import {
  type ActionConfig,
  applyThreadItemUpdate,
  type ThreadItemUpdate,
  type WidgetItem,
  type WidgetNode,
} from "@threadkit/core";
import type { ReactNode } from "react";
import { vi } from "vitest";
import type { WidgetComponentProps, WidgetRegistry } from "./context";
import { preloadWidgetIcons } from "./icon";
import { defaultWidgetRegistry } from "./registry";
import { preloadWidgets, WidgetRootView } from "./widget-root";

// The widget catalogue loads lazily; these tests render widgets at once.
beforeAll(() => preloadWidgets());

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const widgetDir = path.resolve(repoRoot, "fixtures/widgets");
const fixtureNames = readdirSync(widgetDir).filter((name) => name.endsWith(".json"));
const fixture = (name: string): WidgetNode =>
  JSON.parse(readFileSync(path.join(widgetDir, name), "utf8"));

function countTypes(node: WidgetNode, counts: Map<string, number> = new Map()) {
  counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
  if (Array.isArray(node.children)) for (const child of node.children) countTypes(child, counts);
  return counts;
}

function Broken(): ReactNode {
  throw new Error("boom");
}

function MyButton({ node }: WidgetComponentProps<WidgetNode & { label?: string }>) {
  return <button type="button" className="ds-button">{`DS ${node.label}`}</button>;
}

const renders = new Map<string, number>();
function CountingText({ node }: WidgetComponentProps) {
  const key = String(node.id);
  renders.set(key, (renders.get(key) ?? 0) + 1);
  return <p data-testid={key}>{String(node.value)}</p>;
}

beforeEach(() => {
  vi.restoreAllMocks();
});

describe("Widget.Root with the recorded fixtures", () => {
  it.each(fixtureNames)("renders %s with no placeholders and one part per node", (name) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const widget = fixture(name);
    const { container } = render(<WidgetRootView widget={widget} />);
    expect(container.querySelector('[data-tk-part="widget-unknown"]')).toBeNull();
    expect(container.querySelector('[data-tk-part="widget-error"]')).toBeNull();
    const counts = countTypes(widget);
    expect(container.querySelectorAll('[data-tk-part="widget-button"]')).toHaveLength(
      counts.get("Button") ?? 0,
    );
    expect(container.querySelectorAll('[data-tk-part="widget-badge"]')).toHaveLength(
      counts.get("Badge") ?? 0,
    );
    expect(container.querySelectorAll('[data-tk-part="widget-title"]')).toHaveLength(
      counts.get("Title") ?? 0,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it("renders the card fixture's text, icon and buttons", () => {
    render(<WidgetRootView widget={fixture("chatkit-python-card-no-data.json")} />);
    expect(screen.getByText("Enable notification")).toHaveAttribute("data-tk-part", "widget-title");
    expect(screen.getByText("Notify me when this item ships").getAttribute("style")).toContain(
      "color: var(--tk-widget-text-secondary)",
    );
    expect(screen.getByRole("button", { name: "No" })).toHaveAttribute("data-variant", "outline");
    expect(document.querySelector('[data-icon="check"] svg')).not.toBeNull();
  });

  it("accepts the widget as a JSON string (hosted REST items)", () => {
    const text = readFileSync(path.join(widgetDir, "chatkit-python-basic-root.json"), "utf8");
    const { container } = render(<WidgetRootView widget={text} />);
    expect(container.firstElementChild).toHaveAttribute("data-widget-type", "Basic");
  });
});

describe("Widget.Root robustness", () => {
  it("renders a named placeholder for an unknown type while its siblings render", () => {
    render(
      <WidgetRootView
        widget={{
          type: "Card",
          children: [
            { type: "Text", value: "before" },
            { type: "Hologram", frames: 24 },
            { type: "Text", value: "after" },
          ],
        }}
      />,
    );
    expect(screen.getByRole("note")).toHaveTextContent("Hologram");
    expect(screen.getByText("before")).toBeVisible();
    expect(screen.getByText("after")).toBeVisible();
  });

  it("ignores an invalid prop with a development warning and never crashes", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    render(
      <WidgetRootView
        widget={{
          type: "Card",
          children: [{ type: "Text", value: "Hi", size: { nope: 1 }, weight: "bold" }],
        }}
      />,
    );
    const text = screen.getByText("Hi");
    expect(text).toHaveAttribute("data-size", "md");
    expect(text).toHaveAttribute("data-weight", "bold");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Text.size has an invalid value"));
  });

  it("shows an error note for input that is not a widget", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    render(<WidgetRootView widget="{oops" />);
    expect(screen.getByRole("note")).toHaveTextContent("could not be displayed");
  });

  it("keeps a component that throws from taking its siblings down", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <WidgetRootView
        components={{ Badge: Broken }}
        widget={{
          type: "Card",
          children: [
            { type: "Badge", label: "x" },
            { type: "Text", value: "still here" },
          ],
        }}
      />,
    );
    expect(screen.getByRole("note")).toHaveTextContent("Could not render widget Badge");
    expect(screen.getByText("still here")).toBeVisible();
  });

  it("blocks image sources outside the allow-list", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { container } = render(
      <WidgetRootView
        widget={{
          type: "Card",
          children: [
            { type: "Image", src: "javascript:alert(1)", alt: "evil" },
            { type: "Image", src: "https://example.com/a.png", alt: "ok" },
          ],
        }}
      />,
    );
    const images = container.querySelectorAll("img");
    expect(images).toHaveLength(1);
    expect(images[0]).toHaveAttribute("src", "https://example.com/a.png");
    expect(container.querySelector('[data-tk-part="widget-image-blocked"]')).toHaveAttribute(
      "aria-label",
      "evil",
    );
  });

  it("never puts url() from a color into a style", () => {
    const { container } = render(
      <WidgetRootView
        widget={{
          type: "Card",
          children: [{ type: "Box", background: "url(https://tracker.example/x.png)" }],
        }}
      />,
    );
    const box = container.querySelector('[data-tk-part="widget-box"]') as HTMLElement;
    expect(box.getAttribute("style") ?? "").not.toContain("url(");
  });
});

describe("Transition", () => {
  it("renders a single child (chatkit-js) and every child of an array", () => {
    const single: WidgetNode = {
      type: "Card",
      children: [{ type: "Transition", children: { type: "Text", value: "one" } }],
    };
    const { container, unmount } = render(<WidgetRootView widget={single} />);
    const part = container.querySelector('[data-tk-part="widget-transition"]');
    expect(part).toHaveTextContent("one");
    unmount();
    const list: WidgetNode = {
      type: "Card",
      children: [
        {
          type: "Transition",
          children: [
            { type: "Text", value: "first" },
            { type: "Text", value: "second" },
          ],
        },
      ],
    };
    render(<WidgetRootView widget={list} />);
    expect(screen.getByText("first")).toBeInTheDocument();
    expect(screen.getByText("second")).toBeInTheDocument();
  });
});

describe("Widget registry", () => {
  it("replaces a widget type with the app's component", () => {
    const components: WidgetRegistry = { Button: MyButton };
    render(
      <WidgetRootView
        components={components}
        widget={fixture("chatkit-python-card-no-data.json")}
      />,
    );
    expect(screen.getByRole("button", { name: "DS Yes" })).toHaveClass("ds-button");
    expect(screen.getByText("Enable notification")).toBeVisible();
  });

  it("exports a default for every catalogue type", () => {
    expect(Object.keys(defaultWidgetRegistry)).toHaveLength(30);
  });
});

describe("Widget streaming updates", () => {
  function renderCounting() {
    renders.clear();
    const components: WidgetRegistry = { Text: CountingText };
    let item: WidgetItem = {
      id: "itm_w",
      thread_id: "thr_1",
      created_at: "2026-05-01T10:00:00",
      type: "widget",
      widget: {
        type: "Card",
        children: [
          { type: "Text", id: "a", value: "Alpha" },
          { type: "Col", children: [{ type: "Text", id: "b", value: "Be", streaming: true }] },
          { type: "Text", id: "c", value: "Gamma" },
        ],
      },
    };
    const view = render(
      <WidgetRootView components={components} widget={item.widget} itemId={item.id} />,
    );
    const apply = (update: ThreadItemUpdate) => {
      item = applyThreadItemUpdate(item, update) as WidgetItem;
      view.rerender(
        <WidgetRootView components={components} widget={item.widget} itemId={item.id} />,
      );
    };
    return { apply };
  }

  it("re-renders only the streamed node on widget.streaming_text.value_delta", () => {
    const { apply } = renderCounting();
    expect(Object.fromEntries(renders)).toEqual({ a: 1, b: 1, c: 1 });
    apply({
      type: "widget.streaming_text.value_delta",
      component_id: "b",
      delta: "ta",
      done: false,
    });
    apply({ type: "widget.streaming_text.value_delta", component_id: "b", delta: "!", done: true });
    expect(screen.getByTestId("b")).toHaveTextContent("Beta!");
    expect(Object.fromEntries(renders)).toEqual({ a: 1, b: 3, c: 1 });
  });

  it("re-renders only the replaced node on widget.component.updated", () => {
    const { apply } = renderCounting();
    apply({
      type: "widget.component.updated",
      component_id: "c",
      component: { type: "Text", id: "c", value: "Gamma 2" },
    });
    expect(screen.getByTestId("c")).toHaveTextContent("Gamma 2");
    expect(Object.fromEntries(renders)).toEqual({ a: 1, b: 1, c: 2 });
  });

  it("applies widget.root.updated and keeps DOM nodes of unchanged positions", () => {
    const { apply } = renderCounting();
    const before = screen.getByTestId("a");
    apply({
      type: "widget.root.updated",
      widget: { type: "Card", children: [{ type: "Text", id: "a", value: "Alpha" }] },
    });
    expect(screen.getByTestId("a")).toBe(before);
    expect(screen.queryByTestId("c")).toBeNull();
  });

  it("marks streaming text for styling and assistive technology", () => {
    render(
      <WidgetRootView
        widget={{
          type: "Card",
          children: [{ type: "Text", id: "t", value: "Hel", streaming: true }],
        }}
      />,
    );
    const text = screen.getByText("Hel");
    expect(text).toHaveAttribute("data-status", "streaming");
    expect(text).toHaveAttribute("aria-busy", "true");
  });
});

describe("Widget actions", () => {
  const formWidget = {
    type: "Card",
    children: [
      {
        type: "Form",
        onSubmitAction: { type: "todo.create", payload: { list: "inbox" } },
        children: [
          { type: "Label", value: "Title", fieldName: "todo.title" },
          { type: "Input", name: "todo.title", defaultValue: "Buy milk", required: true },
          { type: "Textarea", name: "todo.notes", defaultValue: "2 liters" },
          { type: "Input", name: "count", inputType: "number", defaultValue: "3" },
          { type: "Checkbox", name: "urgent", label: "Urgent", defaultChecked: true },
          {
            type: "RadioGroup",
            name: "when",
            ariaLabel: "When",
            defaultValue: "today",
            options: [
              { label: "Today", value: "today" },
              { label: "Later", value: "later" },
            ],
          },
          { type: "DatePicker", name: "due", defaultValue: "2026-05-01T00:00:00" },
          { type: "Button", label: "Add", submit: true },
        ],
      },
    ],
  };

  it("gathers form values by name (dotted names nest) into the submit payload", async () => {
    const onAction = vi.fn<(action: ActionConfig, context: unknown) => void>();
    render(<WidgetRootView widget={formWidget} itemId="itm_1" onAction={onAction} />);
    expect(screen.getByLabelText("Title")).toHaveValue("Buy milk");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add" }));
    });
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(onAction.mock.calls[0]?.[0]).toEqual({
      type: "todo.create",
      payload: {
        list: "inbox",
        todo: { title: "Buy milk", notes: "2 liters" },
        count: 3,
        urgent: true,
        when: "today",
        due: "2026-05-01",
      },
    });
    expect(onAction.mock.calls[0]?.[1]).toMatchObject({ itemId: "itm_1" });
  });

  it("does not submit while a required field is empty", async () => {
    const onAction = vi.fn();
    render(<WidgetRootView widget={formWidget} onAction={onAction} />);
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add" }));
    });
    expect(onAction).not.toHaveBeenCalled();
  });

  it("routes client actions to onClientAction and server actions to onAction", async () => {
    const onAction = vi.fn();
    const onClientAction = vi.fn();
    render(
      <WidgetRootView
        widget={fixture("adv-cat-name-suggestions.json")}
        onAction={onAction}
        onClientAction={onClientAction}
      />,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /Suggest more names/ }));
    });
    expect(onClientAction).toHaveBeenCalledWith(
      { type: "cats.more_names", handler: "client", payload: {} },
      expect.objectContaining({ itemId: undefined }),
    );
    expect(onAction).not.toHaveBeenCalled();
  });

  it("fires list item actions by click and keyboard, with loading on the item (auto → self)", async () => {
    let resolve: () => void = () => {};
    const onAction = vi.fn(() => new Promise<void>((done) => (resolve = done)));
    render(<WidgetRootView widget={fixture("adv-meal-preferences.json")} onAction={onAction} />);
    const item = screen.getByRole("button", { name: /Kosher/ });
    await act(async () => {
      fireEvent.keyDown(item, { key: "Enter" });
    });
    expect(onAction).toHaveBeenCalledWith(
      expect.objectContaining({ type: "support.set_meal_preference", payload: { meal: "kosher" } }),
      expect.anything(),
    );
    expect(item).toHaveAttribute("aria-busy", "true");
    fireEvent.click(item);
    expect(onAction).toHaveBeenCalledTimes(1);
    await act(async () => resolve());
    expect(item).not.toHaveAttribute("aria-busy");
  });

  it("shows container loading on the whole widget for loadingBehavior container", async () => {
    let resolve: () => void = () => {};
    const onAction = vi.fn(() => new Promise<void>((done) => (resolve = done)));
    const { container } = render(
      <WidgetRootView
        onAction={onAction}
        widget={{
          type: "Card",
          children: [
            {
              type: "Button",
              label: "Go",
              onClickAction: { type: "go", loadingBehavior: "container" },
            },
          ],
        }}
      />,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Go" }));
    });
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveAttribute("data-loading", "");
    expect(root.inert).toBe(true);
    await act(async () => resolve());
    expect(root).not.toHaveAttribute("data-loading");
    expect(root.inert).toBe(false);
  });

  it("sends Card confirm with the fields of an asForm card", async () => {
    const onAction = vi.fn();
    render(
      <WidgetRootView
        onAction={onAction}
        widget={{
          type: "Card",
          asForm: true,
          confirm: { label: "Save", action: { type: "profile.save" } },
          cancel: { label: "Cancel", action: { type: "profile.cancel" } },
          children: [{ type: "Input", name: "name", defaultValue: "Ada" }],
        }}
      />,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
    });
    expect(onAction).toHaveBeenCalledWith(
      { type: "profile.save", payload: { name: "Ada" } },
      expect.anything(),
    );
  });

  it("leaves out a field that collides with a payload key and warns", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const onAction = vi.fn();
    render(
      <WidgetRootView
        onAction={onAction}
        widget={{
          type: "Card",
          children: [
            {
              type: "Form",
              children: [
                { type: "Input", name: "id", defaultValue: "typed" },
                { type: "Button", label: "Send", onClickAction: { type: "x", payload: { id: 7 } } },
              ],
            },
          ],
        }}
      />,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Send" }));
    });
    expect(onAction).toHaveBeenCalledWith({ type: "x", payload: { id: 7 } }, expect.anything());
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"id" collides'));
  });

  it("sends a checkbox change action with its new value (auto → no loading)", async () => {
    const onAction = vi.fn(() => Promise.resolve());
    render(
      <WidgetRootView
        onAction={onAction}
        widget={{
          type: "Card",
          children: [
            {
              type: "Checkbox",
              name: "notify",
              label: "Notify me",
              onChangeAction: { type: "pref" },
            },
          ],
        }}
      />,
    );
    const box = screen.getByRole("checkbox", { name: "Notify me" });
    await act(async () => {
      fireEvent.click(box);
    });
    expect(onAction).toHaveBeenCalledWith(
      { type: "pref", payload: { notify: true } },
      expect.anything(),
    );
    expect(box).not.toHaveAttribute("aria-busy");
  });
});

describe("ListView", () => {
  it("shows `limit` items and the rest behind Show more", () => {
    const children = ["a", "b", "c", "d"].map((key) => ({
      type: "ListViewItem",
      key,
      children: [{ type: "Text", value: `Item ${key}` }],
    }));
    render(<WidgetRootView widget={{ type: "ListView", limit: 2, children }} />);
    const list = screen.getByRole("list");
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: /Show more/ }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(4);
    expect(screen.queryByRole("button", { name: /Show more/ })).toBeNull();
  });
});

describe("Icons", () => {
  it("renders lucide icons for built-in names and a placeholder for unknown ones", async () => {
    await preloadWidgetIcons();
    const { container } = render(
      <WidgetRootView
        widget={{
          type: "Card",
          children: [
            { type: "Icon", name: "sparkle" },
            { type: "Icon", name: "not-an-icon" },
          ],
        }}
      />,
    );
    expect(container.querySelector('[data-icon="sparkle"] svg.lucide')).not.toBeNull();
    expect(container.querySelector('[data-tk-part="widget-icon-placeholder"]')).toHaveAttribute(
      "data-icon",
      "not-an-icon",
    );
  });
});
