import type { ReactNode } from "react";

/** A citation marker to place at a character offset of the message text. */
export interface MarkdownMarker {
  /** Character offset in the message text. */
  index: number;
  /** Stable key of the marker within the message. */
  key: string;
  /** Renders the marker. */
  node: ReactNode;
}
