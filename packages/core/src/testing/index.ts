/** @threadkit/core/testing — factories and stream replay helpers for tests and stories. */
export {};
