import type { Meta, StoryObj } from "@storybook/react-vite";
import { Composer, createTheme, Thread } from "@threadkit/components";
import "@threadkit/components/styles.css";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider } from "@threadkit/hooks";
import { useState } from "react";
import { expect, waitFor, within } from "storybook/test";

const THREAD = "thr_history";

const message = (id: string, role: "user" | "assistant", text: string) =>
  role === "user"
    ? {
        type: "user_message",
        id,
        thread_id: THREAD,
        created_at: "2026-05-01T10:00:00Z",
        content: [{ type: "input_text", text }],
        attachments: [],
        inference_options: {},
      }
    : {
        type: "assistant_message",
        id,
        thread_id: THREAD,
        created_at: "2026-05-01T10:00:01Z",
        content: [{ type: "output_text", text, annotations: [] }],
      };

/** The thread's pages, newest first, by the cursor that asks for them. */
const PAGES: Record<string, { data: unknown[]; after: string | null }> = {
  first: {
    data: [
      message(
        "msg_4",
        "assistant",
        "Take the 15E tram from Praça da Figueira; it runs every 10 minutes.",
      ),
      message("msg_3", "user", "And how do I get to Belém?"),
    ],
    after: "older",
  },
  older: {
    data: [
      message("msg_2", "assistant", "Start in Alfama in the morning, before the heat."),
      message("msg_1", "user", "Plan a day in Lisbon"),
    ],
    after: null,
  },
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** How a page request fails: an HTTP status, or `"network"` for a dropped connection. */
type Failure = number | "network";

/** A ChatKit client whose `items.list` fails for the pages in `failures` until `recover` runs. */
function flakyClient(failures: Record<string, Failure>) {
  let failing = true;
  const flakyFetch: typeof fetch = async (_url, init) => {
    const { type, params } = JSON.parse(String(init?.body)) as {
      type: string;
      params: { after?: string | null };
    };
    if (type === "items.list") {
      const cursor = params.after ?? "first";
      const failure = failures[cursor];
      if (failing && failure !== undefined) {
        if (failure === "network") throw new TypeError("Failed to fetch");
        return json(failure, { error: { message: "unavailable" } });
      }
      const page = PAGES[cursor] ?? { data: [], after: null };
      return json(200, { data: page.data, has_more: page.after !== null, after: page.after });
    }
    return json(200, {
      id: THREAD,
      title: null,
      created_at: "2026-05-01T10:00:00Z",
      status: { type: "active" },
      items: { data: [], has_more: false },
    });
  };
  const client = createChatKitClient({ url: "/chatkit", fetch: flakyFetch, maxRetries: 0 });
  const recover = () => {
    failing = false;
  };
  return { client, recover };
}

interface HistoryChatProps {
  /** Which pages fail (`first`, `older`) and how, until the first "Try again". */
  failures: Record<string, Failure>;
  colorScheme?: "light" | "dark";
}

/** The connected chat (thread and composer) on a server whose history requests fail. */
function HistoryChat({ failures, colorScheme = "light" }: HistoryChatProps) {
  const [{ client, recover }] = useState(() => flakyClient(failures));
  return (
    <ThreadkitProvider clients={{ protocol: client }}>
      <Thread.Root
        threadId={THREAD}
        pageSize={2}
        virtualize={false}
        theme={createTheme({ colorScheme })}
        style={{
          height: 420,
          border: "1px solid var(--tk-color-border)",
          borderRadius: 16,
          background: "var(--tk-color-bg)",
          color: "var(--tk-color-fg)",
        }}
        // The server is back once the reader asks again.
        onClickCapture={(event) => {
          if ((event.target as Element).closest("[data-tk-part='thread-load-error']")) recover();
        }}
      >
        <Thread.Viewport>
          <Thread.Empty />
          <Thread.Items />
        </Thread.Viewport>
        <div style={{ padding: "0 16px 16px" }}>
          <Composer.Root threadId={THREAD}>
            <div data-tk-part="composer-row">
              <Composer.Input />
              <Composer.Submit />
            </div>
          </Composer.Root>
        </div>
      </Thread.Root>
    </ThreadkitProvider>
  );
}

/**
 * A thread whose history fails to load shows `Thread.LoadError` in the thread: what failed, a
 * short reason where the error tells one (not found, no access, server, connection) and
 * "Try again", which loads again and goes once the load succeeds. An older page that fails says
 * so in place of "Load earlier messages"; the items shown stay.
 */
const meta = {
  title: "Thread/Load errors",
  component: HistoryChat,
  args: { failures: { first: 500 } },
} satisfies Meta<typeof HistoryChat>;
export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

async function loadAlert(canvas: Canvas) {
  return canvas.findByRole("alert", {}, { timeout: 10_000 });
}

/**
 * The older page loads when the view nears the top (a short thread is there at once) or on
 * "Load earlier messages"; its failure is the alert.
 */
async function olderPageAlert(canvas: Canvas) {
  await waitFor(
    () => {
      if (canvas.queryByRole("alert")) return;
      canvas.queryByRole("button", { name: "Load earlier messages" })?.click();
      throw new Error("The older page has not failed yet");
    },
    { timeout: 10_000 },
  );
  return canvas.getByRole("alert");
}

/** The first page answers 500: the thread says it could not be loaded, with "Try again". */
export const FirstPageFailed: Story = {
  play: async ({ canvas }) => {
    const alert = await loadAlert(canvas);
    await expect(alert).toHaveTextContent(
      "This conversation could not be loaded. The server ran into a problem.",
    );
    await expect(within(alert).getByRole("button", { name: "Try again" })).toBeVisible();
  },
};

/** The same in the dark theme, for a thread the server does not know (404). */
export const NotFoundDark: Story = {
  args: { failures: { first: 404 }, colorScheme: "dark" },
  play: async ({ canvas }) => {
    const alert = await loadAlert(canvas);
    await expect(alert).toHaveTextContent("It may have been deleted, or the link is wrong.");
  },
};

/** The connection drops: "Check your connection." */
export const ConnectionDropped: Story = {
  args: { failures: { first: "network" } },
  play: async ({ canvas }) => {
    await expect(await loadAlert(canvas)).toHaveTextContent("Check your connection.");
  },
};

/** "Try again" (the server is back) loads the thread, and the alert goes. */
export const TryAgainLoadsTheThread: Story = {
  play: async ({ canvas, userEvent }) => {
    const alert = await loadAlert(canvas);
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByText("And how do I get to Belém?")).toBeVisible();
    await waitFor(() => expect(canvas.queryByRole("alert")).toBeNull());
  },
};

/** An older page fails: the items shown stay, and the alert replaces "Load earlier messages". */
export const OlderPageFailed: Story = {
  args: { failures: { older: 503 } },
  play: async ({ canvas }) => {
    await canvas.findByText("And how do I get to Belém?", {}, { timeout: 10_000 });
    const alert = await olderPageAlert(canvas);
    await expect(alert).toHaveTextContent("Earlier messages could not be loaded.");
    await expect(canvas.getByText("And how do I get to Belém?")).toBeVisible();
  },
};

/** The older page's "Try again" loads it above the items shown. */
export const OlderPageTryAgain: Story = {
  args: { failures: { older: 503 }, colorScheme: "dark" },
  play: async ({ canvas, userEvent }) => {
    await canvas.findByText("And how do I get to Belém?", {}, { timeout: 10_000 });
    const alert = await olderPageAlert(canvas);
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByText("Plan a day in Lisbon")).toBeVisible();
    await waitFor(() => expect(canvas.queryByRole("alert")).toBeNull());
  },
};
