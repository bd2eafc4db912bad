import type { Meta, StoryObj } from "@storybook/react-vite";
import { ThreadItem } from "@threadkit/components";
import { expect, fn, waitFor, within } from "storybook/test";
import { user, userRich, userWithAttachments } from "./_data";
import { Frame } from "./_frame";

/**
 * `user_message`: plain text (never markdown; whitespace kept), input tags, quoted text,
 * attachments (image thumbnails open a preview dialog; files show name and type) and the chosen
 * model and tool as badges.
 *
 * Parts: `[data-tk-part="message"][data-role="user"]`, `message-content`, `input-tag`,
 * `message-quote`, `attachment[data-kind]`, `badge[data-kind]`.
 */
const meta = {
  title: "Items/User message",
  component: ThreadItem,
  args: { item: user("u1", "What is the best time of year to hike the Haute Route?") },
  render: (args) => (
    <Frame allowDataImages onEntityClick={fn()}>
      <ThreadItem {...args} />
    </Frame>
  ),
} satisfies Meta<typeof ThreadItem>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Plain: Story = {};

/** Markdown syntax stays literal and whitespace is kept. */
export const LiteralText: Story = {
  args: { item: user("u_lit", "Use **stars** and `ticks`\n\n    indented line\n<b>not bold</b>") },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("strong, b, code")).toBeNull();
    await expect(canvasElement.textContent).toContain("**stars**");
  },
};

/** Input tag, quoted text and inference options. */
export const TagsQuoteAndBadges: Story = { args: { item: userRich } };

/** Image thumbnails open an accessible preview dialog; Escape closes it and restores focus. */
export const Attachments: Story = {
  args: { item: userWithAttachments },
  play: async ({ canvas, userEvent, canvasElement }) => {
    await expect(canvas.getByText("itinerary-2026.pdf")).toBeInTheDocument();
    await expect(canvas.getByText("PDF")).toBeInTheDocument();
    const trigger = canvas.getByRole("button", { name: "Preview sunset.png" });
    await userEvent.click(trigger);
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("dialog", {
      name: "sunset.png",
    });
    await expect(dialog).toBeVisible();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

/** A long message wraps inside the bubble. */
export const LongText: Story = {
  args: {
    item: user(
      "u_long",
      `${"I am planning a long trip and want to understand the options in detail. ".repeat(8)}\nhttps://example.com/a/very/long/url/that/should/wrap/instead/of/overflowing/the/bubble/at/all`,
    ),
  },
};

export const Dark: Story = {
  args: { item: userWithAttachments },
  render: (args) => (
    <Frame scheme="dark" allowDataImages>
      <ThreadItem {...args} />
    </Frame>
  ),
};

/** Arabic, right to left: the bubble sits on the left. */
export const RightToLeft: Story = {
  args: { item: user("u_rtl", "ما هو أفضل وقت للمشي في جبال الألب؟") },
  render: (args) => (
    <Frame locale="ar">
      <ThreadItem {...args} />
    </Frame>
  ),
};
