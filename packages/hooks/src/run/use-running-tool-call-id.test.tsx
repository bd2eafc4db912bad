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
import type { ClientToolHandler } from "../engine/run-errors";
import type { ThreadkitClients } from "../provider/clients";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useRunStream } from "./use-run-stream";
import { useRunningToolCallId } from "./use-running-tool-call-id";

const fixture = (name: string) => readFixture(`chatkit-protocol/${name}`);

/** A ChatKit server: the message's response ends with the pending call `fc_123` (`get_selection`). */
function toolServer(options: { refuseOutput?: boolean } = {}) {
  return startServer(async (request, res) => {
    const type = request.body?.type as string;
    if (type === "threads.add_user_message") {
      // The server confirms the sent message first, as ChatKit servers do.
      const confirmed = `data: ${JSON.stringify({
        type: "thread.item.done",
        item: {
          type: "user_message",
          id: "msg_sent",
          thread_id: "thr_test",
          created_at: "2026-05-01T10:00:00",
          content: [{ type: "input_text", text: "what is selected?" }],
          attachments: [],
          inference_options: {},
        },
      })}\n\n`;
      await sendSse(res, confirmed + fixture("node-agents-client-tool-call-done.sse"), {
        chunkSize: 7,
      });
    } else if (type === "threads.add_client_tool_output" && !options.refuseOutput) {
      await sendSse(res, fixture("node-add-client-tool-output-stream.sse"));
    } else {
      sendJson(res, 500, { detail: "down" });
    }
  });
}

function setup(server: TestServer, clientTools: Record<string, ClientToolHandler>) {
  const clients: ThreadkitClients = { protocol: createTestProtocolClient(server.url) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
  );
  return renderHook(
    () => {
      const run = useRunStream("thr_test", { clientTools });
      // Another component of the app, reading the thread by id: no run of its own.
      const runningId = useRunningToolCallId("thr_test");
      return { run, runningId };
    },
    { wrapper },
  );
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("useRunningToolCallId", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("names the tool call while its client handler runs and clears it once the output is posted", async () => {
    server = await toolServer();
    const output = deferred<unknown>();
    const getSelection = vi.fn(() => output.promise);
    const { result } = setup(server, { get_selection: getSelection });
    expect(result.current.runningId).toBeNull();

    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.run.send("what is selected?");
    });
    await waitFor(() => expect(getSelection).toHaveBeenCalledOnce());
    expect(result.current.runningId).toBe("fc_123");
    expect(result.current.run.status).toBe("running_tool");
    expect(server.requests.map((request) => request.body?.type)).not.toContain(
      "threads.add_client_tool_output",
    );

    await act(async () => {
      output.resolve({ file_id: "file_2" });
      await done;
    });
    expect(result.current.runningId).toBeNull();
    expect(result.current.run.status).toBe("idle");
    expect(server.requests.map((request) => request.body?.type)).toContain(
      "threads.add_client_tool_output",
    );
  });

  it("clears the id when posting the output fails", async () => {
    server = await toolServer({ refuseOutput: true });
    const output = deferred<unknown>();
    const { result } = setup(server, { get_selection: () => output.promise });
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.run.send("what is selected?");
    });
    await waitFor(() => expect(result.current.runningId).toBe("fc_123"));
    await act(async () => {
      output.resolve({ file_id: "file_2" });
      await done;
    });
    expect(result.current.run.status).toBe("error");
    expect(result.current.runningId).toBeNull();
  });

  it("clears the id at once when the run is cancelled", async () => {
    server = await toolServer();
    const output = deferred<unknown>();
    const { result } = setup(server, { get_selection: () => output.promise });
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.run.send("what is selected?");
    });
    await waitFor(() => expect(result.current.runningId).toBe("fc_123"));
    act(() => result.current.run.cancel());
    expect(result.current.runningId).toBeNull();
    await act(async () => {
      output.resolve({ file_id: "file_2" });
      await done;
    });
    expect(result.current.run.status).toBe("idle");
    expect(server.requests.map((request) => request.body?.type)).not.toContain(
      "threads.add_client_tool_output",
    );
  });
});
