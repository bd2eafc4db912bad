import { createChatKitRestClient } from "@threadkit/core";
import { ThreadkitProvider, useChatKitSession } from "@threadkit/hooks";
import type { ReactNode } from "react";

// Hosted ChatKit threads, read through the REST API with a short-lived client secret.
// The secret comes from your server (see the session route below); the API key never
// reaches the browser. The session refreshes the secret before it expires.
export function HostedThreads({ children }: { children: ReactNode }) {
  return <ThreadkitProvider>{children}</ThreadkitProvider>;
}

export function useHostedRestClient() {
  const session = useChatKitSession({
    getClientSecret: async (_current, { signal }) => {
      const response = await fetch("/api/chatkit/session", { method: "POST", signal });
      return response.json(); // { client_secret, expires_at }
    },
  });
  // session.fetch adds `Authorization: Bearer <client secret>` and retries once on a 401.
  return createChatKitRestClient({ fetch: session.fetch });
}
