import type { GeneratedImageItem } from "@threadkit/core";
import { ImageIcon } from "lucide-react";
import { memo } from "react";
import { type ItemRendererProps, useThreadUI } from "../context";
import { imageDomainsPending, safeUrl } from "../internal/safe-url";
import { PreviewDialog } from "./preview-dialog";

/** Props of {@link GeneratedImage}. */
export interface GeneratedImageProps extends ItemRendererProps<GeneratedImageItem> {
  /** Generation progress 0..1 from `generated_image.updated`, when known. */
  progress?: number | null;
}

/**
 * Default renderer of `generated_image`: a placeholder with progress while the image is being
 * generated, then the image. The URL is allow-listed: http(s), or a raster `data:image/*` URL (png,
 * jpeg, gif, webp, avif — never svg), which is how the ChatKit server SDK sends generated images;
 * `allowDataImages={false}` refuses those too. Remote URLs must be on `allowedImageDomains` when the
 * thread has a list.
 *
 * @selector [data-tk-part="generated-image"][data-status="streaming"|"pending"|"done"|"error"]
 * (`pending`: waiting for the thread's `allowed_image_domains`)
 */
export const GeneratedImage = memo(function GeneratedImage({
  item,
  status = "done",
  progress,
}: GeneratedImageProps) {
  // Generated images accept raster data: URLs unless the app refuses them explicitly.
  const { t, allowDataImages = true, allowedImageDomains } = useThreadUI();
  const url = item.image?.url;
  const src = url ? safeUrl(url, "image", { allowDataImages, allowedImageDomains }) : undefined;
  const pending = !url;
  const percent =
    typeof progress === "number" && Number.isFinite(progress)
      ? Math.round(Math.min(1, Math.max(0, progress)) * 100)
      : undefined;
  if (pending || (status === "streaming" && !src)) {
    return (
      <figure data-tk-part="generated-image" data-status="streaming">
        <div
          data-tk-part="generated-image-placeholder"
          role="progressbar"
          aria-label={t("image.generating")}
          aria-valuemin={0}
          aria-valuemax={100}
          {...(percent !== undefined ? { "aria-valuenow": percent } : {})}
          style={percent !== undefined ? { ["--tk-progress" as string]: `${percent}%` } : undefined}
        >
          <ImageIcon aria-hidden size={28} />
          <span data-tk-part="generated-image-label">
            {percent !== undefined ? t("image.progress", { percent }) : t("image.generating")}
          </span>
        </div>
      </figure>
    );
  }
  if (!src && imageDomainsPending(allowedImageDomains)) {
    // The thread's allowed_image_domains is still loading: wait, do not say "blocked" yet.
    return (
      <figure data-tk-part="generated-image" data-status="pending" aria-busy="true">
        <div data-tk-part="generated-image-placeholder">
          <ImageIcon aria-hidden size={28} />
        </div>
      </figure>
    );
  }
  if (!src) {
    return (
      <figure data-tk-part="generated-image" data-status="error">
        <p data-tk-part="generated-image-blocked">{t("image.blocked")}</p>
      </figure>
    );
  }
  return (
    <figure data-tk-part="generated-image" data-status="done">
      <PreviewDialog
        data-tk-part="generated-image-trigger"
        aria-label={t("attachment.preview", { name: t("image.alt") })}
        title={t("image.alt")}
        titleHidden
        src={src}
        alt={t("image.alt")}
      >
        <img
          data-tk-part="generated-image-img"
          src={src}
          alt={t("image.alt")}
          referrerPolicy="no-referrer"
        />
      </PreviewDialog>
    </figure>
  );
});
