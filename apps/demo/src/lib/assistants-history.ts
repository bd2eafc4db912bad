import type { AssistantsClient, ThreadMetadata } from "@threadkit/core";
import { useSyncExternalStore } from "react";

/**
 * The Assistants API cannot list threads, so the demo remembers the ones it created, per server,
 * in `localStorage` (as an app would keep them in its own database).
 */
const key = (origin: string) => `threadkit-demo:assistants-threads:${origin}`;
const EMPTY: readonly ThreadMetadata[] = [];
const cache = new Map<string, readonly ThreadMetadata[]>();
const listeners = new Set<() => void>();

function read(origin: string): readonly ThreadMetadata[] {
  const cached = cache.get(origin);
  if (cached) return cached;
  let threads: readonly ThreadMetadata[] = EMPTY;
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(key(origin)) ?? "[]");
    if (Array.isArray(parsed)) {
      threads = parsed.filter(
        (entry): entry is ThreadMetadata =>
          typeof entry === "object" &&
          entry !== null &&
          typeof entry.id === "string" &&
          typeof entry.created_at === "string",
      );
    }
  } catch {
    // Corrupt entry: start over rather than break the sidebar.
  }
  cache.set(origin, threads);
  return threads;
}

function write(origin: string, threads: readonly ThreadMetadata[]): void {
  cache.set(origin, threads);
  try {
    globalThis.localStorage?.setItem(key(origin), JSON.stringify(threads));
  } catch {
    // Storage full or blocked: the list still lives for this page.
  }
  for (const listener of listeners) listener();
}

/** Remembers a new Assistants thread, newest first. */
export function rememberAssistantsThread(origin: string, id: string, title: string): void {
  const threads = read(origin).filter((thread) => thread.id !== id);
  const entry: ThreadMetadata = {
    id,
    title: title.slice(0, 60) || null,
    created_at: new Date().toISOString(),
    status: { type: "active" },
  };
  write(origin, [entry, ...threads]);
}

/**
 * Remembers a thread the demo just created on the Assistants backend, titled by its first
 * message (read back from the server, as the API keeps no titles).
 */
export async function rememberNewAssistantsThread(
  client: AssistantsClient,
  origin: string,
  id: string,
): Promise<void> {
  rememberAssistantsThread(origin, id, "");
  try {
    const page = await client.messages.list(id, { order: "asc", limit: 1 });
    const part = page.data[0]?.content.find((content) => content.type === "text");
    const text = part?.type === "text" ? part.text.value.trim() : "";
    if (text) renameAssistantsThread(origin, id, text.slice(0, 60));
  } catch {
    // Untitled is fine: the user can rename it.
  }
}

/** Forgets a thread (after deleting it on the server). */
export function forgetAssistantsThread(origin: string, id: string): void {
  write(
    origin,
    read(origin).filter((thread) => thread.id !== id),
  );
}

/** Renames a remembered thread (the Assistants API has no thread titles). */
export function renameAssistantsThread(origin: string, id: string, title: string): void {
  write(
    origin,
    read(origin).map((thread) => (thread.id === id ? { ...thread, title } : thread)),
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The remembered Assistants threads of a server, newest first. */
export function useAssistantsThreads(origin: string): readonly ThreadMetadata[] {
  return useSyncExternalStore(
    subscribe,
    () => read(origin),
    () => EMPTY,
  );
}
