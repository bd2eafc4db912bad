import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  isKnownWidgetType,
  parseWidgetRoot,
  safeParseWidgetRoot,
  WidgetParseError,
} from "./parse-widget";
import type { WidgetNode } from "./types";
import { widgetChildren } from "./widget-children";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../..");
const fixtures = path.resolve(repoRoot, "fixtures");
const widgetDir = path.join(fixtures, "widgets");
const widgetFiles = readdirSync(widgetDir).filter((name) => name.endsWith(".json"));

function readWidget(name: string): unknown {
  return JSON.parse(readFileSync(path.join(widgetDir, name), "utf8"));
}

function walk(node: WidgetNode, visit: (node: WidgetNode) => void): void {
  visit(node);
  const children = node.children;
  if (Array.isArray(children)) for (const child of children) walk(child, visit);
}

/** Widget roots carried by `thread.item.*` / `widget.root.updated` events in the protocol fixtures. */
function widgetsInSse(name: string): unknown[] {
  const text = readFileSync(path.join(fixtures, "chatkit-protocol", name), "utf8");
  const roots: unknown[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("data:")) continue;
    const event = JSON.parse(line.slice(5));
    if (event.item?.type === "widget") roots.push(event.item.widget);
    if (event.update?.type === "widget.root.updated") roots.push(event.update.widget);
  }
  return roots;
}

