/**
 * @threadkit/core — the ChatKit and Assistants wire model, runtime validation, normalizers,
 * HTTP clients, server-sent event decoding and pure stream reducers. No React, no DOM.
 *
 * The code is organised by wire format (`chatkit/`, `rest/`, `assistants/`) over shared pieces
 * (`http/`, `sse/`, `errors/`, `state/`); `@threadkit/core/chatkit`, `/rest` and `/assistants`
 * export one wire format each. Plumbing shared by threadkit's packages is in
 * `@threadkit/core/internal` (not a public API).
 */

export * from "./assistants";
export * from "./chatkit";
export * from "./errors";
export * from "./http";
export * from "./rest";
export * from "./sse";
export * from "./state";
