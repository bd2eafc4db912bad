import { useCallback, useEffect, useMemo, useRef, useState } from "react";

/** Something a user can @-mention: ChatKit's `Entity`. */
export interface ComposerEntity {
  id: string;
  /** Shown in the suggestion and on the chip, and sent as the tag's `text`. */
  title: string;
  /** A ChatKit icon name or `lucide:<name>`. */
  icon?: string;
  /** Whether the entity can be clicked or previewed. */
  interactive?: boolean;
  /** The group it is listed under (`"People"`). */
  group?: string | null;
  /** Sent to the server with the tag. */
  data?: Record<string, unknown>;
}

/** The @-mention autocomplete of a composer: open while the caret follows `@query`. */
export interface MentionState {
  /** The text after `@`, or `null` while no suggestion list is open. */
  query: string | null;
  status: "idle" | "loading" | "error";
  /** Why the last search failed. */
  error: string | null;
  options: readonly ComposerEntity[];
  /** Index of the highlighted option. */
  active: number;
  setActive(index: number): void;
  /** Reads the text up to the caret and opens, updates or closes the list. */
  update(text: string, caret: number): void;
  close(): void;
  /** The text with `@query` replaced by `@title `, and the caret after it. */
  complete(text: string, entity: ComposerEntity): { text: string; caret: number };
}

const TRIGGER = /(?:^|\s)@([^\s@]{0,60})$/;

/** Runs `search` for the `@query` before the caret; the latest query wins. */
export function useMentionState(
  search: ((query: string) => Promise<readonly ComposerEntity[]>) | undefined,
): MentionState {
  const [query, setQuery] = useState<string | null>(null);
  const [status, setStatus] = useState<MentionState["status"]>("idle");
  const [error, setError] = useState<string | null>(null);
  const [options, setOptions] = useState<readonly ComposerEntity[]>([]);
  const [active, setActive] = useState(0);
  const start = useRef(-1);
  const caretRef = useRef(0);
  const dismissed = useRef(-1);
  const sequence = useRef(0);
  const searchRef = useRef(search);
  searchRef.current = search;
  useEffect(
    () => () => {
      sequence.current += 1;
    },
    [],
  );

  const close = useCallback(() => {
    sequence.current += 1;
    dismissed.current = start.current;
    setQuery(null);
    setOptions([]);
    setStatus("idle");
    setError(null);
  }, []);

  const update = useCallback((text: string, caret: number) => {
    const match = searchRef.current ? TRIGGER.exec(text.slice(0, caret)) : null;
    if (!match) {
      dismissed.current = -1;
      start.current = -1;
      sequence.current += 1;
      setQuery(null);
      setOptions([]);
      setStatus("idle");
      setError(null);
      return;
    }
    const found = match[1] ?? "";
    const at = caret - found.length - 1;
    if (at === dismissed.current) return;
    start.current = at;
    caretRef.current = caret;
    setQuery(found);
    setStatus("loading");
    setError(null);
    const id = ++sequence.current;
    // A search that throws synchronously fails like one that rejects.
    Promise.resolve()
      .then(() => searchRef.current?.(found) ?? [])
      .then(
        (results) => {
          if (id !== sequence.current) return;
          setOptions(Array.isArray(results) ? results : []);
          setActive(0);
          setStatus("idle");
        },
        (reason: unknown) => {
          if (id !== sequence.current) return;
          setOptions([]);
          setStatus("error");
          setError(reason instanceof Error ? reason.message : String(reason));
        },
      );
  }, []);

  const complete = useCallback(
    (text: string, entity: ComposerEntity) => {
      const at = start.current < 0 ? text.length : start.current;
      const end = start.current < 0 ? text.length : caretRef.current;
      const token = `@${entity.title} `;
      const after = text.slice(end).replace(/^ /, "");
      close();
      dismissed.current = -1;
      return { text: text.slice(0, at) + token + after, caret: at + token.length };
    },
    [close],
  );

  return useMemo(
    () => ({ query, status, error, options, active, setActive, update, close, complete }),
    [query, status, error, options, active, update, close, complete],
  );
}
