import type { Source } from "@threadkit/core";
import { Box, FileText, Globe } from "lucide-react";
import { Tooltip } from "radix-ui";
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from "react";
import { useThemeProps, useThreadUI } from "../context";
import { hostOf, safeUrl } from "../internal/safe-url";
import { NamedIcon } from "../items/task";
import { hasWidgetIcon } from "../widgets/icon";
import type { SourceEntry } from "./sources";

function SourceIcon({ source }: { source: Source }) {
  if (source.type === "url") return <Globe aria-hidden size={14} />;
  if (source.type === "file") return <FileText aria-hidden size={14} />;
  return <NamedIcon name={source.icon} fallback={<Box aria-hidden size={14} />} />;
}

/** Secondary line of a source: host, file name or entity label. */
function sourceDetail(source: Source): string | undefined {
  if (source.type === "url") return source.attribution ?? hostOf(source.url) ?? undefined;
  if (source.type === "file") return source.filename;
  return source.label ?? source.group ?? undefined;
}

function Preview({ source }: { source: Source }) {
  const { portalContainer } = useThreadUI();
  const themeProps = useThemeProps();
  const detail = sourceDetail(source);
  return (
    <Tooltip.Portal container={portalContainer ?? undefined}>
      <Tooltip.Content
        data-tk-part="source-preview"
        side="top"
        sideOffset={6}
        collisionPadding={8}
        {...themeProps}
      >
        <span data-tk-part="source-preview-title">{source.title}</span>
        {detail ? (
          <span data-tk-part="source-preview-detail">
            {source.type === "entity" && source.icon ? (
              <NamedIcon name={source.icon} fallback={null} size={12} />
            ) : null}
            {detail}
          </span>
        ) : null}
        {source.description ? (
          <span data-tk-part="source-preview-description">{source.description}</span>
        ) : null}
      </Tooltip.Content>
    </Tooltip.Portal>
  );
}

interface SourceTriggerProps extends Omit<ComponentPropsWithoutRef<"button">, "children"> {
  entry: SourceEntry;
  part: string;
  label: string | undefined;
  children: ReactNode;
}

/**
 * The interactive element of a source: an external link for URL sources, a button reaching
 * `onEntityClick` for interactive entities, otherwise a focusable label (so the preview still
 * opens by keyboard). It forwards its ref and spreads the rest of its props, so it can be the
 * child of `Tooltip.Trigger asChild`: Radix's `data-state` and hover/focus handlers land on the
 * element, and their `onClick` runs before ours.
 */
const SourceTrigger = forwardRef<HTMLAnchorElement & HTMLButtonElement, SourceTriggerProps>(
  function SourceTrigger({ entry, part, label, children, onClick, ...rest }, ref) {
    const { onEntityClick } = useThreadUI();
    const { source } = entry;
    const common = {
      ...rest,
      "data-tk-part": part,
      "data-source-type": source.type,
      ...(label ? { "aria-label": label } : {}),
    };
    if (source.type === "url") {
      const href = safeUrl(source.url, "link");
      if (href) {
        return (
          <a
            {...(common as ComponentPropsWithoutRef<"a">)}
            ref={ref}
            onClick={onClick as ComponentPropsWithoutRef<"a">["onClick"]}
            href={href}
            target="_blank"
            rel="noopener noreferrer nofollow"
          >
            {children}
          </a>
        );
      }
    }
    if (source.type === "entity" && source.interactive && onEntityClick) {
      return (
        <button
          {...common}
          ref={ref}
          type="button"
          onClick={(event) => {
            onClick?.(event);
            if (!event.defaultPrevented) onEntityClick(source);
          }}
        >
          {children}
        </button>
      );
    }
    return (
      <button {...common} ref={ref} type="button" data-static="" onClick={onClick}>
        {children}
      </button>
    );
  },
);

/**
 * An inline citation marker with a preview on hover and focus. It shows the source number; an
 * entity source shows its `inline_label` instead, or else its `icon` (as ChatKit does).
 *
 * @selector [data-tk-part="citation"][data-inline="number"|"label"|"icon"]
 */
export function CitationMarker({ entry }: { entry: SourceEntry }) {
  const { t } = useThreadUI();
  const { source } = entry;
  const inlineLabel = source.type === "entity" ? source.inline_label?.trim() : undefined;
  const icon = source.type === "entity" && !inlineLabel ? source.icon : undefined;
  // `vendor:*` and unknown names have no glyph here: the number stays.
  const drawable = !!icon && hasWidgetIcon(icon);
  const iconNode = drawable ? <NamedIcon name={icon} fallback={null} size={12} /> : null;
  const inline = inlineLabel ? "label" : iconNode ? "icon" : "number";
  return (
    <Tooltip.Root delayDuration={200}>
      <Tooltip.Trigger asChild>
        <SourceTrigger
          entry={entry}
          part="citation"
          data-inline={inline}
          label={
            inlineLabel
              ? t("sources.citationLabel", { label: inlineLabel, title: source.title })
              : t("sources.citation", { number: entry.number, title: source.title })
          }
        >
          {inline === "label" ? inlineLabel : inline === "icon" ? iconNode : entry.number}
        </SourceTrigger>
      </Tooltip.Trigger>
      <Preview source={entry.source} />
    </Tooltip.Root>
  );
}

/**
 * The list of every distinct source of a reply.
 *
 * @selector [data-tk-part="sources"] the section
 * @selector [data-tk-part="source"][data-source-type="url"|"file"|"entity"] one source
 */
export function SourceList({ entries }: { entries: readonly SourceEntry[] }) {
  const { t } = useThreadUI();
  if (entries.length === 0) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of content, not a form
    <div role="group" data-tk-part="sources" aria-label={t("sources.title")}>
      <p data-tk-part="sources-title" aria-hidden>
        {t("sources.title")}
      </p>
      <ol data-tk-part="sources-list">
        {entries.map((entry) => {
          const detail = sourceDetail(entry.source);
          return (
            <li key={entry.key}>
              <Tooltip.Root delayDuration={300}>
                <Tooltip.Trigger asChild>
                  <SourceTrigger entry={entry} part="source" label={undefined}>
                    <span data-tk-part="source-number" aria-hidden>
                      {entry.number}
                    </span>
                    <SourceIcon source={entry.source} />
                    <span data-tk-part="source-title">{entry.source.title}</span>
                    {detail ? <span data-tk-part="source-detail">{detail}</span> : null}
                  </SourceTrigger>
                </Tooltip.Trigger>
                <Preview source={entry.source} />
              </Tooltip.Root>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
