/**
 * (c) An Assistants run into ChatKit thread items, decoded batches only: the run projection (the
 * hooks' path before the Assistants backend) against the stream translator.
 */
import { bench, describe } from "vitest";
import { assistantBatches, projectionPath, translatorPath } from "./measure";
import { syntheticAssistantStream } from "./synthetic";

const N = 10_000;
const options = { iterations: 5, warmupIterations: 1, time: 0 };

const batches = await assistantBatches(syntheticAssistantStream(N, 1024));

describe(`Assistants run of ${N} text deltas in 1 KB chunks`, () => {
  bench(
    "reduceAssistantRunEvents + assistantRunToThreadItems + JSON compare",
    () => {
      projectionPath(batches);
    },
    options,
  );
  bench(
    "createAssistantStreamTranslator + reduceThreadStreamEvents",
    () => {
      translatorPath(batches);
    },
    options,
  );
});
