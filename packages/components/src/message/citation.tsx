import type { Source } from "@threadkit/core";
import { Box, FileText, Globe } from "lucide-react";
import {
  type ComponentPropsWithoutRef,
  cloneElement,
  forwardRef,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
  useRef,
  useState,
} from "react";
import { useThreadUI } from "../context";
import { lazyModule, useLazyModule } from "../internal/lazy-module";
import { safeUrl } from "../internal/safe-url";
import { NamedIcon } from "../items/named-icon";
import { hasWidgetIcon } from "../widgets/icon";
import { sourceDetail } from "./source-detail";
import type { TooltipIntent } from "./source-preview";
import type { SourceEntry } from "./sources";

function SourceIcon({ source }: { source: Source }) {
  if (source.type === "url") return <Globe aria-hidden size={14} />;
  if (source.type === "file") return <FileText aria-hidden size={14} />;
  return <NamedIcon name={source.icon} fallback={<Box aria-hidden size={14} />} />;
}

/** The Radix tooltip (with floating-ui) of citations and sources, loaded on first hover or focus. */
export const sourceTooltipModule = lazyModule(() =>
  import("../internal/overlays").then((overlays) => overlays.sourcePreview),
);

/**
 * A citation or source with its preview: renders the trigger as is (with Radix's closed
 * `data-state`), loads the tooltip module on its first pointerenter or focus, then hands the same
 * element to `Tooltip.Trigger` (never remounted, so focus and references hold) and replays the
 * hover or keyboard focus that loaded it.
 */
function WithPreview({
  source,
  delayDuration,
  children,
}: {
  source: Source;
  delayDuration: number;
  children: ReactElement<SourceTriggerProps & { ref?: Ref<HTMLElement> }>;
}) {
  const loaded = useLazyModule(sourceTooltipModule);
  const [node, setNode] = useState<HTMLElement | null>(null);
  const intent = useRef<TooltipIntent>({ hover: false, focus: false }).current;
  const pressed = useRef(false);
  const preload = () => {
    sourceTooltipModule.preload().catch(() => {});
  };
  const trigger = cloneElement(children, {
    ref: setNode,
    ...(loaded && node ? {} : { "data-state": "closed" }),
    onPointerEnter: (event: PointerEvent<HTMLElement>) => {
      if (event.pointerType !== "touch") intent.hover = true;
      preload();
    },
    onPointerLeave: () => {
      intent.hover = false;
    },
    onPointerDown: () => {
      pressed.current = true;
    },
    onFocus: () => {
      intent.focus = !pressed.current;
      pressed.current = false;
      preload();
    },
    onBlur: () => {
      intent.focus = false;
    },
  });
  const Tooltip = loaded?.SourceTooltip;
  return (
    <>
      {trigger}
      {Tooltip && node ? (
        <Tooltip node={node} intent={intent} source={source} delayDuration={delayDuration} />
      ) : null}
    </>
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
    <WithPreview source={source} delayDuration={200}>
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
    </WithPreview>
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
              <WithPreview source={entry.source} delayDuration={300}>
                <SourceTrigger entry={entry} part="source" label={undefined}>
                  <span data-tk-part="source-number" aria-hidden>
                    {entry.number}
                  </span>
                  <SourceIcon source={entry.source} />
                  <span data-tk-part="source-title">{entry.source.title}</span>
                  {detail ? <span data-tk-part="source-detail">{detail}</span> : null}
                </SourceTrigger>
              </WithPreview>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
