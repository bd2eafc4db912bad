import { render } from "@testing-library/react";
import { createChatKitClient, createChatKitRestClient } from "@threadkit/core";
import { type ThreadkitClients, ThreadkitProvider } from "@threadkit/hooks";
import type { ReactNode } from "react";
import { ComposerRootSwitch } from "./connected-composer";

// Offline clients: nothing here sends a request.
const base = "http://127.0.0.1:9";

function attachButtons(clients: ThreadkitClients) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
  );
  const { container, unmount } = render(<ComposerRootSwitch threadId="thr_1" />, { wrapper });
  const count = container.querySelectorAll("[data-tk-part='composer-add-attachment']").length;
  const picker = container.querySelectorAll("input[type='file']").length;
  unmount();
  return { count, picker };
}

describe("Composer (connected) on the run's backend", () => {
  it("leaves out the attach button where the backend takes no attachments", () => {
    expect(attachButtons({ rest: createChatKitRestClient({ baseUrl: base }) })).toEqual({
      count: 0,
      picker: 0,
    });
  });

  it("offers it where the backend takes attachments", () => {
    expect(attachButtons({ protocol: createChatKitClient({ url: base }) })).toEqual({
      count: 1,
      picker: 1,
    });
  });
});
