/**
 * @threadkit/core — the ChatKit and Assistants wire model, runtime validation, normalizers,
 * HTTP clients, server-sent event decoding and pure stream reducers. No React, no DOM.
 *
 * The code is organised by wire format (`chatkit/`, `rest/`, `assistants/`) over shared pieces
 * (`http/`, `sse/`, `errors/`, `state/`); `@threadkit/core/chatkit`, `/rest` and `/assistants`
 * export one wire format each.
 */

export * from "./assistants";
export * from "./chatkit";
export { unixToIso } from "./chatkit/item-origin";
export * from "./errors";
export { describeValue, isJsonObject } from "./errors/issues";
export { parseJsonText } from "./errors/parse-json";
export * from "./http";
export * from "./rest";
export * from "./sse";
export * from "./state";
