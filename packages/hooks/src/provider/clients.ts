/**
 * The clients the provider accepts. Any subset may be given; each hook names the client it
 * needs in its error when that client is missing.
 */
import type {
  ChatKitClient,
  ChatKitRestClient,
  AssistantsClient as CoreAssistantsClient,
  ThreadBackend,
} from "@threadkit/core";

/** The ChatKit protocol client (`createChatKitClient`). */
export type ProtocolClient = ChatKitClient;

/** The hosted ChatKit REST client (`createChatKitRestClient`). */
export type RestClient = ChatKitRestClient;

/** The Assistants API client (`createAssistantsClient`). */
export type AssistantsClient = CoreAssistantsClient;

/** The clients given to {@link ThreadkitProvider}. */
export interface ThreadkitClients {
  /** A self-hosted ChatKit server (`createChatKitClient`). */
  protocol?: ProtocolClient;
  /** Hosted ChatKit threads through the REST API (`createChatKitRestClient`). */
  rest?: RestClient;
  /** Assistants API threads and runs (`createAssistantsClient`). */
  assistants?: AssistantsClient;
  /**
   * Any `ThreadBackend`: an adapter of the app's own API, or one of core's
   * (`createChatKitBackend`, `createChatKitRestBackend`, `createAssistantsBackend`). When given,
   * everything goes to it: the thread list, history, renames, deletes, feedback, runs (when its
   * `capabilities.run`), attachments, widget actions and dictation, each as far as its
   * `capabilities` allow. It takes precedence over `protocol`, `rest` and `assistants`, except
   * for runs with `useRunStream`'s `assistant` option, which go to `assistants`.
   */
  backend?: ThreadBackend;
}
