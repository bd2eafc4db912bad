import type { Meta, StoryObj } from "@storybook/react-vite";
import { preloadItemRenderers, ThreadItem } from "@threadkit/components";
import type { WidgetItem } from "@threadkit/core";
import { expect, waitFor } from "storybook/test";
import { assistant, GENERATED, image, user } from "./_data";
import { Frame } from "./_frame";

/**
 * `generated_image`: a placeholder with progress while generating, then the image. The URL is
 * allow-listed: http(s), or a raster `data:image/*` URL (png, jpeg, gif, webp, avif) as the ChatKit
 * server SDK sends them — shown by default, refused with `allowDataImages={false}`. SVG `data:` and
 * script URLs are always blocked.
 *
 * Parts: `[data-tk-part="generated-image"][data-status]`, `generated-image-placeholder`.
 */
const meta = {
  title: "Items/Generated image",
  // The renderer loads on first sight (see "Items/Loading placeholder"); these stories show it loaded.
  loaders: [() => preloadItemRenderers()],
  component: ThreadItem,
  args: { item: image(null), status: "streaming", progress: 0.45 },
  render: (args) => (
    <Frame>
      <ThreadItem {...args} />
    </Frame>
  ),
} satisfies Meta<typeof ThreadItem>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Generating: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "45");
  },
};

/** A `data:image/png;base64,…` URL, as the ChatKit server SDK sends it: shown without options. */
export const Done: Story = {
  args: { item: image(GENERATED), status: "done" },
  play: async ({ canvas }) => {
    const img = await canvas.findByRole("img", { name: "Generated image" });
    await expect(img).toHaveAttribute("src", GENERATED);
    // The PNG really decodes in the browser.
    await waitFor(() => expect((img as HTMLImageElement).naturalWidth).toBeGreaterThan(0));
  },
};

/** A `javascript:` URL is blocked with a visible note. */
export const Blocked: Story = {
  args: { item: image("javascript:alert(1)"), status: "done" },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector("img")).toBeNull();
    await expect(canvas.getByText(/This image was blocked/)).toBeVisible();
  },
};

/** An SVG `data:` URL can carry script, so it stays blocked even though raster ones show. */
export const BlockedSvg: Story = {
  args: {
    item: image(
      `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg"><script>parent.__tkSvgRan=1</script></svg>')}`,
    ),
    status: "done",
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector("img")).toBeNull();
    await expect(canvas.getByText(/This image was blocked/)).toBeVisible();
  },
};

/** `allowDataImages={false}` refuses `data:` images, generated ones included. */
export const DataImagesRefused: Story = {
  args: { item: image(GENERATED), status: "done" },
  render: (args) => (
    <Frame allowDataImages={false}>
      <ThreadItem {...args} />
    </Frame>
  ),
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector("img")).toBeNull();
    await expect(canvas.getByText(/This image was blocked/)).toBeVisible();
  },
};

export const Dark: Story = {
  render: (args) => (
    <Frame scheme="dark">
      <ThreadItem {...args} />
    </Frame>
  ),
};

const BLOCKED_HOST = "https://tracker.test";

const outsideList = {
  reply: assistant(
    "a_domains",
    `Here is the hotel's own photo:\n\n![Hotel lobby](${BLOCKED_HOST}/lobby.jpg)`,
  ),
  upload: user("u_domains", "This is the room I booked.", {
    attachments: [
      {
        type: "image",
        id: "att_room",
        name: "room.jpg",
        mime_type: "image/jpeg",
        preview_url: `${BLOCKED_HOST}/uploads/room.jpg`,
      },
    ],
  }),
  remote: { ...image(`${BLOCKED_HOST}/generated/map.png`), id: "img_remote" },
  generated: { ...image(GENERATED), id: "img_data" },
  widget: {
    id: "w_domains",
    thread_id: "thr_demo",
    created_at: "2026-05-01T10:00:00Z",
    type: "widget",
    widget: {
      type: "Card",
      status: { text: "tracker.test", favicon: `${BLOCKED_HOST}/favicon.ico` },
      children: [
        { type: "Image", src: `${BLOCKED_HOST}/pool.jpg`, alt: "Rooftop pool", height: 120 },
        { type: "Text", value: "Rooftop pool, open until 10 pm." },
      ],
    },
  } as WidgetItem,
};

/**
 * The thread's `allowed_image_domains` (`allowedImageDomains`, read from the thread by
 * `Thread.Root threadId`) is `["images.example.com"]`: a markdown image, an attachment preview, a
 * generated image, a widget image and its favicon on another host are all blocked. The generated
 * `data:` image is not a domain and still shows.
 */
export const BlockedByAllowedImageDomains: Story = {
  render: () => (
    <Frame allowedImageDomains={["images.example.com"]}>
      <ThreadItem item={outsideList.upload} />
      <ThreadItem item={outsideList.reply} />
      <ThreadItem item={outsideList.remote} />
      <ThreadItem item={outsideList.widget} />
      <ThreadItem item={outsideList.generated} />
    </Frame>
  ),
  play: async ({ canvas, canvasElement }) => {
    const sources = [...canvasElement.querySelectorAll("img")].map((img) => img.src);
    await expect(sources).toEqual([GENERATED]);
    await expect(canvas.getByText(/This image was blocked/)).toBeVisible();
    await expect(canvas.getByText("Hotel lobby")).toHaveAttribute("data-unsafe", "");
    await expect(
      canvas.getByText("room.jpg").closest("[data-tk-part='attachment']"),
    ).toHaveAttribute("data-blocked", "");
    await expect(canvas.getByRole("img", { name: "Rooftop pool" })).toHaveAttribute(
      "data-tk-part",
      "widget-image-blocked",
    );
  },
};
