import {
  nestFormValues,
  resolveLoadingBehavior,
  runWidgetAction,
  widgetActionRoute,
  withFormValues,
} from "./actions";

describe("resolveLoadingBehavior", () => {
  it("maps auto by binding and keeps explicit behaviours", () => {
    expect(resolveLoadingBehavior({ type: "a" }, "button")).toBe("self");
    expect(resolveLoadingBehavior({ type: "a" }, "change")).toBe("none");
    expect(resolveLoadingBehavior({ type: "a" }, "card-confirm")).toBe("container");
    expect(resolveLoadingBehavior({ type: "a", loadingBehavior: "none" }, "button")).toBe("none");
    expect(resolveLoadingBehavior({ type: "a", loadingBehavior: "container" }, "change")).toBe(
      "container",
    );
    expect(resolveLoadingBehavior({ type: "a" })).toBe("self");
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

describe("widgetActionRoute", () => {
  it("sends client actions to the app, streaming:false to sync, the rest to a stream", () => {
    expect(widgetActionRoute({ type: "a", handler: "client", streaming: false })).toBe("client");
    expect(widgetActionRoute({ type: "a", streaming: false })).toBe("sync");
    expect(widgetActionRoute({ type: "a", handler: "server" })).toBe("stream");
    expect(widgetActionRoute({ type: "a" })).toBe("stream");
  });
});

describe("runWidgetAction", () => {
  it("merges values (the payload wins), routes by handler and reports collisions", async () => {
    const client = vi.fn();
    const server = vi.fn();
    const collisions: string[] = [];
    await runWidgetAction(
      { type: "save", payload: { id: 1 } },
      {
        values: { id: 2, note: "x" },
        client,
        server,
        onCollision: (name) => collisions.push(name),
      },
    );
    expect(server).toHaveBeenCalledWith({ type: "save", payload: { id: 1, note: "x" } });
    expect(client).not.toHaveBeenCalled();
    expect(collisions).toEqual(["id"]);
    await runWidgetAction({ type: "go", handler: "client" }, { client, server });
    expect(client).toHaveBeenCalledWith({ type: "go", handler: "client" });
    expect(server).toHaveBeenCalledTimes(1);
  });

  it("reports a route without a runner and calls nothing", async () => {
    const onUnhandled = vi.fn();
    const server = vi.fn();
    await runWidgetAction({ type: "go", handler: "client" }, { server, onUnhandled });
    expect(onUnhandled).toHaveBeenCalledWith({ type: "go", handler: "client" }, "client");
    expect(server).not.toHaveBeenCalled();
  });

  it("loads while a returned promise is pending, with the binding's behaviour", async () => {
    const loading: [boolean, string][] = [];
    let release: () => void = () => {};
    const done = runWidgetAction(
      { type: "submit" },
      {
        binding: "form-submit",
        server: () =>
          new Promise<void>((resolve) => {
            release = resolve;
          }),
        onLoading: (on, behavior) => loading.push([on, behavior]),
      },
    );
    expect(loading).toEqual([[true, "container"]]);
    release();
    await done;
    expect(loading).toEqual([
      [true, "container"],
      [false, "container"],
    ]);
    loading.length = 0;
    await runWidgetAction(
      { type: "sync" },
      { server: () => undefined, onLoading: (on, b) => loading.push([on, b]) },
    );
    expect(loading).toEqual([]);
  });

  it("hands a thrown or rejected failure to onError and still settles", async () => {
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    const loading: boolean[] = [];
    await runWidgetAction(
      { type: "a" },
      {
        server: () => {
          throw new Error("sync");
        },
        onError,
      },
    );
    await runWidgetAction(
      { type: "b" },
      {
        server: () => Promise.reject(new Error("async")),
        onError,
        onLoading: (on) => loading.push(on),
      },
    );
    expect(errors.map((error) => (error as Error).message)).toEqual(["sync", "async"]);
    expect(loading).toEqual([true, false]);
  });
});
