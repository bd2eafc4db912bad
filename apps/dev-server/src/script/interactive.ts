import type { ClientToolCallItem, StructuredInputItem } from "@threadkit/core";
import { itemBase, type ScriptContext, type ScriptStream } from "./context";
import { streamAssistantMessage } from "./text";

/** Asks the browser to run a client tool; the stream ends with the pending call. */
export async function* clientToolReply(
  ctx: ScriptContext,
  name: "get_weather" | "get_location",
  text: string,
): ScriptStream {
  const city = /\bin ([A-Z][\w-]*(?: [A-Z][\w-]*)*)/.exec(text)?.[1] ?? "Paris";
  yield { type: "progress_update", icon: "globe", text: `Calling ${name}…` };
  const item: ClientToolCallItem = {
    ...itemBase(ctx, "tc"),
    type: "client_tool_call",
    status: "pending",
    call_id: ctx.newId("call"),
    name,
    arguments: name === "get_weather" ? { city, unit: "celsius" } : {},
  };
  yield { type: "thread.item.done", item };
}

/** Continues after `threads.add_client_tool_output` with the tool's result. */
export function afterClientTool(ctx: ScriptContext, call: ClientToolCallItem): ScriptStream {
  const output = JSON.stringify(call.output ?? null, null, 2);
  const intro =
    call.name === "get_weather"
      ? `Here is the weather the browser reported for **${String(call.arguments.city ?? "your city")}**:`
      : `The browser ran \`${call.name}\` and returned:`;
  return streamAssistantMessage(ctx, `${intro}\n\n\`\`\`json\n${output}\n\`\`\``);
}

/** A structured input item: two multiple-choice questions and a freeform one. */
export async function* structuredInputReply(ctx: ScriptContext): ScriptStream {
  const item: StructuredInputItem = {
    ...itemBase(ctx, "msg"),
    type: "structured_input",
    status: "pending",
    inputs: [
      {
        type: "multiple_choice",
        id: "language",
        question: "Which language do you use most?",
        options: [{ value: "TypeScript" }, { value: "Python" }, { value: "Go" }, { value: "Rust" }],
      },
      {
        type: "multiple_choice",
        id: "topics",
        question: "What should the next release improve?",
        options: [{ value: "Speed" }, { value: "Docs" }, { value: "Widgets" }],
        multiple: true,
      },
      {
        type: "freeform",
        id: "goal",
        question: "What are you building?",
        description: "One sentence is enough.",
      },
    ],
  };
  yield* streamAssistantMessage(ctx, "A few quick questions first:");
  yield { type: "thread.item.done", item };
}

/** Continues after `threads.add_structured_input`, summarizing the answers. */
export function afterStructuredInput(ctx: ScriptContext, item: StructuredInputItem): ScriptStream {
  if (item.status === "skipped")
    return streamAssistantMessage(ctx, "No problem, we can skip the questions.");
  const lines = item.inputs.map((input) => {
    const answer = input.answer;
    const value =
      !answer || answer.skipped || answer.values.length === 0
        ? "_skipped_"
        : answer.values.join(", ");
    return `- ${input.question} **${value}**`;
  });
  return streamAssistantMessage(ctx, `Thanks! Your answers:\n\n${lines.join("\n")}`);
}
