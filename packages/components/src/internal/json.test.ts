import { prettyJson } from "./json";

describe("prettyJson", () => {
  it("prints an object shared by two keys in full both times", () => {
    const point = { x: 1, y: 2 };
    const parsed = JSON.parse(prettyJson({ from: point, to: point, path: [point, point] }));
    expect(parsed).toEqual({ from: point, to: point, path: [point, point] });
  });

  it("prints a shared object in full after a sibling subtree has finished", () => {
    const leaf = { id: "leaf" };
    const value = { a: { deep: { leaf } }, b: leaf };
    expect(JSON.parse(prettyJson(value))).toEqual({ a: { deep: { leaf } }, b: leaf });
  });

  it("marks a reference back to an ancestor as circular", () => {
    const node: Record<string, unknown> = { name: "root" };
    node.self = node;
    node.children = [{ name: "child", parent: node }];
    expect(JSON.parse(prettyJson(node))).toEqual({
      name: "root",
      self: "[Circular]",
      children: [{ name: "child", parent: "[Circular]" }],
    });
  });

  it("marks a cycle between siblings' descendants without losing the rest", () => {
    const a: Record<string, unknown> = { name: "a" };
    const b: Record<string, unknown> = { name: "b", a };
    a.b = b;
    expect(JSON.parse(prettyJson({ first: a, second: b }))).toEqual({
      first: { name: "a", b: { name: "b", a: "[Circular]" } },
      second: { name: "b", a: { name: "a", b: "[Circular]" } },
    });
  });

  it("prints BigInts as strings, strings unchanged and undefined as empty", () => {
    expect(JSON.parse(prettyJson({ n: 10n }))).toEqual({ n: "10" });
    expect(prettyJson("plain")).toBe("plain");
    expect(prettyJson(undefined)).toBe("");
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
