import { render } from "@testing-library/react";
import type { GeneratedImageItem } from "@threadkit/core";
import { ThreadUIProvider } from "../context";
import { GeneratedImage } from "./generated-image";

const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function item(url: string): GeneratedImageItem {
  return {
    id: "img",
    thread_id: "thr",
    created_at: "2026-05-01T10:00:00Z",
    type: "generated_image",
    image: { id: "i1", url },
  };
}

function imgSrc(container: HTMLElement): string | null {
  return (
    container.querySelector('[data-tk-part="generated-image-img"]')?.getAttribute("src") ?? null
  );
}

function blocked(container: HTMLElement): boolean {
  return container.querySelector('[data-tk-part="generated-image-blocked"]') !== null;
}

describe("GeneratedImage", () => {
  it("shows the SDK's raster data: images without any option", () => {
    for (const type of ["png", "jpeg", "gif", "webp", "avif"]) {
      const url = PNG.replace("image/png", `image/${type}`);
      const { container, unmount } = render(<GeneratedImage item={item(url)} />);
      expect(imgSrc(container), type).toBe(url);
      unmount();
    }
  });

  it("keeps blocking svg, script and other data: URLs by default", () => {
    for (const url of [
      "data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnLz4=",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "javascript:alert(1)",
      "data:image/png,notbase64<script>",
    ]) {
      const { container, unmount } = render(<GeneratedImage item={item(url)} />);
      expect(imgSrc(container), url).toBeNull();
      expect(blocked(container), url).toBe(true);
      unmount();
    }
  });

  it("refuses data: images when allowDataImages is false", () => {
    const { container } = render(
      <ThreadUIProvider allowDataImages={false}>
        <GeneratedImage item={item(PNG)} />
      </ThreadUIProvider>,
    );
    expect(imgSrc(container)).toBeNull();
    expect(blocked(container)).toBe(true);
  });
});
