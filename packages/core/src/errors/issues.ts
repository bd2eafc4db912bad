import type * as v from "valibot";
import { type JsonPath, ValidationError, type ValidationIssue } from ".";

/** Whether `value` is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Describes the JSON type of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

function toIssue(issue: v.BaseIssue<unknown>, prefix: JsonPath): ValidationIssue {
  // Unions report "no branch matched" with the branches' own issues below; the deepest one
  // names the real problem.
  const nested = issue.issues?.[0];
  if (issue.type === "union" && nested) return toIssue(nested, prefix);
  const path: (string | number)[] = [...prefix];
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === "string" || typeof key === "number") path.push(key);
  }
  const message =
    issue.expected != null
      ? `expected ${issue.expected}, received ${issue.received}`
      : issue.message;
  return {
    path,
    message,
    ...(issue.expected != null ? { expected: issue.expected } : {}),
    received: issue.received,
  };
}

/** Builds a {@link ValidationError} from valibot issues. */
export function validationErrorFromIssues(
  subject: string,
  issues: readonly v.BaseIssue<unknown>[],
  input: unknown,
  prefix: JsonPath = [],
): ValidationError {
  return new ValidationError({
    subject,
    issues: issues.map((issue) => toIssue(issue, prefix)),
    input,
  });
}

/** A {@link ValidationError} with one issue. */
export function validationError(
  subject: string,
  path: JsonPath,
  expected: string,
  value: unknown,
  input: unknown,
): ValidationError {
  const received = describeValue(value);
  return new ValidationError({
    subject,
    issues: [{ path, message: `expected ${expected}, received ${received}`, expected, received }],
    input,
  });
}
