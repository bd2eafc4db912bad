import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createChatKitClient, type WidgetItem } from "@threadkit/core";
import { ThreadkitProvider, ThreadProvider } from "@threadkit/hooks";
import { vi } from "vitest";
import { ConnectedWidget } from "./connected-widget";
import { preloadWidgets } from "./widget-root";

// The widget catalogue loads lazily; these tests render widgets at once.
beforeAll(() => preloadWidgets());

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const actionStream = readFileSync(
  path.resolve(repoRoot, "fixtures/chatkit-protocol/node-custom-action-stream.sse"),
  "utf8",
);

let server: Server;
let bodies: unknown[];

beforeEach(async () => {
  bodies = [];
  server = createServer((request, response) => {
    // The DOM environment's fetch is cross-origin: answer the preflight.
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
      bodies.push(JSON.parse(raw));
      response.writeHead(200, { ...cors, "content-type": "text/event-stream" });
      response.end(actionStream);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const item: WidgetItem = {
  id: "widget_test",
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00",
  type: "widget",
  widget: {
    type: "Card",
    children: [
      {
        type: "Form",
        children: [
          { type: "Input", name: "note", defaultValue: "hi" },
          {
            type: "Button",
            label: "Open",
            submit: true,
            onClickAction: { type: "open", payload: { id: 1 } },
          },
          { type: "Button", label: "Local", onClickAction: { type: "nav", handler: "client" } },
        ],
      },
    ],
  },
};

function renderConnected(onClientAction = vi.fn()) {
  const { port } = server.address() as AddressInfo;
  const clients = {
    protocol: createChatKitClient({ url: `http://127.0.0.1:${port}/chatkit`, maxRetries: 0 }),
  };
  render(
    <ThreadkitProvider clients={clients}>
      <ThreadProvider threadId="thr_1">
        <ConnectedWidget item={item} onClientAction={onClientAction} />
      </ThreadProvider>
    </ThreadkitProvider>,
  );
  return onClientAction;
}

describe("ConnectedWidget", () => {
  it("sends a server action with its form values as threads.custom_action", async () => {
    renderConnected();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Open" }));
    });
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({
      type: "threads.custom_action",
      params: {
        thread_id: "thr_1",
        item_id: "widget_test",
        action: { type: "open", payload: { id: 1, note: "hi" } },
      },
    });
  });

  it("hands client actions to the app without a request", async () => {
    const onClientAction = renderConnected();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Local" }));
    });
    expect(onClientAction).toHaveBeenCalledWith(
      { type: "nav", payload: { note: "hi" } },
      expect.objectContaining({ id: "widget_test" }),
    );
    expect(bodies).toHaveLength(0);
  });
});
