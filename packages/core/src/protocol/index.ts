export * from "./requests";
export * from "./stream-event";
export * from "./thread";
export * from "./thread-item";
export * from "./widgets";
