import {
  type KeyboardEvent,
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useSyncExternalStore,
} from "react";
import { createReplayPipeline, type ReplayLogEntry } from "./pipeline";
import type { Recording } from "./recordings";
import { REPLAY_SPEEDS, ReplayController, type ReplayState } from "./replay-controller";
import { ReplayThreadView } from "./replay-thread-view";
import "./stream-replay-player.css";

/** Props of {@link StreamReplayPlayer}. */
export interface StreamReplayPlayerProps {
  /** The recorded stream to replay. */
  recording: Recording;
  /**
   * Characters fed to the decoder per chunk.
   * @default 37
   */
  chunkSize?: number;
  /**
   * Milliseconds between events at speed 1.
   * @default 80
   */
  intervalMs?: number;
  /** @default 1 */
  initialSpeed?: number;
  /** Start playing on mount. @default false */
  autoPlay?: boolean;
  /** Heading level of the recording title. @default 2 */
  headingLevel?: 2 | 3 | 4;
}

const LOG_LIMIT = 200;

const STATUS_TEXT: Record<ReplayState["status"], string> = {
  ready: "Ready",
  playing: "Playing",
  paused: "Paused",
  ended: "Ended",
};

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}

/**
 * Replays a recorded server-sent event stream through threadkit's real decoder, reducer, store
 * and components, with play, pause, step, seek and speed controls. Keyboard: Space or K plays and
 * pauses, → or . steps one event, ← steps back, Home restarts, End jumps to the end.
 */
