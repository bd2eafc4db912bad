/**
 * Request bodies captured from real ChatKit clients and servers (repo `fixtures/`), posted as
 * they are: each parses; ids this server never saw get a 404 and change nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseThreadItem } from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../src/sqlite/index";
import { type AppContext, collect, startApp, type TestApp } from "./helpers/app";

const fixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../fixtures/chatkit-protocol",
);
const requests = readdirSync(fixtures).filter((name) => /-req-.*\.json$/.test(name));

let store: SqliteStore<AppContext>;
let app: TestApp;
beforeEach(async () => {
  store = new SqliteStore<AppContext>(":memory:");
  app = await startApp(store);
});
afterEach(async () => {
  await app.close();
  store.close();
});

const post = (body: string) => fetch(app.url, { method: "POST", body });

describe("captured request bodies", () => {
  it("there are captured requests to replay", () => {
    expect(requests.length).toBeGreaterThanOrEqual(9);
  });

  it.each(requests)("%s parses and is answered (200, or 404 for ids never seen)", async (name) => {
    const body = readFileSync(path.join(fixtures, name), "utf8");
    const type = (JSON.parse(body) as { type: string }).type;
    const response = await post(body);
    const names = /thread_id|attachment_id|"atc_/.test(body) && type !== "threads.list";
    expect([name, response.status]).toEqual([name, names ? 404 : 200]);
    if (response.status === 404) {
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
      const rows = store.db.prepare("SELECT COUNT(*) AS n FROM threadkit_items").get();
      expect(rows).toEqual({ n: 0 });
    } else await response.arrayBuffer();
  });

  it("answers the Python test's threads.create like the Python server (nulls dropped)", async () => {
    const response = await post(
      readFileSync(path.join(fixtures, "py-test-req-threads-create.json"), "utf8"),
    );
    const streamed = await collect(response.body!);
    const user = streamed.find((e) => e.type === "thread.item.done");
    expect(user?.type === "thread.item.done" && user.item).toMatchObject({
      type: "user_message",
      quoted_text: "Quoted text",
      inference_options: {},
    });
    if (user?.type === "thread.item.done")
      expect(parseThreadItem(user.item).type).toBe("user_message");
  });
});
