import type { Meta, StoryObj } from "@storybook/react-vite";
import { ChatKit, useChatKit } from "@threadkit/components";
import "@threadkit/components/styles.css";
import {
  type Page,
  type Thread,
  type ThreadBackend,
  type ThreadItem,
  type ThreadRunBatch,
  UnsupportedOperationError,
} from "@threadkit/core";
import { createAssistantMessage, createUserMessage, textDelta } from "@threadkit/core/testing";
import { useState } from "react";
import { expect, waitFor, within } from "storybook/test";

const now = () => new Date().toISOString();
const page = <T,>(data: T[]): Page<T> => ({ data, has_more: false, after: null });

/**
 * A `ThreadBackend` written in the page, as an app writes one for an API of its own: threads in a
 * map, and a run that answers every message (and every retry) with an echo, streamed word by word
 * as ChatKit thread events. Attachments, widget actions and dictation are not offered.
 */
function createEchoBackend(): ThreadBackend {
  const threads = new Map<string, Thread>();
  const items = new Map<string, ThreadItem[]>();
  let next = 0;
  const refuse = (operation: string) => () =>
    Promise.reject(new UnsupportedOperationError("echo", operation));
  const read = (threadId: string): Thread => {
    const thread = threads.get(threadId);
    if (!thread) throw new Error(`No thread ${threadId}`);
    return { ...thread, items: page(items.get(threadId) ?? []) };
  };
  const backend: ThreadBackend = {
    capabilities: {
      run: true,
      rename: true,
      delete: true,
      feedback: true,
      attachments: false,
      customActions: false,
      transcribe: false,
    },
    listThreads: async () => page([...threads.values()].reverse()),
    getThread: async (threadId) => read(threadId),
    listItems: async (threadId, options) => {
      const list = items.get(threadId) ?? [];
      return page(options?.order === "desc" ? [...list].reverse() : list);
    },
    renameThread: async (threadId, title) => {
      threads.set(threadId, { ...read(threadId), title });
      return read(threadId);
    },
    deleteThread: async (threadId) => {
      threads.delete(threadId);
      items.delete(threadId);
    },
    feedback: async () => {},
    createAttachment: refuse("attachments"),
    uploadAttachment: refuse("attachments"),
    deleteAttachment: refuse("attachments"),
    syncCustomAction: refuse("widget actions"),
    transcribe: refuse("dictation"),
    async *run(operation, _signal, options) {
      if (
        operation.type !== "create_thread" &&
        operation.type !== "add_message" &&
        operation.type !== "retry_after_item"
      ) {
        throw new UnsupportedOperationError("echo", operation.type);
      }
      options?.onAccepted?.();
      let text: string;
      let threadId: string;
      if (operation.type === "retry_after_item") {
        // Drops what followed the user message and answers it again.
        threadId = operation.threadId;
        const list = items.get(threadId) ?? [];
        const at = list.findIndex((item) => item.id === operation.itemId);
        const message = list[at];
        if (message?.type !== "user_message") throw new Error(`No message ${operation.itemId}`);
        list.splice(at + 1);
        text = message.content
          .map((part) => (part.type === "input_text" ? part.text : ""))
          .join("");
        yield* answer(threadId, `Once more, you said: ${text}`);
        return;
      }
      text = operation.input.content
        .map((part) => (part.type === "input_text" ? part.text : ""))
        .join("");
      if (operation.type === "create_thread") {
        threadId = `thr_echo_${++next}`;
        threads.set(threadId, {
          id: threadId,
          title: text.slice(0, 40),
          created_at: now(),
          status: { type: "active" },
          metadata: {},
          items: page([]),
        } as Thread);
        items.set(threadId, []);
        yield [{ type: "thread.created", thread: read(threadId) }];
      } else {
        threadId = operation.threadId;
      }
      const sent = createUserMessage(`msg_${++next}`, text, { thread_id: threadId });
      items.get(threadId)?.push(sent);
      yield [{ type: "thread.item.done", item: sent }];
      yield* answer(threadId, `You said: ${text}`);
    },
  };
  return backend;

  /** `text` streamed word by word into a new assistant message. */
  async function* answer(threadId: string, text: string): AsyncGenerator<ThreadRunBatch> {
    const replyId = `msg_${++next}`;
    yield [
      {
        type: "thread.item.added",
        item: createAssistantMessage(replyId, [""], { thread_id: threadId }),
      },
    ];
    const words = text.split(/(?<= )/);
    for (const word of words) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      yield [textDelta(replyId, word)];
    }
    const reply = createAssistantMessage(replyId, [words.join("")], { thread_id: threadId });
    items.get(threadId)?.push(reply);
    yield [{ type: "thread.item.done", item: reply }];
  }
}

/** `<ChatKit>` over the echo backend: `api: { clients: { backend } }`. */
function OwnBackendChat() {
  const [clients] = useState(() => ({ backend: createEchoBackend() }));
  const chatkit = useChatKit({
    api: { clients },
    startScreen: {
      greeting: "A backend of your own",
      prompts: [{ label: "Say hello", prompt: "Hello" }],
    },
  });
  return <ChatKit control={chatkit.control} style={{ height: 480, border: "1px solid #ddd" }} />;
}

const meta = {
  title: "ChatKit/A backend of your own",
  component: OwnBackendChat,
  parameters: { layout: "padded" },
} satisfies Meta<typeof OwnBackendChat>;
export default meta;

/**
 * A `ThreadBackend` of the app's own, given as `clients.backend`: the chat lists, runs and streams
 * through it like through the built-in adapters, and leaves out what its `capabilities` deny
 * (no attach button here).
 */
export const EchoBackend: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole("button", { name: "Say hello" }));
    await waitFor(() => expect(canvas.getByText("You said: Hello")).toBeVisible(), {
      timeout: 5000,
    });
    await expect(canvas.getByRole("textbox")).toBeVisible();
    await expect(canvas.queryByRole("button", { name: "Add attachments" })).toBeNull();
    // A retry goes to the same backend: the old reply is replaced by a new one.
    await userEvent.click(canvas.getByRole("button", { name: "Regenerate" }));
    await waitFor(() => expect(canvas.getByText("Once more, you said: Hello")).toBeVisible(), {
      timeout: 5000,
    });
    await expect(canvas.queryByText("You said: Hello", { exact: true })).toBeNull();
    // The history lists the backend's threads.
    await userEvent.click(canvas.getByRole("button", { name: "Show history" }));
    const history = await canvas.findByRole("navigation");
    await waitFor(() => expect(within(history).getByText("Hello")).toBeVisible());
  },
};
