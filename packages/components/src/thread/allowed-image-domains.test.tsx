import { render } from "@testing-library/react";
import type { ThreadItem as ThreadItemData, WidgetItem } from "@threadkit/core";
import { assistant, user } from "../../test/helpers";
import { ThreadUIProvider } from "../context";
import { preloadItemRenderers } from "../thread-item/lazy-renderers";
import { ThreadItem } from "../thread-item/thread-item";
import { preloadWidgets } from "../widgets/widget-root";
import { ThreadRoot, ThreadViewport } from "./thread";
import { ThreadItems } from "./thread-items";

// The widget catalogue and generated images load lazily; these tests render them at once.
beforeAll(() => Promise.all([preloadWidgets(), preloadItemRenderers()]));

const ALLOWED = "https://images.example.com/ok.png";
const OTHER = "https://tracker.test/pixel.png";
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function markdownImages(): ThreadItemData {
  return assistant("a_img", `![allowed](${ALLOWED}) and ![other](${OTHER})`);
}

function generated(id: string, url: string): ThreadItemData {
  return {
    id,
    thread_id: "thr",
    created_at: "2026-05-01T10:00:00Z",
    type: "generated_image",
    image: { id: `${id}_img`, url },
  };
}

function withAttachments(): ThreadItemData {
  const item = user("u_att", "Two photos");
  item.attachments = [
    { type: "image", id: "att_ok", name: "ok.png", mime_type: "image/png", preview_url: ALLOWED },
    { type: "image", id: "att_no", name: "no.png", mime_type: "image/png", preview_url: OTHER },
  ];
  return item;
}

function widget(): WidgetItem {
  return {
    id: "w_img",
    thread_id: "thr",
    created_at: "2026-05-01T10:00:00Z",
    type: "widget",
    widget: {
      type: "Card",
      status: { text: "From the web", favicon: "https://favicons.test/icon.png" },
      children: [
        { type: "Image", src: ALLOWED, alt: "Allowed photo" },
        { type: "Image", src: OTHER, alt: "Other photo" },
      ],
    },
  } as WidgetItem;
}

const ITEMS: ThreadItemData[] = [
  markdownImages(),
  generated("g_ok", ALLOWED),
  generated("g_no", OTHER),
  generated("g_data", PNG),
  withAttachments(),
  widget(),
];

function srcs(container: HTMLElement): string[] {
  return [...container.querySelectorAll("img")].map((img) => img.getAttribute("src") ?? "");
}

describe("allowed_image_domains", () => {
  it("shows every image without a list", () => {
    const { container } = render(
      <ThreadUIProvider>
        {ITEMS.map((item) => (
          <ThreadItem key={item.id} item={item} />
        ))}
      </ThreadUIProvider>,
    );
    const shown = srcs(container);
    expect(shown.filter((src) => src === OTHER)).toHaveLength(4);
    expect(shown).toContain("https://favicons.test/icon.png");
  });

  it("blocks images outside the list in markdown, generated images, attachments and widgets", () => {
    const { container } = render(
      <ThreadUIProvider allowedImageDomains={["example.com"]}>
        {ITEMS.map((item) => (
          <ThreadItem key={item.id} item={item} />
        ))}
      </ThreadUIProvider>,
    );
    const shown = srcs(container);
    expect(shown).not.toContain(OTHER);
    expect(shown).not.toContain("https://favicons.test/icon.png");
    // markdown, generated image, attachment thumbnail, widget image
    expect(shown.filter((src) => src === ALLOWED)).toHaveLength(4);
    // A generated data: image is not a domain.
    expect(shown).toContain(PNG);
    expect(container.querySelectorAll('[data-tk-part="generated-image-blocked"]')).toHaveLength(1);
    expect(
      container.querySelector('[data-tk-part="markdown-image"][data-unsafe]'),
    ).toHaveTextContent("other");
    expect(container.querySelector('[data-tk-part="widget-image-blocked"]')).toHaveAttribute(
      "aria-label",
      "Other photo",
    );
  });

  it("blocks every remote image with an empty list", () => {
    const { container } = render(
      <ThreadUIProvider allowedImageDomains={[]}>
        {ITEMS.map((item) => (
          <ThreadItem key={item.id} item={item} />
        ))}
      </ThreadUIProvider>,
    );
    expect(srcs(container)).toEqual([PNG]);
  });

  it("is a Thread.Root option", () => {
    const { container } = render(
      <ThreadRoot items={ITEMS} allowedImageDomains={["images.example.com"]} virtualize={false}>
        <ThreadViewport>
          <ThreadItems />
        </ThreadViewport>
      </ThreadRoot>,
    );
    const shown = srcs(container);
    expect(shown).toContain(ALLOWED);
    expect(shown).not.toContain(OTHER);
  });
});
