/**
 * Turns an async iterator of event batches into an async generator of events without an async
 * generator's per-yield bookkeeping: an event already in hand is returned as one resolved
 * promise, so a `for await` consumer pays one microtask per event.
 */
export class FlattenedBatches<T> implements AsyncGenerator<T, void, undefined> {
  private batch: readonly T[] = [];
  private index = 0;
  private finished = false;

  constructor(private readonly source: AsyncGenerator<readonly T[], void, undefined>) {}

  /** The pending pull from `source`; later `next()` calls wait for it (like a generator queue). */
  private pulling: Promise<unknown> | null = null;

  next(): Promise<IteratorResult<T, void>> {
    if (this.pulling !== null) return this.pulling.then(() => this.next());
    if (this.index < this.batch.length) {
      return Promise.resolve({ value: this.batch[this.index++] as T, done: false });
    }
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    const pull = this.source.next().then(
      (result) => {
        this.pulling = null;
        if (result.done) this.finished = true;
        else {
          this.batch = result.value;
          this.index = 0;
        }
      },
      (error: unknown) => {
        this.pulling = null;
        this.finished = true;
        throw error;
      },
    );
    this.pulling = pull.catch(() => {});
    return pull.then(() => this.next());
  }

  return(): Promise<IteratorResult<T, void>> {
    this.finished = true;
    this.batch = [];
    return this.source.return().then(() => ({ value: undefined, done: true }));
  }

  throw(error: unknown): Promise<IteratorResult<T, void>> {
    this.finished = true;
    this.batch = [];
    return this.source.throw(error).then(() => ({ value: undefined, done: true }));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
