import { describe, expect, it } from "vitest";
import * as components from "./index";

// A React Server Component can render a client part only through a named export, so each part
// of a namespace is also exported under its flat name.
const isComponent = (value: unknown) =>
  typeof value === "function" ||
  (typeof value === "object" && value !== null && "$$typeof" in value);

const named: Readonly<Record<string, unknown>> = { ...components };

describe("flat exports", () => {
  for (const namespace of ["Thread", "Composer", "Message"] as const) {
    it(`exports every ${namespace} part under a flat name`, () => {
      const parts = Object.entries(named[namespace] as object).filter(([, value]) =>
        isComponent(value),
      );
      expect(parts.length).toBeGreaterThan(4);
      for (const [name, part] of parts) {
        expect(named[`${namespace}${name}`], name).toBe(part);
      }
    });
  }

  it("exports the widget tree's parts under flat names", () => {
    expect(components.WidgetRoot).toBe(components.Widget.Root);
    expect(components.WidgetNode).toBe(components.Widget.Node);
    expect(components.WidgetChildren).toBe(components.Widget.Children);
  });
});
