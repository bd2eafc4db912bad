import type { ComposerEntity, MentionState } from "./mention-state";

const MENTION = /(?:^|\s)@([^\s@]{0,60})$/;
const COMMAND = /(?:^|\s)\/([^\s/]{0,60})$/;

/** A {@link MentionState} kept outside React: `Composer.Root` reads it with `useSyncExternalStore`. */
export interface MentionStore<T = ComposerEntity> {
  subscribe(listener: () => void): () => void;
  /** The current state; a new object after every change. */
  getSnapshot(): MentionState<T>;
  /** Ignores the answers of searches still running (the composer unmounted). */
  dispose(): void;
}

type Fields<T> = Pick<MentionState<T>, "query" | "status" | "error" | "options" | "active">;

/**
 * Runs `search()` for the `@query` (or `/query`) before the caret; the latest query wins. The
 * search is read on every update, so it may change between renders.
 */
export function createMentionStore<T = ComposerEntity>(
  search: () => ((query: string) => Promise<readonly T[]>) | undefined,
  trigger: "@" | "/" = "@",
): MentionStore<T> {
  const pattern = trigger === "@" ? MENTION : COMMAND;
  const listeners = new Set<() => void>();
  const closed = { query: null, options: [] as readonly T[], status: "idle", error: null } as const;
  let fields: Fields<T> = { ...closed, active: 0 };
  let start = -1;
  let caretAt = 0;
  let dismissed = -1;
  let sequence = 0;

  const set = (patch: Partial<Fields<T>>) => {
    // Like React's state: setting the same values changes nothing and re-renders nothing.
    const keys = Object.keys(patch) as (keyof Fields<T>)[];
    if (keys.every((key) => Object.is(fields[key], patch[key]))) return;
    fields = { ...fields, ...patch };
    snapshot = build();
    for (const listener of listeners) listener();
  };

  const close = () => {
    sequence += 1;
    dismissed = start;
    set(closed);
  };
  const replace = (text: string, insert: string) => {
    const at = start < 0 ? text.length : start;
    const end = start < 0 ? text.length : caretAt;
    const after = insert.endsWith(" ") ? text.slice(end).replace(/^ /, "") : text.slice(end);
    close();
    dismissed = -1;
    return { text: text.slice(0, at) + insert + after, caret: at + insert.length };
  };
  const methods = {
    setActive: (index: number) => set({ active: index }),
    update(text: string, caret: number) {
      const match = search() ? pattern.exec(text.slice(0, caret)) : null;
      if (!match) {
        dismissed = -1;
        start = -1;
        sequence += 1;
        set(closed);
        return;
      }
      const found = match[1] ?? "";
      const at = caret - found.length - 1;
      if (at === dismissed) return;
      start = at;
      caretAt = caret;
      set({ query: found, status: "loading", error: null });
      const id = ++sequence;
      // A search that throws synchronously fails like one that rejects.
      Promise.resolve()
        .then(() => search()?.(found) ?? [])
        .then(
          (results) => {
            if (id !== sequence) return;
            set({ options: Array.isArray(results) ? results : [], active: 0, status: "idle" });
          },
          (reason: unknown) => {
            if (id !== sequence) return;
            set({
              options: [],
              status: "error",
              error: reason instanceof Error ? reason.message : String(reason),
            });
          },
        );
    },
    close,
    replace,
    complete: (text: string, entity: ComposerEntity) => replace(text, `@${entity.title} `),
    show(next: readonly T[]) {
      sequence += 1;
      set({ options: next, active: 0, status: "idle", error: null });
    },
    settle(reason: string | null | undefined) {
      sequence += 1;
      set(
        reason
          ? { status: "error", error: reason, options: [] }
          : { status: "loading", error: null },
      );
    },
  };
  const build = (): MentionState<T> => ({ ...fields, ...methods });
  let snapshot = build();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    dispose() {
      sequence += 1;
    },
  };
}
