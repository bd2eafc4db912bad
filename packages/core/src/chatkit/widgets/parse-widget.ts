/**
 * Widget JSON validation. A tree is checked node by node against the catalogue: a prop whose value
 * the renderer cannot use is dropped from the validated node and reported; unknown props and
 * unknown component types are kept (Widget Builder templates emit both). Only input that is not a
 * widget at all (bad JSON, no `type`) is an error.
 */

import { ThreadkitError } from "../../errors/errors";
import { type ComponentSpec, WIDGET_SPECS } from "./schema";
import type { WidgetComponentByType, WidgetNode, WidgetRoot, WidgetType } from "./types";

/** What went wrong with one node. */
export type WidgetIssueCode =
  /** A prop has a value of the wrong type or outside its enum; it was dropped. */
  | "invalid-prop"
  /** A prop the model requires is absent (or was dropped as invalid). */
  | "missing-prop"
  /** A child is not a widget node (not an object, or no string `type`); it was dropped. */
  | "invalid-child"
  /** A `type` this catalogue does not know; the node is kept as is. */
  | "unknown-type"
  /** A prop this catalogue does not know; it is kept as is. */
  | "unknown-prop"
  /** The root is not a `Card`, `ListView` or `Basic`; it is rendered anyway. */
  | "unexpected-root";

/** One finding about one node. `warning`s change what renders; `info`s do not. */
export interface WidgetIssue {
  code: WidgetIssueCode;
  severity: "warning" | "info";
  /** Path from the root to the node, e.g. `["children", 0, "children", 2]`. */
  path: (string | number)[];
  /** The node's `type`, when it has one. */
  nodeType?: string;
  /** The node's `id`, when it has one. */
  nodeId?: string;
  /** The prop concerned, for prop issues. */
  prop?: string;
  /** The value as received (kept so nothing is lost). */
  received?: unknown;
  /** A readable sentence. */
  message: string;
}

/** A validated widget root and what was found on the way. */
export interface ParsedWidgetRoot {
  root: WidgetRoot;
  issues: WidgetIssue[];
}

/** Raised when the input cannot be read as a widget at all. */
export class WidgetParseError extends ThreadkitError {
  override readonly name = "WidgetParseError";
  /** The input as given. */
  readonly input: unknown;
  constructor(message: string, input: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.input = input;
  }
}

interface NodeResult {
  node: WidgetNode | null;
  /** Issues with paths relative to this node. */
  issues: WidgetIssue[];
}

const KNOWN_ROOTS = new Set(["Card", "ListView", "Basic"]);
const hasOwn = Object.prototype.hasOwnProperty;

// Trees are immutable by contract (reducers copy what they change), so a node object that was
// validated once gives the same answer again: re-validating after a streamed delta only walks
// the copied path and returns the earlier result objects for every untouched subtree.
const cache = new WeakMap<object, NodeResult>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return String(value);
}

function specOf(type: string): ComponentSpec | undefined {
  return hasOwn.call(WIDGET_SPECS, type) ? WIDGET_SPECS[type as WidgetType] : undefined;
}

function prefix(issues: readonly WidgetIssue[], head: (string | number)[]): WidgetIssue[] {
  return issues.map((issue) => ({ ...issue, path: [...head, ...issue.path] }));
}

function nodeIssue(
  node: Record<string, unknown>,
  issue: Omit<WidgetIssue, "path" | "nodeType" | "nodeId">,
): WidgetIssue {
  const out: WidgetIssue = { ...issue, path: [] };
  if (typeof node.type === "string") out.nodeType = node.type;
  if (typeof node.id === "string") out.nodeId = node.id;
  return out;
}

/** Validates an array of child nodes; returns the same array when nothing changed. */
function checkChildren(
  children: unknown[],
  issues: WidgetIssue[],
): { children: WidgetNode[]; changed: boolean } {
  let out: WidgetNode[] | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const result = checkNode(child);
    if (result.issues.length > 0) issues.push(...prefix(result.issues, ["children", i]));
    if (result.node === null || result.node !== child) {
      out ??= children.slice(0, i) as WidgetNode[];
    }
    if (out !== undefined && result.node !== null) out.push(result.node);
  }
  return out === undefined
    ? { children: children as WidgetNode[], changed: false }
    : { children: out, changed: true };
}

