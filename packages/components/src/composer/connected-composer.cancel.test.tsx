import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider } from "@threadkit/hooks";
import type { ReactNode } from "react";
import { closeAfterCleanup, startServer, type TestServer } from "../../../hooks/test/http-server";
import { ComposerInput, ComposerStop, ComposerSubmit } from "./composer";
import { ConnectedComposerRoot } from "./connected-composer";

const input = () => screen.getByRole("textbox", { name: "Message" });

describe("Composer (connected) before the server answers", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("offers Stop from the moment of send, and Stop keeps the draft", async () => {
    const user = userEvent.setup();
    let disconnected = false;
    // A server that never sends headers.
    server = await startServer((_request, res) => {
      res.on("close", () => {
        disconnected = true;
      });
    });
    const clients = { protocol: createChatKitClient({ url: server.url, maxRetries: 0 }) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const { container } = render(
      <ConnectedComposerRoot threadId="thr_1">
        <ComposerInput />
        <ComposerStop />
        <ComposerSubmit />
      </ConnectedComposerRoot>,
      { wrapper },
    );
    await user.type(input(), "wait for me{Enter}");
    const stop = await screen.findByRole("button", { name: "Stop generating" });
    expect(container.querySelector("[data-tk-part='composer']")).toHaveAttribute("data-running");
    await waitFor(() => expect(server.requests).toHaveLength(1));
    await user.click(stop);
    await waitFor(() => expect(disconnected).toBe(true));
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: "Stop generating" })).toBeNull(),
    );
    expect(input()).toHaveValue("wait for me");
    expect(screen.getByRole("button", { name: "Send message" })).toBeEnabled();
  });
});
