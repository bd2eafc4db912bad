/**
 * A response body the replay player fills by hand. The stream readers pull chunks from it with
 * `for await`; because async generators are lazy, the reader asks for the next chunk only after
 * every event of the previous one went through the consumer's loop. `push` waits for exactly
 * that moment, so the player knows how many events each chunk produced.
 */
export interface PushBody extends AsyncIterable<string> {
  /** Hands `chunk` to the reader; resolves when the reader asks for more or has finished. */
  push(chunk: string): Promise<void>;
  /** Ends the body; resolves when the reader has finished. */
  end(): Promise<void>;
}

/**
 * Creates a {@link PushBody}. `finished` must settle when the consumer's loop over the reader
 * ends (normally or by throwing), so that a reader that stopped early never blocks `push`.
 */
export function createPushBody(finished: () => Promise<unknown>): PushBody {
  let waiting: ((result: IteratorResult<string, undefined>) => void) | null = null;
  let onPull: (() => void) | null = null;
  let closed = false;

  const pulled = (): Promise<void> => {
    if (waiting !== null || closed) return Promise.resolve();
    return new Promise((resolve) => {
      onPull = resolve;
    });
  };
  const settledOrPulled = () =>
    Promise.race([
      pulled(),
      finished().then(
        () => {},
        () => {},
      ),
    ]);

  return {
    [Symbol.asyncIterator]() {
      return {
        next() {
          return new Promise<IteratorResult<string, undefined>>((resolve) => {
            if (closed) {
              resolve({ done: true, value: undefined });
              return;
            }
            waiting = resolve;
            const notify = onPull;
            onPull = null;
            notify?.();
          });
        },
        return() {
          closed = true;
          const notify = onPull;
          onPull = null;
          notify?.();
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
    async push(chunk) {
      await settledOrPulled();
      if (closed || waiting === null) return;
      const resolve = waiting;
      waiting = null;
      resolve({ done: false, value: chunk });
      await settledOrPulled();
    },
    async end() {
      await settledOrPulled();
      closed = true;
      const resolve = waiting;
      waiting = null;
      resolve?.({ done: true, value: undefined });
      await finished().catch(() => {});
    },
  };
}
