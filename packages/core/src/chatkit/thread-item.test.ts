import { isKnownThreadItemType, THREAD_ITEM_TYPES } from "./thread-item";

test("the protocol's nine rendered item types are known; others are not", () => {
  expect(THREAD_ITEM_TYPES).toHaveLength(9);
  for (const type of THREAD_ITEM_TYPES) expect(isKnownThreadItemType(type)).toBe(true);
  expect(isKnownThreadItemType("hidden_context_item")).toBe(false);
  expect(isKnownThreadItemType("chatkit.user_message")).toBe(false);
  expect(isKnownThreadItemType("unknown")).toBe(false);
});
