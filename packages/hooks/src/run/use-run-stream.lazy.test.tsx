import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import {
  closeAfterCleanup,
  readFixture,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";

// The run runtime is loaded with `import()` on the first run: here its load fails until the test
// lets it through, as a dropped connection would make it fail in a browser.
const runtime = vi.hoisted(() => ({
  available: false,
  loads: 0,
  gate: Promise.resolve() as Promise<void>,
}));
vi.mock("../engine/run-runtime", async (importOriginal) => {
  runtime.loads += 1;
  await runtime.gate;
  if (!runtime.available) throw new TypeError("Failed to fetch dynamically imported module");
  return importOriginal();
});

const file = (name: string) => new File([new Uint8Array(3)], name, { type: "text/plain" });

async function setup(server: TestServer) {
  // Imported here, after the mock: the hooks reach the runtime only through `import()`.
  const { ThreadkitProvider } = await import("../provider/threadkit-provider");
  const { useRunStream } = await import("./use-run-stream");
  const { useComposer } = await import("../composer/use-composer");
  const { useThreadStore } = await import("../thread/thread-context");
  const clients = { protocol: createTestProtocolClient(server.url) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
  );
  return renderHook(
    () => {
      const run = useRunStream("thr_1");
      const composer = useComposer({
        run,
        upload: {
          type: "custom",
          upload: async (f) => ({ id: "atc_local", name: f.name, mime_type: f.type, type: "file" }),
        },
      });
      return { run, composer, store: useThreadStore("thr_1") };
    },
    { wrapper },
  );
}

describe("useRunStream when the run runtime does not load", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("cancels a send while the runtime loads without sending anything", async () => {
    server = await startServer(async (_request, res) => {
      await sendSse(
        res,
        readFixture("chatkit-protocol/banking-threads-add-user-message-stream.sse"),
      );
    });
    const { result } = await setup(server);
    act(() => result.current.composer.setText("never mind"));
    let release = () => {};
    runtime.gate = new Promise((resolve) => {
      release = resolve;
    });
    let sending: ReturnType<typeof result.current.run.send> | undefined;
    act(() => {
      sending = result.current.run.send("never mind");
    });
    await waitFor(() => expect(result.current.run.canCancel).toBe(true));
    act(() => result.current.run.cancel());
    release();
    const outcome = await act(() => sending!);
    // Cancelled, not failed: the load's failure after the cancel is no error of the run.
    expect(outcome).toMatchObject({ status: "cancelled", accepted: false });
    expect(result.current.run.status).toBe("idle");
    expect(result.current.run.error).toBeNull();
    expect(result.current.store.getState().itemIds).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it("fails the send with a retryable error, keeps the draft, and sends once the runtime loads", async () => {
    server = await startServer(async (_request, res) => {
      await sendSse(
        res,
        readFixture("chatkit-protocol/banking-threads-add-user-message-stream.sse"),
      );
    });
    const { result } = await setup(server);
    act(() => {
      result.current.composer.setText("send me once");
      result.current.composer.addFiles([file("a.txt")]);
    });
    await waitFor(() => expect(result.current.composer.canSubmit).toBe(true));
    let release = () => {};
    runtime.gate = new Promise((resolve) => {
      release = resolve;
    });
    let submitted: ReturnType<typeof result.current.composer.submit> | undefined;
    act(() => {
      submitted = result.current.composer.submit();
    });
    // Shown at once, while the runtime loads: submitted, with the optimistic message.
    await waitFor(() => expect(result.current.run.status).toBe("submitting"));
    expect(result.current.run.canCancel).toBe(true);
    expect(result.current.store.getState().itemIds).toHaveLength(1);
    release();
    const outcome = await act(() => submitted!);

    expect(outcome).toMatchObject({ status: "error", accepted: false });
    expect(outcome?.error?.name).toBe("RunEngineLoadError");
    expect(outcome?.error?.message).toMatch(/could not load/i);
    expect(result.current.run.status).toBe("error");
    expect(result.current.run.failedInput).toMatchObject({ text: "send me once" });
    // Nothing was sent, nothing is lost.
    expect(server.requests).toEqual([]);
    expect(result.current.store.getState().itemIds).toEqual([]);
    expect(result.current.composer.text).toBe("send me once");
    expect(result.current.composer.attachments.map((a) => a.attachment?.id)).toEqual(["atc_local"]);
    // The thread shows it as a connection failure, with its retry.
    const failure = result.current.store.getState().runFailure;
    expect(failure).toMatchObject({ kind: "connection", reason: "network" });

    runtime.available = true;
    const loadsBefore = runtime.loads;
    const retried = await act(() => failure!.retry());
    expect(runtime.loads).toBeGreaterThan(loadsBefore);
    expect(retried).toMatchObject({ status: "done", accepted: true });
    expect(server.requests).toHaveLength(1);
    expect(result.current.composer.text).toBe("");
    expect(result.current.composer.attachments).toEqual([]);
  });
});
