export {
  type DecodeServerSentEventsOptions,
  decodeServerSentEvents,
  type ServerSentEvent,
  type ServerSentEventLineError,
  type ServerSentEventsBody,
} from "./decode-server-sent-events";
