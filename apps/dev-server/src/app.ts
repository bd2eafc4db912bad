import { Hono } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "./app-env";
import { registerAttachmentRoutes } from "./attachments";
import { ProtocolEndpoint } from "./chatkit";
import {
  FAULT_HEADER,
  FaultAnswer,
  faultAnswer,
  faultError,
  hangForever,
  mergeFaults,
  parseFaultSpec,
} from "./faults";
import { registerAssistantsRoutes } from "./rest-assistants";
import { readJson, registerChatKitRestRoutes } from "./rest-chatkit";
import type { DevServices } from "./services";
import { HttpError, sleep } from "./util";

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Reject `/chatkit` requests that carry no client secret. @default false */
  requireClientSecret?: boolean;
  /** Origins allowed by CORS besides any `localhost` / `127.0.0.1` / `[::1]` origin. */
  corsOrigins?: string[];
}

/** Whether an origin is a local one (any port, http or https). */
export function isLocalOrigin(origin: string): boolean {
  return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);
}

const CLIENT_SECRET = /^Bearer\s+(ek_\S+)$/i;

/**
 * The dev server's routes: the ChatKit protocol (`POST /chatkit`), uploads and files, the hosted
 * ChatKit REST API and the Assistants API under `/v1`. Errors answer the OpenAI error shape.
 */
export function createApp(services: DevServices, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const extraOrigins = new Set(options.corsOrigins ?? []);
  app.use(
    "*",
    cors({
      origin: (origin) => (isLocalOrigin(origin) || extraOrigins.has(origin) ? origin : null),
      allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
      exposeHeaders: ["Retry-After", "Content-Type"],
      maxAge: 600,
    }),
  );

  app.use("*", async (c, next) => {
    const url = new URL(c.req.url);
    const faults = mergeFaults(services.faults, parseFaultSpec(c.req.header(FAULT_HEADER)));
    let session = null;
    const secret = CLIENT_SECRET.exec(c.req.header("authorization") ?? "")?.[1];
    const scoped =
      url.pathname.startsWith("/chatkit") || url.pathname.startsWith("/v1/chatkit/threads");
    if (secret && scoped) session = services.sessions.authorize(secret);
    else if (options.requireClientSecret && url.pathname === "/chatkit") {
      throw new HttpError(
        401,
        "A client secret is required (Authorization: Bearer ek_…).",
        "invalid_request_error",
        "missing_client_secret",
      );
    }
    c.set("info", { origin: url.origin, session, faults });
    if (c.req.method !== "OPTIONS" && !url.pathname.startsWith("/files/")) {
      const error = faultError(faults);
      if (error) throw error;
      const answer = faultAnswer(faults);
      if (answer) throw answer;
      if (faults.hang) await hangForever();
      if (faults.latencyMs) await sleep(faults.latencyMs);
    }
    await next();
  });

  const protocol = new ProtocolEndpoint(services);
  app.post("/chatkit", async (c) => protocol.handle(await readJson(c), c.get("info")));
  registerAttachmentRoutes(app, services);
  registerChatKitRestRoutes(app, services);
  registerAssistantsRoutes(app, services);

  app.get("/", (c) =>
    c.json({
      name: "threadkit dev server",
      chatkit: `${c.get("info").origin}/chatkit`,
      upload: `${c.get("info").origin}/chatkit/upload`,
      rest: `${c.get("info").origin}/v1`,
      help: "Send a message containing `help` for the scripted assistant's keywords.",
    }),
  );

  app.notFound((c) =>
    c.json(
      new HttpError(
        404,
        `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`,
        "invalid_request_error",
        "not_found",
      ).toJSON(),
      404,
    ),
  );
  app.onError((error, c) => {
    // Hono copies the CORS headers onto whatever response comes back.
    if (error instanceof FaultAnswer) return error.response;
    if (error instanceof HttpError) {
      for (const [key, value] of Object.entries(error.headers)) c.header(key, value);
      return c.json(error.toJSON(), error.status as 400);
    }
    console.error(error);
    return c.json(
      new HttpError(500, "Internal server error.", "server_error", "internal_error").toJSON(),
      500,
    );
  });
  return app;
}
