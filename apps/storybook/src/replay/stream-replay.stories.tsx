import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { finalAssistantText, words } from "./expected";
import { getRecording } from "./recordings";
import { ReplayBrowser } from "./replay-browser";
import { StreamReplayPlayer } from "./stream-replay-player";

const meta = {
  title: "Streaming/Replay player",
  component: StreamReplayPlayer,
  parameters: { layout: "padded" },
  args: { recording: getRecording("dotnet-streaming-run-text") },
  argTypes: {
    recording: { control: false },
    initialSpeed: { control: { type: "select" }, options: [0.25, 0.5, 1, 2, 4, 16] },
  },
} satisfies Meta<typeof StreamReplayPlayer>;
export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

const PLAY_TIMEOUT = { timeout: 40_000 };

async function expectStatus(canvas: Canvas, status: string) {
  await waitFor(
    () => expect(canvas.getByRole("status", { name: "Replay status" })).toHaveTextContent(status),
    PLAY_TIMEOUT,
  );
}

/** The counter reads "Event n of total · …". */
function eventCount(canvas: Canvas): number {
  const text = canvas.getByText(/^Event \d+ of/).textContent ?? "";
  return Number(/Event (\d+)/.exec(text)?.[1]);
}

async function expectRenderedText(canvas: Canvas, recordingId: string) {
  const expected = finalAssistantText(getRecording(recordingId));
  await expect(expected).toBeDefined();
  const thread = canvas.getByRole("region", { name: "Rendered thread" });
  await waitFor(() => {
    const messages = Array.from(
      thread.querySelectorAll('[data-item-type="assistant_message"]'),
    ) as HTMLElement[];
    const last = messages[messages.length - 1];
    expect(last).toBeDefined();
    // innerText, not textContent: table cells and paragraphs must stay separate words.
    // biome-ignore lint/performance/useDomNodeTextContent: the layout-aware text is the point
    expect(words(last?.innerText ?? "")).toEqual(words(expected ?? ""));
  }, PLAY_TIMEOUT);
}

/**
 * A real Assistants run (33 text deltas) replayed through the decoder, the Assistants stream
 * translator (ChatKit thread events), the thread store and the components. Step one event, play, pause, then play to the end at 16×:
 * the rendered text is the message the run completed with.
 */
export const AssistantsTextRun: Story = {
  args: { recording: getRecording("dotnet-streaming-run-text") },
  play: async ({ canvas, userEvent, step }) => {
    await step("step reads exactly one event", async () => {
      await expectStatus(canvas, "Ready");
      await userEvent.click(canvas.getByRole("button", { name: "Step" }));
      await waitFor(() => expect(eventCount(canvas)).toBe(1));
      await expectStatus(canvas, "Paused");
      await expect(canvas.getByRole("list", { name: "1 decoded events" })).toBeVisible();
    });
    await step("play advances, pause holds the position", async () => {
      await userEvent.click(canvas.getByRole("button", { name: "Play" }));
      await expectStatus(canvas, "Playing");
      await waitFor(() => expect(eventCount(canvas)).toBeGreaterThan(2), PLAY_TIMEOUT);
      await userEvent.click(canvas.getByRole("button", { name: "Pause" }));
      await expectStatus(canvas, "Paused");
      const paused = eventCount(canvas);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(eventCount(canvas)).toBe(paused);
    });
    await step("play to the end at 16×", async () => {
      await userEvent.selectOptions(canvas.getByLabelText("Speed"), "16");
      await userEvent.click(canvas.getByRole("button", { name: "Play" }));
      await expectStatus(canvas, "Ended");
      await expectRenderedText(canvas, "dotnet-streaming-run-text");
    });
  },
};

/**
 * A real ChatKit capture of a new thread: the user message with an image attachment, progress,
 * tasks and an assistant answer holding a Markdown table. The capture's deltas address other ids
 * and were trimmed, so the answer appears complete with its `thread.item.done`.
 */
export const ChatKitNewThread: Story = {
  args: { recording: getRecording("banking-threads-create-stream") },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "End" }));
    await expectStatus(canvas, "Ended");
    await expectRenderedText(canvas, "banking-threads-create-stream");
    const thread = canvas.getByRole("region", { name: "Rendered thread" });
    await expect(thread.querySelector('[data-item-type="user_message"]')).not.toBeNull();
  },
};

/** A real Card widget delivered in one `thread.item.done`, rendered by the widget renderer. */
export const ChatKitWidgetItem: Story = {
  args: { recording: getRecording("banking-widget-item-done") },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "End" }));
    await expectStatus(canvas, "Ended");
    const thread = canvas.getByRole("region", { name: "Rendered thread" });
    await waitFor(
      () =>
        expect(
          thread.querySelector('[data-item-type="widget"] [data-tk-part="widget-card"]'),
        ).not.toBeNull(),
      PLAY_TIMEOUT,
    );
  },
};

/** The stream after tool outputs were submitted: 40 deltas into a new message. */
export const AssistantsAfterToolOutputs: Story = {
  args: { recording: getRecording("dotnet-streaming-tool-call-after-submit"), initialSpeed: 16 },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Play" }));
    await expectStatus(canvas, "Ended");
    await expectRenderedText(canvas, "dotnet-streaming-tool-call-after-submit");
  },
};

/**
 * A capture whose first three `data:` lines have no blank line between them: the decoder joins
 * them into one event that is not JSON. It is logged as malformed and skipped; the rest applies.
 */
export const MalformedFraming: Story = {
  args: { recording: getRecording("banking-custom-action-stream") },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "End" }));
    await expectStatus(canvas, "Ended");
    const log = canvas.getByRole("list", { name: /decoded events/ });
    await expect(within(log).getAllByText(/^malformed/).length).toBeGreaterThan(0);
  },
};

/**
 * The largest recording (72 KB, 293 events): code interpreter input streamed as step
 * deltas, logs and an image output, then two messages. Press End to replay it all at once.
 */
export const AssistantsCodeInterpreter: Story = {
  args: { recording: getRecording("simple-openai-v1-code-interpreter") },
};

/** Keyboard only: → steps, ← steps back, Space plays and pauses, Home restarts. */
export const Keyboard: Story = {
  args: { recording: getRecording("py-docs-progress-updates") },
  play: async ({ canvas, userEvent }) => {
    canvas.getByRole("button", { name: "Play" }).focus();
    await userEvent.keyboard("{ArrowRight}");
    await waitFor(() => expect(eventCount(canvas)).toBe(1));
    await userEvent.keyboard("{ArrowRight}");
    await waitFor(() => expect(eventCount(canvas)).toBe(2));
    await userEvent.keyboard("{ArrowLeft}");
    await waitFor(() => expect(eventCount(canvas)).toBe(1));
    await userEvent.keyboard("{End}");
    await expectStatus(canvas, "Ended");
    await expect(eventCount(canvas)).toBe(3);
    await userEvent.keyboard("{Home}");
    await waitFor(() => expect(eventCount(canvas)).toBe(0));
    await expectStatus(canvas, "Ready");
  },
};

/** Every recording in the shared fixtures, in one player. */
export const AllRecordings: StoryObj<typeof ReplayBrowser> = {
  render: (args) => <ReplayBrowser {...args} />,
  args: { initialRecordingId: "banking-threads-create-stream" },
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(
      canvas.getByLabelText("Recording"),
      "dotnet-mock-unknown-future-events",
    );
    await expect(
      canvas.getByRole("heading", { name: "Assistants: unknown future events" }),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "End" }));
    await expectStatus(canvas, "Ended");
  },
};
