/**
 * Widget actions, the one set of rules: form values merged into the payload, the route (client or
 * server, streamed or sync), the loading behaviour a binding implies, and the dispatch that ties
 * them together. No React and no DOM: `Widget.Root` reads its forms, `useWidgetAction` talks to the
 * server, and both hand the action to {@link runWidgetAction}.
 */
import { type WidgetActionRoute, widgetActionRoute } from "./action-route";
import type { ActionConfig } from "./types";

export { type WidgetActionRoute, widgetActionRoute };

/** Where an action is bound; decides what `loadingBehavior: "auto"` means. */
export type WidgetActionBinding =
  | "button"
  | "list-item"
  | "form-submit"
  | "card-confirm"
  | "card-cancel"
  | "change";

/** The effective loading behaviour of an action. */
export type ResolvedLoadingBehavior = "self" | "container" | "none";

/**
 * Resolves `loadingBehavior` (default `"auto"`): Button and ListViewItem clicks load themselves,
 * Card confirm/cancel and Form submissions load the whole widget, change actions show nothing.
 * Without a binding (an action dispatched from code), `"auto"` means `"self"`.
 */
export function resolveLoadingBehavior(
  action: ActionConfig,
  binding?: WidgetActionBinding,
): ResolvedLoadingBehavior {
  const behavior = action.loadingBehavior ?? "auto";
  if (behavior !== "auto") return behavior;
  switch (binding) {
    case undefined:
    case "button":
    case "list-item":
      return "self";
    case "form-submit":
    case "card-confirm":
    case "card-cancel":
      return "container";
    case "change":
      return "none";
  }
}

/** One form value: text, a number from a number field, or a checkbox's checked state. */
export type WidgetFormValue = string | number | boolean | null;

/** A nested object of form values (dotted names nest). */
export interface WidgetFormValues {
  [name: string]: WidgetFormValue | WidgetFormValues;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Sets `value` at a dotted `name` in `target` (`"todo.title"` → `target.todo.title`). Returns
 * `false` and changes nothing when the path is already taken or unusable.
 */
function setPath(target: Record<string, unknown>, name: string, value: unknown): boolean {
  const parts = name.split(".");
  if (parts.some((part) => part === "" || FORBIDDEN_KEYS.has(part))) return false;
  let cursor: Record<string, unknown> = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const next = cursor[part];
    if (next === undefined) {
      const created: Record<string, unknown> = {};
      cursor[part] = created;
      cursor = created;
    } else if (isPlainObject(next)) {
      cursor = next;
    } else {
      return false;
    }
  }
  const last = parts[parts.length - 1] as string;
  if (cursor[last] !== undefined) return false;
  cursor[last] = value;
  return true;
}

/** Nests `[name, value]` pairs by dotted name (`"todo.title"` → `{ todo: { title } }`). */
export function nestFormValues(entries: Iterable<[string, WidgetFormValue]>): WidgetFormValues {
  const values: Record<string, unknown> = {};
  for (const [name, value] of entries) setPath(values, name, value);
  return values as WidgetFormValues;
}

/** What {@link withFormValues} returns. */
export interface ActionWithValues {
  action: ActionConfig;
  /** Field names that collided with an existing payload key and were left out. */
  collisions: string[];
}

function flatten(values: Readonly<Record<string, unknown>>, prefix = ""): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(values)) {
    const name = prefix === "" ? key : `${prefix}.${key}`;
    if (isPlainObject(value)) out.push(...flatten(value, name));
    else out.push([name, value]);
  }
  return out;
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = clone(inner);
    return copy;
  }
  return value;
}

/**
 * A copy of `action` whose payload also holds `values` (nested objects merge key by key). A value
 * whose name is already a payload key is left out and reported (the server's own payload wins), as
 * ChatKit does. A non-object payload cannot take values; then every name is reported.
 */
export function withFormValues(
  action: ActionConfig,
  values: WidgetFormValues | Readonly<Record<string, unknown>>,
): ActionWithValues {
  const entries = flatten(values);
  if (entries.length === 0) return { action, collisions: [] };
  const base = action.payload ?? {};
  if (!isPlainObject(base)) return { action, collisions: entries.map(([name]) => name) };
  const payload = clone(base) as Record<string, unknown>;
  const collisions: string[] = [];
  for (const [name, value] of entries) {
    if (!setPath(payload, name, value)) collisions.push(name);
  }
  return { action: { ...action, payload }, collisions };
}

/** Receives an action with its values merged in. Return a promise to keep it loading until it settles. */
export type WidgetActionRunner = (action: ActionConfig) => unknown;

/** Options of {@link runWidgetAction}. */
export interface RunWidgetActionOptions {
  /** Values merged into the payload with {@link withFormValues} (form fields, a changed value). */
  values?: WidgetFormValues | Readonly<Record<string, unknown>> | undefined;
  /** Where the action is bound; decides the loading behaviour (see {@link resolveLoadingBehavior}). */
  binding?: WidgetActionBinding | undefined;
  /** Handles `handler: "client"` actions. */
  client?: WidgetActionRunner | undefined;
  /** Handles server actions (streamed and `streaming: false`; see {@link widgetActionRoute}). */
  server?: WidgetActionRunner | undefined;
  /** Called instead when the action's route has no runner. */
  onUnhandled?: ((action: ActionConfig, route: WidgetActionRoute) => void) | undefined;
  /** Called with each field name that collided with a payload key and was left out. */
  onCollision?: ((name: string, action: ActionConfig) => void) | undefined;
  /** Called with `true` when a runner returned a promise, and with `false` once it settled. */
  onLoading?: ((loading: boolean, behavior: ResolvedLoadingBehavior) => void) | undefined;
  /** Called when the runner throws or its promise rejects. @default console.error */
  onError?: ((error: unknown, action: ActionConfig) => void) | undefined;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/**
 * Dispatches one widget action: merges `values` into its payload, routes it to `client` or
 * `server`, reports loading while a returned promise is pending and hands failures to `onError`.
 * Resolves when the action settled; never rejects.
 *
 * @example
 * ```ts
 * await runWidgetAction(action, {
 *   values: { note: "Milk" },
 *   client: (sent) => navigate(sent.payload),
 *   server: (sent) => sendCustomAction(sent),
 *   onLoading: (loading) => setBusy(loading),
 * });
 * ```
 */
export async function runWidgetAction(
  action: ActionConfig,
  options: RunWidgetActionOptions,
): Promise<void> {
  let sent = action;
  if (options.values !== undefined) {
    const merged = withFormValues(action, options.values);
    sent = merged.action;
    for (const name of merged.collisions) options.onCollision?.(name, action);
  }
  const route = widgetActionRoute(sent);
  const runner = route === "client" ? options.client : options.server;
  if (runner === undefined) {
    options.onUnhandled?.(sent, route);
    return;
  }
  const fail = (error: unknown) => {
    if (options.onError) options.onError(error, sent);
    else console.error(`Widget action "${sent.type}" failed`, error);
  };
  let result: unknown;
  try {
    result = runner(sent);
  } catch (error) {
    fail(error);
    return;
  }
  if (!isThenable(result)) return;
  const behavior = resolveLoadingBehavior(sent, options.binding);
  options.onLoading?.(true, behavior);
  try {
    await result;
  } catch (error) {
    fail(error);
  } finally {
    options.onLoading?.(false, behavior);
  }
}
