import { useId, useState } from "react";
import { type Recording, recordings } from "./recordings";
import { StreamReplayPlayer, type StreamReplayPlayerProps } from "./stream-replay-player";

/** Props of {@link ReplayBrowser}. */
export interface ReplayBrowserProps extends Omit<StreamReplayPlayerProps, "recording"> {
  /** The recording selected first. @default the first ChatKit recording */
  initialRecordingId?: string;
}

const groups: ReadonlyArray<{ label: string; items: readonly Recording[] }> = [
  { label: "ChatKit protocol", items: recordings.filter((r) => r.protocol === "chatkit") },
  { label: "Assistants API", items: recordings.filter((r) => r.protocol === "assistants") },
];

/** Every recorded stream in one player, chosen from a list. */
export function ReplayBrowser({ initialRecordingId, ...playerProps }: ReplayBrowserProps) {
  const [id, setId] = useState(initialRecordingId ?? recordings[0]?.id ?? "");
  const selectId = useId();
  const recording = recordings.find((r) => r.id === id) ?? recordings[0];
  return (
    <div className="tkr-browser">
      <p className="tkr-browser-picker">
        <label htmlFor={selectId}>Recording</label>{" "}
        <select
          id={selectId}
          className="tkr-select"
          value={id}
          onChange={(event) => setId(event.currentTarget.value)}
        >
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.items.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </p>
      {recording ? (
        <StreamReplayPlayer {...playerProps} key={recording.id} recording={recording} />
      ) : null}
    </div>
  );
}
