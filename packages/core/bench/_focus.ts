import { readThreadStreamBatches } from "../src/chatkit/read-thread-stream";
import { reduceThreadStream, reduceThreadStreamEvents } from "../src/state/reduce-thread-stream";
import { createThreadState } from "../src/state/thread-state";
import { syntheticThreadStream } from "../bench/synthetic";
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
async function main() {
  const batches: any[][] = [];
  for await (const b of readThreadStreamBatches(syntheticThreadStream(100_000))) batches.push(b);
  const flat = batches.flat();
  let bp = Infinity, bb = Infinity;
  let s: any;
  for (let r = 0; r < 9; r++) {
    let t = cpu(); s = createThreadState(); for (const e of flat) s = reduceThreadStream(s, e); bp = Math.min(bp, cpu() - t);
    t = cpu(); s = createThreadState(); for (const b of batches) s = reduceThreadStreamEvents(s, b); bb = Math.min(bb, cpu() - t);
  }
  console.log(`per-event ${bp.toFixed(1)} ms  batched ${bb.toFixed(1)} ms`);
}
main();
