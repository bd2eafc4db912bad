/**
 * Widget actions: form values gathered by field `name` into the action payload, and the loading
 * behaviour each binding implies. No React here.
 */
import type { ActionConfig } from "@threadkit/core";

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
 */
export function resolveLoadingBehavior(
  action: ActionConfig,
  binding: WidgetActionBinding,
): ResolvedLoadingBehavior {
  const behavior = action.loadingBehavior ?? "auto";
  if (behavior !== "auto") return behavior;
  switch (binding) {
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

type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isField(element: Element): element is FieldElement {
  const tag = element.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/**
 * Reads the named fields of a form as `[name, value]` pairs, the way a native submission would
 * (disabled fields and buttons are skipped), but typed: checkboxes give `true`/`false`, number
 * fields a number (or `null` when empty), every other field its string value.
 */
export function readWidgetFormEntries(form: HTMLFormElement): Map<string, WidgetFormValue> {
  const entries = new Map<string, WidgetFormValue>();
  for (const element of Array.from(form.elements)) {
    if (!isField(element) || element.name === "" || element.disabled) continue;
    let value: WidgetFormValue;
    if (element instanceof HTMLInputElement) {
      const type = element.type;
      if (type === "submit" || type === "button" || type === "reset" || type === "file") continue;
      if (type === "checkbox") value = element.checked;
      else if (type === "radio") {
        if (!element.checked) continue;
        value = element.value;
      } else if (type === "number") {
        value = element.value === "" ? null : Number(element.value);
      } else value = element.value;
    } else {
      value = element.value;
    }
    if (!entries.has(element.name)) entries.set(element.name, value);
  }
  return entries;
}

/** Nests `[name, value]` pairs by dotted name (`"todo.title"` → `{ todo: { title } }`). */
export function nestFormValues(entries: Iterable<[string, WidgetFormValue]>): WidgetFormValues {
  const values: Record<string, unknown> = {};
  for (const [name, value] of entries) setPath(values, name, value);
  return values as WidgetFormValues;
}

/** {@link readWidgetFormEntries}, nested by dotted name. */
export function readWidgetFormValues(form: HTMLFormElement): WidgetFormValues {
  return nestFormValues(readWidgetFormEntries(form));
}

/** What {@link withFormValues} returns. */
export interface ActionWithValues {
  action: ActionConfig;
  /** Field names that collided with an existing payload key and were left out. */
  collisions: string[];
}

function flatten(values: WidgetFormValues, prefix = ""): [string, WidgetFormValue][] {
  const out: [string, WidgetFormValue][] = [];
  for (const [key, value] of Object.entries(values)) {
    const name = prefix === "" ? key : `${prefix}.${key}`;
    if (isPlainObject(value)) out.push(...flatten(value as WidgetFormValues, name));
    else out.push([name, value as WidgetFormValue]);
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
 * A copy of `action` whose payload also holds `values`. A value whose name is already a payload
 * key is left out and reported (the server's own payload wins), as ChatKit does. A non-object
 * payload cannot take values; then every name is reported.
 */
export function withFormValues(action: ActionConfig, values: WidgetFormValues): ActionWithValues {
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
