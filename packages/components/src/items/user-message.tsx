// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown tokens, content parts and tasks are positional and only ever append
import type { Attachment, EntitySource, InputTagContent, UserMessageItem } from "@threadkit/core";
import { AtSign, Cpu, FileText, ImageIcon, ImageOff, Quote, Wrench } from "lucide-react";
import { memo, useId, useRef, useState } from "react";
import { type ItemRendererProps, useThreadUI } from "../context";
import { lazyModule, useLazyModule } from "../internal/lazy-module";
import { imageDomainsPending, safeUrl } from "../internal/safe-url";
import { VisuallyHidden } from "../internal/slot";
import { MessageContent, MessageRoot } from "../message/message";
import { PreviewDialog } from "./preview-dialog";

/** A tag of a user message as the entity source the entity callbacks take. */
function tagSource(tag: InputTagContent): EntitySource {
  return {
    type: "entity",
    id: tag.id,
    title: tag.text,
    data: tag.data,
    interactive: tag.interactive === true,
    ...(tag.group ? { group: tag.group } : {}),
  };
}

/** The input tags' preview tooltip: it comes with the composer's tag features, on first use. */
const tagPreviewModule = lazyModule(() => import("../composer/composer-tags"));

/**
 * An @-mention in a user message, as a token. An interactive tag is a button when the app
 * handles clicks (`onEntityClick`) or previews (`onEntityPreview`); its preview shows while it
 * is hovered or focused (the tooltip's code loads on the first of these), and Escape hides it.
 */
function InputTag({ tag }: { tag: InputTagContent }) {
  const { t, onEntityClick, onEntityPreview, portalContainer } = useThreadUI();
  const previewId = useId();
  const ref = useRef<HTMLButtonElement | null>(null);
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const [shown, setShown] = useState(false);
  const Preview = useLazyModule(tagPreviewModule)?.InputTagPreview;
  const label = (
    <>
      <AtSign aria-hidden size={12} />
      {tag.text}
    </>
  );
  if (tag.interactive !== true || !(onEntityClick || onEntityPreview)) {
    return <span data-tk-part="input-tag">{label}</span>;
  }
  const show = () => {
    if (onEntityPreview) tagPreviewModule.preload().catch(() => {});
    setAnchor(ref.current?.getBoundingClientRect() ?? null);
  };
  const hide = () => setAnchor(null);
  return (
    <>
      <button
        ref={ref}
        type="button"
        data-tk-part="input-tag"
        data-interactive=""
        aria-describedby={shown && anchor ? previewId : undefined}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === "Escape" && anchor) {
            event.stopPropagation();
            hide();
          }
        }}
        onClick={() => onEntityClick?.(tagSource(tag))}
      >
        {label}
      </button>
      {Preview && onEntityPreview ? (
        <Preview
          tagId={tag.id}
          load={() => onEntityPreview(tagSource(tag))}
          anchor={anchor}
          id={previewId}
          t={t}
          portalContainer={portalContainer}
          onShown={setShown}
        />
      ) : null}
    </>
  );
}

/** Short type label of a file: its extension, else the MIME subtype. */
export function fileTypeLabel(name: string, mime: string): string {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1];
  if (ext) return ext.toUpperCase();
  const sub = mime.split("/")[1]?.split(/[+;.]/)[0];
  return (sub ?? "file").toUpperCase();
}

/**
 * One attachment of a user message: a thumbnail that opens a preview dialog for images, a chip
 * with name and type for files. Preview URLs are allow-listed (http/https on the thread's
 * `allowedImageDomains`; `data:` images only with `allowDataImages`); a blocked preview shows the
 * chip with a crossed-out image icon, `data-blocked` and the reason as its title.
 *
 * @selector [data-tk-part="attachment"][data-kind="image"|"file"][data-blocked]
 */
