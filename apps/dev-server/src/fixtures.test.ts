/**
 * Real request bodies captured from ChatKit clients and servers (fixtures), posted as they
 * are. Bodies that name threads or attachments this server never saw get a 404 and change nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseThreadItem } from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DevServer } from "./server";
import { chatkitJson, doneItems, parseDataFrames, startServer } from "./test-utils";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fixtures = path.resolve(repoRoot, "fixtures/chatkit-protocol");
const read = (name: string) => readFileSync(path.join(fixtures, name), "utf8");

let server: DevServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

function post(body: string): Promise<Response> {
  return fetch(`${server.url}/chatkit`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
}

describe("captured request bodies", () => {
  it("answers the Python test's threads.create (metadata, quoted_text, null inference options)", async () => {
    const response = await post(read("py-test-req-threads-create.json"));
    expect(response.status).toBe(200);
    const events = parseDataFrames(await response.text());
    const user = doneItems(events)[0];
    expect(user).toMatchObject({
      type: "user_message",
      quoted_text: "Quoted text",
      inference_options: {},
    });
    expect(parseThreadItem(user)).toMatchObject({
      type: "user_message",
      quoted_text: "Quoted text",
    });
    for (const item of doneItems(events)) expect(parseThreadItem(item).type).toBe(item.type);
  });

  it.each(["py-test-req-threads-list.json", "banking-req-threads-list.json"])(
    "answers %s with a page",
    async (name) => {
      const response = await post(read(name));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: [], has_more: false });
    },
  );

  it("answers attachments.create with the same fields as the Python server", async () => {
    const response = await post(read("py-test-req-attachments-create.json"));
    const attachment = await response.json();
    const python = JSON.parse(read("py-server-attachments-create-response.json"));
    expect(Object.keys(attachment).sort()).toEqual(Object.keys(python).sort());
    expect(attachment).toMatchObject({
      name: "test-file-name",
      mime_type: "text/plain",
      type: "file",
      upload_descriptor: { method: "POST" },
    });
  });

  it.each([
    ["banking-req-threads-create.json", "No attachment found with id 'atc_c02562d2'."],
    ["banking-req-threads-add-user-message.json", "No thread found with id 'thr_f470d530'."],
    ["banking-req-threads-get-by-id.json", "No thread found with id 'thr_12c3ba2d'."],
    ["node-req-threads-add-client-tool-output.json", "No thread found with id 'thr_test'."],
    ["node-req-threads-custom-action.json", "No thread found with id 'thr_test'."],
  ])("answers %s with a 404 and stores nothing", async (name, message) => {
    const response = await post(read(name));
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe(message);
    expect((await chatkitJson(server, "threads.list", {})).data).toEqual([]);
  });
});
