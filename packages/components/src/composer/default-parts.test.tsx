import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider } from "@threadkit/hooks";
import { vi } from "vitest";
import {
  closeAfterCleanup,
  sendSse,
  startServer,
  type TestServer,
} from "../../../hooks/test/http-server";
import { ComposerRootSwitch } from "./connected-composer";

const echo = (text: string) =>
  `data: ${JSON.stringify({
    type: "thread.item.done",
    item: {
      type: "user_message",
      id: "u_1",
      thread_id: "thr_1",
      created_at: "2026-05-01T10:00:00Z",
      content: [{ type: "input_text", text }],
      attachments: [],
      inference_options: {},
    },
  })}\n\n`;

let server: TestServer | undefined;
afterEach(() => closeAfterCleanup(server));

describe("Composer.Root without children", () => {
  it("renders the whole default composer and sends through the hooks", async () => {
    server = await startServer(async (_request, res) => sendSse(res, echo("Hello there")));
    const clients = { protocol: createChatKitClient({ url: server.url, maxRetries: 0 }) };
    const user = userEvent.setup();
    const { container } = render(
      <ThreadkitProvider clients={clients}>
        <ComposerRootSwitch threadId="thr_1" />
      </ThreadkitProvider>,
    );
    const input = screen.getByRole("textbox");
    expect(screen.getByRole("button", { name: "Send message" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add attachments" })).toBeInTheDocument();
    expect(container.querySelector('[data-tk-part="composer-row"]')).not.toBeNull();
    await user.type(input, "Hello there{Enter}");
    await waitFor(() => expect(server!.requests).toHaveLength(1));
    expect(server.requests[0]?.body).toMatchObject({
      type: "threads.add_user_message",
      params: {
        thread_id: "thr_1",
        input: { content: [{ type: "input_text", text: "Hello there" }] },
      },
    });
  });

  it("renders the default parts when driven by props, and leaves the attach button out without onAddFiles", async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<ComposerRootSwitch onSubmit={onSubmit} />);
    await user.type(screen.getByRole("textbox"), "Hi");
    await user.click(screen.getByRole("button", { name: "Send message" }));
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ text: "Hi", attachments: [], tags: [] });
    expect(screen.queryByRole("button", { name: "Add attachments" })).toBeNull();
  });

  it("renders the app's children instead when given", () => {
    render(
      <ComposerRootSwitch onSubmit={() => {}}>
        <span>custom</span>
      </ComposerRootSwitch>,
    );
    expect(screen.getByText("custom")).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).toBeNull();
  });
});
