export { isIndexInBounds, MAX_INDEX_GAP } from "./index-bounds";
export {
  type AssistantStreamMalformedEvent,
  type AssistantStreamReaderEvent,
  readAssistantStream,
  readAssistantStreamBatches,
} from "./read-assistant-stream";
export {
  type ReadStreamOptions,
  readThreadStream,
  readThreadStreamBatches,
  type ThreadStreamReaderEvent,
} from "./read-thread-stream";
export type { StreamMalformedEvent, ThreadStreamReadEvent } from "./stream-events";
