import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import * as core from "@threadkit/core";
import { ThreadkitProvider, ThreadProvider } from "@threadkit/hooks";
import { vi } from "vitest";
import { ConnectedWidget } from "./connected-widget";
import { preloadWidgets } from "./widget-root";

// Every widget action of the page goes through core's one dispatch; count its calls.
vi.mock("@threadkit/core", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@threadkit/core")>();
  return { ...actual, runWidgetAction: vi.fn(actual.runWidgetAction) };
});

beforeAll(() => preloadWidgets());

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const actionStream = readFileSync(
  path.resolve(repoRoot, "fixtures/chatkit-protocol/node-custom-action-stream.sse"),
  "utf8",
);

let server: Server;
let bodies: { type: string }[];

beforeEach(async () => {
  bodies = [];
  vi.mocked(core.runWidgetAction).mockClear();
  server = createServer((request, response) => {
    const cors = {
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "*",
      "access-control-allow-methods": "*",
    };
    if (request.method === "OPTIONS") {
      response.writeHead(204, cors).end();
      return;
    }
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const body = JSON.parse(raw) as { type: string };
      bodies.push(body);
      if (body.type === "threads.sync_custom_action") {
        response.writeHead(500, { ...cors, "content-type": "application/json" });
        response.end(JSON.stringify({ detail: "broken" }));
        return;
      }
      response.writeHead(200, { ...cors, "content-type": "text/event-stream" });
      response.end(actionStream);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const item: core.WidgetItem = {
  id: "widget_test",
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00",
  type: "widget",
  widget: {
    type: "Card",
    children: [
      { type: "Button", label: "Open", onClickAction: { type: "open", payload: { id: 1 } } },
      {
        type: "Button",
        label: "Save",
        onClickAction: { type: "save", payload: { id: 2 }, streaming: false },
      },
    ],
  },
};

function renderConnected(onActionError = vi.fn(), onError = vi.fn()) {
  const { port } = server.address() as AddressInfo;
  const clients = {
    protocol: core.createChatKitClient({
      url: `http://127.0.0.1:${port}/chatkit`,
      maxRetries: 0,
    }),
  };
  render(
    <ThreadkitProvider clients={clients} onError={onError}>
      <ThreadProvider threadId="thr_1">
        <ConnectedWidget item={item} onActionError={onActionError} />
      </ThreadProvider>
    </ThreadkitProvider>,
  );
  return { onActionError, onError };
}

describe("ConnectedWidget routing", () => {
  it("routes a server action once and sends one request", async () => {
    renderConnected();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Open" }));
    });
    await waitFor(() => expect(bodies).toHaveLength(1));
    // Widget.Root routes it; the hooks binding only sends it.
    expect(core.runWidgetAction).toHaveBeenCalledTimes(1);
    expect(bodies.map((body) => body.type)).toEqual(["threads.custom_action"]);
  });

  it("hands a failed sync action to onActionError and reports it once", async () => {
    const { onActionError, onError } = renderConnected();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
    });
    await waitFor(() => expect(onActionError).toHaveBeenCalledTimes(1));
    expect(onActionError.mock.calls[0]?.[0]).toBeInstanceOf(core.APIError);
    expect(onActionError.mock.calls[0]?.[1]).toMatchObject({ type: "save" });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(core.runWidgetAction).toHaveBeenCalledTimes(1);
    expect(bodies.map((body) => body.type)).toEqual(["threads.sync_custom_action"]);
  });
});
