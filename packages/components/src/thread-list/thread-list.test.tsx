import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ThreadMetadata } from "@threadkit/core";
import { useState } from "react";
import { ThreadList, type ThreadListProps } from "./thread-list";

// The delete dialog sits in the lazily loaded overlays module. Its first import (Radix and all,
// through the test's transform) can outlast `findByRole`'s wait on a busy machine; these tests are
// about focus after a delete, so the module is loaded before they start.
beforeAll(async () => {
  await import("../internal/overlays");
});

const THREADS: ThreadMetadata[] = ["Alpha", "Bravo", "Charlie"].map((title, i) => ({
  id: `t${i + 1}`,
  title,
  created_at: "2026-05-01T10:00:00Z",
  status: { type: "active" },
}));

/** A list that removes a thread once `remove` resolves for it. */
function History({
  threads = THREADS,
  remove = async () => {},
  ...props
}: Partial<ThreadListProps> & { remove?: (id: string) => Promise<void> }) {
  const [list, setList] = useState(threads);
  return (
    <ThreadList
      threads={list}
      onRename={() => {}}
      onDelete={async (id) => {
        await remove(id);
        setList((l) => l.filter((thread) => thread.id !== id));
      }}
      {...props}
    />
  );
}

async function deleteFromKeyboard(user: ReturnType<typeof userEvent.setup>, title: string) {
  screen.getByRole("button", { name: `Delete: ${title}` }).focus();
  await user.keyboard("{Enter}");
  const dialog = await screen.findByRole("alertdialog");
  within(dialog).getByRole("button", { name: "Delete" }).focus();
  await user.keyboard("{Enter}");
}

function trigger(title: string) {
  return screen.getByText(title).closest("button");
}

describe("ThreadList", () => {
  it("moves focus to the next entry after a thread is deleted", async () => {
    const user = userEvent.setup();
    render(<History />);
    await deleteFromKeyboard(user, "Bravo");
    await waitFor(() => expect(screen.queryByText("Bravo")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger("Charlie")));
  });

  it("moves focus to the previous entry after the last one is deleted", async () => {
    const user = userEvent.setup();
    render(<History />);
    await deleteFromKeyboard(user, "Charlie");
    await waitFor(() => expect(screen.queryByText("Charlie")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger("Bravo")));
  });

  it("moves focus to the list after the only thread is deleted", async () => {
    const user = userEvent.setup();
    render(<History threads={THREADS.slice(0, 1)} />);
    await deleteFromKeyboard(user, "Alpha");
    await waitFor(() => expect(screen.getByText("No conversations yet")).toBeInTheDocument());
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("navigation", { name: "History" })),
    );
  });

  it("keeps the entry and shows an alert when deleting fails", async () => {
    const user = userEvent.setup();
    render(<History remove={() => Promise.reject(new Error("503"))} />);
    await deleteFromKeyboard(user, "Bravo");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("“Bravo” could not be deleted.");
    expect(alert.closest("li")).toHaveTextContent("Bravo");
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows an alert when renaming fails, also for a synchronous throw", async () => {
    const user = userEvent.setup();
    render(
      <ThreadList
        threads={THREADS}
        onRename={() => {
          throw new Error("forbidden");
        }}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Rename: Alpha" }));
    const input = screen.getByRole("textbox", { name: "Conversation title" });
    await user.clear(input);
    await user.type(input, "Renamed{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("“Alpha” could not be renamed.");
  });

  it("shows the loading state while the next page loads, then an error if it fails", async () => {
    const user = userEvent.setup();
    let reject: (error: Error) => void = () => {};
    const onLoadMore = vi.fn(
      () =>
        new Promise<void>((_, rejectPage) => {
          reject = rejectPage;
        }),
    );
    render(<ThreadList threads={THREADS} hasMore onLoadMore={onLoadMore} />);
    const button = screen.getByRole("button", { name: "Load more" });
    await user.click(button);
    expect(button).toHaveAccessibleName("Loading…");
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveAttribute("data-loading", "");
    expect(screen.getByRole("navigation")).toHaveAttribute("aria-busy", "true");
    await user.click(button);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    await act(async () => reject(new Error("offline")));
    expect(screen.getByRole("alert")).toHaveTextContent("More conversations could not be loaded.");
    expect(button).toHaveAccessibleName("Load more");
    expect(button).not.toHaveAttribute("aria-disabled");
  });

  it("follows a controlled loadingMore", () => {
    const { rerender } = render(
      <ThreadList threads={THREADS} hasMore onLoadMore={() => {}} loadingMore />,
    );
    expect(screen.getByRole("button", { name: "Loading…" })).toHaveAttribute("data-loading", "");
    rerender(<ThreadList threads={THREADS} hasMore onLoadMore={() => {}} loadingMore={false} />);
    expect(screen.getByRole("button", { name: "Load more" })).not.toHaveAttribute("data-loading");
  });
});
