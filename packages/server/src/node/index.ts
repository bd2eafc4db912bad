/**
 * `@threadkit/server/node`: serve a ChatKit server from Node's `http` module (and Express,
 * Fastify's raw handler, or anything that hands out `IncomingMessage`/`ServerResponse`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ChatKitServer } from "../server";

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions<C> {
  /** The per-request context (e.g. the user from a session cookie). May be async. */
  context?: (req: IncomingMessage) => C | Promise<C>;
}

/** Builds a Fetch `Request` from a Node request; its signal aborts when the client goes away. */
export function toFetchRequest(req: IncomingMessage, res: ServerResponse): Request {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const host = req.headers.host ?? "localhost";
  const url = new URL(req.url ?? "/", `http://${host}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // Express's body parsers may already have read the body.
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  let body: BodyInit | null = null;
  if (hasBody) {
    if (typeof parsed === "string") body = parsed;
    else if (parsed instanceof Uint8Array) body = new Uint8Array(parsed);
    else if (parsed !== undefined && typeof parsed === "object" && req.readableEnded) {
      body = JSON.stringify(parsed);
      headers.delete("content-length");
    } else body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  }
  return new Request(url, {
    method,
    headers,
    body,
    signal: controller.signal,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** Writes a Fetch `Response` to a Node response, streaming its body; stops when the client leaves. */
export async function writeFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => {
    res.setHeader(key, value);
  });
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  const stop = () => reader.cancel().catch(() => {});
  res.on("close", stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            res.off("drain", go);
            res.off("close", go);
            resolve();
          };
          res.on("drain", go);
          res.on("close", go);
        });
      }
      if (res.destroyed) break;
    }
  } catch {
    // The body failed or the client left; nothing more to send.
  } finally {
    res.off("close", stop);
    if (!res.destroyed) res.end();
  }
}

/**
 * A `(req, res)` handler for `http.createServer`, Express (`app.post("/chatkit", handler)`) and
 * other Node frameworks. When the client disconnects, the stream and `respond` are aborted.
 *
 * @example
 * http.createServer(toNodeHandler(server, { context: (req) => ({ user: userOf(req) }) }))
 *   .listen(8000);
 */
export function toNodeHandler<C>(
  server: ChatKitServer<C>,
  options: NodeHandlerOptions<C> = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      const request = toFetchRequest(req, res);
      const context = (await options.context?.(req)) as C;
      await writeFetchResponse(await server.handle(request, context), res);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("Content-Type", "application/json");
        res.end(
          JSON.stringify({
            error: {
              type: "server_error",
              code: "server_error",
              message: "The server failed to answer the request.",
              param: null,
            },
          }),
        );
      } else res.destroy();
    }
  };
}
