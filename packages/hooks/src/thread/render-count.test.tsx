import { act, render, waitFor } from "@testing-library/react";
import type { ThreadItem } from "@threadkit/core";
import { memo, type ReactNode } from "react";
import {
  closeAfterCleanup,
  readFixture,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { type UseRunStreamResult, useRunStream } from "../run/use-run-stream";
import { ThreadProvider, useThreadItem, useThreadStore } from "./thread-context";
import { useThreadItems } from "./use-thread-items";

// The first event of this fixture is one text delta for item "123".
const firstEvent = `${readFixture("chatkit-protocol/py-agents-event-mapping.sse").split("\n\n")[0]}\n\n`;

const assistant = (id: string): ThreadItem => ({
  type: "assistant_message",
  id,
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00",
  content: [{ type: "output_text", text: `text ${id}`, annotations: [] }],
});

const renders = { list: 0, items: new Map<string, number>() };
const runRef: { current: UseRunStreamResult | null } = { current: null };

const Item = memo(function Item({ id }: { id: string }) {
  const item = useThreadItem(id);
  renders.items.set(id, (renders.items.get(id) ?? 0) + 1);
  return <li>{item?.type === "assistant_message" ? item.content[0]?.text : null}</li>;
});

function List() {
  const { itemIds } = useThreadItems("thr_1", { enabled: false });
  renders.list += 1;
  return (
    <ul>
      {itemIds.map((id) => (
        <Item key={id} id={id} />
      ))}
    </ul>
  );
}

function Runner() {
  runRef.current = useRunStream("thr_1");
  return null;
}

function Seed({ children }: { children: ReactNode }) {
  const store = useThreadStore("thr_1");
  if (store.getState().itemIds.length === 0) {
    const items = Array.from({ length: 50 }, (_, i) => assistant(i === 25 ? "123" : `msg_${i}`));
    store.getState().mergeItems(items, "append");
  }
  return children;
}

describe("render isolation", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("re-renders exactly one item subscriber and not the list for one text delta", async () => {
    server = await startServer((_request, res) => sendSse(res, firstEvent));
    const clients = { protocol: createTestProtocolClient(server.url) };
    const view = render(
      <ThreadkitProvider clients={clients}>
        <Seed>
          <ThreadProvider threadId="thr_1">
            <List />
          </ThreadProvider>
          <Runner />
        </Seed>
      </ThreadkitProvider>,
    );
    expect(view.getAllByRole("listitem")).toHaveLength(50);
    const listBefore = renders.list;
    const itemsBefore = new Map(renders.items);

    await act(() => runRef.current!.customAction({ type: "noop" }));
    await waitFor(() => expect(view.getByText("text 123Hello, world!")).toBeInTheDocument());

    expect(renders.list - listBefore).toBe(0);
    const changed = [...renders.items].filter(([id, count]) => count !== itemsBefore.get(id));
    expect(changed).toEqual([["123", (itemsBefore.get("123") ?? 0) + 1]]);
  });
});
