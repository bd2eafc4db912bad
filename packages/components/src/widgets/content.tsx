import type {
  BadgeWidget,
  CaptionWidget,
  EditableTextOptions,
  IconWidget,
  ImageWidget,
  LabelWidget,
  MarkdownWidget,
  TextWidget,
  TitleWidget,
  WidgetNode,
} from "@threadkit/core";
import { type CSSProperties, type ReactNode, useContext, useState } from "react";
import { imageDomainsPending, safeUrl } from "../internal/safe-url";
import { Markdown } from "../markdown/markdown";
import { useWidgetRuntime, type WidgetComponentProps } from "./context";
import { fieldId, WidgetLabelsContext } from "./fields";
import { WidgetIconGlyph } from "./icon";
import { blockStyle, dimension, resolveColor } from "./style";

type Props<T> = WidgetComponentProps<WidgetNode & T>;

const flag = (value: unknown): "" | undefined => (value === true ? "" : undefined);

interface TextLike {
  color?: unknown;
  textAlign?: unknown;
  truncate?: unknown;
  maxLines?: unknown;
  weight?: unknown;
  size?: unknown;
}

function textProps(node: TextLike, defaultSize: string) {
  const style: Record<string, string | number> = {};
  const color = resolveColor(node.color, "text");
  if (color !== undefined) style.color = color;
  if (node.textAlign === "start" || node.textAlign === "center" || node.textAlign === "end") {
    style.textAlign = node.textAlign;
  }
  const lines = typeof node.maxLines === "number" && node.maxLines > 0 ? node.maxLines : undefined;
  if (lines !== undefined) style["--tk-widget-max-lines"] = lines;
  return {
    "data-size": typeof node.size === "string" ? node.size : defaultSize,
    "data-weight": typeof node.weight === "string" ? node.weight : undefined,
    "data-truncate": node.truncate === true && lines === undefined ? "" : undefined,
    "data-clamp": lines !== undefined ? "" : undefined,
    style: style as CSSProperties,
  };
}

function EditableText({
  node,
  options,
}: {
  node: Partial<TextWidget>;
  options: EditableTextOptions;
}): ReactNode {
  const runtime = useWidgetRuntime();
  const labels = useContext(WidgetLabelsContext);
  const common = textProps(node, "md");
  return (
    <input
      data-tk-part="widget-text"
      data-editable=""
      {...common}
      id={fieldId(runtime.idPrefix, options.name)}
      name={options.name}
      defaultValue={typeof node.value === "string" ? node.value : ""}
      placeholder={options.placeholder}
      pattern={options.pattern}
      required={options.required}
      // biome-ignore lint/a11y/noAutofocus: the widget author asked for it (`autoFocus` prop)
      autoFocus={options.autoFocus}
      autoComplete={options.autoComplete}
      aria-label={labels.has(options.name) ? undefined : (options.placeholder ?? options.name)}
      onFocus={options.autoSelect ? (event) => event.currentTarget.select() : undefined}
      data-1p-ignore={options.allowAutofillExtensions ? undefined : ""}
      data-lpignore={options.allowAutofillExtensions ? undefined : "true"}
    />
  );
}

/**
 * Body text. `streaming` marks text the server is still writing (`data-status="streaming"`);
 * `editable` turns it into a form field named `editable.name`.
 *
 * @selector [data-tk-part="widget-text"] [data-size] [data-weight] [data-status="streaming"]
 * @selector [data-truncate] [data-clamp] [data-italic] [data-line-through]
 */
export function WidgetText({ node }: Props<Partial<TextWidget>>): ReactNode {
  if (typeof node.editable === "object" && node.editable !== null) {
    return <EditableText node={node} options={node.editable} />;
  }
  const common = textProps(node, "md");
  const style = common.style as Record<string, string | number>;
  const width = dimension(node.width);
  if (width !== undefined) style.width = width;
  if (typeof node.minLines === "number" && node.minLines > 0) {
    style.minHeight = `calc(${node.minLines} * 1lh)`;
  }
  const streaming = node.streaming === true;
  return (
    <p
      data-tk-part="widget-text"
      {...common}
      data-italic={flag(node.italic)}
      data-line-through={flag(node.lineThrough)}
      data-status={streaming ? "streaming" : undefined}
      aria-busy={streaming || undefined}
    >
      {typeof node.value === "string" ? node.value : ""}
    </p>
  );
}

/**
 * A heading.
 * @selector [data-tk-part="widget-title"] [data-size]
 */
export function WidgetTitle({ node }: Props<Partial<TitleWidget>>): ReactNode {
  return (
    <p data-tk-part="widget-title" {...textProps(node, "md")}>
      {typeof node.value === "string" ? node.value : ""}
    </p>
  );
}

/**
 * Small secondary text.
 * @selector [data-tk-part="widget-caption"] [data-size]
 */
export function WidgetCaption({ node }: Props<Partial<CaptionWidget>>): ReactNode {
  return (
    <p data-tk-part="widget-caption" {...textProps(node, "md")}>
      {typeof node.value === "string" ? node.value : ""}
    </p>
  );
}

