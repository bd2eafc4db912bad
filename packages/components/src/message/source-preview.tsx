import type { Source } from "@threadkit/core";
import { Tooltip } from "radix-ui";
import { type RefCallback, type SyntheticEvent, useLayoutEffect, useRef } from "react";
import { useThemeProps, useThreadUI } from "../context";
import { NamedIcon } from "../items/named-icon";
import { sourceDetail } from "./source-detail";

/** What the user did with a trigger before this module arrived, replayed once it has. */
export interface TooltipIntent {
  hover: boolean;
  /** Focused by keyboard (a focus that follows a pointer press does not open the preview). */
  focus: boolean;
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

type Handler = (event: SyntheticEvent | Event) => void;
const EVENTS = {
  onPointerMove: "pointermove",
  onPointerLeave: "pointerleave",
  onPointerDown: "pointerdown",
  onFocus: "focus",
  onBlur: "blur",
  onClick: "click",
} as const;
const ATTRIBUTES = ["data-state", "aria-describedby"] as const;

interface BindProps {
  node: HTMLElement;
  intent: TooltipIntent;
  ref?: RefCallback<HTMLElement>;
  [prop: string]: unknown;
}

/**
 * The child of `Tooltip.Trigger asChild` that renders nothing: it hands Radix the trigger already
 * in the page (so the element is never remounted and keeps its focus), and carries Radix's
 * handlers and attributes onto it.
 */
function Bind({ node, intent, ref, ...props }: BindProps) {
  const latest = useRef(props);
  latest.current = props;
  useLayoutEffect(() => {
    ref?.(node);
    return () => {
      ref?.(null);
    };
  }, [node, ref]);
  useLayoutEffect(() => {
    for (const name of ATTRIBUTES) {
      const value = props[name];
      if (typeof value === "string") node.setAttribute(name, value);
      else node.removeAttribute(name);
    }
  });
  useLayoutEffect(() => {
    const listeners = Object.entries(EVENTS).map(([prop, type]) => {
      const listener = (event: Event) => (latest.current[prop] as Handler | undefined)?.(event);
      node.addEventListener(type, listener);
      return () => node.removeEventListener(type, listener);
    });
    // The hover or keyboard focus that loaded this module opens the preview as it would have.
    if (intent.focus) {
      (latest.current.onFocus as Handler | undefined)?.(new FocusEvent("focus"));
    } else if (intent.hover) {
      (latest.current.onPointerMove as Handler | undefined)?.(
        new PointerEvent("pointermove", { pointerType: "mouse" }),
      );
    }
    return () => {
      for (const remove of listeners) remove();
      node.setAttribute("data-state", "closed");
    };
  }, [node, intent]);
  return null;
}

/** Props of {@link SourceTooltip}. */
export interface SourceTooltipProps {
  node: HTMLElement;
  intent: TooltipIntent;
  source: Source;
  delayDuration: number;
}

/** The Radix tooltip (with floating-ui) of a citation or source, loaded on first hover or focus. */
export function SourceTooltip({ node, intent, source, delayDuration }: SourceTooltipProps) {
  return (
    <Tooltip.Provider delayDuration={200}>
      <Tooltip.Root delayDuration={delayDuration}>
        <Tooltip.Trigger asChild>
          <Bind node={node} intent={intent} />
        </Tooltip.Trigger>
        <Preview source={source} />
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
