/** @threadkit/core/testing — factories and stream replay helpers for tests and stories. */
export * from "./factories";
export * from "./refusal-recording";
export * from "./replay-stream";
export * from "./stream-from-string";
