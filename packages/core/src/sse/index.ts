export {
  createServerSentEventDecoder,
  type DecodedServerSentEvent,
  type DecodeServerSentEventsOptions,
  decodeServerSentEvents,
  InvalidServerSentEventLine,
  type ServerSentEvent,
  type ServerSentEventDecoder,
  type ServerSentEventLineError,
  type ServerSentEventsBody,
} from "./decode-server-sent-events";
