import type { ButtonWidget, WidgetNode } from "@threadkit/core";
import type { ReactNode } from "react";
import { iconPx } from "./content";
import { useWidgetActionTrigger, useWidgetForm, type WidgetComponentProps } from "./context";
import { WidgetIconGlyph } from "./icon";

const flag = (value: unknown): "" | undefined => (value === true ? "" : undefined);

/**
 * A button. `onClickAction` fires an action (with the enclosing form's values); `submit` submits
 * the nearest Form after native validation. While its action is pending (loading behaviour
 * `self`) it shows a spinner and ignores clicks.
 *
 * @selector [data-tk-part="widget-button"] [data-color] [data-variant] [data-size]
 * @selector [data-pill] [data-block] [data-uniform] [data-loading] [data-icon-only]
 */
export function WidgetButton({
  node,
}: WidgetComponentProps<WidgetNode & Partial<ButtonWidget>>): ReactNode {
  const form = useWidgetForm();
  const [fire, loading, setSelfLoading] = useWidgetActionTrigger(node.onClickAction, "button");
  const submit = node.submit === true && form !== null;
  const secondary = node.style === "secondary";
  const color = node.color ?? (secondary ? "secondary" : "primary");
  const variant = node.variant ?? (secondary ? "outline" : "solid");
  const size = node.size ?? "md";
  const iconSize = iconPx(node.iconSize ?? (size === "lg" || size === "xl" ? "lg" : "md"), 16);
  const label = typeof node.label === "string" && node.label !== "" ? node.label : undefined;
  const iconOnly = label === undefined;
  const onClick = () => {
    if (loading) return;
    if (submit && form !== null) {
      // The form's submit handler runs next (after native validation) and sends this action.
      form.submitterRef.current = {
        action: node.onClickAction,
        setSelfLoading,
      };
      return;
    }
    fire?.();
  };
  return (
    <button
      type={submit ? "submit" : "button"}
      data-tk-part="widget-button"
      data-color={color}
      data-variant={variant}
      data-size={size}
      data-pill={flag(node.pill)}
      data-block={flag(node.block)}
      data-uniform={flag(node.uniform)}
      data-icon-only={flag(iconOnly)}
      data-loading={flag(loading)}
      aria-busy={loading || undefined}
      aria-label={iconOnly ? (node.iconStart ?? node.iconEnd ?? "button") : undefined}
      disabled={node.disabled === true}
      onClick={onClick}
    >
      {loading ? (
        <span data-tk-part="widget-button-spinner" aria-hidden="true" />
      ) : node.iconStart ? (
        <WidgetIconGlyph name={node.iconStart} size={iconSize} />
      ) : null}
      {label !== undefined ? <span data-tk-part="widget-button-label">{label}</span> : null}
      {node.iconEnd ? <WidgetIconGlyph name={node.iconEnd} size={iconSize} /> : null}
    </button>
  );
}
