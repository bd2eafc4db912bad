import type { ReactNode } from "react";
import { hasWidgetIcon, WidgetIconGlyph } from "../widgets/icon";

/**
 * A ChatKit icon name (or one registered with `registerWidgetIcons`) drawn like widget icons;
 * `fallback` for no name or a name without an icon (`vendor:*`, unregistered `lucide:*`, unknown).
 */
export function NamedIcon({
  name,
  fallback,
  size = 14,
  part,
}: {
  name: string | null | undefined;
  fallback: ReactNode;
  /** Size in px. @default 14 */
  size?: number;
  /** `data-tk-part` of the drawn icon (not of the fallback). */
  part?: string;
}): ReactNode {
  if (!name || !hasWidgetIcon(name)) return fallback;
  return <WidgetIconGlyph name={name} size={size} part={part} />;
}
