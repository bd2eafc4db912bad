/**
 * Plain node benchmark of the stream pipeline; prints a markdown table.
 * Run: pnpm exec tsx packages/core/bench/run-core-streams.ts
 */
import { reduceThreadStream } from "../src/reducers/reduce-thread-stream";
import { assistantPipeline, floor, threadPipeline } from "./measure";
import { DELTA, syntheticAssistantStream, syntheticThreadStream, threadWithItems } from "./synthetic";

function nsPerOp(fn: () => void, iterations: number): number {
  for (let i = 0; i < iterations / 10; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / iterations;
}

async function best(runs: number, fn: () => unknown): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    min = Math.min(min, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return min;
}

async function main() {
  console.log("### (a) one text delta vs. thread length\n");
  console.log("| items | ns / delta | vs. 10 items |");
  console.log("| ---: | ---: | ---: |");
  let base = 0;
  for (const count of [10, 1_000, 10_000]) {
    const state = threadWithItems(count);
    let sink = state;
    const ns = Math.min(
      ...[0, 1, 2].map(() => nsPerOp(() => {
        sink = reduceThreadStream(state, DELTA);
      }, 200_000)),
    );
    if (sink === state) throw new Error("delta not applied");
    if (count === 10) base = ns;
    console.log(`| ${count.toLocaleString("en")} | ${ns.toFixed(0)} | ${(ns / base).toFixed(2)}× |`);
  }

  const N = 100_000;
  console.log(`\n### (b) ${N.toLocaleString("en")}-delta stream: decode + validate + reduce\n`);
  console.log("| stream | floor ms | pipeline ms | events/s | ratio to floor |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const [name, chunks, pipeline] of [
    ["ChatKit `thread.item.updated`", syntheticThreadStream(N), threadPipeline],
    ["Assistants `thread.message.delta`", syntheticAssistantStream(N), assistantPipeline],
  ] as const) {
    const events = floor(chunks);
    // Interleave to share any machine noise between both sides.
    let f = Number.POSITIVE_INFINITY;
    let p = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 7; round++) {
      f = Math.min(f, await best(1, () => floor(chunks)));
      p = Math.min(p, await best(1, () => pipeline(chunks)));
    }
    const rate = Math.round((events / p) * 1000);
    console.log(
      `| ${name} | ${f.toFixed(1)} | ${p.toFixed(1)} | ${rate.toLocaleString("en")} | ${(p / f).toFixed(2)}× |`,
    );
  }
}

main();
