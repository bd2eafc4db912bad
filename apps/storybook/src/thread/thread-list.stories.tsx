import type { Meta, StoryObj } from "@storybook/react-vite";
import { ThreadList, ThreadUIProvider } from "@threadkit/components";
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
  ...props
}: Partial<ComponentProps<typeof ThreadList>> & { scheme?: "light" | "dark"; locale?: string }) {
  const [list, setList] = useState(props.threads ?? threads);
  const [active, setActive] = useState("t1");
  return (
    <ThreadUIProvider locale={locale}>
      <div
        data-tk-theme={scheme}
        dir={locale === "ar" ? "rtl" : "ltr"}
        style={{ width: 300, background: "var(--tk-color-bg)", borderRadius: 12 }}
      >
        <ThreadList
          threads={list}
          activeThreadId={active}
          onSelect={setActive}
          onRename={(id, title) => {
            onRename(id, title);
            setList((l) => l.map((t) => (t.id === id ? { ...t, title } : t)));
          }}
          onDelete={(id) => {
            onDelete(id);
            setList((l) => l.filter((t) => t.id !== id));
          }}
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
    const input = canvas.getByRole("textbox", { name: "Conversation title" });
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

export const Empty: Story = { args: { threads: [] } };
export const Dark: Story = { args: { scheme: "dark" } };
export const RightToLeft: Story = { args: { locale: "ar" } };
