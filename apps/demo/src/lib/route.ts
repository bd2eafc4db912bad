import { useCallback, useSyncExternalStore } from "react";

/**
 * Routing by URL hash: `#/t/<thread id>` shows a thread, anything else the new-chat screen.
 * The hash keeps the page's query string (`?api=…`) intact across navigation and reloads.
 */
function readThreadId(): string | null {
  const match = /^#\/t\/([^/?#]+)$/.exec(globalThis.location?.hash ?? "");
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function subscribe(listener: () => void): () => void {
  globalThis.addEventListener("hashchange", listener);
  return () => globalThis.removeEventListener("hashchange", listener);
}

/** Builds the hash for a thread, or for the new-chat screen when `threadId` is null. */
export function threadHref(threadId: string | null): string {
  return threadId ? `#/t/${encodeURIComponent(threadId)}` : "#/";
}

/** The thread id in the URL and a function that navigates to another one. */
export function useThreadRoute(): [string | null, (threadId: string | null) => void] {
  const threadId = useSyncExternalStore(subscribe, readThreadId, () => null);
  const navigate = useCallback((next: string | null) => {
    const hash = threadHref(next);
    if (globalThis.location.hash !== hash) globalThis.location.hash = hash;
  }, []);
  return [threadId, navigate];
}
