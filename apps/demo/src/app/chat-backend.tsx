import { QueryClient } from "@tanstack/react-query";
import {
  createAssistantsClient,
  createChatKitClient,
  createChatKitRestClient,
} from "@threadkit/core";
import { type ThreadkitClients, ThreadkitProvider } from "@threadkit/hooks";
import { type ReactNode, useMemo, useState } from "react";
import { assistantFileUrl, resolveIdleTimeoutMs, type ServerEndpoints } from "../lib/server";
import type { BackendKind } from "../lib/settings";

interface ChatBackendProps {
  server: ServerEndpoints;
  backend: BackendKind;
  locale: string;
  children: ReactNode;
}

/** The clients for one backend of the dev server. The browser never holds an API key. */
export function createClients(server: ServerEndpoints, backend: BackendKind): ThreadkitClients {
  switch (backend) {
    case "chatkit":
      return { protocol: createChatKitClient({ url: server.chatkitUrl }) };
    case "rest":
      return { rest: createChatKitRestClient({ baseUrl: server.restBaseUrl }) };
    case "assistants":
      return { assistants: createAssistantsClient({ baseUrl: server.restBaseUrl }) };
  }
}

/** Supplies threadkit's clients for the chosen backend, with one QueryClient per backend. */
export function ChatBackend({ server, backend, locale, children }: ChatBackendProps) {
  const clients = useMemo(() => createClients(server, backend), [server, backend]);
  // Each backend has its own cache: thread ids and shapes differ between them.
  const [queryClients] = useState(() => new Map<BackendKind, QueryClient>());
  const [idleTimeoutMs] = useState(() => resolveIdleTimeoutMs());
  let queryClient = queryClients.get(backend);
  if (!queryClient) {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1 } } });
    queryClients.set(backend, queryClient);
  }
  return (
    <ThreadkitProvider
      key={backend}
      clients={clients}
      queryClient={queryClient}
      locale={locale}
      assistantFileUrl={(fileId) => assistantFileUrl(server, fileId)}
      {...(idleTimeoutMs !== undefined ? { streamIdleTimeoutMs: idleTimeoutMs } : {})}
      onError={(error) => console.warn("[threadkit]", error)}
    >
      {children}
    </ThreadkitProvider>
  );
}
