import type { Meta, StoryObj } from "@storybook/react-vite";
import { Composer, createTheme, Thread } from "@threadkit/components";
import "@threadkit/components/styles.css";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider } from "@threadkit/hooks";
import { useState } from "react";
import { expect, fn, waitFor, within } from "storybook/test";

/** What the hostile server does with one streaming request. */
type Respond = (type: string, signal: AbortSignal) => Promise<Response>;

const THREAD = "thr_faults";
const sse = (event: unknown) => `data: ${JSON.stringify(event)}\n\n`;
const userDone = (text: string) =>
  sse({
    type: "thread.item.done",
    item: {
      type: "user_message",
      id: `msg_${text.length}`,
      thread_id: THREAD,
      created_at: "2026-05-01T10:00:00Z",
      content: [{ type: "input_text", text }],
      attachments: [],
      inference_options: {},
    },
  });
const replyDone = sse({
  type: "thread.item.done",
  item: {
    type: "assistant_message",
    id: "msg_reply",
    thread_id: THREAD,
    created_at: "2026-05-01T10:00:01Z",
    content: [{ type: "output_text", text: "Here is your answer.", annotations: [] }],
  },
});

/** A body that sends `text`, then stays open (silent) until the request is aborted. */
function silentAfter(text: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      signal.addEventListener("abort", () => controller.error(signal.reason), { once: true });
    },
  });
}

/** Never answers: no headers, until the request is aborted. */
function never(signal: AbortSignal): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")), {
      once: true,
    });
  });
}

const eventStream = (body: BodyInit) =>
  new Response(body, { headers: { "content-type": "text/event-stream" } });

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

/** A ChatKit client whose server misbehaves as `respond` says; it counts streaming requests. */
function hostileClient(respond: Respond, log: { types: string[] }) {
  const hostileFetch: typeof fetch = async (_url, init) => {
    const { type } = JSON.parse(String(init?.body)) as { type: string };
    if (type === "items.list") return json(200, { data: [], has_more: false, after: null });
    if (type === "threads.get_by_id") {
      return json(200, {
        id: THREAD,
        title: null,
        created_at: "2026-01-01T00:00:00Z",
        status: { type: "active" },
        items: { data: [], has_more: false },
      });
    }
    log.types.push(type);
    return respond(type, init?.signal ?? new AbortController().signal);
  };
  return createChatKitClient({ url: "/chatkit", fetch: hostileFetch, retryBaseDelayMs: 1 });
}

interface HostileChatProps {
  respond: Respond;
  /** Streaming requests the server received, by type. */
  log?: { types: string[] };
  streamIdleTimeoutMs?: number;
  onSessionExpired?: () => void | Promise<void>;
  locale?: string;
}

/** The full connected chat (thread, run status, composer) against a misbehaving server. */
function HostileChat({
  respond,
  log = { types: [] },
  streamIdleTimeoutMs,
  onSessionExpired,
  locale,
}: HostileChatProps) {
  const [protocol] = useState(() => hostileClient(respond, log));
  return (
    <ThreadkitProvider
      clients={{ protocol }}
      {...(streamIdleTimeoutMs !== undefined ? { streamIdleTimeoutMs } : {})}
      {...(onSessionExpired ? { onSessionExpired } : {})}
    >
      <Thread.Root
        threadId={THREAD}
        virtualize={false}
        theme={createTheme({})}
        {...(locale ? { locale } : {})}
        style={{ height: 480, border: "1px solid var(--tk-color-border)", borderRadius: 16 }}
      >
        <Thread.Viewport>
          <Thread.Items />
        </Thread.Viewport>
        <div style={{ padding: "0 16px 16px" }}>
          <Composer.Root threadId={THREAD}>
            <div data-tk-part="composer-row">
              <Composer.Input />
              <Composer.Stop />
              <Composer.Submit />
            </div>
          </Composer.Root>
        </div>
      </Thread.Root>
    </ThreadkitProvider>
  );
}