describe("parseWidgetRoot", () => {
  it("finds the widget fixtures", () => {
    expect(widgetFiles.length).toBeGreaterThanOrEqual(18);
  });

  describe.each(widgetFiles)("fixture %s", (name) => {
    it("validates with no warnings and returns the input objects unchanged", () => {
      const input = readWidget(name) as WidgetNode;
      const { root, issues } = parseWidgetRoot(input);
      expect(issues.filter((issue) => issue.severity === "warning")).toEqual([]);
      // Nothing needed dropping, so the tree is the very same object (identity is what lets
      // memoized renderers skip untouched nodes).
      expect(root).toBe(input);
      walk(root, (node) => {
        expect(isKnownWidgetType(node.type), `${name}: ${node.type}`).toBe(true);
      });
    });

    it("gives the same result for the JSON text", () => {
      const text = readFileSync(path.join(widgetDir, name), "utf8");
      const { root, issues } = parseWidgetRoot(text);
      expect(root).toEqual(readWidget(name));
      expect(issues.filter((issue) => issue.severity === "warning")).toEqual([]);
    });
  });

  it("keeps the stray `of` prop of the Widget Builder line-select export and reports it", () => {
    const { root, issues } = parseWidgetRoot(readWidget("adv-line-select.json"));
    expect(root.of).toEqual([]);
    expect(issues).toContainEqual(
      expect.objectContaining({ code: "unknown-prop", severity: "info", prop: "of", path: [] }),
    );
  });

  it("validates every widget in the recorded protocol streams", () => {
    const roots = [
      ...widgetsInSse("banking-widget-item-done.sse"),
      ...widgetsInSse("py-agents-widget-root-updated.sse"),
      ...widgetsInSse("node-widget-stream-delta-then-root.sse"),
    ];
    expect(roots.length).toBeGreaterThanOrEqual(3);
    for (const input of roots) {
      const { root, issues } = parseWidgetRoot(input);
      expect(issues.filter((issue) => issue.severity === "warning")).toEqual([]);
      expect(root).toBe(input);
    }
  });

  it("drops an invalid prop, keeps its siblings and reports the received value", () => {
    const input = {
      type: "Card",
      children: [
        { type: "Text", value: "ok", size: "huge", weight: "bold" },
        { type: "Title", value: "kept" },
      ],
    };
    const { root, issues } = parseWidgetRoot(input);
    expect(widgetChildren(root)[0]).toEqual({ type: "Text", value: "ok", weight: "bold" });
    expect(widgetChildren(root)[1]).toBe(widgetChildren(input)[1]);
    expect(issues).toEqual([
      expect.objectContaining({
        code: "invalid-prop",
        severity: "warning",
        path: ["children", 0],
        nodeType: "Text",
        prop: "size",
        received: "huge",
      }),
    ]);
    // The input is never mutated.
    expect(widgetChildren(input)[0]).toHaveProperty("size", "huge");
  });

  it("keeps an unknown component type with its props and reports it as info", () => {
    const hologram = { type: "Hologram", frames: 24, children: [{ nope: true }] };
    const { root, issues } = parseWidgetRoot({ type: "Card", children: [hologram] });
    expect(widgetChildren(root)[0]).toBe(hologram);
    expect(issues).toEqual([
      expect.objectContaining({ code: "unknown-type", severity: "info", nodeType: "Hologram" }),
    ]);
  });

  it("drops children that are not widget nodes", () => {
    const { root, issues } = parseWidgetRoot({
      type: "ListView",
      children: [null, "text", { type: "ListViewItem", children: [] }, { value: "no type" }],
    });
    expect(root.children).toEqual([{ type: "ListViewItem", children: [] }]);

    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["invalid-child", ["children", 0]],
      ["invalid-child", ["children", 1]],
      ["invalid-child", ["children", 3]],
    ]);
  });

  it("reports missing required props without inventing values", () => {
    const { root, issues } = parseWidgetRoot({ type: "Card", children: [{ type: "Image" }] });
    expect(widgetChildren(root)[0]).toEqual({ type: "Image" });
    expect(issues).toContainEqual(
      expect.objectContaining({ code: "missing-prop", prop: "src", path: ["children", 0] }),
    );
  });

  it("checks nested shapes: actions, borders, theme colors, chart series", () => {
    const { root, issues } = parseWidgetRoot({
      type: "Card",
      confirm: { label: "Go", action: { type: "go", handler: "browser" } },
      children: [
        { type: "Box", border: { size: 1, style: "wavy" }, background: { light: "red-100" } },
        {
          type: "Chart",
          data: [{ x: "a", y: 1 }],
          xAxis: "x",
          series: [{ type: "pie", dataKey: "y" }],
        },
        { type: "Button", label: "ok", onClickAction: { type: "ok", loadingBehavior: "self" } },
      ],
    });
    expect(root.confirm).toBeUndefined();
    expect(widgetChildren(root)[0]).toEqual({ type: "Box" });
    expect(widgetChildren(root)[2]).toHaveProperty("onClickAction.loadingBehavior", "self");
    expect(issues.filter((i) => i.code === "invalid-prop").map((i) => i.prop)).toEqual([
      "confirm",
      "border",
      "background",
      "series",
    ]);
    expect(issues).toContainEqual(
      expect.objectContaining({ code: "missing-prop", prop: "series" }),
    );
  });

  it("accepts null props as omitted and keeps them (servers that do not drop None)", () => {
    const input = {
      type: "Card",
      size: null,
      children: [{ type: "Text", value: "x", color: null, children: null }],
    };
    const { root, issues } = parseWidgetRoot(input);
    expect(root).toBe(input);
    expect(issues).toEqual([]);
  });

  it("re-validates only the copied path after a streamed delta", () => {
    const first = readWidget("chatkit-python-card-with-data.json") as WidgetNode;
    parseWidgetRoot(first);
    const children = widgetChildren(first);
    const replaced = { type: "Text", id: "t", value: "streamed" };
    const next = { ...first, children: [...children.slice(0, -1), replaced] };
    const { root } = parseWidgetRoot(next);
    expect(root).toBe(next);
    children.slice(0, -1).forEach((child, index) => {
      expect(widgetChildren(root)[index]).toBe(child);
    });
  });

  it("reports a non-Card/ListView/Basic root and still returns it", () => {
    const { root, issues } = parseWidgetRoot({ type: "Text", value: "bare" });
    expect(root.type).toBe("Text");
    expect(issues[0]).toMatchObject({ code: "unexpected-root", severity: "info" });
  });

  it("throws a WidgetParseError for text that is not JSON", () => {
    expect(() => parseWidgetRoot("{not json")).toThrow(WidgetParseError);
    expect(() => parseWidgetRoot("{not json")).toThrow(/could not be parsed/);
  });

  it("throws a WidgetParseError for values that are not widget nodes", () => {
    for (const bad of [null, 42, [], { children: [] }, { type: "" }]) {
      expect(() => parseWidgetRoot(bad)).toThrow(WidgetParseError);
    }
  });

  it("safeParseWidgetRoot returns the error instead of throwing", () => {
    const result = safeParseWidgetRoot("[]");
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error).toBeInstanceOf(WidgetParseError);
      expect(result.error.input).toBe("[]");
    }
  });
});
