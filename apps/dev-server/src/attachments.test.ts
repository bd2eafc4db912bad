import type { Attachment, UserMessageItem } from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generatedSvg } from "./attachments";
import type { DevServer } from "./server";
import { chatkit, chatkitJson, chatkitStream, doneItems, input, startServer } from "./test-utils";

let server: DevServer;
beforeEach(async () => {
  server = await startServer({ maxUploadBytes: 1024 });
});
afterEach(async () => {
  await server.close();
});

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a0000000000049454e44ae426082",
  "hex",
);

function multipart(bytes: Uint8Array<ArrayBuffer>, name: string, type: string): FormData {
  const form = new FormData();
  form.set("file", new Blob([bytes], { type }), name);
  return form;
}

describe("attachments", () => {
  it("uploads in two phases: attachments.create, then the bytes to the upload_descriptor", async () => {
    const created = await chatkitJson<Attachment>(server, "attachments.create", {
      name: "pixel.png",
      size: PNG.length,
      mime_type: "image/png",
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^atc_/),
      name: "pixel.png",
      mime_type: "image/png",
      type: "image",
      preview_url: `${server.url}/files/${created.id}`,
      upload_descriptor: { url: `${server.url}/chatkit/upload/${created.id}`, method: "POST" },
    });
    // Not sendable before the bytes arrive.
    const early = await chatkit(server, "threads.create", { input: input("look", [created.id]) });
    expect(early.status).toBe(400);
    const uploaded = await fetch(created.upload_descriptor?.url ?? "", {
      method: "POST",
      body: multipart(new Uint8Array(PNG), "pixel.png", "image/png"),
    });
    expect(uploaded.status).toBe(200);
    expect(await uploaded.json()).not.toHaveProperty("upload_descriptor");
    const preview = await fetch(`${server.url}/files/${created.id}`);
    expect(preview.headers.get("content-type")).toBe("image/png");
    expect(preview.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await preview.arrayBuffer()).equals(PNG)).toBe(true);
    const events = await chatkitStream(server, "threads.create", {
      input: input("look at this", [created.id]),
    });
    const user = doneItems(events)[0] as UserMessageItem;
    expect(user.attachments).toEqual([
      {
        id: created.id,
        name: "pixel.png",
        mime_type: "image/png",
        type: "image",
        preview_url: `${server.url}/files/${created.id}`,
        thread_id: user.thread_id,
      },
    ]);
    const reply = doneItems(events).find((item) => item.type === "assistant_message");
    expect(JSON.stringify(reply)).toContain("pixel.png");
  });

  it("uploads directly with a multipart `file` field", async () => {
    const response = await fetch(`${server.url}/chatkit/upload`, {
      method: "POST",
      body: multipart(new Uint8Array(Buffer.from("# notes")), "notes.md", "text/markdown"),
    });
    const attachment = await response.json();
    expect(attachment).toEqual({
      id: expect.stringMatching(/^atc_/),
      name: "notes.md",
      mime_type: "text/markdown",
      type: "file",
    });
    const file = await fetch(`${server.url}/files/${attachment.id}`);
    // Non-image files never render inline.
    expect(file.headers.get("content-type")).toBe("application/octet-stream");
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="notes.md"');
    expect(await file.text()).toBe("# notes");
  });

  it("serves an uploaded HTML file as an inert download", async () => {
    const attachment = await (
      await fetch(`${server.url}/chatkit/upload`, {
        method: "POST",
        body: multipart(
          new Uint8Array(Buffer.from("<script>alert(1)</script>")),
          "x.html",
          "text/html",
        ),
      })
    ).json();
    const file = await fetch(`${server.url}/files/${attachment.id}`);
    expect(file.headers.get("content-type")).toBe("application/octet-stream");
    expect(file.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("rejects uploads without a file field, too large, or for a missing attachment", async () => {
    const form = new FormData();
    form.set("other", "x");
    const missing = await fetch(`${server.url}/chatkit/upload`, { method: "POST", body: form });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.param).toBe("file");
    const big = await fetch(`${server.url}/chatkit/upload`, {
      method: "POST",
      body: multipart(new Uint8Array(2048), "big.bin", "application/octet-stream"),
    });
    expect(big.status).toBe(413);
    expect(
      (
        await chatkit(server, "attachments.create", {
          name: "big",
          size: 4096,
          mime_type: "text/plain",
        })
      ).status,
    ).toBe(413);
    expect(
      (
        await fetch(`${server.url}/chatkit/upload/atc_nope`, {
          method: "POST",
          body: multipart(new Uint8Array(PNG), "p.png", "image/png"),
        })
      ).status,
    ).toBe(404);
    expect((await fetch(`${server.url}/files/atc_nope`)).status).toBe(404);
  });

  it("deletes attachments", async () => {
    const created = await chatkitJson<Attachment>(server, "attachments.create", {
      name: "a.txt",
      size: 1,
      mime_type: "text/plain",
    });
    expect(await chatkitJson(server, "attachments.delete", { attachment_id: created.id })).toEqual(
      {},
    );
    expect(
      (await chatkit(server, "attachments.delete", { attachment_id: created.id })).status,
    ).toBe(404);
  });

  it("honours a session's file_upload settings", async () => {
    const create = async (config: unknown) =>
      (
        await (
          await fetch(`${server.url}/v1/chatkit/sessions`, {
            method: "POST",
            body: JSON.stringify({
              user: "u",
              workflow: { id: "wf" },
              rate_limits: { max_requests_per_1_minute: 50 },
              chatkit_configuration: config,
            }),
          })
        ).json()
      ).client_secret as string;
    const disabled = await create({});
    const denied = await chatkit(
      server,
      "attachments.create",
      { name: "a.txt", size: 1, mime_type: "text/plain" },
      { Authorization: `Bearer ${disabled}` },
    );
    expect(denied.status).toBe(403);
    const enabled = await create({ file_upload: { enabled: true, max_files: 2 } });
    const upload = () =>
      chatkit(
        server,
        "attachments.create",
        { name: "a.txt", size: 1, mime_type: "text/plain" },
        { Authorization: `Bearer ${enabled}` },
      );
    expect((await upload()).status).toBe(200);
    expect((await upload()).status).toBe(200);
    const third = await upload();
    expect(third.status).toBe(400);
    expect((await third.json()).error.code).toBe("too_many_files");
  });
});

describe("generatedSvg", () => {
  it("is deterministic per id, blurred for partials and free of scripts", () => {
    expect(generatedSvg("gimg_a", 3)).toBe(generatedSvg("gimg_a", 3));
    expect(generatedSvg("gimg_a", 3)).not.toBe(generatedSvg("gimg_b", 3));
    expect(generatedSvg("gimg_a", 1)).toContain('stdDeviation="24"');
    expect(generatedSvg("gimg_a", 3)).toContain('stdDeviation="0"');
  });
});
