/**
 * Turns an async iterator of event batches into an async generator of events without an async
 * generator's per-yield bookkeeping: an event already in hand is returned as one resolved
 * promise, so a `for await` consumer pays one microtask per event. When `signal` aborts, the next
 * `next()` rejects with its reason and ends `source`, even with events of a batch still in hand.
 */
export class FlattenedBatches<T> implements AsyncGenerator<T, void, undefined> {
  private batch: readonly T[] = [];
  private index = 0;
  private finished = false;

  constructor(
    private readonly source: AsyncGenerator<readonly T[], void, undefined>,
    private readonly signal?: AbortSignal | undefined,
  ) {}

  /** The pending pull from `source`; later `next()` calls wait for it (like a generator queue). */
  private pulling: Promise<unknown> | null = null;

  next(): Promise<IteratorResult<T, void>> {
    if (this.pulling !== null) return this.pulling.then(() => this.next());
    if (this.signal?.aborted === true && !this.finished) return this.abort(this.signal);
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

  /** Ends `source` (which cancels the body) and rejects with the abort reason. */
  private abort(signal: AbortSignal): Promise<IteratorResult<T, void>> {
    this.finished = true;
    this.batch = [];
    const reason: unknown = signal.reason ?? new DOMException("Aborted", "AbortError");
    return this.source.return().then(
      () => Promise.reject(reason),
      () => Promise.reject(reason),
    );
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
