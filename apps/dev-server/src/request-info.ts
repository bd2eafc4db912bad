import type { FaultSpec } from "./faults";
import type { ChatSession } from "./sessions";

/** What a protocol request carries besides its body. */
export interface RequestInfo {
  origin: string;
  session: ChatSession | null;
  faults: FaultSpec;
}