export function StreamReplayPlayer({
  recording,
  chunkSize = 37,
  intervalMs = 80,
  initialSpeed = 1,
  autoPlay = false,
  headingLevel = 2,
}: StreamReplayPlayerProps) {
  const controller = useMemo(
    () =>
      new ReplayController(recording.text, () => createReplayPipeline(recording.protocol), {
        chunkSize,
        intervalMs,
        speed: initialSpeed,
      }),
    [recording, chunkSize, intervalMs, initialSpeed],
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  // The sink changes together with `state.generation`, so reading it here stays consistent.
  const pipeline = controller.sink;
  const log = useSyncExternalStore(pipeline.subscribe, pipeline.getLog);

  useEffect(() => {
    if (autoPlay) controller.play();
    return () => controller.dispose();
  }, [controller, autoPlay]);

  const titleId = useId();
  const speedId = useId();
  const positionId = useId();
  const Heading = `h${headingLevel}` as const;

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      if (target.closest("select, input, textarea, [contenteditable='true'], details")) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      let handled = true;
      switch (event.key) {
        case " ":
        case "k":
          if (target.closest("button")) return; // Space on a button clicks it.
          if (controller.getState().status === "playing") controller.pause();
          else controller.play();
          break;
        case "ArrowRight":
        case ".":
          controller.step();
          break;
        case "ArrowLeft":
        case ",":
          controller.seek(controller.getState().events - 1);
          break;
        case "Home":
          controller.restart();
          break;
        case "End":
          controller.end();
          break;
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    },
    [controller],
  );

  const playing = state.status === "playing";
  const total = state.totalEvents;
  const lastEntry = log[log.length - 1];

  return (
    <section
      className="tkr"
      aria-labelledby={titleId}
      data-status={state.status}
      data-protocol={recording.protocol}
      onKeyDown={onKeyDown}
    >
      <header className="tkr-header">
        <Heading id={titleId} className="tkr-title">
          {recording.title}
        </Heading>
        <p className="tkr-description">
          <InlineCode text={recording.description} />
        </p>
        <p className="tkr-meta">
          <code dir="ltr">{recording.path}</code>
          <span aria-hidden="true"> · </span>
          <span>
            {recording.protocol === "chatkit" ? "ChatKit protocol" : "Assistants API"} ·{" "}
            {formatBytes(state.length)}
            {total === null ? null : ` · ${total} events`}
          </span>
        </p>
      </header>

      <fieldset className="tkr-controls">
        <legend className="tkr-visually-hidden">Replay controls</legend>
        <button
          type="button"
          className="tkr-button"
          onClick={() => controller.restart()}
          aria-keyshortcuts="Home"
          disabled={state.offset === 0}
        >
          Restart
        </button>
        <button
          type="button"
          className="tkr-button"
          onClick={() => controller.seek(state.events - 1)}
          aria-keyshortcuts="ArrowLeft"
          disabled={state.events === 0}
        >
          Back
        </button>
        <button
          type="button"
          className="tkr-button tkr-button-primary"
          onClick={() => (playing ? controller.pause() : controller.play())}
          aria-keyshortcuts="Space K"
        >
          {playing ? "Pause" : state.status === "ended" ? "Replay" : "Play"}
        </button>
        <button
          type="button"
          className="tkr-button"
          onClick={() => controller.step()}
          aria-keyshortcuts="ArrowRight"
          disabled={state.status === "ended"}
        >
          Step
        </button>
        <button
          type="button"
          className="tkr-button"
          onClick={() => controller.end()}
          aria-keyshortcuts="End"
          disabled={state.status === "ended"}
        >
          End
        </button>
        <label className="tkr-speed" htmlFor={speedId}>
          Speed
        </label>
        <select
          id={speedId}
          className="tkr-select"
          value={state.speed}
          onChange={(event) => controller.setSpeed(Number(event.currentTarget.value))}
        >
          {REPLAY_SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
      </fieldset>

      <div className="tkr-position">
        <label htmlFor={positionId}>Position</label>
        <input
          id={positionId}
          type="range"
          min={0}
          max={total ?? state.events}
          step={1}
          value={state.events}
          aria-valuetext={`Event ${state.events} of ${total ?? "…"}`}
          onChange={(event) => controller.seek(Number(event.currentTarget.value))}
        />
        <span className="tkr-counter">
          Event {state.events} of {total ?? "…"} · {formatBytes(state.offset)} of{" "}
          {formatBytes(state.length)}
        </span>
      </div>
      <p className="tkr-status" role="status" aria-label="Replay status">
        {STATUS_TEXT[state.status]}
      </p>

      <div className="tkr-panes">
        <section className="tkr-pane" aria-label="Rendered thread">
          <h3 className="tkr-pane-title">Rendered thread</h3>
          <ReplayThreadView key={state.generation} pipeline={pipeline} />
        </section>
        <section className="tkr-pane" aria-label="Decoded events">
          <h3 className="tkr-pane-title">Decoded events</h3>
          <EventLog entries={log} />
          <details className="tkr-current">
            <summary>Last event as received</summary>
            <pre className="tkr-json" dir="ltr">
              {lastEntry ? lastEntry.json : "Nothing decoded yet."}
            </pre>
          </details>
        </section>
      </div>
      <p className="tkr-help">
        Keyboard: <kbd>Space</kbd> play or pause, <kbd>→</kbd> step, <kbd>←</kbd> back,{" "}
        <kbd>Home</kbd> restart, <kbd>End</kbd> jump to the end.
      </p>
    </section>
  );
}

/** Renders `backtick` spans of a plain description as code. */
function InlineCode({ text }: { text: string }) {
  const parts = text.split("`");
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: static text split
          <code key={index}>{part}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}

const EventLog = memo(function EventLog({ entries }: { entries: readonly ReplayLogEntry[] }) {
  const listRef = useRef<HTMLOListElement>(null);
  const shown = entries.length > LOG_LIMIT ? entries.slice(-LOG_LIMIT) : entries;
  const first = entries.length - shown.length + 1;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the log grows.
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [entries.length]);
  if (entries.length === 0) {
    return <p className="tkr-empty">No events yet. Press Play or Step.</p>;
  }
  return (
    <ol
      ref={listRef}
      className="tkr-log"
      dir="ltr"
      start={first}
      // A scrollable region must be reachable by keyboard.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region
      tabIndex={0}
      aria-label={`${entries.length} decoded events`}
    >
      {shown.map((entry) => (
        <li key={entry.index} className="tkr-log-entry" data-kind={entry.kind}>
          <code className="tkr-log-type">{entry.label}</code>
          {entry.detail ? <span className="tkr-log-detail">{entry.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
});
