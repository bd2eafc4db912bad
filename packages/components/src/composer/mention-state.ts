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

/** A command of the composer's `/` menu: ChatKit's `Command`. */
export interface ComposerCommand {
  id: string;
  label: string;
  description?: string;
  /** A ChatKit icon name or `lucide:<name>`. */
  icon?: string;
  /** The group it is listed under. */
  group?: string;
}

/**
 * What picking a command does: insert an entity as a tag, open another menu, or (nothing)
 * only its own effect. ChatKit's `CommandSelection`.
 */
export type ComposerCommandSelection =
  | { type: "entity"; entity: ComposerEntity }
  | { type: "menu"; commands: ComposerCommand[] };

/**
 * An autocomplete of a composer, open while the caret follows its trigger and a query: `@query`
 * for mentions, `/query` for commands.
 */
export interface MentionState<T = ComposerEntity> {
  /** The text after the trigger, or `null` while no suggestion list is open. */
  query: string | null;
  status: "idle" | "loading" | "error";
  /** Why the last search failed. */
  error: string | null;
  options: readonly T[];
  /** Index of the highlighted option. */
  active: number;
  setActive(index: number): void;
  /** Reads the text up to the caret and opens, updates or closes the list. */
  update(text: string, caret: number): void;
  close(): void;
  /** The text with `@query` replaced by `@title `, and the caret after it. */
  complete(text: string, entity: ComposerEntity): { text: string; caret: number };
  /** The text with the trigger and query replaced by `insert` (and closes the list). */
  replace(text: string, insert: string): { text: string; caret: number };
  /** Shows these options for the open query (a command's submenu). */
  show(options: readonly T[]): void;
  /** Shows the list as waiting (`null`), or failed with `error`. */
  settle(error: string | null | undefined): void;
}

const MENTION = /(?:^|\s)@([^\s@]{0,60})$/;
const COMMAND = /(?:^|\s)\/([^\s/]{0,60})$/;

/** Runs `search` for the `@query` (or `/query`) before the caret; the latest query wins. */
export function useMentionState<T = ComposerEntity>(
  search: ((query: string) => Promise<readonly T[]>) | undefined,
  trigger: "@" | "/" = "@",
): MentionState<T> {
  const [query, setQuery] = useState<string | null>(null);
  const [status, setStatus] = useState<MentionState["status"]>("idle");
  const [error, setError] = useState<string | null>(null);
  const [options, setOptions] = useState<readonly T[]>([]);
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

  const pattern = trigger === "@" ? MENTION : COMMAND;
  const update = useCallback(
    (text: string, caret: number) => {
      const match = searchRef.current ? pattern.exec(text.slice(0, caret)) : null;
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
    },
    [pattern],
  );

  const replace = useCallback(
    (text: string, insert: string) => {
      const at = start.current < 0 ? text.length : start.current;
      const end = start.current < 0 ? text.length : caretRef.current;
      const after = insert.endsWith(" ") ? text.slice(end).replace(/^ /, "") : text.slice(end);
      close();
      dismissed.current = -1;
      return { text: text.slice(0, at) + insert + after, caret: at + insert.length };
    },
    [close],
  );
  const complete = useCallback(
    (text: string, entity: ComposerEntity) => replace(text, `@${entity.title} `),
    [replace],
  );
  const show = useCallback((next: readonly T[]) => {
    sequence.current += 1;
    setOptions(next);
    setActive(0);
    setStatus("idle");
    setError(null);
  }, []);
  const settle = useCallback((reason: string | null | undefined) => {
    sequence.current += 1;
    setStatus(reason ? "error" : "loading");
    setError(reason ?? null);
    if (reason) setOptions([]);
  }, []);

  return useMemo(
    () => ({
      query,
      status,
      error,
      options,
      active,
      setActive,
      update,
      close,
      complete,
      replace,
      show,
      settle,
    }),
    [query, status, error, options, active, update, close, complete, replace, show, settle],
  );
}
