import type { FaultSpec } from "./faults";
import type { SessionManager } from "./sessions";
import type { DevStore } from "./store";
import type { Clock } from "./util";

/** The shared parts every route uses. */
export interface DevServices {
  store: DevStore;
  sessions: SessionManager;
  clock: Clock;
  /** Base delay between streamed chunks, in ms (0 in tests). */
  delayMs: number;
  /** Faults applied to every request. */
  faults: FaultSpec;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
}
