import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { ChatKit } from "./chatkit";
import type { UseChatKitOptions } from "./options";
import { useChatKit } from "./use-chatkit";

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "*",
  "access-control-allow-methods": "*",
};

interface Received {
  type: string;
  language: string | undefined;
}

let server: Server;
let url: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      response.writeHead(204, CORS).end();
      return;
    }
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const body = JSON.parse(raw) as { type: string };
      received.push({ type: body.type, language: request.headers["accept-language"] });
      const answer =
        body.type === "threads.get_by_id"
          ? {
              id: "thr_1",
              title: "Trip",
              created_at: "2026-05-01T10:00:00Z",
              status: { type: "active" },
              items: { data: [], has_more: false, after: null },
            }
          : { data: [], has_more: false, after: null };
      response
        .writeHead(200, { ...CORS, "content-type": "application/json" })
        .end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/chatkit`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  cleanup();
  received.length = 0;
  vi.restoreAllMocks();
});

function Chat(options: Omit<UseChatKitOptions, "api"> & { api?: UseChatKitOptions["api"] }) {
  const { control } = useChatKit({ api: { url }, initialThread: "thr_1", ...options });
  return <ChatKit control={control} data-testid="chat" />;
}

describe("<ChatKit> locale", () => {
  it("sends the locale option as Accept-Language with every request", async () => {
    render(<Chat locale="ja-JP" />);
    await waitFor(() => expect(received.map((r) => r.type)).toContain("items.list"));
    expect(received.length).toBeGreaterThan(1);
    for (const request of received) expect(request.language).toBe("ja-JP");
    expect(screen.getByTestId("chat").getAttribute("lang")).toBe("ja-JP");
    expect(screen.getByTestId("chat").getAttribute("dir")).toBe("ltr");
  });

  it("keeps the header an app's own fetch sets", async () => {
    const ownFetch: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("accept-language", "de-AT");
      return fetch(input, { ...init, headers });
    };
    render(<Chat locale="fr" api={{ url, domainKey: "local", fetch: ownFetch }} />);
    await waitFor(() => expect(received.map((r) => r.type)).toContain("items.list"));
    for (const request of received) expect(request.language).toBe("de-AT");
  });

  it("without a locale picks the browser's first language with a catalog, right to left included", async () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["sv-SE", "he-IL", "en"]);
    render(<Chat />);
    const root = screen.getByTestId("chat");
    expect(root.getAttribute("dir")).toBe("rtl");
    expect(root.getAttribute("lang")).toBe("he-IL");
    // The Hebrew catalog arrives in its own chunk; the strings follow.
    expect(await screen.findByRole("button", { name: "צ׳אט חדש" })).toBeTruthy();
    await waitFor(() => expect(received.map((r) => r.type)).toContain("items.list"));
    for (const request of received) expect(request.language).toBe("sv-SE,he-IL;q=0.9,en;q=0.8");
  });
});
