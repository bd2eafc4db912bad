import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { sendJson, startTestServer, type TestServer } from "../../test/http-server";
import { ValidationError } from "../errors";
import { cancelChatKitSession, createChatKitSession, toClientSecret } from "./index";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const session = {
  id: "cksess_1",
  object: "chatkit.session",
  client_secret: "ek_secret",
  expires_at: 1712346200,
  status: "active",
  user: "u1",
  workflow: { id: "wf_1", version: null, state_variables: null, tracing: { enabled: true } },
};

describe("server session helpers", () => {
  it("creates a session with the API key and returns only the secret to the browser", async () => {
    server.handle((_req, res) => sendJson(res, 200, session));
    const created = await createChatKitSession(
      { apiKey: "sk-live", baseUrl: server.url },
      {
        user: "u1",
        workflow: { id: "wf_1" },
        expires_after: { anchor: "created_at", seconds: 600 },
      },
    );
    expect(toClientSecret(created)).toEqual({ client_secret: "ek_secret", expires_at: 1712346200 });
    const req = server.requests.at(-1);
    expect(req?.url.pathname).toBe("/chatkit/sessions");
    expect(req?.headers.authorization).toBe("Bearer sk-live");
    expect(req?.headers["openai-beta"]).toBe("chatkit_beta=v1");
  });

  it("cancels a session", async () => {
    server.handle((_req, res) => sendJson(res, 200, { ...session, status: "cancelled" }));
    const cancelled = await cancelChatKitSession({ apiKey: "sk", baseUrl: server.url }, "cksess_1");
    expect(cancelled.status).toBe("cancelled");
    expect(server.requests.at(-1)?.url.pathname).toBe("/chatkit/sessions/cksess_1/cancel");
  });

  it("rejects out-of-bounds parameters before any request", async () => {
    const before = server.requests.length;
    const error = await createChatKitSession(
      { apiKey: "sk", baseUrl: server.url },
      {
        user: "u1",
        workflow: { id: "wf_1" },
        expires_after: { anchor: "created_at", seconds: 601 },
        chatkit_configuration: { file_upload: { max_file_size: 0 } },
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).path).toBe("expires_after.seconds");
    expect((error as ValidationError).issues.map((i) => i.path.join("."))).toEqual([
      "expires_after.seconds",
      "chatkit_configuration.file_upload.max_file_size",
    ]);
    expect(server.requests.length).toBe(before);
  });
});

describe("browser entry point", () => {
  it("never imports server code (packages/core/src/index.ts import graph)", () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)) {
        const spec = match[1] as string;
        const base = path.resolve(path.dirname(file), spec);
        const candidates = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")];
        const target = candidates.find((c) => {
          try {
            readFileSync(c);
            return true;
          } catch {
            return false;
          }
        });
        if (target) visit(target);
      }
    };
    visit(path.join(src, "index.ts"));
    expect(seen.size).toBeGreaterThan(10);
    const serverDir = path.join(src, "server") + path.sep;
    expect([...seen].filter((file) => file.startsWith(serverDir))).toEqual([]);
  });
});
