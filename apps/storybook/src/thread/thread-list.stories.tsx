import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  createTheme,
  ThreadList,
  type ThreadListProps,
  ThreadUIProvider,
} from "@threadkit/components";
import "@threadkit/components/styles.css";
import type { ThreadMetadata } from "@threadkit/core";
import { type ComponentProps, useState } from "react";
import { expect, fn, waitFor, within } from "storybook/test";

const threads: ThreadMetadata[] = [
  {
    id: "t1",
    title: "Hiking near Zermatt",
    created_at: "2026-05-03T09:00:00Z",
    status: { type: "active" },
  },
  {
    id: "t2",
    title: "Quarterly report summary",
    created_at: "2026-05-01T15:30:00Z",
    status: { type: "active" },
  },
  { id: "t3", title: null, created_at: "2026-04-28T11:00:00Z", status: { type: "locked" } },
  {
    id: "t4",
    title: "A very long conversation title that needs to be truncated nicely",
    created_at: "2026-04-20T08:00:00Z",
    status: { type: "closed" },
  },
];

const onDelete = fn();
const onRename = fn();

function History({
  scheme = "light",
  locale = "en",
  failing = false,
  theme,
  ...props
}: Partial<ThreadListProps> & {
  scheme?: "light" | "dark";
  /** A theme on the provider, which reaches the list and its portalled dialog. */
  theme?: ComponentProps<typeof ThreadUIProvider>["theme"];
  locale?: string;
  /** Renames and deletes reject, as when the server is unreachable. */
  failing?: boolean;
}) {
  const [list, setList] = useState(props.threads ?? threads);
  const [active, setActive] = useState("t1");
  return (
    <ThreadUIProvider locale={locale} {...(theme === undefined ? {} : { theme })}>
      <div
        data-tk-theme={scheme}
        dir={locale === "ar" ? "rtl" : "ltr"}
        style={{ width: 300, background: "var(--tk-color-bg)", borderRadius: 12 }}
      >
        <ThreadList
          threads={list}
          activeThreadId={active}
          onSelect={setActive}
          onRename={async (id, title) => {
            onRename(id, title);
            if (failing) throw new Error("503 Service Unavailable");
            setList((l) => l.map((t) => (t.id === id ? { ...t, title } : t)));
          }}
          onDelete={async (id) => {
            onDelete(id);
            if (failing) throw new Error("503 Service Unavailable");
            setList((l) => l.filter((t) => t.id !== id));
          }}
          {...(props.hasMore === undefined
            ? {}
            : {
                hasMore: props.hasMore,
                onLoadMore: props.onLoadMore,
                loadingMore: props.loadingMore,
              })}
        />
      </div>
    </ThreadUIProvider>
  );
}

/** Thread history with inline rename and delete behind a confirmation dialog. */
const meta = { title: "Thread/Thread list", component: History } satisfies Meta<typeof History>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** Rename inline, then delete after confirming. */
export const RenameAndDelete: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Rename: Quarterly report summary" }));
    const input = await canvas.findByRole("textbox", { name: "Conversation title" });
    await userEvent.clear(input);
    await userEvent.type(input, "Q2 report{Enter}");
    await expect(onRename).toHaveBeenCalledWith("t2", "Q2 report");
    await userEvent.click(canvas.getByRole("button", { name: "Delete: Q2 report" }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("alertdialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    await expect(onDelete).toHaveBeenCalledWith("t2");
    await waitFor(() => expect(canvas.queryByText("Q2 report")).toBeNull());
  },
};

/**
 * Deleting from the keyboard: once the thread is gone, focus moves to the next entry (the
 * previous one after the last, the list itself when none is left), not to the page.
 */
export const DeleteFromKeyboard: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    canvas.getByRole("button", { name: "Delete: Quarterly report summary" }).focus();
    await userEvent.keyboard("{Enter}");
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("alertdialog");
    await expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.tab();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(canvas.queryByText("Quarterly report summary")).toBeNull());
    await waitFor(() =>
      expect(canvas.getByText("New conversation").closest("button")).toHaveFocus(),
    );
  },
};

/** The server refuses: a failed rename or delete is announced on its entry and can be dismissed. */
export const FailedRenameAndDelete: Story = {
  args: { failing: true },
  play: async ({ canvas, userEvent, canvasElement }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Rename: Hiking near Zermatt" }));
    const input = await canvas.findByRole("textbox", { name: "Conversation title" });
    await userEvent.clear(input);
    await userEvent.type(input, "Zermatt{Enter}");
    await expect(await canvas.findByRole("alert")).toHaveTextContent(
      "“Hiking near Zermatt” could not be renamed.",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Delete: Quarterly report summary" }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("alertdialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(canvas.getAllByRole("alert")).toHaveLength(2));
    await expect(canvas.getAllByRole("alert")[1]).toHaveTextContent(
      "“Quarterly report summary” could not be deleted.",
    );
    await expect(canvas.getByText("Quarterly report summary")).toBeVisible();
  },
};

/** "Load more" while the next page is fetched: a spinner, `aria-busy` on the list. */
export const LoadingMore: Story = {
  args: { hasMore: true, onLoadMore: () => new Promise<void>(() => {}) },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Load more" }));
    const button = canvas.getByRole("button", { name: "Loading…" });
    await expect(button).toHaveAttribute("aria-disabled", "true");
    await expect(button).toHaveFocus();
    await expect(canvas.getByRole("navigation")).toHaveAttribute("aria-busy", "true");
  },
};

export const Empty: Story = { args: { threads: [] } };
/** The dark theme's focus ring mixes the dark accent. */
export const Dark: Story = {
  args: { scheme: "dark" },
  play: async ({ canvas }) => {
    const ring = getComputedStyle(canvas.getByRole("navigation")).getPropertyValue(
      "--tk-color-ring",
    );
    await expect(ring).toContain("#4c8dff");
  },
};
export const RightToLeft: Story = { args: { locale: "ar" } };

const violet = createTheme({ colorScheme: "dark", color: { accent: { primary: "#8b5cf6" } } });

/**
 * `theme` on `ThreadUIProvider` reaches every part below it, and content portalled into
 * `document.body` too: the delete dialog here is dark, with the provider's violet accent.
 */
export const ThemeFromProvider: Story = {
  args: { theme: violet, scheme: "dark" },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Delete: Hiking near Zermatt" }));
    const dialog = await within(document.body).findByRole("alertdialog");
    await expect(canvas.queryByRole("alertdialog")).toBeNull();
    await expect(dialog).toHaveAttribute("data-tk-theme", "dark");
    await expect(getComputedStyle(dialog).backgroundColor).toBe("rgb(32, 32, 38)");
    await expect(dialog.style.getPropertyValue("--tk-color-accent")).toBe(
      violet.vars["--tk-color-accent"],
    );
  },
};
