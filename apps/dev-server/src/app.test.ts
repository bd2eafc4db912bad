import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isLocalOrigin } from "./app";
import type { DevServer } from "./server";
import { startServer } from "./test-utils";

let server: DevServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

describe("CORS", () => {
  it("accepts any localhost origin and exposes Retry-After", async () => {
    const preflight = await fetch(`${server.url}/chatkit`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:5173",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,authorization,x-threadkit-fault",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(preflight.headers.get("access-control-allow-headers")).toBe(
      "content-type,authorization,x-threadkit-fault",
    );
    const error = await fetch(`${server.url}/v1/nope`, {
      headers: { Origin: "http://127.0.0.1:3000" },
    });
    expect(error.status).toBe(404);
    expect(error.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    expect(error.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });

  it("does not allow other origins", async () => {
    const response = await fetch(`${server.url}/`, { headers: { Origin: "https://evil.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("recognizes local origins only", () => {
    expect(isLocalOrigin("http://localhost")).toBe(true);
    expect(isLocalOrigin("https://127.0.0.1:8443")).toBe(true);
    expect(isLocalOrigin("http://[::1]:5173")).toBe(true);
    expect(isLocalOrigin("http://localhost.evil.example")).toBe(false);
    expect(isLocalOrigin("http://10.0.0.1:5173")).toBe(false);
  });
});

describe("routes", () => {
  it("describes itself at /", async () => {
    const info = await (await fetch(`${server.url}/`)).json();
    expect(info.chatkit).toBe(`${server.url}/chatkit`);
  });

  it("answers unknown routes with a JSON 404", async () => {
    const response = await fetch(`${server.url}/v2/whatever`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        message: "No route for POST /v2/whatever.",
        type: "invalid_request_error",
        code: "not_found",
        param: null,
      },
    });
  });
});
