/**
 * The recorded streams the replay player can play: every `.sse` file in the shared fixtures'
 * `assistants/` and `chatkit-protocol/` folders, imported as text exactly as recorded (nothing is
 * cleaned up; broken recordings stay broken, that is what they are for). A recording added to
 * those folders shows up in the player without a code change.
 */

/** Which decoder and reducer a recording goes through. */
export type RecordingProtocol = "chatkit" | "assistants";

/** One recorded server-sent event stream. */
export interface Recording {
  /** File name without `.sse`, e.g. `dotnet-streaming-run-text`. */
  readonly id: string;
  /** `chatkit` for the ChatKit server protocol, `assistants` for Assistants API run streams. */
  readonly protocol: RecordingProtocol;
  /** Path under the shared fixtures folder, e.g. `assistants/dotnet-streaming-run-text.sse`. */
  readonly path: string;
  /** A short human title. */
  readonly title: string;
  /** What the recording shows, and what is odd about it. */
  readonly description: string;
  /** The bytes of the recording, as text. */
  readonly text: string;
}

const assistantsFiles = import.meta.glob<string>("../../../../fixtures/assistants/*.sse", {
  query: "?raw",
  import: "default",
  eager: true,
});
const chatkitFiles = import.meta.glob<string>("../../../../fixtures/chatkit-protocol/*.sse", {
  query: "?raw",
  import: "default",
  eager: true,
});

interface Notes {
  readonly title: string;
  readonly description: string;
}

/** Titles and notes for the recordings the docs talk about; others get a title from the name. */
const NOTES: Readonly<Record<string, Notes>> = {
  "dotnet-streaming-run-text": {
    title: "Assistants: plain text run",
    description:
      "A real Assistants v2 run: a message_creation step and 33 text deltas, then `done`. The rendered text equals the completed message.",
  },
  "dotnet-streaming-tool-call-requires-action": {
    title: "Assistants: function call, requires_action",
    description:
      "A real run that streams function-argument deltas and stops in `thread.run.requires_action` (submit_tool_outputs).",
  },
  "dotnet-streaming-tool-call-after-submit": {
    title: "Assistants: answer after submit_tool_outputs",
    description:
      "The continuation stream after tool outputs were submitted: the function step completes, then a new message with 40 deltas.",
  },
  "dotnet-file-search-streaming": {
    title: "Assistants: file search with a citation",
    description:
      "A file_search tool step, then a message whose delta carries a `file_citation` annotation (`【4:0†favorite_foods.txt】`).",
  },
  "dotnet-mock-error-event": {
    title: "Assistants: error event",
    description:
      "An `event: error` between run.created and done, and no final newline: the last event has no blank line after it.",
  },
  "dotnet-mock-unknown-future-events": {
    title: "Assistants: unknown future events",
    description:
      "Event names this version does not know sit between known ones. They are skipped; the run still completes.",
  },
  "simple-openai-error-event-midstream": {
    title: "Assistants: server error mid-stream",
    description:
      "55 text deltas, then `event: error` and the stream simply ends: no terminal run event, no `done`. The partial text is kept.",
  },
  "simple-openai-v1-code-interpreter": {
    title: "Assistants: code interpreter (v1 era)",
    description:
      "186 code_interpreter input deltas with logs and image outputs, then two messages, one with `image_file` content.",
  },
  "ruby-openai-max-tokens-incomplete-v2": {
    title: "Assistants: message cut at max tokens",
    description:
      "`thread.message.incomplete` with reason max_tokens, and a run that reports `completed` with status incomplete.",
  },
  "openapi-create-thread-and-run-streaming": {
    title: "Assistants: API reference example (defective)",
    description:
      "The published example, defects kept: a literal `...` line and a run event without its `data:` prefix.",
  },
  "banking-threads-create-stream": {
    title: "ChatKit: new thread (real capture)",
    description:
      "thread.created, the user message with an image attachment, stream_options, a progress update, tasks, then an assistant message. The captured deltas address other item ids and were trimmed; `thread.item.done` is authoritative.",
  },
  "banking-threads-add-user-message-stream": {
    title: "ChatKit: follow-up message (real capture)",
    description:
      "A user message, progress, two tasks and a streamed assistant answer, without stream_options.",
  },
  "banking-widget-item-done": {
    title: "ChatKit: widget item",
    description: "A real Card widget delivered in one `thread.item.done`.",
  },
  "banking-custom-action-stream": {
    title: "ChatKit: custom action (defective framing)",
    description:
      "The first three `data:` lines have no blank line between them, so a spec-conformant decoder joins them into one event whose data is not JSON. It is reported and skipped; later events still apply.",
  },
  "py-agents-workflow-reasoning-thoughts": {
    title: "ChatKit: reasoning workflow",
    description:
      "Thought tasks added and updated on a workflow item that the recording never adds: updates to an unknown item are ignored.",
  },
  "node-pending-item-added-then-removed": {
    title: "ChatKit: pending item removed",
    description: "An assistant message is added, then removed before it is ever done.",
  },
  "node-item-replaced": {
    title: "ChatKit: item replaced",
    description: "A `thread.item.replaced` swaps an item in place.",
  },
  "py-docs-error-custom-message": {
    title: "ChatKit: custom error",
    description: "A custom error with a message and no retry.",
  },
  "py-docs-progress-updates": {
    title: "ChatKit: progress updates",
    description:
      "Three transient progress updates with icons: shown while streaming, never stored.",
  },
};

function titleFromId(id: string): string {
  return id.replace(/-/g, " ");
}

function collect(
  files: Record<string, string>,
  protocol: RecordingProtocol,
  folder: string,
): Recording[] {
  return Object.entries(files)
    .map(([file, text]) => {
      const name = file.slice(file.lastIndexOf("/") + 1);
      const id = name.replace(/\.sse$/, "");
      const notes = NOTES[id];
      return {
        id,
        protocol,
        path: `${folder}/${name}`,
        title:
          notes?.title ??
          `${protocol === "chatkit" ? "ChatKit" : "Assistants"}: ${titleFromId(id)}`,
        description: notes?.description ?? `Recorded stream \`${folder}/${name}\`.`,
        text,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Every recording, ChatKit protocol streams first, each group sorted by id. */
export const recordings: readonly Recording[] = [
  ...collect(chatkitFiles, "chatkit", "chatkit-protocol"),
  ...collect(assistantsFiles, "assistants", "assistants"),
];

/** The recording with this id; throws with the known ids when there is none. */
export function getRecording(id: string): Recording {
  const recording = recordings.find((candidate) => candidate.id === id);
  if (recording === undefined) {
    throw new Error(
      `No recording "${id}". Known recordings: ${recordings.map((r) => r.id).join(", ")}`,
    );
  }
  return recording;
}
