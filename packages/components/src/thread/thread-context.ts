import { createContext, type RefObject, useContext } from "react";
import type { ThreadSource } from "./thread-source";

/** A failed history load, as `Thread.Root`'s `loadError` takes it. */
export interface ThreadLoadFailure {
  /** Why the load failed; its class (`name`) and HTTP `status` pick the reason shown. */
  error: Error;
  /**
   * `"first"`: the thread's first page (its history is missing); `"older"`: an earlier page
   * (the items shown stay, and scrolling up does not ask again until the retry).
   */
  page: "first" | "older";
  /** Loads again; the alert goes once the load succeeds. */
  retry: () => unknown;
}

/** Distance from the bottom (px) within which the view counts as "at the bottom". */
export const BOTTOM_THRESHOLD = 48;

/** @internal Shared by the Thread parts. */
export interface ThreadContextValue {
  source: ThreadSource;
  viewportRef: RefObject<HTMLDivElement | null>;
  /**
   * The mounted viewport, as state: parts that need the scroll element re-render once it mounts
   * (a child's layout effects run before its parent's ref is attached).
   */
  viewport: HTMLDivElement | null;
  setViewport: (viewport: HTMLDivElement | null) => void;
  /** Whether the view follows new content (true until the user scrolls up). */
  stickRef: { current: boolean };
  atBottom: boolean;
  setAtBottom: (atBottom: boolean) => void;
  /** Scrolls to the end and resumes following; `"smooth"` is instant under reduced motion. */
  scrollToBottom: (behavior?: ScrollBehavior) => void;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: (() => void) | undefined;
  virtualize: boolean | "auto";
  /** The failed history load `Thread.LoadError` shows, or `null`. */
  loadError: ThreadLoadFailure | null;
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);

export function useThreadContext(part: string): ThreadContextValue {
  const value = useContext(ThreadContext);
  if (!value) throw new Error(`\`${part}\` must be used within \`Thread.Root\``);
  return value;
}
