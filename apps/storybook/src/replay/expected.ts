/**
 * Test oracles for the replay stories, read straight from a recording's text without threadkit's
 * decoder: the final text the server says the assistant wrote. A play function compares it with
 * what the real decoder → reducer → components pipeline rendered.
 */
import type { Recording } from "./recordings";

function dataLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.startsWith("data:"))
    .map((line) => line.slice(5).trim());
}

function tryParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

interface TextPart {
  type?: string;
  text?: string | { value?: string };
}

/**
 * The final assistant text of a recording: the last `thread.item.done` assistant message
 * (ChatKit) or the last `thread.message.completed` message (Assistants), text parts joined.
 * `undefined` when the recording has none.
 */
export function finalAssistantText(recording: Recording): string | undefined {
  let last: string | undefined;
  for (const data of dataLines(recording.text)) {
    const json = tryParse(data) as
      | {
          type?: string;
          object?: string;
          status?: string;
          item?: { type?: string; content?: TextPart[] };
          content?: TextPart[];
        }
      | undefined;
    if (json === undefined) continue;
    if (
      recording.protocol === "chatkit" &&
      json.type === "thread.item.done" &&
      json.item?.type === "assistant_message"
    ) {
      last = (json.item.content ?? []).map((part) => part.text ?? "").join("");
    }
    if (
      recording.protocol === "assistants" &&
      json.object === "thread.message" &&
      json.status === "completed"
    ) {
      last = (json.content ?? [])
        .filter((part) => part.type === "text")
        .map((part) => (typeof part.text === "object" ? (part.text.value ?? "") : ""))
        .join("");
    }
  }
  return last;
}

/**
 * The words of a text with Markdown table and emphasis syntax removed, so rendered text (read
 * with `innerText`) and the Markdown source compare equal word for word.
 */
export function words(text: string): string[] {
  return text
    .replace(/[*_`#>]/g, " ")
    .split(/[\s|]+/)
    .filter((word) => word !== "" && !/^[-:]+$/.test(word));
}
