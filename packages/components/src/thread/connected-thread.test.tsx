import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createChatKitClient, type StructuredInputItem } from "@threadkit/core";
import { ThreadkitProvider } from "@threadkit/hooks";
import type { ThreadUIOptions } from "../context";
import { ThreadRootSwitch } from "./connected-thread";
import { ThreadViewport } from "./thread";
import { ThreadItems } from "./thread-items";

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "*",
  "access-control-allow-methods": "*",
};

const question: StructuredInputItem = {
  id: "si_1",
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00Z",
  type: "structured_input",
  status: "pending",
  inputs: [
    {
      type: "multiple_choice",
      id: "pace",
      question: "What pace do you prefer?",
      options: [{ value: "Relaxed" }, { value: "Fast" }],
      answer: null,
    },
    { type: "freeform", id: "notes", question: "Anything else?", answer: null },
  ],
};

const sse = (event: unknown) => `data: ${JSON.stringify(event)}\n\n`;

interface Received {
  type: string;
  params: Record<string, unknown>;
}

/**
 * A ChatKit server on 127.0.0.1: `items.list` holds the pending question (or `setup.items`),
 * `threads.get_by_id` the thread (with `setup.thread`'s fields, after `setup.threadDelay` ms); a
 * structured input submission is answered by `answer` (default: the item replaced with the
 * submitted status).
 */
