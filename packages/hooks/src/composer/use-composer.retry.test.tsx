import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import {
  closeAfterCleanup,
  readFixture,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useRunStream } from "../run/use-run-stream";
import { useThreadStore } from "../thread/thread-context";
import { useComposer } from "./use-composer";

const file = (name: string) => new File([new Uint8Array(3)], name, { type: "text/plain" });

function setup(server: TestServer) {
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

/** Answers with each status in turn (`200` streams a reply that confirms the message). */
function serverAnswering(statuses: number[]) {
  return startServer(async (_request, res) => {
    const status = statuses.shift() ?? 200;
    if (status !== 200) {
      sendJson(res, status, { detail: "down" });
      return;
    }
    await sendSse(res, readFixture("chatkit-protocol/banking-threads-add-user-message-stream.sse"));
  });
}

describe("useComposer with retries", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  async function failFirstSend(result: ReturnType<typeof setup>["result"]) {
    act(() => {
      result.current.composer.setText("send me once");
      result.current.composer.addFiles([file("a.txt")]);
    });
    await waitFor(() => expect(result.current.composer.canSubmit).toBe(true));
    const outcome = await act(() => result.current.composer.submit());
    expect(outcome).toMatchObject({ status: "error", accepted: false });
    expect(result.current.composer.text).toBe("send me once");
    expect(result.current.composer.attachments).toHaveLength(1);
  }

  it("clears the draft and attachments when the thread's Try again sends the draft", async () => {
    server = await serverAnswering([503, 200]);
    const { result } = setup(server);
    await failFirstSend(result);
    // What `Thread.RunStatus`'s "Try again" calls.
    const retry = result.current.store.getState().runFailure?.retry;
    expect(retry).toBeTypeOf("function");
    const retried = await act(() => retry!());
    expect(retried).toMatchObject({ status: "done", accepted: true });
    expect(result.current.composer.text).toBe("");
    expect(result.current.composer.attachments).toEqual([]);
    // Nothing left to send twice.
    expect(result.current.composer.canSubmit).toBe(false);
    const sent = server.requests.map((request) => request.body.params.input.attachments);
    expect(sent).toEqual([["atc_local"], ["atc_local"]]);
  });

  it("clears the draft when run.retry() sends it", async () => {
    server = await serverAnswering([500, 200]);
    const { result } = setup(server);
    await failFirstSend(result);
    await act(() => result.current.run.retry());
    expect(result.current.composer.text).toBe("");
    expect(result.current.composer.attachments).toEqual([]);
  });

  it("keeps the draft and attachments when the retry fails too", async () => {
    server = await serverAnswering([503, 503]);
    const { result } = setup(server);
    await failFirstSend(result);
    const retried = await act(() => result.current.run.retry());
    expect(retried).toMatchObject({ status: "error", accepted: false });
    expect(result.current.composer.text).toBe("send me once");
    expect(result.current.composer.attachments.map((a) => a.attachment?.id)).toEqual(["atc_local"]);
    expect(result.current.run.failedInput).toMatchObject({ text: "send me once" });
  });

  it("keeps a new draft typed before the retry, and clears only the sent attachment", async () => {
    server = await serverAnswering([503, 200]);
    const { result } = setup(server);
    await failFirstSend(result);
    act(() => result.current.composer.setText("something else"));
    await act(() => result.current.run.retry());
    expect(result.current.composer.text).toBe("something else");
    expect(result.current.composer.attachments).toEqual([]);
  });
});
