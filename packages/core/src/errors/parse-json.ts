import type { JsonPath } from ".";
import { ValidationError } from ".";

/**
 * `JSON.parse` with a typed error: bad JSON throws a {@link ValidationError} whose `input` is the
 * text and whose `cause` is the `SyntaxError`.
 *
 * @param subject What the text holds, for the message (e.g. `widget JSON`).
 * @param path Where the text sits in its parent value (e.g. `["widget"]`).
 */
export function parseJsonText(text: string, subject = "JSON", path: JsonPath = []): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ValidationError({
      subject,
      issues: [{ path, message: `bad JSON (${reason})`, expected: "JSON text", received: "text" }],
      input: text,
      cause,
    });
  }
}
