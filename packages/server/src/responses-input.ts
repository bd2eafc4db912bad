/**
 * `threadItemsToResponsesInput`: a thread's stored items → the `input` array of the next OpenAI
 * Responses API request, with the semantics of the Python SDK's `ThreadItemConverter`
 * (`chatkit.agents`).
 */
import type {
  AssistantMessageItem,
  Attachment,
  ClientToolCallItem,
  GeneratedImageItem,
  InputTagContent,
  StructuredInputItem,
  Task,
  UserMessageItem,
  WidgetItem,
  WorkflowItem,
} from "@threadkit/core";
import type { HiddenContextItem, SdkHiddenContextItem, StoredThreadItem } from "./types";

/** A content part of a user message sent to the model. */
export type ResponsesInputContent =
  | { type: "input_text"; text: string }
  | {
      type: "input_image";
      detail: "auto" | "low" | "high";
      image_url?: string;
      file_id?: string;
    }
  | {
      type: "input_file";
      file_id?: string;
      file_url?: string;
      file_data?: string;
      filename?: string;
    };

/** An item of a Responses API request's `input`. */
export type ResponsesInputItem =
  | { type: "message"; role: "user"; content: ResponsesInputContent[] }
  | {
      type: "message";
      role: "assistant";
      content: { type: "output_text"; text: string; annotations: [] }[];
    }
  | { type: "function_call"; call_id: string; name: string; arguments: string }
  | { type: "function_call_output"; call_id: string; output: string };

/** What a conversion hook may answer: one input item, several, or none. */
export type ResponsesInputResult = ResponsesInputItem | ResponsesInputItem[] | null | undefined;

/** Options of {@link threadItemsToResponsesInput}. Hooks may be async. */
export interface ThreadItemsToResponsesInputOptions {
  /**
   * Turns an attachment of a user message into a content part (e.g. an `input_image` with a URL
   * the model can reach, or an `input_file` with an uploaded file id). Required when a message
   * has attachments: without it the conversion throws (Python: `attachment_to_message_content`).
   */
  attachment?: (
    attachment: Attachment,
    message: UserMessageItem,
  ) => ResponsesInputContent | Promise<ResponsesInputContent>;
  /**
   * Turns an @-mention tag into context for the model (e.g. an `input_text` describing the
   * entity from `tag.data`). Required when a message has tags: without it the conversion throws
   * (Python: `tag_to_message_content`).
   */
  tag?: (tag: InputTagContent) => ResponsesInputContent | Promise<ResponsesInputContent>;
  /**
   * Turns a hidden context item into input. Default: string content wrapped in
   * `<HiddenContext>` as a user message; non-string content throws without this hook.
   */
  hiddenContext?: (item: HiddenContextItem) => ResponsesInputResult | Promise<ResponsesInputResult>;
  /**
   * Converts any item before the defaults; answer `undefined` to fall back to the default, or
   * `null` / `[]` to leave the item out. For widgets, workflows, tasks or generated images whose
   * default text does not suit your model.
   */
  item?: (
    item: StoredThreadItem,
    isLast: boolean,
  ) => ResponsesInputResult | Promise<ResponsesInputResult>;
}

/** The note before @-mention context, telling the model how to use it. */
const TAG_CONTEXT_NOTE = [
  "# User-provided context for @-mentions",
  "- When referencing resolved entities, use their canonical names **without** '@'.",
  "- The '@' form appears only in user text and should not be echoed.",
].join("\n");

function userText(text: string): ResponsesInputItem {
  return { type: "message", role: "user", content: [{ type: "input_text", text }] };
}

function hiddenText(content: string): ResponsesInputItem {
  return userText(
    `Hidden context for the agent (not shown to the user):\n<HiddenContext>\n${content}\n</HiddenContext>`,
  );
}

/** The text of a custom task with a title or content, else null (other tasks are UI only). */
function taskText(task: Task): string | null {
  if (task.type !== "custom" || (!task.title && !task.content)) return null;
  const title = task.title ?? "";
  const content = task.content ?? "";
  const text = title && content ? `${title}: ${content}` : title || content;
  return `A message was displayed to the user that the following task was performed:\n<Task>\n${text}\n</Task>`;
}

/** JSON without `null` fields (Python: `exclude_none`). */
function withoutNulls(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (field === null ? undefined : field));
}

async function userMessage(
  item: UserMessageItem,
  isLast: boolean,
  options: ThreadItemsToResponsesInputOptions,
): Promise<ResponsesInputItem[]> {
  const tags: InputTagContent[] = [];
  let text = "";
  for (const part of item.content) {
    if (part.type === "input_text") text += part.text;
    else {
      text += `@${part.text}`;
      tags.push(part);
    }
  }
  const content: ResponsesInputContent[] = [{ type: "input_text", text }];
  for (const attachment of item.attachments) {
    if (!options.attachment) {
      throw new Error(
        `Message '${item.id}' has attachments: pass an \`attachment\` option to threadItemsToResponsesInput to send them to the model.`,
      );
    }
    content.push(await options.attachment(attachment, item));
  }
  const out: ResponsesInputItem[] = [{ type: "message", role: "user", content }];
  // The quote only matters for the message being answered.
  if (item.quoted_text && isLast) {
    out.push(userText(`The user is referring to this in particular: \n${item.quoted_text}`));
  }
  if (tags.length > 0) {
    if (!options.tag) {
      throw new Error(
        `Message '${item.id}' has @-mention tags: pass a \`tag\` option to threadItemsToResponsesInput to give the model their context.`,
      );
    }
    const seen = new Set<string>();
    const context: ResponsesInputContent[] = [];
    for (const tag of tags) {
      if (seen.has(tag.text)) continue;
      seen.add(tag.text);
      context.push(await options.tag(tag));
    }
    out.push({
      type: "message",
      role: "user",
      content: [{ type: "input_text", text: TAG_CONTEXT_NOTE }, ...context],
    });
  }
  return out;
}

