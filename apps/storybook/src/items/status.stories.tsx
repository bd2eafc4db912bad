import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  Notice,
  ProgressUpdate,
  preloadItemRenderers,
  registerWidgetIcons,
  StreamError,
  ThreadItem,
} from "@threadkit/components";
import type { ThreadItem as ThreadItemData } from "@threadkit/core";
import { expect, fn, waitFor } from "storybook/test";
import { Frame } from "./_frame";

const retry = fn();

/**
 * Stream-level states: notices (info / warning / danger; their message is markdown), progress
 * updates, stream errors with retry when allowed, end of turn, the unknown-item fallback, the
 * widget JSON fallback and the per-item error boundary. In a thread, `Thread.RunStatus` renders
 * the first three after the last item (see the Thread stories "Run Status …").
 */
const meta = {
  title: "Items/Notices and fallbacks",
  component: Notice,
  args: { level: "info", message: "This conversation is shared with your team.", title: null },
  render: (args) => (
    <Frame>
      <Notice {...args} />
    </Frame>
  ),
} satisfies Meta<typeof Notice>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Notices: Story = {
  render: () => (
    <Frame>
      <Notice level="info" message="This conversation is shared with your team." />
      <Notice level="warning" title="Usage limit" message="You have **3** messages left today." />
      <Notice
        level="danger"
        message="The assistant could not reach the booking service."
        onDismiss={fn()}
      />
    </Frame>
  ),
};

export const Progress: Story = {
  render: () => (
    <Frame>
      <ProgressUpdate text="Searching 14 hotel listings…" />
    </Frame>
  ),
};

/** The app's icon for `lucide:plane`, registered with `registerWidgetIcons`. */
function PlaneIcon({ size = 24, ...props }: { size?: number | string }) {
  return (
    <svg
      aria-hidden="true"
      data-app-icon="plane"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...props}
    >
      <path d="M17.8 19.2 16 11l3.5-3.5C21 6 21.5 4 21 3c-1-.5-3 0-4.5 1.5L13 8 4.8 6.2c-.5-.1-.9.1-1.1.5l-.3.5c-.2.5-.1 1 .3 1.3L9 12l-2 3H4l-1 1 3 2 2 3 1-1v-3l3-2 3.5 5.3c.3.4.8.5 1.3.3l.5-.2c.4-.3.6-.7.5-1.2z" />
    </svg>
  );
}

/**
 * `progress_update.icon` names a ChatKit icon (or a `lucide:<name>` the app registered with
 * `registerWidgetIcons`), drawn instead of the spinner; a name without an icon here (`vendor:*`,
 * names outside ChatKit's set, unregistered `lucide:*`) keeps the spinner.
 */
export const ProgressWithIcon: Story = {
  loaders: [
    () => {
      registerWidgetIcons({ "lucide:plane": { load: async () => PlaneIcon } });
      return {};
    },
  ],
  render: () => (
    <Frame>
      <ProgressUpdate icon="search" text="Searching 14 hotel listings…" />
      <ProgressUpdate icon="calendar" text="Checking your calendar…" />
      <ProgressUpdate icon="lucide:plane" text="Comparing flights…" />
      <ProgressUpdate icon="vendor:acme" text="Asking the booking service…" />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    const updates = [...canvasElement.querySelectorAll("[data-tk-part='progress-update']")];
    await expect(updates).toHaveLength(4);
    await expect(updates[0]?.querySelector("svg")).toHaveClass("lucide-search");
    await expect(updates[1]?.querySelector("svg")).toHaveClass("lucide-calendar");
    // A registered icon with a loader loads on first use; an empty box holds its place until then.
    await waitFor(
      () =>
        expect(
          updates[2]?.querySelector("svg[data-tk-part='progress-update-icon'][data-app-icon]"),
        ).not.toBeNull(),
      { timeout: 15_000 },
    );
    await expect(updates[3]?.querySelector("svg")).toHaveAttribute("data-tk-part", "spinner");
  },
};

/** A stream error the server allows to retry. */
export const StreamErrorWithRetry: Story = {
  render: () => (
    <Frame>
      <StreamError message="The response was interrupted." allowRetry onRetry={retry} />
      <StreamError code="custom" />
    </Frame>
  ),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(retry).toHaveBeenCalledTimes(1);
  },
};

const unknownItem: ThreadItemData = {
  type: "unknown",
  original_type: "hologram",
  id: "itm_u",
  thread_id: "thr",
  created_at: "2026-05-01T10:00:00Z",
  raw: { type: "hologram", html: "<img src=x onerror=alert(1)>" },
};

/**
 * An item type from a newer server, and a widget without a widget renderer. The fallback of
 * unknown types loads with the rarer item renderers (`preloadItemRenderers()`).
 */
export const Fallbacks: Story = {
  loaders: [() => preloadItemRenderers()],
  render: () => (
    <Frame>
      <ThreadItem item={unknownItem} />
      <ThreadItem
        item={{
          type: "widget",
          id: "w1",
          thread_id: "thr",
          created_at: "2026-05-01T10:00:00Z",
          copy_text: "Flight LX 318, Zurich → London, 09:40",
          widget: { type: "Card", children: [{ type: "Text", value: "Flight LX 318" }] },
        }}
      />
    </Frame>
  ),
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole("note")).toHaveTextContent("hologram");
    await expect(canvasElement.querySelector("img")).toBeNull();
  },
};

/** `end_of_turn`: a quiet separator after the assistant's turn, named for assistive technology. */
export const EndOfTurn: Story = {
  render: () => (
    <Frame>
      <ThreadItem
        item={{
          type: "assistant_message",
          id: "a1",
          thread_id: "t",
          created_at: "2026-05-01T10:00:00Z",
          content: [{ type: "output_text", text: "Enjoy the hike!", annotations: [] }],
        }}
      />
      <ThreadItem
        item={{ type: "end_of_turn", id: "e1", thread_id: "t", created_at: "2026-05-01T10:00:00Z" }}
      />
    </Frame>
  ),
  play: async ({ canvas }) => {
    const separator = canvas.getByRole("separator", { name: "End of turn" });
    await expect(separator).toHaveAttribute("data-tk-part", "end-of-turn");
  },
};

function Broken(): never {
  throw new Error("renderer bug");
}

/** A renderer that throws: the item shows a fallback, its neighbours stay. */
export const BrokenRenderer: Story = {
  render: () => (
    <Frame renderers={{ end_of_turn: Broken }}>
      <ThreadItem
        item={{ type: "end_of_turn", id: "e1", thread_id: "t", created_at: "2026-05-01T10:00:00Z" }}
      />
      <Notice level="info" message="The rest of the thread still renders." />
    </Frame>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("alert")).toHaveTextContent("This item could not be displayed.");
    await expect(canvas.getByText("The rest of the thread still renders.")).toBeInTheDocument();
  },
};

export const Dark: Story = {
  loaders: [() => preloadItemRenderers()],
  render: () => (
    <Frame scheme="dark">
      <Notice level="info" message="This conversation is shared with your team." />
      <Notice level="warning" title="Usage limit" message="You have 3 messages left today." />
      <StreamError message="The response was interrupted." allowRetry onRetry={fn()} />
      <ProgressUpdate text="Searching 14 hotel listings…" />
      <ThreadItem item={unknownItem} />
    </Frame>
  ),
};

export const RightToLeft: Story = {
  render: () => (
    <Frame locale="ar">
      <Notice level="warning" message="تبقّى لديك ٣ رسائل اليوم." />
      <StreamError allowRetry onRetry={fn()} />
    </Frame>
  ),
};
