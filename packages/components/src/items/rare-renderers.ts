// The default renderers of the rarer item types, loaded together as one chunk the first time a
// thread shows any of them (thread-item/lazy-renderers.tsx).
export { ClientToolCall as client_tool_call } from "./client-tool-call";
export { GeneratedImage as generated_image } from "./generated-image";
export { StructuredInputView as structured_input } from "./structured-input";
export { TaskItemView as task } from "./task";
export { WorkflowView as workflow } from "./workflow";