function assistantMessage(item: AssistantMessageItem): ResponsesInputItem {
  return {
    type: "message",
    role: "assistant",
    content: item.content.map((part) => ({
      type: "output_text",
      text: part.text,
      annotations: [],
    })),
  };
}

function clientToolCall(item: ClientToolCallItem): ResponsesInputItem[] {
  // A pending call has no output yet; the model cannot be sent half a call.
  if (item.status === "pending") return [];
  return [
    {
      type: "function_call",
      call_id: item.call_id,
      name: item.name,
      arguments: JSON.stringify(item.arguments),
    },
    {
      type: "function_call_output",
      call_id: item.call_id,
      output: JSON.stringify(item.output ?? null),
    },
  ];
}

function widget(item: WidgetItem): ResponsesInputItem {
  return userText(
    `The following graphical UI widget (id: ${item.id}) was displayed to the user:${withoutNulls(item.widget)}`,
  );
}

function workflow(item: WorkflowItem): ResponsesInputItem[] {
  return item.workflow.tasks.flatMap((task) => {
    const text = taskText(task);
    return text === null ? [] : [userText(text)];
  });
}

function structuredInput(item: StructuredInputItem): ResponsesInputItem {
  const lines = item.inputs.map((input) => {
    const answer = input.answer;
    if (answer == null) return `- ${input.question}: unanswered`;
    if (answer.skipped) return `- ${input.question}: skipped`;
    return `- ${input.question}: ${answer.values.join(", ")}`;
  });
  return userText(
    `A structured input request was displayed to the user with the following status: ${item.status}\n<StructuredInput>\n${lines.join("\n")}\n</StructuredInput>`,
  );
}

function generatedImage(item: GeneratedImageItem): ResponsesInputItem[] {
  if (!item.image) return [];
  return [
    {
      type: "message",
      role: "user",
      content: [
        { type: "input_text", text: "The following image was generated by the agent." },
        { type: "input_image", detail: "auto", image_url: item.image.url },
      ],
    },
  ];
}

function asList(result: ResponsesInputResult): ResponsesInputItem[] {
  if (result == null) return [];
  return Array.isArray(result) ? result : [result];
}

async function convert(
  item: StoredThreadItem,
  isLast: boolean,
  options: ThreadItemsToResponsesInputOptions,
): Promise<ResponsesInputItem[]> {
  if (options.item) {
    const custom = await options.item(item, isLast);
    if (custom !== undefined) return asList(custom);
  }
  switch (item.type) {
    case "user_message":
      return userMessage(item, isLast, options);
    case "assistant_message":
      return [assistantMessage(item)];
    case "client_tool_call":
      return clientToolCall(item);
    case "widget":
      return [widget(item)];
    case "workflow":
      return workflow(item);
    case "task": {
      const text = taskText(item.task);
      return text === null ? [] : [userText(text)];
    }
    case "structured_input":
      return [structuredInput(item)];
    case "generated_image":
      return generatedImage(item);
    case "hidden_context_item": {
      if (options.hiddenContext) return asList(await options.hiddenContext(item));
      if (typeof item.content !== "string") {
        throw new Error(
          `Hidden context item '${item.id}' has non-string content: pass a \`hiddenContext\` option to threadItemsToResponsesInput to convert it.`,
        );
      }
      return [hiddenText(item.content)];
    }
    case "sdk_hidden_context":
      return [hiddenText((item as SdkHiddenContextItem).content)];
    default:
      // end_of_turn is a UI hint; unknown item types carry nothing the model can use.
      return [];
  }
}

/**
 * Turns a thread's stored items (oldest first) into the `input` of the next OpenAI Responses API
 * request, as the Python SDK's `ThreadItemConverter.to_agent_input` does:
 *
 * - user messages → a `user` message (text parts joined, tags as `@text`, attachments through
 *   `options.attachment`); for the last item its `quoted_text` follows as a separate message;
 *   distinct tags follow as one context message built with `options.tag`;
 * - assistant messages → an `assistant` message of `output_text` parts (annotations dropped);
 * - completed client tool calls → `function_call` + `function_call_output` (pending ones are
 *   left out);
 * - widgets, custom tasks, workflows' custom tasks, structured inputs and generated images →
 *   `user` messages describing what the user was shown;
 * - hidden context (yours and the server's cancellation note) → a `user` message wrapped in
 *   `<HiddenContext>`; `end_of_turn` → nothing.
 *
 * Throws when a message has attachments or tags and no hook was given for them.
 *
 * @example
 * const items = await ctx.loadAllItems();
 * const stream = await openai.responses.create({
 *   model: "gpt-4.1",
 *   input: await threadItemsToResponsesInput(items, {
 *     attachment: (a) => ({ type: "input_image", detail: "auto", image_url: signedUrl(a.id) }),
 *   }),
 *   stream: true,
 * });
 * yield* streamResponsesApi(stream, ctx);
 */
export async function threadItemsToResponsesInput(
  items: readonly StoredThreadItem[],
  options: ThreadItemsToResponsesInputOptions = {},
): Promise<ResponsesInputItem[]> {
  const list = [...items];
  const out: ResponsesInputItem[] = [];
  for (const [index, item] of list.entries()) {
    out.push(...(await convert(item, index === list.length - 1, options)));
  }
  return out;
}