export function AttachmentView({ attachment }: { attachment: Attachment }) {
  const { t, allowDataImages = false, allowedImageDomains } = useThreadUI();
  const name =
    typeof attachment.name === "string" && attachment.name ? attachment.name : attachment.id;
  const mime = typeof attachment.mime_type === "string" ? attachment.mime_type : "";
  const src =
    attachment.type === "image"
      ? safeUrl(attachment.preview_url, "image", { allowDataImages, allowedImageDomains })
      : undefined;
  if (attachment.type === "image" && src) {
    return (
      <PreviewDialog
        data-tk-part="attachment"
        data-kind="image"
        aria-label={t("attachment.preview", { name })}
        title={name}
        titleHidden={false}
        src={src}
        alt={name}
      >
        <img data-tk-part="attachment-thumbnail" src={src} alt="" referrerPolicy="no-referrer" />
      </PreviewDialog>
    );
  }
  // An image whose preview URL is not allowed shows as a chip that says so (once the thread's
  // allowed_image_domains is known).
  const blocked = attachment.type === "image" && !imageDomainsPending(allowedImageDomains);
  return (
    <span
      data-tk-part="attachment"
      data-kind="file"
      data-blocked={blocked ? "" : undefined}
      title={blocked ? t("image.blocked") : undefined}
    >
      <span data-tk-part="attachment-icon" aria-hidden>
        {blocked ? (
          <ImageOff size={18} />
        ) : attachment.type === "image" ? (
          <ImageIcon size={18} />
        ) : (
          <FileText size={18} />
        )}
      </span>
      <span data-tk-part="attachment-meta">
        <span data-tk-part="attachment-name">{name}</span>
        <span data-tk-part="attachment-type">
          {attachment.type === "image" ? t("attachment.image") : fileTypeLabel(name, mime)}
        </span>
      </span>
    </span>
  );
}

/**
 * Default renderer of `user_message`: plain text (never markdown, whitespace kept), input tags,
 * quoted text, attachments and the chosen model/tool as badges.
 *
 * @selector [data-tk-part="message"][data-role="user"]
 */
export const UserMessage = memo(function UserMessage({ item }: ItemRendererProps<UserMessageItem>) {
  const { t } = useThreadUI();
  const content = Array.isArray(item.content) ? item.content : [];
  const attachments = Array.isArray(item.attachments) ? item.attachments : [];
  const options = item.inference_options ?? {};
  const hasText = content.some((part) => (part.type === "input_text" ? part.text : true));
  return (
    <MessageRoot data-role="user" data-status="done" aria-label={t("item.user")}>
      {item.quoted_text ? (
        <blockquote data-tk-part="message-quote" aria-label={t("message.quoted")}>
          <Quote aria-hidden size={14} />
          <span>{item.quoted_text}</span>
        </blockquote>
      ) : null}
      {attachments.length > 0 ? (
        <div data-tk-part="message-attachments">
          {attachments.map((attachment) => (
            <AttachmentView key={attachment.id} attachment={attachment} />
          ))}
        </div>
      ) : null}
      {hasText ? (
        <MessageContent>
          <p data-tk-part="message-plain-text">
            {content.map((part, i) =>
              part.type === "input_tag" ? (
                <InputTag key={i} tag={part} />
              ) : (
                <span key={i}>{typeof part.text === "string" ? part.text : ""}</span>
              ),
            )}
          </p>
        </MessageContent>
      ) : null}
      {options.model || options.tool_choice?.id ? (
        <div data-tk-part="message-badges">
          {options.tool_choice?.id ? (
            <span data-tk-part="badge" data-kind="tool">
              <Wrench aria-hidden size={12} />
              <VisuallyHidden>{t("message.tool")}: </VisuallyHidden>
              {options.tool_choice.id}
            </span>
          ) : null}
          {options.model ? (
            <span data-tk-part="badge" data-kind="model">
              <Cpu aria-hidden size={12} />
              <VisuallyHidden>{t("message.model")}: </VisuallyHidden>
              {options.model}
            </span>
          ) : null}
        </div>
      ) : null}
    </MessageRoot>
  );
});
