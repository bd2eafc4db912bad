// @vitest-environment happy-dom
import { afterAll, beforeAll, vi } from "vitest";
import { sendJson, startTestServer, type TestServer } from "../../test/http-server";
import { createChatKitClient } from "../chatkit/client";
import { canReportUploadProgress } from "./upload";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("attachment upload with XMLHttpRequest", () => {
  it("uploads through XMLHttpRequest and reports progress", async () => {
    expect(canReportUploadProgress()).toBe(true);
    server.handle((req, res) => {
      sendJson(
        res,
        200,
        {
          id: "atc_9",
          type: "file",
          name: "big.bin",
          mime_type: "application/octet-stream",
          size_seen: req.body.length,
        },
        { "access-control-allow-origin": "*" },
      );
    });
    const send = vi.spyOn(XMLHttpRequest.prototype, "send");
    const progress: { loaded: number; total: number | undefined }[] = [];
    const bytes = new Uint8Array(256 * 1024).fill(7);
    const client = createChatKitClient({ url: `${server.url}/chatkit` });
    const attachment = await client.attachments.upload(new Blob([bytes]), {
      name: "big.bin",
      strategy: { type: "direct", uploadUrl: `${server.url}/upload` },
      onProgress: (p) => progress.push(p),
    });
    expect(attachment.id).toBe("atc_9");
    expect(server.requests.at(-1)?.body.length).toBeGreaterThan(bytes.length);
    expect(send).toHaveBeenCalledTimes(1);
    // Browsers report progress as bytes go out; every engine gets the final report.
    expect(progress.at(-1)).toEqual({ loaded: bytes.length, total: bytes.length });
    send.mockRestore();
  });
});
