import {
  createWidgetItemRenderer,
  Thread,
  type ThreadStoreSubscription,
} from "@threadkit/components";
import { memo, useMemo } from "react";
import type { ReplayPipeline } from "./pipeline";

// Widgets render with the real widget renderer; a replay has no server to send actions to.
const renderers = { widget: createWidgetItemRenderer() };

/** Props of {@link ReplayThreadView}. */
export interface ReplayThreadViewProps {
  pipeline: ReplayPipeline;
}

/**
 * The thread as the replay has built it so far: the components' `Thread` parts reading the
 * pipeline's per-thread store, exactly as an app renders a live thread.
 */
export const ReplayThreadView = memo(function ReplayThreadView({
  pipeline,
}: ReplayThreadViewProps) {
  const store = useMemo<ThreadStoreSubscription>(
    () => ({
      getState: () => pipeline.store.getState(),
      subscribe: (listener) => pipeline.subscribeItems(() => listener()),
    }),
    [pipeline],
  );
  return (
    <Thread.Root store={store} renderers={renderers} className="tkr-thread" virtualize={false}>
      <Thread.Viewport>
        <Thread.Empty>
          <p className="tkr-empty">No items yet.</p>
        </Thread.Empty>
        <Thread.Items />
      </Thread.Viewport>
    </Thread.Root>
  );
});
