/**
 * The clock of the replay player. It cuts a recording into small chunks (split anywhere, as a
 * network would) and hands them to a {@link ReplaySink} — the real stream reader and reducer —
 * one stream event at a time: `step()` feeds chunks until the sink has read at least one more
 * event, `play()` repeats that on a timer, `seek()` replays from the start up to an event.
 * Operations run one after another in call order. No React, no DOM: the player subscribes with
 * `useSyncExternalStore`.
 */

/**
 * Where the replayed text goes. `write` resolves once every event the chunk completed has been
 * read and applied, with how many there were; `close` ends the body the same way.
 */
export interface ReplaySink {
  write(chunk: string): Promise<number>;
  close(): Promise<number>;
  /**
   * Optional: hold change notifications while many events are fed at once (seek, end) and send
   * one when released, so a view renders the result once instead of once per event.
   */
  hold?(): void;
  release?(): void;
}

/** `ready` before the first byte, `ended` after the last one. */
export type ReplayStatus = "ready" | "playing" | "paused" | "ended";

/** A snapshot of the replay's position. A new object on every change. */
export interface ReplayState {
  readonly status: ReplayStatus;
  /** Characters of the recording fed so far. */
  readonly offset: number;
  /** Characters in the recording. */
  readonly length: number;
  /** Stream events read so far. */
  readonly events: number;
  /** Stream events in the whole recording, once a dry run through a fresh sink counted them. */
  readonly totalEvents: number | null;
  /** Playback speed multiplier. */
  readonly speed: number;
  /** Increases each time the sink is recreated (restart, seek backwards). */
  readonly generation: number;
}

/** Options of {@link ReplayController}. */
export interface ReplayOptions {
  /**
   * Characters per chunk. Small chunks split events, lines and even `\r\n` pairs, which is the
   * point: the decoder must not care.
   * @default 37
   */
  readonly chunkSize?: number;
  /**
   * Milliseconds between events at speed 1.
   * @default 80
   */
  readonly intervalMs?: number;
  /** @default 1 */
  readonly speed?: number;
}

/** Speeds offered by the player's speed control. */
export const REPLAY_SPEEDS = [0.25, 0.5, 1, 2, 4, 16] as const;

/**
 * Drives one recording through sinks made by `createSink`. Each sink is fed from the first byte
 * on; going backwards makes a new one.
 */
export class ReplayController<S extends ReplaySink = ReplaySink> {
  readonly #text: string;
  readonly #createSink: () => S;
  readonly #chunkSize: number;
  readonly #intervalMs: number;
  readonly #listeners = new Set<() => void>();
  #sink: S;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #queue: Promise<void> = Promise.resolve();
  #quiet = false;
  #state: ReplayState;

