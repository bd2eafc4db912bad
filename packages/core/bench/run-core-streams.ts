/**
 * Plain node benchmark of the stream pipeline; prints markdown tables. Times are process CPU
 * time (user + system), best of several interleaved rounds, so other load on the machine skews
 * them less than wall time.
 * Run: pnpm exec tsx packages/core/bench/run-core-streams.ts
 */
import {
  readThreadStreamBatches,
  type ThreadStreamReaderEvent,
} from "../src/chatkit/read-thread-stream";
import { reduceThreadStream, reduceThreadStreamEvents } from "../src/state/reduce-thread-stream";
import { createThreadState, type ThreadState } from "../src/state/thread-state";
import {
  assistantBatches,
  assistantBatchPipeline,
  assistantPipeline,
  assistantReader,
  floor,
  projectionPath,
  threadBatchPipeline,
  threadPipeline,
  threadReader,
  translatorPath,
} from "./measure";
import {
  DELTA,
  syntheticAssistantStream,
  syntheticThreadStream,
  threadWithItems,
} from "./synthetic";

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function cpuTime(fn: () => unknown): Promise<number> {
  const start = cpuMs();
  await fn();
  return cpuMs() - start;
}

async function main() {
  console.log("### (a) one text delta vs. thread length\n");
  console.log("| items | ns / delta | vs. 10 items |");
  console.log("| ---: | ---: | ---: |");
  const ITER = 300_000;
  const states = [10, 1_000, 10_000].map((count) => [count, threadWithItems(count)] as const);
  const best = new Map<number, number>();
  for (let round = 0; round < 5; round++) {
    for (const [count, state] of states) {
      let sink = state;
      const ms = await cpuTime(() => {
        for (let i = 0; i < ITER; i++) sink = reduceThreadStream(state, DELTA);
      });
      if (sink === state) throw new Error("delta not applied");
      best.set(count, Math.min(best.get(count) ?? Number.POSITIVE_INFINITY, (ms * 1e6) / ITER));
    }
  }
  const base = best.get(10) as number;
  for (const [count, ns] of best) {
    console.log(
      `| ${count.toLocaleString("en")} | ${ns.toFixed(0)} | ${(ns / base).toFixed(2)}× |`,
    );
  }

  const N = 100_000;
  console.log(`\n### (b) ${N.toLocaleString("en")}-delta stream: decode + validate + reduce\n`);
  console.log("| stream | API | floor ms | pipeline ms | events/s | ratio to floor |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: |");
  const cases = [
    [
      "ChatKit text deltas",
      "readThreadStreamBatches + reduceThreadStreamEvents",
      syntheticThreadStream(N),
      threadBatchPipeline,
    ],
    [
      "ChatKit text deltas",
      "readThreadStream (for await per event)",
      syntheticThreadStream(N),
      threadPipeline,
    ],
    [
      "ChatKit text deltas",
      "readThreadStream (for await per event), no reduction",
      syntheticThreadStream(N),
      threadReader,
    ],
    [
      "Assistants text deltas",
      "readAssistantStreamBatches + reduceAssistantRunEvents",
      syntheticAssistantStream(N),
      assistantBatchPipeline,
    ],
    [
      "Assistants text deltas",
      "readAssistantStream (for await per event)",
      syntheticAssistantStream(N),
      assistantPipeline,
    ],
    [
      "Assistants text deltas",
      "readAssistantStream (for await per event), no reduction",
      syntheticAssistantStream(N),
      assistantReader,
    ],
  ] as const;
  for (const [name, api, chunks, pipeline] of cases) {
    const events = floor(chunks);
    let f = Number.POSITIVE_INFINITY;
    let p = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 7; round++) {
      f = Math.min(f, await cpuTime(() => floor(chunks)));
      p = Math.min(p, await cpuTime(() => pipeline(chunks)));
    }
    const rate = Math.round((events / p) * 1000);
    console.log(
      `| ${name} | \`${api}\` | ${f.toFixed(1)} | ${p.toFixed(1)} | ${rate.toLocaleString("en")} | ${(p / f).toFixed(2)}× |`,
    );
  }

  console.log("\n### (c) Assistants run into ChatKit thread items (decoded batches, per event)\n");
  console.log("| deltas | chunk | path | ms | ns / event | vs. projection |");
  console.log("| ---: | ---: | --- | ---: | ---: | ---: |");
  for (const [deltas, size] of [
    [10_000, 16 * 1024],
    [100_000, 16 * 1024],
    [10_000, 1024],
  ] as const) {
    const batches = await assistantBatches(syntheticAssistantStream(deltas, size));
    let old = Number.POSITIVE_INFINITY;
    let next = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round++) {
      old = Math.min(old, await cpuTime(() => projectionPath(batches)));
      next = Math.min(next, await cpuTime(() => translatorPath(batches)));
    }
    const rows = [
      ["`reduceAssistantRunEvents` + `assistantRunToThreadItems` + JSON compare", old],
      ["`createAssistantStreamTranslator` + `reduceThreadStreamEvents`", next],
    ] as const;
    for (const [path, ms] of rows) {
      console.log(
        `| ${deltas.toLocaleString("en")} | ${size / 1024} KB | ${path} | ${ms.toFixed(1)} | ${((ms * 1e6) / deltas).toFixed(0)} | ${(ms / old).toFixed(2)}× |`,
      );
    }
  }

  console.log(`\n### (d) ${N.toLocaleString("en")} decoded ChatKit events: reduction alone\n`);
  console.log("| API | ms | ns / event |");
  console.log("| --- | ---: | ---: |");
  const batches: ThreadStreamReaderEvent[][] = [];
  for await (const batch of readThreadStreamBatches(syntheticThreadStream(N))) batches.push(batch);
  const flat = batches.flat();
  const reductions = [
    [
      "`reduceThreadStream` per event",
      () => flat.reduce<ThreadState>(reduceThreadStream, createThreadState()),
    ],
    [
      "`reduceThreadStream` per event, item read after each",
      () => {
        let state = createThreadState();
        for (const event of flat) {
          state = reduceThreadStream(state, event);
          state.itemsById.get("msg_bench");
        }
        return state;
      },
    ],
    [
      "`reduceThreadStreamEvents` per 16 KB batch",
      () => batches.reduce<ThreadState>(reduceThreadStreamEvents, createThreadState()),
    ],
  ] as const;
  const times = reductions.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < 9; round++) {
    reductions.forEach(([, fn], at) => {
      const start = cpuMs();
      if (fn().itemIds.length !== 1) throw new Error("bad reduction");
      times[at] = Math.min(times[at] as number, cpuMs() - start);
    });
  }
  reductions.forEach(([api], at) => {
    const ms = times[at] as number;
    console.log(`| ${api} | ${ms.toFixed(1)} | ${((ms * 1e6) / flat.length).toFixed(0)} |`);
  });
}

main();
