/**
 * @threadkit/core — the ChatKit and Assistants wire model, runtime validation, normalizers,
 * HTTP clients, server-sent event decoding and pure stream reducers. No React, no DOM.
 */
export * from "./protocol";
export * from "./errors";
export * from "./validation";
export * from "./assistants";
export * from "./rest";
export * from "./normalize";
export * from "./client";
export * from "./widgets";
export * from "./sse";
export * from "./stream";
export * from "./reducers";