/**
 * What a run shows when the server or the network misbehaves. Each story drives the real
 * connected chat (`ThreadkitProvider`, `Thread.Root threadId`, `Composer.Root threadId`) against a
 * `fetch` that answers like a hostile server: an auth proxy's sign-in page, a stream that ends
 * without confirming the message, 429 with `Retry-After`, a 500 after storing the message, a
 * network failure, a stream gone silent, an expired session, a server that never answers.
 *
 * Every failure keeps the draft in the composer, says what happened
 * (`[data-tk-part="stream-error"][data-reason]`) and offers a retry.
 */
const meta = {
  title: "Thread/Run failures",
  component: HostileChat,
  args: { respond: (async () => eventStream("")) as Respond },
} satisfies Meta<typeof HostileChat>;
export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
type UserEvent = { type(element: Element, text: string): Promise<void> };

async function send(canvas: Canvas, userEvent: UserEvent, text: string) {
  const input = canvas.getByRole("textbox", { name: "Message" });
  await userEvent.type(input, `${text}{Enter}`);
  return input;
}

async function failureAlert(canvas: Canvas, reason: string) {
  const alert = await canvas.findByRole("alert", {}, { timeout: 10_000 });
  await expect(alert).toHaveAttribute("data-reason", reason);
  return alert;
}

/** An auth proxy answers 200 with its sign-in page: not an event stream. The draft stays. */
export const NotAnEventStream: Story = {
  args: {
    respond: async () =>
      new Response("<!doctype html><title>Sign in</title><form>…</form>", {
        headers: { "content-type": "text/html; charset=utf-8" },
      }),
  },
  play: async ({ canvas, userEvent }) => {
    const input = await send(canvas, userEvent, "Where is my parcel?");
    const alert = await failureAlert(canvas, "not_event_stream");
    await expect(alert).toHaveTextContent("The server sent something other than a reply");
    await expect(input).toHaveValue("Where is my parcel?");
    await expect(within(alert).getByRole("button", { name: "Try again" })).toBeVisible();
  },
};

/** An event stream of garbage that never confirms the message: the draft comes back. */
export const MessageNotConfirmed: Story = {
  args: { respond: async () => eventStream("data: {not json\n\n: keep-alive\n\n") },
  play: async ({ canvas, userEvent }) => {
    const input = await send(canvas, userEvent, "Hello?");
    const alert = await failureAlert(canvas, "unconfirmed");
    await expect(alert).toHaveTextContent("The server did not confirm your message");
    await waitFor(() => expect(input).toHaveValue("Hello?"));
  },
};

const rateLimitedLog = { types: [] as string[] };

/** 429 with `Retry-After: 30`: says so and counts down. Not retried on its own. */
export const RateLimited: Story = {
  args: {
    log: rateLimitedLog,
    respond: async () =>
      json(429, { error: { message: "Rate limit reached" } }, { "retry-after": "30" }),
  },
  play: async ({ canvas, userEvent }) => {
    rateLimitedLog.types.length = 0;
    const input = await send(canvas, userEvent, "One more question");
    const alert = await failureAlert(canvas, "rate_limited");
    await expect(alert).toHaveTextContent("The server is receiving too many requests.");
    await expect(alert).toHaveTextContent(/You can try again in (30|29|28) s\./);
    await expect(input).toHaveValue("One more question");
    await expect(rateLimitedLog.types).toEqual(["threads.add_user_message"]);
  },
};

const serverErrorLog = { types: [] as string[] };

/** The server stored the message, then answered 500: one request, no automatic repeat. */
export const ServerError: Story = {
  args: {
    log: serverErrorLog,
    respond: async () => json(500, { detail: "Internal Server Error" }),
  },
  play: async ({ canvas, userEvent }) => {
    serverErrorLog.types.length = 0;
    const input = await send(canvas, userEvent, "Only once, please");
    const alert = await failureAlert(canvas, "server_error");
    await expect(alert).toHaveTextContent("The server ran into a problem.");
    await expect(input).toHaveValue("Only once, please");
    await expect(serverErrorLog.types).toEqual(["threads.add_user_message"]);
  },
};