  constructor(text: string, createSink: () => S, options: ReplayOptions = {}) {
    const chunkSize = options.chunkSize ?? 37;
    if (!Number.isInteger(chunkSize) || chunkSize < 1) {
      throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
    }
    this.#text = text;
    this.#createSink = createSink;
    this.#chunkSize = chunkSize;
    this.#intervalMs = options.intervalMs ?? 80;
    this.#sink = createSink();
    this.#state = {
      status: "ready",
      offset: 0,
      length: text.length,
      events: 0,
      totalEvents: null,
      speed: options.speed ?? 1,
      generation: 0,
    };
    this.#enqueue(async () => {
      const totalEvents = await countEvents(text, createSink(), chunkSize);
      this.#set({ totalEvents });
    });
  }

  /** The sink being fed now. It changes (with `generation`) on restart and on seeking back. */
  get sink(): S {
    return this.#sink;
  }

  /** The current snapshot (stable between changes, for `useSyncExternalStore`). */
  getState = (): ReplayState => this.#state;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Resolves when every operation called so far has finished. */
  settled(): Promise<void> {
    return this.#queue;
  }

  /** Starts or resumes playback. From the end, it starts over. */
  play(): Promise<void> {
    if (this.#state.status === "playing") return this.#queue;
    if (this.#state.status === "ended") this.#reset();
    this.#set({ status: "playing" });
    this.#schedule();
    return this.#queue;
  }

  /** Pauses playback; the position is kept. */
  pause(): Promise<void> {
    this.#clearTimer();
    if (this.#state.status === "playing") this.#set({ status: "paused" });
    return this.#queue;
  }

  /** Pauses, then feeds chunks until one more event is read (or the recording ends). */
  step(): Promise<void> {
    this.#clearTimer();
    if (this.#state.status === "playing") this.#set({ status: "paused" });
    return this.#enqueue(async () => {
      const ended = () => this.#state.status === "ended";
      if (ended()) return;
      await this.#advance();
      if (!ended()) this.#set({ status: "paused" });
    });
  }

  /** Pauses and replays from the start up to `events` read events. */
  seek(events: number): Promise<void> {
    this.#clearTimer();
    if (this.#state.status === "playing") this.#set({ status: "paused" });
    return this.#enqueue(async () => {
      const target = Math.max(0, Math.floor(events));
      const ended = () => this.#state.status === "ended";
      if (target < this.#state.events || ended()) this.#reset();
      await this.#bulk(async () => {
        while (this.#state.events < target && !ended()) await this.#advance();
      });
      if (!ended()) {
        this.#set({ status: this.#state.offset === 0 ? "ready" : "paused" });
      }
    });
  }

  /** Feeds the rest of the recording at once. */
  end(): Promise<void> {
    this.#clearTimer();
    return this.#enqueue(async () => {
      const ended = () => this.#state.status === "ended";
      await this.#bulk(async () => {
        while (!ended()) await this.#advance();
      });
    });
  }

  /** Back to the first byte, with a fresh sink. */
  restart(): Promise<void> {
    this.#clearTimer();
    return this.#enqueue(async () => this.#reset());
  }

  /** Changes the playback speed; takes effect from the next event. */
  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
    this.#set({ speed });
  }

  /** Stops playback without changing the position. Call when the player unmounts. */
  dispose(): void {
    this.#clearTimer();
    if (this.#state.status === "playing") this.#set({ status: "paused" });
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    // A failed operation is reported to its caller and does not block the ones after it.
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Runs `feed` with notifications held; listeners hear once, at the end. */
  async #bulk(feed: () => Promise<void>): Promise<void> {
    const sink = this.#sink;
    sink.hold?.();
    this.#quiet = true;
    try {
      await feed();
    } finally {
      this.#quiet = false;
      sink.release?.();
      this.#set({});
    }
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#enqueue(async () => {
        if (this.#state.status !== "playing") return;
        await this.#advance();
        if (this.#state.status === "playing") this.#schedule();
      });
    }, this.#intervalMs / this.#state.speed);
  }

  /** Feeds chunks until the sink reads at least one event; at the end, closes it. */
  async #advance(): Promise<void> {
    const sink = this.#sink;
    const { length } = this.#state;
    let { offset, events } = this.#state;
    const before = events;
    while (events === before && offset < length) {
      const chunk = this.#text.slice(offset, offset + this.#chunkSize);
      offset += chunk.length;
      events += await sink.write(chunk);
      if (sink !== this.#sink) return;
    }
    if (offset >= length) {
      events += await sink.close();
      if (sink !== this.#sink) return;
      this.#set({ offset, events, status: "ended" });
    } else {
      // One notification per event, not per chunk: an event can span dozens of chunks.
      this.#set({ offset, events });
    }
  }

  #reset(): void {
    this.#sink = this.#createSink();
    this.#set({ status: "ready", offset: 0, events: 0, generation: this.#state.generation + 1 });
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #set(patch: Partial<ReplayState>): void {
    this.#state = { ...this.#state, ...patch };
    if (this.#quiet) return;
    for (const listener of this.#listeners) listener();
  }
}

async function countEvents(text: string, sink: ReplaySink, chunkSize: number): Promise<number> {
  let events = 0;
  for (let offset = 0; offset < text.length; offset += chunkSize) {
    events += await sink.write(text.slice(offset, offset + chunkSize));
  }
  return events + (await sink.close());
}
