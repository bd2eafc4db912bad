/**
 * The run engine's lazy runtime (see `load-run-runtime.ts`): loaded with one `import()`, it holds
 * everything only a running response needs, so bundlers put it in one chunk.
 */
export { runChatKitStream } from "@threadkit/core/internal";
export { runBackendOperation } from "./run-operation";
