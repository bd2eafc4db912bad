import type { EndOfTurnItem } from "@threadkit/core";
import { memo } from "react";
import { type ItemRendererProps, useThreadUI } from "../context";

/**
 * Default renderer of `end_of_turn`: a quiet `<hr>` separator that ends the
 * assistant's turn.
 *
 * @selector [data-tk-part="end-of-turn"]
 */
export const EndOfTurn = memo(function EndOfTurn(_props: ItemRendererProps<EndOfTurnItem>) {
  const { t } = useThreadUI();
  return <hr data-tk-part="end-of-turn" aria-label={t("endOfTurn.label")} />;
});