function checkNode(input: unknown): NodeResult {
  if (!isRecord(input) || typeof input.type !== "string" || input.type === "") {
    return {
      node: null,
      issues: [
        {
          code: "invalid-child",
          severity: "warning",
          path: [],
          received: input,
          message: `Expected a widget node with a string "type", got ${describe(input)}; it was dropped.`,
        },
      ],
    };
  }
  const cached = cache.get(input);
  if (cached !== undefined) return cached;

  const type = input.type;
  const spec = specOf(type);
  const issues: WidgetIssue[] = [];
  let out: Record<string, unknown> | undefined;
  const drop = (key: string) => {
    out ??= { ...input };
    delete out[key];
  };

  if (spec === undefined) {
    issues.push(
      nodeIssue(input, {
        code: "unknown-type",
        severity: "info",
        message: `Unknown widget type "${type}"; it is kept and rendered as a placeholder.`,
      }),
    );
  }

  for (const key of Object.keys(input)) {
    if (key === "type") continue;
    const value = input[key];
    if (key === "id" || key === "key") {
      if (typeof value === "string") continue;
      if (typeof value === "number" && key === "key") continue;
      if (value !== null && value !== undefined) {
        issues.push(
          nodeIssue(input, {
            code: "invalid-prop",
            severity: "warning",
            prop: key,
            received: value,
            message: `${type}.${key} must be a string, got ${describe(value)}; it was ignored.`,
          }),
        );
      }
      drop(key);
      continue;
    }
    if (spec === undefined) continue;
    // A server that does not drop `None` (as Python's serializer does) sends null for "omitted";
    // Widget Builder exports do it too (`"children": null`). Kept as is; renderers read it as absent.
    if (value === null || value === undefined) continue;
    if (key === "children") {
      if (spec.children === "none") {
        issues.push(
          nodeIssue(input, {
            code: "unknown-prop",
            severity: "info",
            prop: key,
            message: `${type} takes no children; they are kept but not rendered.`,
          }),
        );
        continue;
      }
      if (Array.isArray(value)) {
        const result = checkChildren(value, issues);
        if (result.changed) {
          out ??= { ...input };
          out.children = result.children;
        }
        continue;
      }
      if (spec.children === "single" && isRecord(value)) {
        const result = checkNode(value);
        issues.push(...prefix(result.issues, ["children"]));
        if (result.node !== value) {
          out ??= { ...input };
          if (result.node === null) delete out.children;
          else out.children = result.node;
        }
        continue;
      }
      issues.push(
        nodeIssue(input, {
          code: "invalid-prop",
          severity: "warning",
          prop: key,
          received: value,
          message: `${type}.children must be an array of widget nodes, got ${describe(value)}; it was ignored.`,
        }),
      );
      drop(key);
      continue;
    }
    const check = spec.props[key];
    if (check === undefined) {
      issues.push(
        nodeIssue(input, {
          code: "unknown-prop",
          severity: "info",
          prop: key,
          received: value,
          message: `${type}.${key} is not a known prop; it is kept.`,
        }),
      );
      continue;
    }
    if (!check(value)) {
      issues.push(
        nodeIssue(input, {
          code: "invalid-prop",
          severity: "warning",
          prop: key,
          received: value,
          message: `${type}.${key} has an invalid value ${describe(value)}; it was ignored.`,
        }),
      );
      drop(key);
    }
  }

  if (spec !== undefined) {
    const node = out ?? input;
    for (const key of spec.required) {
      if (node[key] === undefined) {
        issues.push(
          nodeIssue(input, {
            code: "missing-prop",
            severity: "warning",
            prop: key,
            message: `${type}.${key} is required but missing.`,
          }),
        );
      }
    }
  }

  const result: NodeResult = { node: (out ?? input) as WidgetNode, issues };
  cache.set(input, result);
  return result;
}

function readInput(input: unknown): unknown {
  if (typeof input !== "string") return input;
  try {
    return JSON.parse(input);
  } catch (error) {
    throw new WidgetParseError(
      `Widget JSON could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
      input,
      { cause: error },
    );
  }
}

/**
 * Validates a widget root given as an object or as a JSON string (hosted REST items carry the
 * widget as a string).
 *
 * Never throws for a bad prop or an unknown type: invalid props are dropped from the returned
 * tree and listed in `issues` (with the received value), unknown types and props are kept. Nodes
 * that needed no change are returned as the same objects, so memoized renderers skip them.
 *
 * @throws {WidgetParseError} when the input is not JSON or not an object with a string `type`.
 * @example
 * const { root, issues } = parseWidgetRoot(item.widget);
 * for (const issue of issues) if (issue.severity === "warning") console.warn(issue.message);
 */
export function parseWidgetRoot(input: unknown): ParsedWidgetRoot {
  const value = readInput(input);
  if (!isRecord(value) || typeof value.type !== "string" || value.type === "") {
    throw new WidgetParseError(
      `A widget root must be an object with a string "type", got ${describe(value)}.`,
      input,
    );
  }
  const result = checkNode(value);
  const issues = result.issues.slice();
  if (!KNOWN_ROOTS.has(value.type)) {
    issues.unshift(
      nodeIssue(value, {
        code: "unexpected-root",
        severity: "info",
        message: `A widget root should be a Card, ListView or Basic, got "${value.type}"; it is rendered anyway.`,
      }),
    );
  }
  return { root: result.node as WidgetRoot, issues };
}

/** The result of {@link safeParseWidgetRoot}. */
export type SafeParseWidgetRootResult =
  | ({ success: true } & ParsedWidgetRoot)
  | { success: false; error: WidgetParseError };

/** {@link parseWidgetRoot} without throwing. */
export function safeParseWidgetRoot(input: unknown): SafeParseWidgetRootResult {
  try {
    return { success: true, ...parseWidgetRoot(input) };
  } catch (error) {
    if (error instanceof WidgetParseError) return { success: false, error };
    throw error;
  }
}

/** Whether `type` is a component type of the catalogue. */
export function isKnownWidgetType(type: string): type is WidgetType {
  return specOf(type) !== undefined;
}

/**
 * Narrows a node to a known component type. Only the `type` is checked: run the tree through
 * {@link parseWidgetRoot} first to be sure its props have the declared types.
 */
export function isWidgetType<T extends WidgetType>(
  node: WidgetNode,
  type: T,
): node is WidgetNode & WidgetComponentByType[T] {
  return node.type === type;
}
