import type {
  Annotation,
  EntitySource,
  FileSource,
  GeneratedImageItem,
  Task,
  TaskItem,
  URLSource,
  WorkflowItem,
} from "@threadkit/core";
import { itemBase, type ScriptContext, type ScriptStream } from "./context";
import { streamAssistantMessage } from "./text";

/** The markdown sample reply (also used by the Assistants API runs). */
export const MARKDOWN_REPLY = `## Streaming markdown

Here is **bold**, *italic*, \`inline code\`, a [link](https://github.com/openai/chatkit-python) and a list:

1. Items stream as server-sent events.
2. Each delta touches one content part.
   - Nested lists keep their numbering.

\`\`\`ts
import { readThreadStream } from "@threadkit/core";

for await (const event of readThreadStream(response)) {
  console.log(event.type);
}
\`\`\`

| Item type | Streams? | Stored? |
| --- | :---: | ---: |
| assistant_message | yes | yes |
| widget | yes | yes |
| progress_update | — | no |

> Tables scroll sideways on narrow screens.`;

/** Markdown with a heading, emphasis, a list, a fenced code block, a table and a quote. */
export function markdownReply(ctx: ScriptContext): ScriptStream {
  return streamAssistantMessage(ctx, MARKDOWN_REPLY);
}

/** Text with url, file and entity citations; each annotation `index` is its marker offset. */
export function citationsReply(ctx: ScriptContext): ScriptStream {
  const parts = [
    "ChatKit answers every request with server-sent events.",
    " The item models live in the Python package's types module.",
    " Ada Lovelace wrote the first published program.",
  ];
  const text = parts.join("");
  const url: URLSource = {
    type: "url",
    title: "ChatKit Python SDK",
    url: "https://github.com/openai/chatkit-python",
    description: "The reference ChatKit server.",
    attribution: "github.com",
  };
  const file: FileSource = {
    type: "file",
    title: "types.py",
    filename: "chatkit/types.py",
    description: "Pydantic models of the protocol.",
  };
  const entity: EntitySource = {
    type: "entity",
    id: "person_ada",
    title: "Ada Lovelace",
    icon: "profile",
    label: "Person",
    inline_label: "Ada",
    interactive: true,
    data: { born: 1815 },
  };
  let offset = 0;
  const annotations: Annotation[] = [url, file, entity].map((source, index) => {
    offset += parts[index]?.length ?? 0;
    return { type: "annotation", source, index: offset };
  });
  return streamAssistantMessage(ctx, text, annotations);
}

/** A reasoning workflow whose thought, web search and file tasks stream, then an answer. */
export async function* workflowReply(ctx: ScriptContext): ScriptStream {
  const base = itemBase(ctx, "wf");
  const tasks: Task[] = [];
  const item = (): WorkflowItem => ({
    ...base,
    type: "workflow",
    workflow: { type: "reasoning", tasks: [...tasks], expanded: true },
  });
  yield { type: "thread.item.added", item: item() };
  const set = (index: number, task: Task, added: boolean) => {
    tasks[index] = task;
    return {
      type: "thread.item.updated" as const,
      item_id: base.id,
      update: added
        ? { type: "workflow.task.added" as const, task_index: index, task }
        : { type: "workflow.task.updated" as const, task_index: index, task },
    };
  };
  const thought =
    "The user wants to see a workflow. I will search the web, read two files, then answer.";
  let written = "";
  yield set(
    0,
    { type: "thought", title: "Thinking", content: "", status_indicator: "loading" },
    true,
  );
  for (const word of thought.split(" ")) {
    await ctx.pause();
    written = written ? `${written} ${word}` : word;
    yield set(
      0,
      { type: "thought", title: "Thinking", content: written, status_indicator: "loading" },
      false,
    );
  }
  yield set(
    0,
    { type: "thought", title: "Thought", content: thought, status_indicator: "complete" },
    false,
  );
  const queries = ["chatkit protocol events", "server-sent events framing"];
  yield set(
    1,
    {
      type: "web_search",
      title: "Searching the web",
      title_query: queries[0] ?? null,
      queries,
      sources: [],
      status_indicator: "loading",
    },
    true,
  );
  await ctx.pause(3);
  const sources: URLSource[] = [
    {
      type: "url",
      title: "Server-sent events (MDN)",
      url: "https://developer.mozilla.org/docs/Web/API/Server-sent_events",
    },
    { type: "url", title: "ChatKit docs", url: "https://openai.github.io/chatkit-python/" },
  ];
  yield set(
    1,
    {
      type: "web_search",
      title: "Searched the web",
      title_query: queries[0] ?? null,
      queries,
      sources,
      status_indicator: "complete",
    },
    false,
  );
  yield set(
    2,
    { type: "file", title: "Reading files", sources: [], status_indicator: "loading" },
    true,
  );
  await ctx.pause(3);
  const files: FileSource[] = [
    { type: "file", title: "server.py", filename: "chatkit/server.py" },
    { type: "file", title: "types.py", filename: "chatkit/types.py" },
  ];
  yield set(
    2,
    { type: "file", title: "Read 2 files", sources: files, status_indicator: "complete" },
    false,
  );
  const done: WorkflowItem = {
    ...base,
    type: "workflow",
    workflow: { type: "reasoning", tasks: [...tasks], summary: { duration: 4 }, expanded: false },
  };
  yield { type: "thread.item.done", item: done };
  yield* streamAssistantMessage(
    ctx,
    "I searched the web and read `server.py` and `types.py`: every streaming request answers with `data: <json>` frames, one event per frame.",
  );
}

