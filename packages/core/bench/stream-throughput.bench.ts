/**
 * (b) decode + validate + reduce of a 100,000-delta stream against the floor
 * (eventsource-parser + JSON.parse alone). Budget: batched pipeline ≤ 1.3× the floor.
 */
import { bench, describe } from "vitest";
import {
  assistantBatchPipeline,
  assistantPipeline,
  floor,
  threadBatchPipeline,
  threadPipeline,
} from "./measure";
import { syntheticAssistantStream, syntheticThreadStream } from "./synthetic";

const N = 100_000;
const options = { iterations: 3, warmupIterations: 1, time: 0 };

describe(`ChatKit stream of ${N} text deltas`, () => {
  const chunks = syntheticThreadStream(N);
  bench(
    "floor: eventsource-parser + JSON.parse",
    () => {
      floor(chunks);
    },
    options,
  );
  bench(
    "readThreadStreamBatches + reduceThreadStreamEvents",
    async () => {
      await threadBatchPipeline(chunks);
    },
    options,
  );
  bench(
    "readThreadStream + reduceThreadStream",
    async () => {
      await threadPipeline(chunks);
    },
    options,
  );
});

describe(`Assistants stream of ${N} text deltas`, () => {
  const chunks = syntheticAssistantStream(N);
  bench(
    "floor: eventsource-parser + JSON.parse",
    () => {
      floor(chunks);
    },
    options,
  );
  bench(
    "readAssistantStreamBatches + reduceAssistantRunEvents",
    async () => {
      await assistantBatchPipeline(chunks);
    },
    options,
  );
  bench(
    "readAssistantStream + reduceAssistantRun",
    async () => {
      await assistantPipeline(chunks);
    },
    options,
  );
});
