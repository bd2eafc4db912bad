import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bench, describe } from "vitest";
import { parseWidgetRoot } from "./parse-widget";
import type { WidgetNode } from "./types";
import { widgetChildren } from "./widget-children";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../..");
const text = readFileSync(
  path.resolve(repoRoot, "fixtures/widgets/adv-flight-options.json"),
  "utf8",
);

describe("parseWidgetRoot (flight options, the largest fixture)", () => {
  bench("cold: fresh objects every time", () => {
    parseWidgetRoot(JSON.parse(text));
  });

  const warm = JSON.parse(text) as WidgetNode;
  parseWidgetRoot(warm);
  let n = 0;
  bench("after a streamed delta: one copied path", () => {
    const children = widgetChildren(warm);
    const first = children[0] as WidgetNode;
    const next = { ...warm, children: [{ ...first, key: `k${n++}` }, ...children.slice(1)] };
    parseWidgetRoot(next);
  });
});