async function startChatServer(
  answer?: (received: Received, response: ServerResponse) => boolean,
  setup: { items?: unknown[]; thread?: Record<string, unknown>; threadDelay?: number } = {},
): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      response.writeHead(204, CORS).end();
      return;
    }
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const body = JSON.parse(raw) as Received;
      received.push(body);
      if (body.type === "items.list") {
        response
          .writeHead(200, { ...CORS, "content-type": "application/json" })
          .end(JSON.stringify({ data: setup.items ?? [question], has_more: false, after: null }));
        return;
      }
      if (body.type === "threads.get_by_id") {
        const thread = {
          id: "thr_1",
          created_at: "2026-05-01T10:00:00Z",
          status: { type: "active" },
          items: { data: [], has_more: false, after: null },
          ...setup.thread,
        };
        setTimeout(() => {
          if (!response.writableEnded)
            response
              .writeHead(200, { ...CORS, "content-type": "application/json" })
              .end(JSON.stringify(thread));
        }, setup.threadDelay ?? 0);
        return;
      }
      if (answer?.(body, response)) return;
      const input = body.params.input as { status: StructuredInputItem["status"] };
      response
        .writeHead(200, { ...CORS, "content-type": "text/event-stream" })
        .end(sse({ type: "thread.item.replaced", item: { ...question, status: input.status } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/chatkit`, received };
}

let server: Server | undefined;
afterEach(async () => {
  // Unmount first: runs abort their requests before the server goes away.
  cleanup();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

function App({ url, ...options }: { url: string } & ThreadUIOptions) {
  const clients = { protocol: createChatKitClient({ url, maxRetries: 0 }) };
  return (
    <ThreadkitProvider clients={clients}>
      <ThreadRootSwitch threadId="thr_1" virtualize={false} {...options}>
        <ThreadViewport>
          <ThreadItems />
        </ThreadViewport>
      </ThreadRootSwitch>
    </ThreadkitProvider>
  );
}

const submissions = (received: Received[]) =>
  received.filter((body) => body.type === "threads.add_structured_input");

describe("connected Thread.Root: structured input", () => {
  it("sends Submit as an answered submission through the hooks", async () => {
    const started = await startChatServer();
    server = started.server;
    render(<App url={started.url} />);
    fireEvent.click(await screen.findByRole("radio", { name: "Fast" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Anything else?" }), {
      target: { value: "Bad knees" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));

    await waitFor(() => expect(submissions(started.received)).toHaveLength(1));
    expect(submissions(started.received)[0]?.params).toEqual({
      thread_id: "thr_1",
      item_id: "si_1",
      input: {
        status: "answered",
        answers: {
          pace: { values: ["Fast"], skipped: false },
          notes: { values: ["Bad knees"], skipped: false },
        },
      },
    });
    // The replaced item arrives through the stream: the answers show read-only.
    const answered = await screen.findByRole("group", { name: "Answered" });
    expect(answered).toHaveAttribute("data-status", "answered");
  });

  it("sends Skip as a skipped submission", async () => {
    const started = await startChatServer();
    server = started.server;
    render(<App url={started.url} />);
    fireEvent.click(await screen.findByRole("button", { name: "Skip" }));

    await waitFor(() => expect(submissions(started.received)).toHaveLength(1));
    expect(submissions(started.received)[0]?.params.input).toEqual({
      status: "skipped",
      answers: {
        pace: { values: [], skipped: true },
        notes: { values: [], skipped: true },
      },
    });
    expect(await screen.findByRole("group", { name: "Skipped" })).toHaveAttribute(
      "data-status",
      "skipped",
    );
  });

  it("opens the form again with the answers kept when the server refuses the submission", async () => {
    let refuse = true;
    const started = await startChatServer((_body, response) => {
      if (!refuse) return false;
      response
        .writeHead(500, { ...CORS, "content-type": "application/json" })
        .end(JSON.stringify({ detail: "down" }));
      return true;
    });
    server = started.server;
    render(<App url={started.url} />);
    fireEvent.click(await screen.findByRole("radio", { name: "Fast" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Anything else?" }), {
      target: { value: "Bad knees" },
    });
    const submit = screen.getByRole("button", { name: "Submit" });
    fireEvent.click(submit);
    // Locked while it is sent…
    expect(submit).toBeDisabled();
    await waitFor(() => expect(submissions(started.received)).toHaveLength(1));
    // …and open again once it failed, with the user's answers.
    await waitFor(() => expect(submit).toBeEnabled());
    expect(screen.getByRole("radio", { name: "Fast" })).toBeChecked();
    expect(screen.getByRole("textbox", { name: "Anything else?" })).toHaveValue("Bad knees");
    expect(screen.getByRole("form")).not.toHaveAttribute("data-submitted");

    refuse = false;
    fireEvent.click(submit);
    expect(await screen.findByRole("group", { name: "Answered" })).toBeInTheDocument();
    expect(submissions(started.received)).toHaveLength(2);
    expect(submissions(started.received)[1]?.params.input).toMatchObject({ status: "answered" });
  });

  it("leaves the submission to the app's own onStructuredInputSubmit", async () => {
    const started = await startChatServer();
    server = started.server;
    const onStructuredInputSubmit = vi.fn();
    render(<App url={started.url} onStructuredInputSubmit={onStructuredInputSubmit} />);
    fireEvent.click(await screen.findByRole("button", { name: "Skip" }));
    expect(onStructuredInputSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ id: "si_1" }),
      expect.objectContaining({ status: "skipped" }),
    );
    // Give a stray request time to arrive.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(submissions(started.received)).toHaveLength(0);
  });
});

describe("connected Thread.Root: allowed_image_domains", () => {
  const ALLOWED = "https://images.example.com/ok.png";
  const OTHER = "https://tracker.test/pixel.png";
  const reply = {
    id: "a_1",
    thread_id: "thr_1",
    created_at: "2026-05-01T10:00:00Z",
    type: "assistant_message",
    content: [
      {
        type: "output_text",
        text: `![allowed](${ALLOWED}) ![other](${OTHER})`,
        annotations: [],
      },
    ],
  };
  const srcs = () =>
    [...document.querySelectorAll("img")].map((img) => img.getAttribute("src") ?? "");

  it("enforces the thread's list from threads.get_by_id", async () => {
    const started = await startChatServer(undefined, {
      items: [reply],
      thread: { allowed_image_domains: ["example.com"] },
    });
    server = started.server;
    render(<App url={started.url} />);
    await waitFor(() => expect(srcs()).toEqual([ALLOWED]));
    expect(screen.getByText("other")).toHaveAttribute("data-unsafe", "");
  });

  it("shows every image when the thread has no list", async () => {
    const started = await startChatServer(undefined, { items: [reply] });
    server = started.server;
    render(<App url={started.url} />);
    await waitFor(() => expect(srcs()).toEqual([ALLOWED, OTHER]));
  });

  it("loads no remote image before the thread's list is known", async () => {
    const started = await startChatServer(undefined, {
      items: [reply],
      thread: { allowed_image_domains: ["example.com"] },
      threadDelay: 300,
    });
    server = started.server;
    render(<App url={started.url} />);
    await screen.findByText("other");
    expect(srcs()).toEqual([]);
    // Waiting is not blocking: nothing says "blocked" yet.
    expect(screen.getByText("other")).toHaveAttribute("data-pending", "");
    expect(document.querySelector("[data-unsafe]")).toBeNull();
    await waitFor(() => expect(srcs()).toEqual([ALLOWED]));
    expect(screen.getByText("other")).toHaveAttribute("data-unsafe", "");
  });

  it("shows generated images and attachments as waiting, not blocked, until the list is known", async () => {
    const image = {
      id: "g_1",
      thread_id: "thr_1",
      created_at: "2026-05-01T10:00:00Z",
      type: "generated_image",
      image: { id: "i_1", url: OTHER },
    };
    const upload = {
      id: "u_1",
      thread_id: "thr_1",
      created_at: "2026-05-01T10:00:00Z",
      type: "user_message",
      content: [{ type: "input_text", text: "My photo" }],
      attachments: [
        { type: "image", id: "att", name: "room.jpg", mime_type: "image/jpeg", preview_url: OTHER },
      ],
      inference_options: {},
    };
    const started = await startChatServer(undefined, {
      items: [upload, image],
      thread: { allowed_image_domains: ["example.com"] },
      threadDelay: 300,
    });
    server = started.server;
    const { container } = render(<App url={started.url} />);
    await screen.findByText("My photo");
    expect(container.querySelector('[data-tk-part="generated-image"]')).toHaveAttribute(
      "data-status",
      "pending",
    );
    expect(container.querySelector('[data-tk-part="generated-image-blocked"]')).toBeNull();
    expect(container.querySelector('[data-tk-part="attachment"][data-blocked]')).toBeNull();
    await waitFor(() =>
      expect(container.querySelector('[data-tk-part="generated-image-blocked"]')).not.toBeNull(),
    );
    expect(container.querySelector('[data-tk-part="attachment"][data-blocked]')).not.toBeNull();
  });

  it("lets the app's allowedImageDomains replace the thread's list", async () => {
    const started = await startChatServer(undefined, {
      items: [reply],
      thread: { allowed_image_domains: ["example.com"] },
    });
    server = started.server;
    render(<App url={started.url} allowedImageDomains={["tracker.test"]} />);
    await waitFor(() => expect(srcs()).toEqual([OTHER]));
  });
});
