/**
 * @threadkit/core — the ChatKit and Assistants wire model, runtime validation, normalizers,
 * HTTP clients, server-sent event decoding and pure stream reducers. No React, no DOM.
 */
export * from "./protocol";
