import { ThreadkitError } from "@threadkit/core";
import * as hooks from "../src";

describe("error classes", () => {
  it("every exported error class extends ThreadkitError", () => {
    const errorClasses = Object.entries(hooks as Record<string, unknown>)
      .filter(([, value]) => typeof value === "function")
      .map(([name, value]) => [name, (value as { prototype: unknown }).prototype] as const)
      .filter(([, prototype]) => prototype instanceof Error);
    expect(errorClasses.map(([name]) => name)).toContain("RunStreamError");
    for (const [name, prototype] of errorClasses) {
      const extendsBase =
        prototype === ThreadkitError.prototype || prototype instanceof ThreadkitError;
      expect([name, extendsBase]).toEqual([name, true]);
    }
  });
});
