/**
 * @threadkit/components — Radix-based, themable parts that render every ChatKit thread item.
 */
export { UnknownItem, type UnknownItemProps } from "./thread-item/unknown-item";
