import {
  createAssistantsClient,
  createChatKitClient,
  createChatKitRestClient,
} from "@threadkit/core";
import type { ThreadkitClients } from "@threadkit/hooks";
import type { ServerEndpoints } from "../lib/server";
import type { BackendKind } from "../lib/settings";

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
