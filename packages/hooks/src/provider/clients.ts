/**
 * The clients the provider accepts. Any subset may be given; each hook names the client it
 * needs in its error when that client is missing.
 */
import type {
  ChatKitRequestMap,
  ChatKitRequestType,
  ChatKitRestClient,
  StreamingRequestType,
} from "@threadkit/core";

/** Per-call options every client method accepts. */
export interface ClientCallOptions {
  /** Aborts the request (and, for streams, the body). */
  signal?: AbortSignal;
}

/** The ChatKit protocol client (`createChatKitClient`). */
export interface ProtocolClient {
  /** Sends a JSON operation and returns its parsed response. */
  request<T extends Exclude<ChatKitRequestType, StreamingRequestType>>(
    type: T,
    params: ChatKitRequestMap[T],
    options?: ClientCallOptions,
  ): Promise<unknown>;
  /** Sends a streaming operation and returns the response body. */
  stream<T extends StreamingRequestType>(
    type: T,
    params: ChatKitRequestMap[T],
    options?: ClientCallOptions,
  ): Promise<ReadableStream<Uint8Array>>;
}

/** The hosted ChatKit REST client (`createChatKitRestClient`). */
export type RestClient = ChatKitRestClient;

/** The Assistants API client (`createAssistantsClient`). */
export type AssistantsClient = object;

/** The clients given to {@link ThreadkitProvider}. */
export interface ThreadkitClients {
  /** A self-hosted ChatKit server (`createChatKitClient`). */
  protocol?: ProtocolClient;
  /** Hosted ChatKit threads through the REST API (`createChatKitRestClient`). */
  rest?: RestClient;
  /** Assistants API threads and runs (`createAssistantsClient`). */
  assistants?: AssistantsClient;
}
