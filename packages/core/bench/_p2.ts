import { reduceThreadStream } from "../src/reducers/reduce-thread-stream";
import { createThreadState } from "../src/reducers/thread-state";
import { createAssistantMessage, textDelta } from "../src/testing/factories";

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const deltas = Array.from({ length: 100000 }, (_, i) => textDelta("m", ` w${i % 1000}`));
for (let r = 0; r < 4; r++) {
  let s = cpu();
  let state = createThreadState([createAssistantMessage("m", [""])]);
  for (const d of deltas) state = reduceThreadStream(state, d);
  console.log("reduce", (cpu() - s).toFixed(1));
  s = cpu();
  let item: any = createAssistantMessage("m", [""]);
  for (const d of deltas) {
    const c = item.content.slice();
    c[0] = { ...c[0], text: c[0].text + (d as any).update.delta };
    item = { ...item, content: c };
  }
  console.log("item only", (cpu() - s).toFixed(1));
}
