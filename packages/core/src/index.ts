/**
 * @threadkit/core — the ChatKit and Assistants wire model, runtime validation, normalizers,
 * HTTP clients, server-sent event decoding and pure stream reducers. No React, no DOM.
 */

export * from "./assistants";
export * from "./client";
export * from "./errors";
export * from "./normalize";
export * from "./protocol";
export * from "./reducers";
export * from "./rest";
export * from "./sse";
export * from "./stream";
export * from "./validation";
export * from "./widgets";
