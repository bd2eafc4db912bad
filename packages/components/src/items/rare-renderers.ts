// The default renderers of the rarer item types, and the fallback of item types this version does
// not know, loaded together as one chunk the first time a thread shows any of them
// (thread-item/lazy-renderers.tsx).

// What `Thread.RunStatus` shows once a run left notices, progress or an error on the thread.
export { RunStatusBody } from "../thread/run-status-body";
export { UnknownItem as unknown } from "../thread-item/unknown-item";
// Tasks and workflows draw ChatKit-named icons: the built-in icon set comes with them, so a named
// icon does not wait for a second chunk, and the icons both use stay in one chunk of the app's
// build instead of a third one shared between them.
export { WIDGET_ICONS } from "../widgets/icon-set";
export { ClientToolCall as client_tool_call } from "./client-tool-call";
export { GeneratedImage as generated_image } from "./generated-image";
export { StructuredInputView as structured_input } from "./structured-input";
export { TaskItemView as task } from "./task";
export { WorkflowView as workflow } from "./workflow";
