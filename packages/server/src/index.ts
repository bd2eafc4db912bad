/**
 * @threadkit/server — a ChatKit server with the semantics of OpenAI's Python `ChatKitServer`,
 * answered through the Fetch API (`server.handle(request, context)`). Stores live in
 * `@threadkit/server/sqlite` and `@threadkit/server/postgres`; the Node `http` adapter in
 * `@threadkit/server/node`.
 */
export {
  createRespondContext,
  defaultGenerateId,
  type RespondContext,
  type WorkflowHandle,
} from "./context";
export {
  BadRequestError,
  ChatKitRequestError,
  CustomStreamError,
  type ErrorBody,
  NotFoundError,
  StreamError,
  type StreamErrorCode,
} from "./errors";
export { events } from "./events";
export {
  convertResponsesAnnotation,
  type ResponsesAnnotation,
  type ResponsesContainerFileCitation,
  type ResponsesFailure,
  type ResponsesFileCitation,
  type ResponsesFunctionCall,
  type ResponsesFunctionCallOutput,
  type ResponsesStreamEvent,
  type ResponsesUrlCitation,
  readResponsesSse,
  type ServerTool,
  type ServerToolCall,
  type StreamResponsesApiOptions,
  type StreamResponsesApiResult,
  sniffImageType,
  streamResponsesApi,
} from "./responses";
export {
  type ResponsesInputContent,
  type ResponsesInputItem,
  type ResponsesInputResult,
  type ThreadItemsToResponsesInputOptions,
  threadItemsToResponsesInput,
} from "./responses-input";
export {
  type ActionHandler,
  type AudioInput,
  type ChatKitResult,
  type ChatKitServer,
  type ChatKitServerOptions,
  createChatKitServer,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type RespondHandler,
  type SyncActionResult,
  saveCancelledItems,
} from "./server";
export type { Migration, SqlStoreOptions } from "./sql";
export { encodeEvent } from "./sse";
export type {
  AttachmentCreateParams,
  AttachmentStore,
  HiddenContextItem,
  PageOptions,
  SdkHiddenContextItem,
  ServerStreamEvent,
  Store,
  StoredThreadItem,
  StoreItemType,
} from "./types";
export { diffWidget } from "./widget-diff";