/** A single task item shown on its own, a message, then an `end_of_turn` item. */
export async function* taskReply(ctx: ScriptContext): ScriptStream {
  const item: TaskItem = {
    ...itemBase(ctx, "tsk"),
    type: "task",
    task: {
      type: "custom",
      title: "Indexed 3 files",
      icon: "document",
      content: "notes.md, plan.md, todo.md",
      status_indicator: "complete",
    },
  };
  yield { type: "thread.item.done", item };
  yield* streamAssistantMessage(ctx, "The task above ran on its own, outside a workflow.");
  yield { type: "thread.item.done", item: { ...itemBase(ctx, "eot"), type: "end_of_turn" } };
}

/** A generated image that arrives in three progressive partials. */
export async function* imageReply(ctx: ScriptContext): ScriptStream {
  const base = itemBase(ctx, "img");
  const imageId = ctx.newId("gimg");
  const url = `${ctx.origin}/files/generated/${imageId}.svg`;
  // The image is absent (not null) while it is being generated, as the Python server omits nulls.
  const pending: GeneratedImageItem = { ...base, type: "generated_image" };
  yield { type: "progress_update", icon: "images", text: "Generating an image…" };
  yield { type: "thread.item.added", item: pending };
  for (const step of [1, 2]) {
    await ctx.pause(4);
    yield {
      type: "thread.item.updated",
      item_id: base.id,
      update: {
        type: "generated_image.updated",
        image: { id: imageId, url: `${url}?progress=${step}` },
        progress: step / 3,
      },
    };
  }
  await ctx.pause(4);
  yield {
    type: "thread.item.done",
    item: { ...base, type: "generated_image", image: { id: imageId, url } },
  };
  yield* streamAssistantMessage(
    ctx,
    "Here is a generated image. Its colours are derived from its id.",
  );
}

/** Notices at the three levels, then a short message. */
export async function* noticesReply(ctx: ScriptContext): ScriptStream {
  yield {
    type: "notice",
    level: "info",
    title: "Heads up",
    message: "This is an **info** notice.",
  };
  await ctx.pause(2);
  yield {
    type: "notice",
    level: "warning",
    message: "This is a *warning* notice without a title.",
  };
  await ctx.pause(2);
  yield {
    type: "notice",
    level: "danger",
    title: "Danger",
    message: "This is a **danger** notice.",
  };
  yield* streamAssistantMessage(ctx, "Three notices were sent: info, warning and danger.");
}

/** Progress updates with icons (transient, never stored), then a message. */
export async function* progressReply(ctx: ScriptContext): ScriptStream {
  const steps: [string, string][] = [
    ["search", "Searching the catalogue…"],
    ["document", "Reading 12 documents…"],
    ["check", "Checking the answer…"],
  ];
  for (const [icon, text] of steps) {
    yield { type: "progress_update", icon, text };
    await ctx.pause(6);
  }
  yield* streamAssistantMessage(
    ctx,
    "Done: the three progress updates above are transient and are not stored.",
  );
}

/** A client effect (fire-and-forget), then a message. */
export async function* effectReply(ctx: ScriptContext): ScriptStream {
  yield { type: "client_effect", name: "confetti", data: { particles: 80 } };
  yield* streamAssistantMessage(ctx, "I sent a `confetti` client effect with `{ particles: 80 }`.");
}

/** A custom error that allows retry; the retried turn succeeds. */
export async function* errorReply(ctx: ScriptContext): ScriptStream {
  if (ctx.retry) {
    yield* streamAssistantMessage(ctx, "The retry worked. This answer replaces the failed one.");
    return;
  }
  yield { type: "progress_update", icon: "sparkle", text: "Working…" };
  await ctx.pause(4);
  yield {
    type: "error",
    code: "custom",
    message: "The scripted assistant failed on purpose. Retry to continue.",
    allow_retry: true,
  };
}

/** A responder that throws: the server answers `stream.error` with `allow_retry: true`. */
export async function* crashReply(ctx: ScriptContext): ScriptStream {
  if (ctx.retry) {
    yield* streamAssistantMessage(ctx, "Recovered after the crash.");
    return;
  }
  yield { type: "progress_update", text: "About to crash…" };
  throw new Error("scripted crash");
}

/** A message that starts, is removed (as a guardrail would), and an error without retry. */
export async function* guardrailReply(ctx: ScriptContext): ScriptStream {
  const base = itemBase(ctx, "msg");
  yield { type: "thread.item.added", item: { ...base, type: "assistant_message", content: [] } };
  yield {
    type: "thread.item.updated",
    item_id: base.id,
    update: {
      type: "assistant_message.content_part.added",
      content_index: 0,
      content: { type: "output_text", text: "Sure, here is how to", annotations: [] },
    },
  };
  await ctx.pause(4);
  yield { type: "thread.item.removed", item_id: base.id };
  yield {
    type: "error",
    code: "custom",
    message: "We blocked that message for safety.",
    allow_retry: false,
  };
}

/** Locks or closes the thread (`thread.updated`); the composer should follow. */
export async function* statusReply(ctx: ScriptContext, text: string): ScriptStream {
  const closing = /\bclose\b/i.test(text);
  yield* streamAssistantMessage(
    ctx,
    closing
      ? "Closing this thread. Start a new one to go on."
      : "Locking this thread. Start a new one to go on.",
  );
  const status = closing
    ? ({ type: "closed", reason: "Closed by the dev server." } as const)
    : ({ type: "locked", reason: "Locked by the dev server." } as const);
  // The server saves the new status and announces it with `thread.updated`.
  ctx.thread.status = status;
}
