import { act, renderHook, waitFor } from "@testing-library/react";
import {
  createAssistantsClient,
  createChatKitRestClient,
  UnsupportedOperationError,
} from "@threadkit/core";
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
import { type UseComposerOptions, useComposer } from "./use-composer";

const createdAttachment = JSON.parse(
  readFixture("chatkit-protocol/py-server-attachments-create-response.json"),
) as { upload_descriptor: { url: string } };

const file = (name: string, size: number, type: string) =>
  new File([new Uint8Array(size)], name, { type });

function setup(server: TestServer, options: Omit<UseComposerOptions, "run"> = {}) {
  const clients = { protocol: createTestProtocolClient(server.url) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
  );
  return renderHook(
    () => {
      const run = useRunStream("thr_1");
      return { run, composer: useComposer({ ...options, run }) };
    },
    { wrapper },
  );
}

describe("useComposer", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("uploads in two phases, then submits the draft with the attachment and clears it", async () => {
    const uploads: { method: string; header: unknown; size: number }[] = [];
    server = await startServer(async (request, res) => {
      if (request.url.startsWith("/upload/")) {
        uploads.push({
          method: request.method,
          header: request.headers["x-my-header"],
          size: String(request.body).length,
        });
        res.writeHead(204).end();
        return;
      }
      if (request.body?.type === "attachments.create") {
        sendJson(res, 200, {
          ...createdAttachment,
          upload_descriptor: {
            ...createdAttachment.upload_descriptor,
            url: `${server.url}/upload/atc_1`,
          },
        });
        return;
      }
      await sendSse(
        res,
        readFixture("chatkit-protocol/banking-threads-add-user-message-stream.sse"),
      );
    });
    const { result } = setup(server);
    act(() => {
      result.current.composer.setText("see attached");
      result.current.composer.addFiles([file("test-file-name", 1024, "text/plain")]);
    });
    expect(result.current.composer.isUploading).toBe(true);
    expect(result.current.composer.canSubmit).toBe(false);
    await waitFor(() => expect(result.current.composer.attachments[0]?.status).toBe("done"));
    expect(result.current.composer.attachments[0]?.progress).toBe(1);
    expect(result.current.composer.attachments[0]?.attachment).toMatchObject({ id: "atc_1" });
    expect(uploads).toEqual([{ method: "PUT", header: "my-value", size: 1024 }]);
    expect(server.requests[0]?.body.params).toEqual({
      name: "test-file-name",
      size: 1024,
      mime_type: "text/plain",
    });

    await act(() => result.current.composer.submit());
    const sent = server.requests.find((r) => r.body?.type === "threads.add_user_message");
    expect(sent?.body.params.input).toMatchObject({
      content: [{ type: "input_text", text: "see attached" }],
      attachments: ["atc_1"],
    });
    expect(result.current.composer.text).toBe("");
    expect(result.current.composer.attachments).toEqual([]);
  });

  it("sends @-mention tags as input_tag parts where they stand in the text, then clears them", async () => {
    server = await startServer(async (_request, res) => {
      await sendSse(
        res,
        readFixture("chatkit-protocol/banking-threads-add-user-message-stream.sse"),
      );
    });
    const { result } = setup(server);
    const tag = { type: "input_tag" as const, id: "ent_1", text: "Alice", data: { team: "ops" } };
    const lost = { type: "input_tag" as const, id: "ent_2", text: "Bob", data: {} };
    act(() => {
      result.current.composer.setText("Ask @Alice about it");
      result.current.composer.setTags([tag, lost]);
    });
    await act(() => result.current.composer.submit());
    const sent = server.requests.find((r) => r.body?.type === "threads.add_user_message");
    expect(sent?.body.params.input.content).toEqual([
      { type: "input_text", text: "Ask " },
      tag,
      { type: "input_text", text: " about it" },
      lost,
    ]);
    expect(result.current.composer.tags).toEqual([]);
  });

  it("does not send the white space around a tagged draft", async () => {
    server = await startServer(async (_request, res) => {
      await sendSse(
        res,
        readFixture("chatkit-protocol/banking-threads-add-user-message-stream.sse"),
      );
    });
    const { result } = setup(server);
    const tag = { type: "input_tag" as const, id: "ent_1", text: "Alice", data: {} };
    act(() => {
      result.current.composer.setText("  @Alice ");
      result.current.composer.setTags([tag]);
    });
    await act(() => result.current.composer.submit());
    const sent = server.requests.find((r) => r.body?.type === "threads.add_user_message");
    expect(sent?.body.params.input.content).toEqual([tag]);
  });

  it("uploads directly to an upload URL", async () => {
    server = await startServer((request, res) => {
      expect(request.url).toBe("/direct");
      expect(String(request.headers["content-type"])).toMatch(/^multipart\/form-data/);
      sendJson(res, 200, {
        id: "atc_9",
        name: "a.png",
        mime_type: "image/png",
        type: "image",
        preview_url: null,
      });
    });
    const { result } = setup(server, {
      upload: { type: "direct", uploadUrl: `${server.url}/direct` },
    });
    act(() => {
      result.current.composer.addFiles([file("a.png", 64, "image/png")]);
    });
    await waitFor(() => expect(result.current.composer.attachments[0]?.status).toBe("done"));
    expect(result.current.composer.attachments[0]?.attachment?.id).toBe("atc_9");
  });

  it("keeps the draft and attachments when the send fails", async () => {
    server = await startServer((_request, res) => sendJson(res, 503, { detail: "down" }));
    const { result } = setup(server, {
      upload: {
        type: "custom",
        upload: async (f) => ({ id: "atc_local", name: f.name, mime_type: f.type, type: "file" }),
      },
    });
    act(() => {
      result.current.composer.setText("important words");
      result.current.composer.addFiles([file("a.txt", 3, "text/plain")]);
    });
    await waitFor(() => expect(result.current.composer.canSubmit).toBe(true));
    const outcome = await act(() => result.current.composer.submit());
    expect(outcome).toMatchObject({ status: "error", accepted: false });
    expect(result.current.composer.text).toBe("important words");
    expect(result.current.composer.attachments.map((a) => a.attachment?.id)).toEqual(["atc_local"]);
    expect(result.current.run.failedInput).toMatchObject({ text: "important words" });
  });

  it("clears the draft as soon as the send is accepted, while the reply still streams", async () => {
    server = await startServer(async (_request, res) => {
      await sendSse(res, readFixture("chatkit-protocol/py-server-tool-status-tail.sse"), {
        keepOpen: true,
      });
    });
    const { result } = setup(server, {
      upload: {
        type: "custom",
        upload: async (f) => ({ id: "atc_local", name: f.name, mime_type: f.type, type: "file" }),
      },
    });
    act(() => {
      result.current.composer.setText("send me");
      result.current.composer.addFiles([file("a.txt", 3, "text/plain")]);
    });
    await waitFor(() => expect(result.current.composer.canSubmit).toBe(true));
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.composer.submit();
    });
    await waitFor(() => expect(result.current.run.progress?.text).toBe("Tool status"));
    expect(result.current.run.isRunning).toBe(true);
    expect(result.current.composer.text).toBe("");
    expect(result.current.composer.attachments).toEqual([]);
    act(() => result.current.run.cancel());
    await act(() => done);
    expect(result.current.composer.text).toBe("");
  });

  it("puts the draft back when the connection drops before the message is confirmed", async () => {
    // The connection drops only once the test has seen the draft leave the composer.
    let drop = () => {};
    const dropped = new Promise<void>((resolve) => {
      drop = resolve;
    });
    server = await startServer(async (_request, res) => {
      await sendSse(res, readFixture("chatkit-protocol/py-server-tool-status-tail.sse"), {
        keepOpen: true,
      });
      await dropped;
      res.destroy();
    });
    const { result } = setup(server, {
      upload: {
        type: "custom",
        upload: async (f) => ({ id: "atc_local", name: f.name, mime_type: f.type, type: "file" }),
      },
    });
    act(() => {
      result.current.composer.setText("fragile");
      result.current.composer.addFiles([file("a.txt", 3, "text/plain")]);
    });
    await waitFor(() => expect(result.current.composer.canSubmit).toBe(true));
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.composer.submit();
    });
    await waitFor(() => {
      expect(result.current.composer.text).toBe("");
      expect(result.current.composer.attachments).toEqual([]);
    });
    drop();
    const outcome = await act(() => done);
    expect(outcome).toMatchObject({ status: "error", accepted: true, userMessageId: null });
    expect(result.current.composer.text).toBe("fragile");
    expect(result.current.composer.attachments.map((a) => a.attachment?.id)).toEqual(["atc_local"]);
    expect(result.current.run.failedInput).toMatchObject({ text: "fragile" });
  });

  it("reports refused files and a failed upload", async () => {
    server = await startServer((_request, res) => sendJson(res, 500, { detail: "no" }));
    const { result } = setup(server, { limits: { maxSize: 10 } });
    act(() => {
      result.current.composer.addFiles([file("big.bin", 11, ""), file("ok.bin", 5, "")]);
    });
    expect(result.current.composer.rejections.map((r) => r.message)).toEqual([
      '"big.bin" is 11 B; files can be at most 10 B.',
    ]);
    await waitFor(() => expect(result.current.composer.attachments[0]?.status).toBe("error"));
    expect(result.current.composer.canSubmit).toBe(false);
    act(() => result.current.composer.removeAttachment(result.current.composer.attachments[0]!.id));
    expect(result.current.composer.attachments).toEqual([]);
  });

  it("uploads and deletes through the Assistants backend of the run", async () => {
    server = await startServer((request, res) => {
      if (request.method === "POST" && request.url === "/files") {
        sendJson(res, 200, {
          id: "file_1",
          object: "file",
          bytes: 5,
          created_at: 1,
          filename: "notes.txt",
          purpose: "assistants",
        });
        return;
      }
      if (request.method === "DELETE") {
        sendJson(res, 200, { id: "file_1", object: "file", deleted: true });
        return;
      }
      sendJson(res, 500, {});
    });
    const clients = { assistants: createAssistantsClient({ baseUrl: server.url, maxRetries: 0 }) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const { result } = renderHook(
      () => {
        const run = useRunStream("thread_1", { assistant: { assistantId: "asst_1" } });
        return useComposer({ run });
      },
      { wrapper },
    );
    expect(result.current.canAttach).toBe(true);
    act(() => {
      result.current.addFiles([file("notes.txt", 5, "text/plain")]);
    });
    await waitFor(() => expect(result.current.attachments[0]?.status).toBe("done"));
    expect(result.current.attachments[0]?.attachment).toEqual({
      type: "file",
      id: "file_1",
      name: "notes.txt",
      mime_type: "text/plain",
    });
    act(() => result.current.removeAttachment(result.current.attachments[0]!.id));
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /files",
      "DELETE /files/file_1",
    ]);
  });

  it("refuses files, sending nothing, when the backend takes no attachments", async () => {
    server = await startServer((_request, res) => sendJson(res, 500, {}));
    const clients = { rest: createChatKitRestClient({ baseUrl: server.url, maxRetries: 0 }) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const { result } = renderHook(() => useComposer(), { wrapper });
    expect(result.current.canAttach).toBe(false);
    let refused: ReturnType<typeof result.current.addFiles> = [];
    act(() => {
      refused = result.current.addFiles([file("a.txt", 1, "text/plain")]);
    });
    expect(refused.map((r) => r.reason)).toEqual(["disabled"]);
    expect(result.current.attachments).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it("fails an upload with the backend's UnsupportedOperationError for a direct upload it cannot do", async () => {
    server = await startServer((_request, res) => sendJson(res, 500, {}));
    const clients = { assistants: createAssistantsClient({ baseUrl: server.url, maxRetries: 0 }) };
    const onError = vi.fn();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients} onError={onError}>
        {children}
      </ThreadkitProvider>
    );
    const { result } = renderHook(
      () => {
        const run = useRunStream("thread_1", { assistant: { assistantId: "asst_1" } });
        return useComposer({ run, upload: { type: "direct", uploadUrl: `${server.url}/up` } });
      },
      { wrapper },
    );
    act(() => {
      result.current.addFiles([file("a.txt", 1, "text/plain")]);
    });
    await waitFor(() => expect(result.current.attachments[0]?.status).toBe("error"));
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(UnsupportedOperationError);
    expect(server.requests).toHaveLength(0);
  });
});
