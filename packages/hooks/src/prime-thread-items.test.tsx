// @vitest-environment node
import { QueryClient } from "@tanstack/react-query";
import { createChatKitClient } from "@threadkit/core";
import { createAssistantMessage, createUserMessage } from "@threadkit/core/testing";
import { renderToString } from "react-dom/server";
import { primeThreadItems, ThreadkitProvider, useThreadItems } from "./index";

function ItemIds({ threadId }: { threadId: string }) {
  const { itemIds, hasOlder } = useThreadItems(threadId);
  return (
    <p>
      {itemIds.join(",")}|{hasOlder ? "older" : "none"}
    </p>
  );
}

// Never reached: the primed page is all the first render needs.
const clients = { protocol: createChatKitClient({ url: "http://127.0.0.1:9/chatkit" }) };
const page = {
  // `items.list` with order "desc": newest first.
  data: [createAssistantMessage("msg_2", ["Hi"]), createUserMessage("msg_1", "Hello")],
  has_more: true,
  after: "msg_1",
};

describe("primeThreadItems", () => {
  it("renders a primed first page on the server, oldest first, with its cursor", () => {
    const queryClient = new QueryClient();
    primeThreadItems(queryClient, "thr_1", page);
    const html = renderToString(
      <ThreadkitProvider clients={clients} queryClient={queryClient}>
        <ItemIds threadId="thr_1" />
      </ThreadkitProvider>,
    );
    expect(html).toBe("<p>msg_1,msg_2<!-- -->|<!-- -->older</p>");
  });

  it("renders nothing for a thread that was not primed", () => {
    const queryClient = new QueryClient();
    primeThreadItems(queryClient, "thr_1", page, { pageSize: 50, order: "desc" });
    const html = renderToString(
      <ThreadkitProvider clients={clients} queryClient={queryClient}>
        <ItemIds threadId="thr_1" />
        <ItemIds threadId="thr_2" />
      </ThreadkitProvider>,
    );
    // thr_1 starts with its items (the page under other paging options loads the rest);
    // thr_2 was not primed.
    expect(html).toBe("<p>msg_1,msg_2<!-- -->|<!-- -->none</p><p>|<!-- -->none</p>");
  });
});