/**
 * Markdown through the same safe renderer as messages (no raw HTML, allow-listed URLs).
 * @selector [data-tk-part="widget-markdown"]
 */
export function WidgetMarkdown({ node }: Props<Partial<MarkdownWidget>>): ReactNode {
  return (
    <div data-tk-part="widget-markdown">
      <Markdown
        text={typeof node.value === "string" ? node.value : ""}
        streaming={node.streaming === true}
      />
    </div>
  );
}

/**
 * A label for the field named `fieldName`.
 * @selector [data-tk-part="widget-label"]
 */
export function WidgetLabel({ node }: Props<Partial<LabelWidget>>): ReactNode {
  const runtime = useWidgetRuntime();
  const common = textProps(node, "sm");
  return (
    <label
      data-tk-part="widget-label"
      {...common}
      htmlFor={
        typeof node.fieldName === "string" ? fieldId(runtime.idPrefix, node.fieldName) : undefined
      }
    >
      {typeof node.value === "string" ? node.value : ""}
    </label>
  );
}

/**
 * A small status label.
 * @selector [data-tk-part="widget-badge"] [data-color] [data-variant] [data-size] [data-pill]
 */
export function WidgetBadge({ node }: Props<Partial<BadgeWidget>>): ReactNode {
  return (
    <span
      data-tk-part="widget-badge"
      data-color={node.color ?? "secondary"}
      data-variant={node.variant ?? "soft"}
      data-size={node.size ?? "sm"}
      data-pill={flag(node.pill)}
    >
      {typeof node.label === "string" ? node.label : ""}
    </span>
  );
}

const ICON_PX: Record<string, number> = {
  xs: 12,
  sm: 14,
  md: 16,
  lg: 20,
  xl: 24,
  "2xl": 32,
  "3xl": 40,
};

/** Icon size name → px. */
export function iconPx(size: unknown, fallback = 16): number {
  return typeof size === "string" ? (ICON_PX[size] ?? fallback) : fallback;
}

/**
 * An icon: a ChatKit name or `lucide:<name>`; unknown names render a neutral placeholder.
 * @selector [data-tk-part="widget-icon"] [data-icon]
 */
export function WidgetIcon({ node }: Props<Partial<IconWidget>>): ReactNode {
  const color = resolveColor(node.color, "text");
  const size = iconPx(node.size, 20);
  return (
    <span
      data-tk-part="widget-icon"
      data-icon={typeof node.name === "string" ? node.name : undefined}
      style={color === undefined ? undefined : { color }}
    >
      <WidgetIconGlyph name={typeof node.name === "string" ? node.name : ""} size={size} />
    </span>
  );
}

const POSITIONS = new Set([
  "top left",
  "top",
  "top right",
  "left",
  "center",
  "right",
  "bottom left",
  "bottom",
  "bottom right",
]);

/**
 * An image. `src` must be http(s) on the thread's `allowedImageDomains` (or a `data:image/*` URL
 * when `allowDataImages` is set); anything else renders an empty frame with the alt text.
 *
 * @selector [data-tk-part="widget-image"] [data-frame] [data-flush]
 * @selector [data-tk-part="widget-image-blocked"]
 */
export function WidgetImage({ node }: Props<Partial<ImageWidget>>): ReactNode {
  const runtime = useWidgetRuntime();
  const src = safeUrl(node.src, "image", {
    allowDataImages: runtime.allowDataImages,
    allowedImageDomains: runtime.allowedImageDomains,
  });
  // The source that failed to load, so a broken image shows the same frame as a blocked one.
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const style = blockStyle(node) as Record<string, string | number>;
  if (typeof node.fit === "string") style.objectFit = node.fit;
  if (typeof node.position === "string" && POSITIONS.has(node.position)) {
    style.objectPosition = node.position;
  }
  const background = resolveColor(node.background, "background");
  if (background !== undefined) style.background = background;
  if (typeof node.flex === "number" || typeof node.flex === "string") style.flex = node.flex;
  const alt = typeof node.alt === "string" ? node.alt : "";
  if (src === undefined || failed === src) {
    if (
      src === undefined &&
      typeof node.src === "string" &&
      !imageDomainsPending(runtime.allowedImageDomains)
    )
      runtime.warn(`Widget image src was blocked: ${node.src.slice(0, 80)}`);
    return alt === "" ? (
      <span data-tk-part="widget-image-blocked" aria-hidden="true" style={style as CSSProperties} />
    ) : (
      <span
        data-tk-part="widget-image-blocked"
        role="img"
        aria-label={alt}
        style={style as CSSProperties}
      />
    );
  }
  return (
    <img
      data-tk-part="widget-image"
      data-frame={flag(node.frame)}
      data-flush={flag(node.flush)}
      src={src}
      alt={alt}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailed(src)}
      style={style as CSSProperties}
    />
  );
}
