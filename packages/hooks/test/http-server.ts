/**
 * A real HTTP server on 127.0.0.1 for hook tests, answering with CORS headers so the DOM
 * environment's `fetch` may read it. Routes get the parsed JSON body.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cleanup, configure } from "@testing-library/react";

// The machine running the suite is shared and often loaded: give async assertions room.
configure({ asyncUtilTimeout: 10_000 });

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The shared fixtures folder (beside the repository in CI). */
export const fixturesDir = path.resolve(repoRoot, "fixtures");

/** Reads a fixture file as text, exactly as stored. */
export function readFixture(relativePath: string): string {
  return readFileSync(path.join(fixturesDir, relativePath), "utf8");
}

/** One request the server received. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: any;
}

/** Answers one request. */
export type Handler = (request: RecordedRequest, res: ServerResponse) => void | Promise<void>;

/** A running test server. */
export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "*",
  "access-control-allow-methods": "*",
  "access-control-expose-headers": "*",
};

/** Starts a server; every non-preflight request is recorded, then given to `handler`. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = text === "" ? undefined : JSON.parse(text);
      } catch {}
      const recorded = {
        method: req.method ?? "GET",
        url: req.url ?? "/",
        headers: req.headers,
        body,
      };
      requests.push(recorded);
      for (const [key, value] of Object.entries(CORS)) res.setHeader(key, value);
      Promise.resolve(handler(recorded, res)).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/**
 * Sends `text` as `text/event-stream`, in chunks of `chunkSize` characters (so events are split
 * across reads), and optionally keeps the response open afterwards.
 */
export async function sendSse(
  res: ServerResponse,
  text: string,
  options: { chunkSize?: number; keepOpen?: boolean } = {},
): Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const size = options.chunkSize ?? text.length;
  for (let i = 0; i < text.length; i += size) {
    res.write(text.slice(i, i + size));
  }
  if (!options.keepOpen) res.end();
}

/**
 * Unmounts what the test rendered, then closes the server: hooks stop their requests before the
 * server goes away (file-level `afterEach` runs before the global cleanup).
 */
export async function closeAfterCleanup(server: TestServer | undefined): Promise<void> {
  cleanup();
  await server?.close();
}
