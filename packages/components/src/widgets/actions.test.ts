import { nestFormValues, resolveLoadingBehavior, withFormValues } from "./actions";

describe("resolveLoadingBehavior", () => {
  it("maps auto by binding and keeps explicit behaviours", () => {
    expect(resolveLoadingBehavior({ type: "a" }, "button")).toBe("self");
    expect(resolveLoadingBehavior({ type: "a" }, "change")).toBe("none");
    expect(resolveLoadingBehavior({ type: "a" }, "card-confirm")).toBe("container");
    expect(resolveLoadingBehavior({ type: "a", loadingBehavior: "none" }, "button")).toBe("none");
    expect(resolveLoadingBehavior({ type: "a", loadingBehavior: "container" }, "change")).toBe(
      "container",
    );
  });
});

describe("form values", () => {
  it("nests dotted names and refuses prototype keys", () => {
    expect(
      nestFormValues([
        ["todo.title", "Milk"],
        ["todo.done", false],
        ["__proto__.polluted", "x"],
        ["n", 1],
      ]),
    ).toEqual({ todo: { title: "Milk", done: false }, n: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("merges into a copy of the payload and reports collisions", () => {
    const action = { type: "save", payload: { id: 1, todo: { list: "a" } } };
    const { action: merged, collisions } = withFormValues(action, {
      id: "typed",
      todo: { title: "Milk", list: "b" },
    });
    expect(merged.payload).toEqual({ id: 1, todo: { list: "a", title: "Milk" } });
    expect(collisions).toEqual(["id", "todo.list"]);
    expect(action.payload).toEqual({ id: 1, todo: { list: "a" } });
  });

  it("uses an object payload when there is none, and cannot merge into a scalar", () => {
    expect(withFormValues({ type: "x" }, { a: "1" }).action.payload).toEqual({ a: "1" });
    expect(withFormValues({ type: "x", payload: "raw" }, { a: "1" })).toEqual({
      action: { type: "x", payload: "raw" },
      collisions: ["a"],
    });
  });
});
