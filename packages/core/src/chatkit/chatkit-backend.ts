import type { ThreadBackend } from "./backend";
import { chatKitBackendCalls } from "./chatkit-backend-calls";
import { runChatKitStream } from "./chatkit-run";
import { type ChatKitClient, type ChatKitClientOptions, createChatKitClient } from "./client";

/** Options of {@link createChatKitBackend}: the client's own options, or an existing client. */
export type ChatKitBackendOptions = ChatKitClientOptions | { client: ChatKitClient };

/**
 * A {@link ThreadBackend} over a ChatKit protocol server (the `POST {type, params}` endpoint the
 * Python `chatkit` server and `@threadkit/server` answer), built on {@link createChatKitClient}
 * and `readThreadStreamBatches`. It can do everything: every capability is `true`.
 *
 * @example
 * const backend = createChatKitBackend({ url: "/chatkit" });
 * const { data: threads } = await backend.listThreads({ limit: 20 });
 * for await (const events of backend.run({ type: "add_message", threadId, input }, signal)) {
 *   state = events.reduce(reduceThreadStream, state);
 * }
 */
export function createChatKitBackend(
  options: ChatKitBackendOptions | ChatKitClient,
): ThreadBackend {
  const client: ChatKitClient =
    "threads" in options
      ? options
      : "client" in options
        ? options.client
        : createChatKitClient(options);
  return chatKitBackendCalls(client, (operation, signal, options) =>
    runChatKitStream(client, operation, signal, options),
  );
}