/** The network failed (`Failed to fetch`). */
export const NetworkError: Story = {
  args: {
    respond: async () => {
      throw new TypeError("Failed to fetch");
    },
  },
  play: async ({ canvas, userEvent }) => {
    const input = await send(canvas, userEvent, "Are you there?");
    const alert = await failureAlert(canvas, "network");
    await expect(alert).toHaveTextContent("The connection to the server failed.");
    await expect(input).toHaveValue("Are you there?");
  },
};

let silentRequests = 0;

/**
 * The stream starts, confirms the message, then goes silent: after the idle timeout (here
 * 300 ms; 60 s by default) the run ends with a timeout and its retry, which re-runs the reply.
 */
export const StreamTimedOut: Story = {
  args: {
    streamIdleTimeoutMs: 300,
    respond: async (type, signal) => {
      if (type === "threads.retry_after_item") return eventStream(replyDone);
      silentRequests += 1;
      return eventStream(
        silentAfter(
          userDone("Think hard") + sse({ type: "progress_update", text: "Thinking" }),
          signal,
        ),
      );
    },
  },
  play: async ({ canvas, userEvent }) => {
    silentRequests = 0;
    await send(canvas, userEvent, "Think hard");
    const alert = await failureAlert(canvas, "timeout");
    await expect(alert).toHaveTextContent("The server stopped responding.");
    await expect(canvas.queryByText("Thinking")).toBeNull();
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByText("Here is your answer.")).toBeVisible();
    await expect(silentRequests).toBe(1);
  },
};

const reauthenticated = fn();
let sessionValid = false;

/** 401: the session expired. "Sign in again" runs the app's `onSessionExpired`, then the send. */
export const SessionExpired: Story = {
  args: {
    onSessionExpired: async () => {
      reauthenticated();
      sessionValid = true;
    },
    respond: async () =>
      sessionValid
        ? eventStream(userDone("Still me") + replyDone)
        : json(401, { error: { message: "Client secret has expired" } }),
  },
  play: async ({ canvas, userEvent }) => {
    sessionValid = false;
    reauthenticated.mockClear();
    const input = await send(canvas, userEvent, "Still me");
    const alert = await failureAlert(canvas, "session_expired");
    await expect(alert).toHaveTextContent("Your session has expired.");
    await expect(input).toHaveValue("Still me");
    await userEvent.click(within(alert).getByRole("button", { name: "Sign in again" }));
    await expect(await canvas.findByText("Here is your answer.")).toBeVisible();
    await expect(reauthenticated).toHaveBeenCalledOnce();
    await waitFor(() => expect(canvas.queryByRole("alert")).toBeNull());
  },
};

/** The server never sends headers: Stop shows at once, and stopping keeps the draft. */
export const CancelBeforeHeaders: Story = {
  args: { respond: (_type, signal) => never(signal) },
  play: async ({ canvas, userEvent }) => {
    const input = await send(canvas, userEvent, "Hello, anyone?");
    const stop = await canvas.findByRole("button", { name: "Stop generating" });
    await userEvent.click(stop);
    await waitFor(() =>
      expect(canvas.queryByRole("button", { name: "Stop generating" })).toBeNull(),
    );
    await expect(input).toHaveValue("Hello, anyone?");
    await expect(canvas.getByRole("button", { name: "Send message" })).toBeEnabled();
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

/** The same failure in German. */
export const German: Story = {
  args: {
    locale: "de",
    respond: async () =>
      json(429, { error: { message: "Rate limit reached" } }, { "retry-after": "30" }),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole("textbox"), "Noch eine Frage{Enter}");
    const alert = await failureAlert(canvas, "rate_limited");
    // The German catalog loads on first use; the alert may render before it arrives.
    await waitFor(() => expect(alert).toHaveTextContent("Der Server erhält zu viele Anfragen."));
    await expect(within(alert).getByRole("button", { name: "Erneut versuchen" })).toBeVisible();
  },
};
