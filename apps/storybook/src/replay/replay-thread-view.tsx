import type { ThreadItem } from "@threadkit/core";
import { useSyncExternalStore } from "react";
import type { ReplayPipeline } from "./pipeline";

/** Props of {@link ReplayThreadView}. */
export interface ReplayThreadViewProps {
  pipeline: ReplayPipeline;
}

function textOf(item: ThreadItem): string {
  switch (item.type) {
    case "user_message":
      return item.content.map((part) => part.text).join("");
    case "assistant_message":
      return item.content.map((part) => part.text).join("");
    default:
      return "";
  }
}

/** The thread as the replay has built it so far, read from the pipeline's store. */
export function ReplayThreadView({ pipeline }: ReplayThreadViewProps) {
  const state = useSyncExternalStore(pipeline.store.subscribe, pipeline.store.getState);
  if (state.itemIds.length === 0) {
    return <p className="tkr-empty">No items yet.</p>;
  }
  return (
    <div className="tkr-thread">
      {state.itemIds.map((id) => {
        const item = state.itemsById.get(id);
        if (item === undefined) return null;
        return (
          <article key={id} data-item-type={item.type} aria-label={item.type}>
            <p>
              <code>{item.type}</code>
            </p>
            <p data-testid="item-text">{textOf(item)}</p>
          </article>
        );
      })}
    </div>
  );
}
