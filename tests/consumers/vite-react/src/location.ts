/** The ChatKit server (`?server=`) and the thread to open (`?thread=`) from the page URL. */
export function readLocation(): { serverUrl: string; threadId: string | null } {
  const params = new URLSearchParams(window.location.search);
  return {
    serverUrl: params.get("server") ?? "http://127.0.0.1:8787",
    threadId: params.get("thread"),
  };
}

/** Keeps the open thread in the URL, so a reload shows it again. */
export function rememberThread(threadId: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set("thread", threadId);
  window.history.replaceState(null, "", url);
}
