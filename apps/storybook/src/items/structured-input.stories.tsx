import type { Meta, StoryObj } from "@storybook/react-vite";
import { preloadItemRenderers, ThreadItem } from "@threadkit/components";
import { expect, fn, waitFor } from "storybook/test";
import { structured } from "./_data";
import { Frame } from "./_frame";

const onSubmit = fn();

/**
 * `structured_input`: multiple-choice and free-text questions answered through
 * `onStructuredInputSubmit`, which receives the submission (`status` `"answered"` or
 * `"skipped"`, and the answers). The connected `Thread.Root threadId` sends it through the hooks
 * by itself. When the returned promise rejects, the form opens again with the answers kept.
 * Answered and skipped items show the answers read-only.
 *
 * Parts: `[data-tk-part="structured-input"][data-status]`, `structured-option[data-checked]`.
 */
const meta = {
  title: "Items/Structured input",
  // The renderer loads on first sight (see "Items/Loading placeholder"); these stories show it loaded.
  loaders: [() => preloadItemRenderers()],
  component: ThreadItem,
  args: { item: structured("pending") },
  render: (args) => (
    <Frame onStructuredInputSubmit={onSubmit}>
      <ThreadItem {...args} />
    </Frame>
  ),
} satisfies Meta<typeof ThreadItem>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Pending: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole("radio", { name: "Moderate" }));
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Anything else I should know?" }),
      "Bad knees",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await expect(onSubmit).toHaveBeenCalledWith(args.item, {
      status: "answered",
      answers: {
        pace: { values: ["Moderate"], skipped: false },
        notes: { values: ["Bad knees"], skipped: false },
      },
    });
  },
};

const onSkip = fn();

/** Skip sends a `"skipped"` submission. */
export const Skip: Story = {
  render: (args) => (
    <Frame onStructuredInputSubmit={onSkip}>
      <ThreadItem {...args} />
    </Frame>
  ),
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Skip" }));
    await expect(onSkip).toHaveBeenCalledWith(args.item, {
      status: "skipped",
      answers: {
        pace: { values: [], skipped: true },
        notes: { values: [], skipped: true },
      },
    });
  },
};

const failingSubmit = fn(() => Promise.reject(new Error("The server could not be reached")));

/** The send failed (the callback's promise rejected): the form opens again, answers kept. */
export const SendFailed: Story = {
  render: (args) => (
    <Frame onStructuredInputSubmit={failingSubmit}>
      <ThreadItem {...args} />
    </Frame>
  ),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole("radio", { name: "Fast" }));
    const submit = canvas.getByRole("button", { name: "Submit" });
    await userEvent.click(submit);
    await expect(failingSubmit).toHaveBeenCalled();
    await waitFor(() => expect(submit).toBeEnabled());
    await expect(canvas.getByRole("radio", { name: "Fast" })).toBeChecked();
  },
};

export const Answered: Story = { args: { item: structured("answered") } };
export const Skipped: Story = { args: { item: structured("skipped") } };

export const Dark: Story = {
  render: (args) => (
    <Frame scheme="dark" onStructuredInputSubmit={fn()}>
      <ThreadItem {...args} />
    </Frame>
  ),
};
