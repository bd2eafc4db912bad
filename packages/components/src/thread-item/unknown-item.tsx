import type { UnknownThreadItem } from "@threadkit/core";
import { forwardRef, type HTMLAttributes } from "react";

/** Props of {@link UnknownItem}. */
export interface UnknownItemProps extends HTMLAttributes<HTMLDivElement> {
  item: UnknownThreadItem;
}

/**
 * The visible fallback for an item type this version does not know: it names the type and keeps
 * the raw JSON one click away, so nothing the server sent is hidden or lost.
 */
export const UnknownItem = forwardRef<HTMLDivElement, UnknownItemProps>(function UnknownItem(
  { item, ...props },
  ref,
) {
  return (
    <div
      ref={ref}
      data-tk-part="unknown-item"
      data-item-type={item.original_type}
      role="note"
      {...props}
    >
      <p>
        Unsupported item type <code>{item.original_type}</code>
      </p>
      <details>
        <summary>Show raw data</summary>
        <pre>{JSON.stringify(item.raw, null, 2)}</pre>
      </details>
    </div>
  );
});
