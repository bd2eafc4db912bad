/**
 * (a) The cost of one text delta must not depend on the thread's length.
 * Budget: 10,000 items within 1.5× of 10 items.
 */
import { bench, describe } from "vitest";
import { reduceThreadStream } from "../src/state/reduce-thread-stream";
import { DELTA, threadWithItems } from "./synthetic";

describe("one text delta", () => {
  for (const count of [10, 1_000, 10_000]) {
    const state = threadWithItems(count);
    bench(`${count} items`, () => {
      reduceThreadStream(state, DELTA);
    });
  }
});
