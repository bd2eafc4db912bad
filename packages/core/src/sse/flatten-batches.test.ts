import { FlattenedBatches } from "./flatten-batches";

async function* batches(list: number[][], log: string[] = []) {
  try {
    for (const batch of list) yield batch;
  } finally {
    log.push("closed");
  }
}

describe("FlattenedBatches", () => {
  it("yields every event of every batch in order, skipping empty batches", async () => {
    const out: number[] = [];
    for await (const n of new FlattenedBatches(batches([[1, 2], [], [3]]))) out.push(n);
    expect(out).toEqual([1, 2, 3]);
  });

  it("answers overlapping next() calls in order, like a generator", async () => {
    const it = new FlattenedBatches(batches([[1], [2, 3]]));
    const results = await Promise.all([it.next(), it.next(), it.next(), it.next()]);
    expect(results).toEqual([
      { value: 1, done: false },
      { value: 2, done: false },
      { value: 3, done: false },
      { value: undefined, done: true },
    ]);
  });

  it("stops with the abort reason before the rest of a batch in hand, and closes the source", async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const it = new FlattenedBatches(batches([[1, 2, 3], [4]], log), controller.signal);
    expect(await it.next()).toEqual({ value: 1, done: false });
    controller.abort(new Error("stop"));
    await expect(it.next()).rejects.toThrow("stop");
    expect(log).toEqual(["closed"]);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it("closes the source when the consumer stops early", async () => {
    const log: string[] = [];
    for await (const n of new FlattenedBatches(batches([[1, 2], [3]], log))) {
      expect(n).toBe(1);
      break;
    }
    expect(log).toEqual(["closed"]);
  });

  it("rejects with the source's error and then reports done", async () => {
    const error = new Error("boom");
    async function* failing(): AsyncGenerator<number[], void, undefined> {
      yield [1];
      throw error;
    }
    const it = new FlattenedBatches(failing());
    expect(await it.next()).toEqual({ value: 1, done: false });
    await expect(it.next()).rejects.toBe(error);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });
});
