import type { RefObject } from "react";
import type { ThemeProps } from "../context";

/**
 * What every dialog loaded on first use takes from the trigger that stands in for it until the
 * Radix code arrives: open state, the ids and ref that tie it to the trigger, and where it portals
 * with the theme.
 */
export interface LazyDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  contentId: string;
  triggerRef: RefObject<HTMLButtonElement | null>;
  portalContainer: HTMLElement | null | undefined;
  themeProps: ThemeProps;
  title: string;
}
