/**
 * The run engine's lazy runtime (see `load-run-runtime.ts`): loaded with one `import()`, it holds
 * everything only a running response needs, so bundlers put it in one chunk. A thread view
 * (`useThreadRunActions`) makes its runners from here too: the `RunEngine` shell, its failure
 * policy and request building load with its first action (or once the browser is idle). The
 * provider's thread stores take what only a run does to them (`applyStoreEvents` over
 * core's `applyThreadEvents`, `completeThreadToolCall`) from here too (see `runtimeThreadEvents`).
 */
export { completeThreadToolCall } from "@threadkit/core";
export { runChatKitStream } from "@threadkit/core/internal";
export { applyStoreEvents } from "../thread/thread-store-events";
export { trackRunActivity } from "./run-activity";
export { RunEngine } from "./run-engine";
export { runBackendOperation } from "./run-operation";
