export {
  type AssistantStreamMalformedEvent,
  type AssistantStreamReaderEvent,
  readAssistantStream,
} from "./read-assistant-stream";
export {
  type ReadStreamOptions,
  readThreadStream,
  type ThreadStreamReaderEvent,
} from "./read-thread-stream";
export type { StreamMalformedEvent, ThreadStreamReadEvent } from "./stream-events";
