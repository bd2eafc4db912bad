/**
 * Plain node benchmark of the stream pipeline; prints markdown tables. Times are process CPU
 * time (user + system), so other load on the machine skews them less than wall time: (a), (c)
 * and (d) keep the best of several rounds, (b) the median of interleaved rounds (`ROUNDS=9`).
 * Run: pnpm exec tsx packages/core/bench/run-core-streams.ts
 */
import { loadavg } from "node:os";
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

/** `SECTIONS=b` runs only table (b); by default every table runs. */
const runs = (section: string) => (process.env.SECTIONS ?? "abcd").includes(section);

async function main() {
  if (runs("a")) await threadLength();
  if (runs("b")) await streamPipelines();
  if (runs("c")) await assistantsToThreadItems();
  if (runs("d")) await reductionAlone();
}

async function threadLength() {
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
}

const N = 100_000;

async function streamPipelines() {
  console.log(`\n### (b) ${N.toLocaleString("en")}-delta stream: decode + validate + reduce\n`);
  const streams = [
    {
      name: "ChatKit text deltas",
      chunks: syntheticThreadStream(N),
      pipelines: [
        ["readThreadStreamBatches + reduceThreadStreamEvents", threadBatchPipeline],
        ["readThreadStream (for await per event)", threadPipeline],
        ["readThreadStream (for await per event), no reduction", threadReader],
      ],
    },
    {
      name: "Assistants text deltas",
      chunks: syntheticAssistantStream(N),
      pipelines: [
        ["readAssistantStreamBatches + reduceAssistantRunEvents", assistantBatchPipeline],
        ["readAssistantStream (for await per event)", assistantPipeline],
        ["readAssistantStream (for await per event), no reduction", assistantReader],
      ],
    },
    // The same streams written with spaces (Python's `json.dumps` default): no event takes the
    // readers' text delta pattern, so this is what a server in another JSON form gets.
    {
      name: "ChatKit text deltas, spaced JSON",
      chunks: syntheticThreadStream(N, undefined, "spaced"),
      pipelines: [
        ["readThreadStream (for await per event)", threadPipeline],
        ["readThreadStream (for await per event), no reduction", threadReader],
      ],
    },
    {
      name: "Assistants text deltas, spaced JSON",
      chunks: syntheticAssistantStream(N, undefined, "spaced"),
      pipelines: [
        ["readAssistantStream (for await per event)", assistantPipeline],
        ["readAssistantStream (for await per event), no reduction", assistantReader],
      ],
    },
  ] as const;
  // Every run of a round, floors included, in one list whose starting point rotates from round
  // to round: no pipeline always runs right after the same one (or first, on a cold heap), and
  // each pipeline is compared with the floor of its own stream measured in the same round.
  type Job = { stream: number; pipeline: number; run: () => unknown };
  const jobs: Job[] = [];
  streams.forEach((stream, s) => {
    jobs.push({ stream: s, pipeline: -1, run: () => floor(stream.chunks) });
    stream.pipelines.forEach(([, run], p) => {
      jobs.push({ stream: s, pipeline: p, run: () => run(stream.chunks) });
    });
  });
  const ROUNDS = Number(process.env.ROUNDS ?? 9);
  const times = new Map<Job, number[]>(jobs.map((job) => [job, []]));
  const loadBefore = loadavg()[0] as number;
  for (let round = -1; round < ROUNDS; round++) {
    for (let k = 0; k < jobs.length; k++) {
      const job = jobs[(k + Math.max(round, 0) * 3) % jobs.length] as Job;
      const ms = await cpuTime(job.run);
      // Round -1 warms up the code and the heap; it is not counted.
      if (round >= 0) times.get(job)?.push(ms);
    }
  }
  const median = (list: readonly number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  };
  console.log(
    `${ROUNDS} interleaved rounds after one warm-up round; medians of process CPU time; ratio: median of each round's pipeline / floor of the same stream. Load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] as number).toFixed(1)}.\n`,
  );
  console.log(
    "| stream | API | floor ms | pipeline ms | events/s | ratio to floor | ratio range |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  streams.forEach((stream, s) => {
    const floorTimes = times.get(
      jobs.find((job) => job.stream === s && job.pipeline === -1) as Job,
    ) as number[];
    stream.pipelines.forEach(([api], p) => {
      const own = times.get(
        jobs.find((job) => job.stream === s && job.pipeline === p) as Job,
      ) as number[];
      const ratios = own.map((ms, round) => ms / (floorTimes[round] as number));
      const ms = median(own);
      const rate = Math.round((N / ms) * 1000);
      console.log(
        `| ${stream.name} | \`${api}\` | ${median(floorTimes).toFixed(1)} | ${ms.toFixed(1)} | ${rate.toLocaleString("en")} | ${median(ratios).toFixed(2)}× | ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× |`,
      );
    });
  });
}

async function assistantsToThreadItems() {
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
}

async function reductionAlone() {
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
