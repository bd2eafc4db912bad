import type { UserMessageItem } from "@threadkit/core";
import type { ScriptContext, ScriptStream } from "./context";
import { clientToolReply, structuredInputReply } from "./interactive";
import {
  citationsReply,
  crashReply,
  effectReply,
  errorReply,
  guardrailReply,
  imageReply,
  markdownReply,
  noticesReply,
  progressReply,
  statusReply,
  taskReply,
  workflowReply,
} from "./replies";
import { streamAssistantMessage } from "./text";
import { cardReply, counterReply, listReply } from "./widgets";

export type { ScriptContext, ScriptStream } from "./context";
export { afterClientTool, afterStructuredInput } from "./interactive";
export { widgetAction, widgetSyncAction } from "./widgets";

/** One keyword rule of the scripted assistant. */
export interface ScriptKeyword {
  /** Words that trigger it (whole words, any case). */
  words: string[];
  /** What the reply shows. */
  description: string;
  reply: (ctx: ScriptContext, text: string) => ScriptStream;
}

/** The keyword rules, first match wins. The help reply is generated from this list. */
export const SCRIPT_KEYWORDS: ScriptKeyword[] = [
  { words: ["help"], description: "this list", reply: (ctx) => helpReply(ctx) },
  {
    words: ["markdown", "code", "table"],
    description: "markdown with a code block and a table",
    reply: markdownReply,
  },
  {
    words: ["cite", "citation", "citations", "sources"],
    description: "citations with url, file and entity sources",
    reply: citationsReply,
  },
  {
    words: ["workflow", "think", "research"],
    description: "a workflow whose thought, web search and file tasks stream",
    reply: workflowReply,
  },
  {
    words: ["task"],
    description: "a single task item, then an `end_of_turn` item",
    reply: taskReply,
  },
  {
    words: ["form", "card", "book"],
    description: "a card with a form (Book / Cancel actions update it)",
    reply: cardReply,
  },
  {
    words: ["list", "flavour", "flavor"],
    description: "a list view whose items are clickable",
    reply: listReply,
  },
  {
    words: ["counter"],
    description: "a counter widget using a non-streaming (sync) action",
    reply: counterReply,
  },
  {
    words: ["weather"],
    description: "a `get_weather` client tool call (say `weather in Oslo`)",
    reply: (ctx, text) => clientToolReply(ctx, "get_weather", text),
  },
  {
    words: ["location", "where"],
    description: "a `get_location` client tool call",
    reply: (ctx, text) => clientToolReply(ctx, "get_location", text),
  },
  {
    words: ["image", "draw", "picture"],
    description: "a generated image with progress",
    reply: imageReply,
  },
  {
    words: ["question", "questions", "survey", "quiz"],
    description: "structured input: multiple choice + freeform",
    reply: structuredInputReply,
  },
  {
    words: ["notice", "notices"],
    description: "info, warning and danger notices",
    reply: noticesReply,
  },
  { words: ["progress"], description: "progress updates", reply: progressReply },
  { words: ["effect", "confetti"], description: "a client effect", reply: effectReply },
  {
    words: ["error", "fail"],
    description: "an error with retry (the retry succeeds)",
    reply: errorReply,
  },
  {
    words: ["crash"],
    description: "a server exception (`stream.error`, retry allowed)",
    reply: crashReply,
  },
  {
    words: ["lock", "close"],
    description: "locks (or closes) the thread with `thread.updated`",
    reply: statusReply,
  },
  {
    words: ["guardrail", "blocked"],
    description: "a message that is removed mid-stream, then an error",
    reply: guardrailReply,
  },
];

/** Fault magic words, documented in the help reply. */
export const FAULT_WORDS: [string, string][] = [
  ["!drop", "cut the stream after 5 events (`!drop=N` for N)"],
  ["!slow", "wait 1 s before answering (`!slow=MS`)"],
  ["!429", "answer HTTP 429 with `Retry-After: 1`"],
  ["!500", "answer HTTP 500"],
  ["!expired", "answer 401 as if the client secret had expired"],
];

function helpReply(ctx: ScriptContext): ScriptStream {
  const rows = SCRIPT_KEYWORDS.filter((rule) => rule.words[0] !== "help").map(
    (rule) => `| ${rule.words.map((word) => `\`${word}\``).join(", ")} | ${rule.description} |`,
  );
  const faults = FAULT_WORDS.map(([word, what]) => `| \`${word}\` | ${what} |`);
  const text = [
    "## What you can type",
    "",
    "| Keyword | Reply |",
    "| --- | --- |",
    ...rows,
    "",
    "Anything else gets a short markdown answer that streams word by word.",
    "",
    "## Fault words (add to any message)",
    "",
    "| Word | Effect |",
    "| --- | --- |",
    ...faults,
  ].join("\n");
  return streamAssistantMessage(ctx, text);
}

/** The plain text of a user message (text parts and tag labels). */
export function messageText(item: UserMessageItem): string {
  return item.content
    .map((part) => (part.type === "input_text" ? part.text : `@${part.text}`))
    .join(" ")
    .trim();
}

/** The keyword rule a message triggers, or null for the default reply. */
export function matchKeyword(text: string): ScriptKeyword | null {
  const words = new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);
  return SCRIPT_KEYWORDS.find((rule) => rule.words.some((word) => words.has(word))) ?? null;
}

function defaultReply(ctx: ScriptContext, item: UserMessageItem, text: string): ScriptStream {
  const quoted = text.replace(/!\S+/g, "").trim() || "(an empty message)";
  const lines = [`You said: **${quoted.slice(0, 200)}**`];
  if (item.attachments.length > 0) {
    lines.push("", "Attachments I received:");
    for (const attachment of item.attachments)
      lines.push(`- \`${attachment.name}\` (${attachment.mime_type})`);
  }
  if (item.quoted_text) lines.push("", `You quoted: _${item.quoted_text.slice(0, 200)}_`);
  lines.push("", "This is the threadkit dev server. Type `help` to see what it can show.");
  return streamAssistantMessage(ctx, lines.join("\n"));
}

/** The scripted answer to a user message. */
export function respond(ctx: ScriptContext, item: UserMessageItem): ScriptStream {
  const text = messageText(item);
  const rule = matchKeyword(text);
  return rule ? rule.reply(ctx, text) : defaultReply(ctx, item, text);
}
