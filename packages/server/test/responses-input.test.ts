/** `threadItemsToResponsesInput`: every stored item type → Responses API input. */
import type {
  AssistantMessageItem,
  ClientToolCallItem,
  EndOfTurnItem,
  GeneratedImageItem,
  StructuredInputItem,
  TaskItem,
  UserMessageItem,
  WidgetItem,
  WorkflowItem,
} from "@threadkit/core";
import {
  type HiddenContextItem,
  type ResponsesInputItem,
  type SdkHiddenContextItem,
  threadItemsToResponsesInput,
} from "../src/index";

const base = (id: string) => ({ id, thread_id: "thr_1", created_at: "2026-01-01T00:00:00.000Z" });

function user(id: string, patch: Partial<UserMessageItem> = {}): UserMessageItem {
  return {
    ...base(id),
    type: "user_message",
    content: [{ type: "input_text", text: "Hello" }],
    attachments: [],
    inference_options: {},
    ...patch,
  };
}

const userText = (text: string): ResponsesInputItem => ({
  type: "message",
  role: "user",
  content: [{ type: "input_text", text }],
});

describe("threadItemsToResponsesInput", () => {
  it("turns a user message into a user message with its text parts joined", async () => {
    const item = user("msg_1", {
      content: [
        { type: "input_text", text: "Hello " },
        { type: "input_text", text: "there" },
      ],
    });
    expect(await threadItemsToResponsesInput([item])).toEqual([userText("Hello there")]);
  });

  it("sends attachments through the attachment hook, and throws without one", async () => {
    const item = user("msg_1", {
      attachments: [
        {
          type: "image",
          id: "atc_1",
          name: "cat.png",
          mime_type: "image/png",
          preview_url: "https://files.example/atc_1",
        },
        { type: "file", id: "atc_2", name: "notes.pdf", mime_type: "application/pdf" },
      ],
    });
    const seen: string[] = [];
    const input = await threadItemsToResponsesInput([item], {
      async attachment(attachment, message) {
        seen.push(`${message.id}/${attachment.id}`);
        return attachment.type === "image"
          ? { type: "input_image", detail: "auto", image_url: attachment.preview_url ?? "" }
          : { type: "input_file", file_id: `file-${attachment.id}` };
      },
    });
    expect(seen).toEqual(["msg_1/atc_1", "msg_1/atc_2"]);
    expect(input).toEqual([
      {
        type: "message",
        role: "user",
        content: [
          { type: "input_text", text: "Hello" },
          { type: "input_image", detail: "auto", image_url: "https://files.example/atc_1" },
          { type: "input_file", file_id: "file-atc_2" },
        ],
      },
    ]);
    await expect(threadItemsToResponsesInput([item])).rejects.toThrow(
      /Message 'msg_1' has attachments: pass an `attachment` option/,
    );
  });

  it("writes tags as @text and adds one context message for the distinct tags", async () => {
    const item = user("msg_1", {
      content: [
        { type: "input_text", text: "Ask " },
        { type: "input_tag", id: "u_1", text: "Ana", data: { email: "ana@example.com" } },
        { type: "input_text", text: " and " },
        { type: "input_tag", id: "u_1", text: "Ana", data: { email: "ana@example.com" } },
        { type: "input_tag", id: "u_2", text: "Bo", data: {} },
      ],
    });
    const input = await threadItemsToResponsesInput([item], {
      tag: (tag) => ({ type: "input_text", text: `${tag.text}: ${JSON.stringify(tag.data)}` }),
    });
    expect(input).toEqual([
      userText("Ask @Ana and @Ana@Bo"),
      {
        type: "message",
        role: "user",
        content: [
          {
            type: "input_text",
            text: "# User-provided context for @-mentions\n- When referencing resolved entities, use their canonical names **without** '@'.\n- The '@' form appears only in user text and should not be echoed.",
          },
          { type: "input_text", text: 'Ana: {"email":"ana@example.com"}' },
          { type: "input_text", text: "Bo: {}" },
        ],
      },
    ]);
    await expect(threadItemsToResponsesInput([item])).rejects.toThrow(
      /has @-mention tags: pass a `tag` option/,
    );
  });

  it("adds the quoted text only for the last item", async () => {
    const quoted = user("msg_1", { quoted_text: "the second paragraph" });
    const quote = userText("The user is referring to this in particular: \nthe second paragraph");
    expect(await threadItemsToResponsesInput([quoted])).toEqual([userText("Hello"), quote]);
    expect(await threadItemsToResponsesInput([quoted, user("msg_2")])).toEqual([
      userText("Hello"),
      userText("Hello"),
    ]);
  });

  it("turns an assistant message into output_text parts without annotations", async () => {
    const item: AssistantMessageItem = {
      ...base("msg_2"),
      type: "assistant_message",
      content: [
        {
          type: "output_text",
          text: "See the docs.",
          annotations: [
            { type: "annotation", source: { type: "url", url: "https://x.dev", title: "X" } },
          ],
        },
        { type: "output_text", text: "Second part.", annotations: [] },
      ],
    };
    expect(await threadItemsToResponsesInput([item])).toEqual([
      {
        type: "message",
        role: "assistant",
        content: [
          { type: "output_text", text: "See the docs.", annotations: [] },
          { type: "output_text", text: "Second part.", annotations: [] },
        ],
      },
    ]);
  });

  it("turns a completed client tool call into a call and its output, and leaves a pending one out", async () => {
    const call: ClientToolCallItem = {
      ...base("tc_1"),
      type: "client_tool_call",
      status: "completed",
      call_id: "call_1",
      name: "get_weather",
      arguments: { city: "Oslo" },
      output: { temperature: 21 },
    };
    expect(await threadItemsToResponsesInput([call])).toEqual([
      {
        type: "function_call",
        call_id: "call_1",
        name: "get_weather",
        arguments: '{"city":"Oslo"}',
      },
      { type: "function_call_output", call_id: "call_1", output: '{"temperature":21}' },
    ]);
    const pending: ClientToolCallItem = { ...call, status: "pending", output: undefined };
    expect(await threadItemsToResponsesInput([pending])).toEqual([]);
  });

  it("describes a widget with its JSON, nulls left out", async () => {
    const item: WidgetItem = {
      ...base("wdg_1"),
      type: "widget",
      widget: { type: "Card", children: [{ type: "Text", value: "Hi", color: null }] },
    } as unknown as WidgetItem;
    expect(await threadItemsToResponsesInput([item])).toEqual([
      userText(
        'The following graphical UI widget (id: wdg_1) was displayed to the user:{"type":"Card","children":[{"type":"Text","value":"Hi"}]}',
      ),
    ]);
  });

  it("describes custom tasks, alone or in a workflow, and leaves other tasks out", async () => {
    const task: TaskItem = {
      ...base("tsk_1"),
      type: "task",
      task: { type: "custom", title: "Booked", content: "Table for 4" },
    };
    const performed = (text: string) =>
      userText(
        `A message was displayed to the user that the following task was performed:\n<Task>\n${text}\n</Task>`,
      );
    expect(await threadItemsToResponsesInput([task])).toEqual([performed("Booked: Table for 4")]);
    const thought: TaskItem = {
      ...base("tsk_2"),
      type: "task",
      task: { type: "thought", content: "Thinking…" },
    } as TaskItem;
    expect(await threadItemsToResponsesInput([thought])).toEqual([]);
    const workflow: WorkflowItem = {
      ...base("wf_1"),
      type: "workflow",
      workflow: {
        type: "custom",
        tasks: [
          { type: "custom", title: "Searched" },
          { type: "thought", content: "Hmm" },
          { type: "custom", content: "Found 3 flights" },
          { type: "custom" },
        ],
        expanded: false,
      },
    } as WorkflowItem;
    expect(await threadItemsToResponsesInput([workflow])).toEqual([
      performed("Searched"),
      performed("Found 3 flights"),
    ]);
  });

  it("lists a structured input's answers, skips and unanswered questions", async () => {
    const item: StructuredInputItem = {
      ...base("msg_3"),
      type: "structured_input",
      status: "answered",
      inputs: [
        {
          type: "multiple_choice",
          id: "topics",
          question: "What should improve?",
          options: [{ value: "Speed" }, { value: "Docs" }],
          multiple: true,
          answer: { values: ["Speed", "Docs"], skipped: false },
        },
        {
          type: "freeform",
          id: "goal",
          question: "What are you building?",
          answer: { values: [], skipped: true },
        },
        { type: "freeform", id: "name", question: "Your name?" },
      ],
    };
    expect(await threadItemsToResponsesInput([item])).toEqual([
      userText(
        "A structured input request was displayed to the user with the following status: answered\n<StructuredInput>\n- What should improve?: Speed, Docs\n- What are you building?: skipped\n- Your name?: unanswered\n</StructuredInput>",
      ),
    ]);
  });

  it("shows a generated image by URL, and nothing before it has one", async () => {
    const item: GeneratedImageItem = {
      ...base("img_1"),
      type: "generated_image",
      image: { id: "img", url: "https://img.example/1.png" },
    };
    expect(await threadItemsToResponsesInput([item])).toEqual([
      {
        type: "message",
        role: "user",
        content: [
          { type: "input_text", text: "The following image was generated by the agent." },
          { type: "input_image", detail: "auto", image_url: "https://img.example/1.png" },
        ],
      },
    ]);
    expect(await threadItemsToResponsesInput([{ ...item, image: null }])).toEqual([]);
  });

  it("wraps hidden context in <HiddenContext>, with a hook for non-string content", async () => {
    const hidden: HiddenContextItem = {
      ...base("hcx_1"),
      type: "hidden_context_item",
      content: "The user is on the Pro plan.",
    };
    const note: SdkHiddenContextItem = {
      ...base("shcx_1"),
      type: "sdk_hidden_context",
      content: "The user cancelled the stream. Stop responding to the prior request.",
    };
    const wrapped = (text: string) =>
      userText(
        `Hidden context for the agent (not shown to the user):\n<HiddenContext>\n${text}\n</HiddenContext>`,
      );
    expect(await threadItemsToResponsesInput([hidden, note])).toEqual([
      wrapped("The user is on the Pro plan."),
      wrapped("The user cancelled the stream. Stop responding to the prior request."),
    ]);
    const structured: HiddenContextItem = { ...hidden, content: { plan: "pro" } };
    await expect(threadItemsToResponsesInput([structured])).rejects.toThrow(
      /Hidden context item 'hcx_1' has non-string content: pass a `hiddenContext` option/,
    );
    expect(
      await threadItemsToResponsesInput([structured], {
        hiddenContext: (item) => userText(`plan=${(item.content as { plan: string }).plan}`),
      }),
    ).toEqual([userText("plan=pro")]);
  });

  it("leaves end_of_turn out and lets the item hook replace, drop or keep any item", async () => {
    const end: EndOfTurnItem = { ...base("eot_1"), type: "end_of_turn" };
    expect(await threadItemsToResponsesInput([end])).toEqual([]);
    const items = [user("msg_1"), user("msg_2", { quoted_text: "q" }), end];
    const lastFlags: boolean[] = [];
    const input = await threadItemsToResponsesInput(items, {
      async item(item, isLast) {
        lastFlags.push(isLast);
        if (item.id === "msg_1") return null;
        if (item.type === "end_of_turn") return userText("(end)");
        return undefined;
      },
    });
    expect(lastFlags).toEqual([false, false, true]);
    // msg_2 is not the last item, so its quote is left out.
    expect(input).toEqual([userText("Hello"), userText("(end)")]);
  });

  it("converts a whole thread in order", async () => {
    const call: ClientToolCallItem = {
      ...base("tc_1"),
      type: "client_tool_call",
      status: "completed",
      call_id: "call_1",
      name: "get_location",
      arguments: {},
      output: "Paris",
    };
    const reply: AssistantMessageItem = {
      ...base("msg_2"),
      type: "assistant_message",
      content: [{ type: "output_text", text: "You are in Paris.", annotations: [] }],
    };
    const input = await threadItemsToResponsesInput([user("msg_1"), call, reply]);
    expect(input.map((item) => `${item.type}${"role" in item ? `:${item.role}` : ""}`)).toEqual([
      "message:user",
      "function_call",
      "function_call_output",
      "message:assistant",
    ]);
  });
});
