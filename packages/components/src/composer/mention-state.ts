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
