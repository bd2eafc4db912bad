/**
 * What the scripted assistant does in an Assistants API run: each keyword picks a list of run
 * steps (messages and tool calls), which `assistants-stream.ts` streams like the real API.
 */
import { CHART_FILE, CHART_VALUES, NOTES_FILE, WIDGETS_FILE } from "./assistants-files";
import { MARKDOWN_REPLY } from "./script/replies";

/** One content part of a scripted message. */
export type ScriptContentPart =
  /**
   * Text. `【n:m†filename】` markers whose filename is a key of `files` stream with a
   * `file_citation` annotation for that file id.
   */
  | { type: "text"; text: string; files?: Readonly<Record<string, string>> }
  | { type: "refusal"; refusal: string }
  | { type: "image_file"; fileId: string };

/** One file search hit, as the completed step lists it. */
export interface ScriptSearchResult {
  fileId: string;
  filename: string;
  score: number;
  text: string;
}

/** One step of a scripted run. */
export type ScriptRunStep =
  | { type: "message"; content: ScriptContentPart[] }
  | { type: "code_interpreter"; input: string; logs: string }
  | { type: "file_search"; results: ScriptSearchResult[] };

/** One keyword rule of the scripted Assistants runs. */
export interface AssistantsKeyword {
  /** Words that trigger it (whole words, any case). */
  words: string[];
  /** What the run shows (for `help`, the README and the start-up banner). */
  description: string;
  steps: () => ScriptRunStep[];
}

const CITED_FILES = {
  [NOTES_FILE.filename]: NOTES_FILE.id,
  [WIDGETS_FILE.filename]: WIDGETS_FILE.id,
};

const text = (value: string): ScriptContentPart => ({ type: "text", text: value });
const messageStep = (...content: ScriptContentPart[]): ScriptRunStep => ({
  type: "message",
  content,
});

function citedMessage(): ScriptRunStep {
  return messageStep({
    type: "text",
    text: [
      "ChatKit servers answer every request with server-sent events【4:0†chatkit-notes.md】.",
      " Threads keep their items in order, and clients page through them with cursors【4:1†chatkit-notes.md】.",
      " A widget is a JSON tree of components that the client renders itself【4:2†widgets-guide.md】.",
    ].join(""),
    files: CITED_FILES,
  });
}

const CODE = `import math

radius = 3
area = math.pi * radius ** 2
print(f"Area of a circle with radius {radius}: {area:.2f}")`;

/** The keyword rules, first match wins (after function tools and `fail`). */
export const ASSISTANTS_KEYWORDS: AssistantsKeyword[] = [
  { words: ["help"], description: "this list", steps: () => [messageStep(text(helpText()))] },
  {
    words: ["markdown", "table"],
    description: "markdown with headings, a code block and a table",
    steps: () => [messageStep(text(MARKDOWN_REPLY))],
  },
  {
    words: ["cite", "citation", "citations", "sources"],
    description: "a message with `【n:m†file】` markers and `file_citation` annotations",
    steps: () => [citedMessage()],
  },
  {
    words: ["search", "research"],
    description: "a `file_search` step (results on the completed step), then a cited message",
    steps: () => [
      {
        type: "file_search",
        results: [
          {
            fileId: NOTES_FILE.id,
            filename: NOTES_FILE.filename,
            score: 0.82,
            text: "ChatKit servers answer every request with server-sent events.",
          },
          {
            fileId: WIDGETS_FILE.id,
            filename: WIDGETS_FILE.filename,
            score: 0.61,
            text: "A widget is a JSON tree of components that the client renders.",
          },
        ],
      },
      citedMessage(),
    ],
  },
  {
    words: ["code", "workflow", "python", "calculate"],
    description: "a `code_interpreter` step whose input streams, its logs, then a message",
    steps: () => [
      { type: "code_interpreter", input: CODE, logs: "Area of a circle with radius 3: 28.27\n" },
      messageStep(
        text("I ran the code: a circle with radius 3 has an area of about **28.27** square units."),
      ),
    ],
  },
  {
    words: ["refuse", "refusal"],
    description: "a `refusal` content part",
    steps: () => [
      messageStep({ type: "refusal", refusal: "I'm sorry, but I can't help with that request." }),
    ],
  },
  {
    words: ["image", "chart", "plot", "picture"],
    description:
      "an `image_file` part (a PNG chart served by `GET /v1/files/:id/content`) and text",
    steps: () => [
      messageStep(
        { type: "image_file", fileId: CHART_FILE.id },
        text(
          `Here is the chart: quarterly sign-ups grew every quarter, from ${Math.round(
            (CHART_VALUES[0] ?? 0) * 100,
          )}% to 100% of the best quarter.`,
        ),
      ),
    ],
  },
];

/** Rules that the run engine handles itself, listed by `help`. */
export const ASSISTANTS_BUILT_IN: [string, string][] = [
  ["weather", "calls the assistant's function tool and stops at `requires_action`"],
  ["fail", "the run fails (`thread.run.failed`)"],
];

function helpText(): string {
  const rows = [
    ...ASSISTANTS_KEYWORDS.filter((rule) => rule.words[0] !== "help").map(
      (rule) => [rule.words.map((word) => `\`${word}\``).join(", "), rule.description] as const,
    ),
    ...ASSISTANTS_BUILT_IN.map(([word, what]) => [`\`${word}\``, what] as const),
  ].map(([words, what]) => `| ${words} | ${what} |`);
  return [
    "## What you can type",
    "",
    "| Keyword | Run |",
    "| --- | --- |",
    ...rows,
    "",
    "A function tool's name also calls it. Anything else is echoed back.",
  ].join("\n");
}

/** The keyword rule a user message triggers, or null. */
export function matchAssistantsKeyword(message: string): AssistantsKeyword | null {
  const words = new Set(message.toLowerCase().match(/[a-z]+/g) ?? []);
  return ASSISTANTS_KEYWORDS.find((rule) => rule.words.some((word) => words.has(word))) ?? null;
}

/** The steps of a run whose last user message is `message` (the echo when nothing matches). */
export function assistantsScript(message: string): ScriptRunStep[] {
  const rule = matchAssistantsKeyword(message);
  if (rule) return rule.steps();
  return [messageStep(text(`You said: **${message.slice(0, 200) || "(nothing)"}**`))];
}

/** The steps after `submit_tool_outputs`: a message quoting the outputs. */
export function toolOutputsScript(
  outputs: readonly { tool_call_id: string; output: string }[],
): ScriptRunStep[] {
  const list = outputs.map((o) => `- \`${o.tool_call_id}\`: ${o.output}`).join("\n");
  return [messageStep(text(`The tool returned:\n\n${list}`))];
}
