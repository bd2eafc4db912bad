import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider } from "@threadkit/hooks";
import type { ReactNode } from "react";

// Any server that answers the ChatKit protocol: the official Python `chatkit` server,
// a TypeScript port, or your own. One endpoint: POST {type, params} → JSON or SSE.
const protocol = createChatKitClient({
  url: "https://example.com/chatkit",
  // Your own auth: headers may be async (e.g. a fresh token per request).
  headers: async () => ({ Authorization: `Bearer ${await getAppToken()}` }),
});

export function ChatKitBackend({ children }: { children: ReactNode }) {
  return <ThreadkitProvider clients={{ protocol }}>{children}</ThreadkitProvider>;
}

declare function getAppToken(): Promise<string>;
