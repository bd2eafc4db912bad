import type { AssistantsClient } from "@threadkit/core";
import { useEffect, useState } from "react";

const key = (origin: string) => `threadkit-demo:assistant:${origin}`;

/**
 * The id of the demo's assistant on the dev server, created on first use and remembered. (The
 * dev server needs no key; against the real API, create assistants on a server, never here.)
 */
export function useDemoAssistant(
  client: AssistantsClient | undefined,
  origin: string,
): { assistantId: string | null; error: Error | null } {
  const [assistantId, setAssistantId] = useState<string | null>(() =>
    client ? (globalThis.localStorage?.getItem(key(origin)) ?? null) : null,
  );
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (!client) return;
    let cancelled = false;
    const stored = globalThis.localStorage?.getItem(key(origin));
    const check = stored
      ? client.assistants.retrieve(stored).then((assistant) => assistant.id)
      : Promise.reject(new Error("none"));
    check
      .catch(() =>
        client.assistants
          .create({ model: "gpt-4o-mini", name: "threadkit demo" })
          .then((assistant) => assistant.id),
      )
      .then(
        (id) => {
          if (cancelled) return;
          globalThis.localStorage?.setItem(key(origin), id);
          setAssistantId(id);
        },
        (reason: unknown) => {
          if (!cancelled) setError(reason instanceof Error ? reason : new Error(String(reason)));
        },
      );
    return () => {
      cancelled = true;
    };
  }, [client, origin]);
  return { assistantId, error };
}
