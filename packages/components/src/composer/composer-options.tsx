import { Check, ChevronDown, Plus, X } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { useThreadUI } from "../context";
import { WidgetIconGlyph } from "../widgets/icon";
import { useComposerContext } from "./composer";

/** A tool of the composer's tools menu: ChatKit's `ToolOption`. */
export interface ComposerTool {
  id: string;
  /** Shown in the menu. */
  label: string;
  /** A ChatKit icon name or `lucide:<name>`. */
  icon: string;
  /** Shown on the selected-tool chip instead of `label`. */
  shortLabel?: string;
  /** The input's placeholder while the tool is selected. */
  placeholderOverride?: string;
  /** Shown as a toggle button beside the menu instead of inside it. @default false */
  pinned?: boolean;
  /** Stays selected after a message is sent. @default false */
  persistent?: boolean;
}

/** A model of the composer's model picker: ChatKit's `ModelOption`. */
export interface ComposerModel {
  id: string;
  label: string;
  /** Shown under the label in the picker. */
  description?: string;
  /** Listed, but cannot be picked. */
  disabled?: boolean;
  /** Picked until the user picks another. */
  default?: boolean;
}

/** Props of {@link ComposerToolMenu}. */
export interface ComposerToolMenuProps
  extends Omit<ComponentPropsWithoutRef<"div">, "onChange" | "defaultValue"> {
  tools: readonly ComposerTool[];
  /** The selected tool's id, or `null`. */
  value: string | null;
  onValueChange: (toolId: string | null) => void;
}

/**
 * The tools menu: a button opening a menu of the tools (Radix `DropdownMenu`: arrow keys, type
 * to find, Escape), pinned tools as toggle buttons beside it, and the selected tool as a chip
 * whose button clears it.
 *
 * @selector [data-tk-part="composer-tools"]
 * @selector [data-tk-part="composer-tools-trigger"]
 * @selector [data-tk-part="composer-tool-pinned"][aria-pressed]
 * @selector [data-tk-part="composer-tool-selected"] the chip of the selected tool
 * @selector [data-tk-part="composer-menu"] [data-tk-part="composer-menu-item"][data-state="checked"]
 */
export const ComposerToolMenu = forwardRef<HTMLDivElement, ComposerToolMenuProps>(
  function ComposerToolMenu({ tools, value, onValueChange, ...props }, ref) {
    const ctx = useComposerContext("Composer.ToolMenu");
    const { t, portalContainer } = useThreadUI();
    if (tools.length === 0) return null;
    const selected = tools.find((tool) => tool.id === value) ?? null;
    const pinned = tools.filter((tool) => tool.pinned);
    const listed = tools.filter((tool) => !tool.pinned);
    return (
      <div data-tk-part="composer-tools" {...props} ref={ref}>
        {listed.length > 0 ? (
          <DropdownMenu.Root modal={false}>
            <DropdownMenu.Trigger
              data-tk-part="composer-tools-trigger"
              aria-label={t("composer.tools")}
              title={t("composer.tools")}
              disabled={ctx.disabled}
            >
              <Plus aria-hidden size={18} />
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal container={portalContainer ?? undefined}>
              <DropdownMenu.Content
                data-tk-part="composer-menu"
                side="top"
                align="start"
                sideOffset={6}
                collisionPadding={8}
              >
                <DropdownMenu.RadioGroup value={value ?? ""} onValueChange={onValueChange}>
                  {listed.map((tool) => (
                    <DropdownMenu.RadioItem
                      key={tool.id}
                      value={tool.id}
                      data-tk-part="composer-menu-item"
                    >
                      <WidgetIconGlyph name={tool.icon} size={16} />
                      <span data-tk-part="composer-menu-label">{tool.label}</span>
                      <DropdownMenu.ItemIndicator data-tk-part="composer-menu-check">
                        <Check aria-hidden size={14} />
                      </DropdownMenu.ItemIndicator>
                    </DropdownMenu.RadioItem>
                  ))}
                </DropdownMenu.RadioGroup>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        ) : null}
        {pinned.map((tool) => (
          <button
            key={tool.id}
            type="button"
            data-tk-part="composer-tool-pinned"
            aria-pressed={tool.id === value}
            title={tool.label}
            disabled={ctx.disabled}
            onClick={() => onValueChange(tool.id === value ? null : tool.id)}
          >
            <WidgetIconGlyph name={tool.icon} size={16} />
            <span>{tool.shortLabel ?? tool.label}</span>
          </button>
        ))}
        {selected && !selected.pinned ? (
          <span data-tk-part="composer-tool-selected">
            <WidgetIconGlyph name={selected.icon} size={14} />
            <span>{selected.shortLabel ?? selected.label}</span>
            <button
              type="button"
              data-tk-part="composer-tool-clear"
              aria-label={t("composer.clearTool", { name: selected.label })}
              onClick={() => {
                onValueChange(null);
                ctx.inputRef.current?.focus();
              }}
            >
              <X aria-hidden size={12} />
            </button>
          </span>
        ) : null}
      </div>
    );
  },
);
ComposerToolMenu.displayName = "Composer.ToolMenu";

/** Props of {@link ComposerModelPicker}. */
export interface ComposerModelPickerProps
  extends Omit<ComponentPropsWithoutRef<"button">, "value" | "onChange" | "defaultValue"> {
  models: readonly ComposerModel[];
  /** The picked model's id. */
  value: string | null;
  onValueChange: (modelId: string) => void;
}

/**
 * The model picker: a button with the picked model's label opening a menu of the models (Radix
 * `DropdownMenu`), each with its description; disabled models are listed but cannot be picked.
 *
 * @selector [data-tk-part="composer-model-trigger"]
 * @selector [data-tk-part="composer-menu"] [data-tk-part="composer-menu-item"][data-disabled]
 */
export const ComposerModelPicker = forwardRef<HTMLButtonElement, ComposerModelPickerProps>(
  function ComposerModelPicker({ models, value, onValueChange, ...props }, ref) {
    const ctx = useComposerContext("Composer.ModelPicker");
    const { t, portalContainer } = useThreadUI();
    if (models.length === 0) return null;
    const picked = models.find((model) => model.id === value);
    return (
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          data-tk-part="composer-model-trigger"
          aria-label={t("composer.model", { name: picked?.label ?? "" })}
          disabled={ctx.disabled}
          {...props}
          ref={ref}
        >
          <span>{picked?.label ?? t("composer.modelNone")}</span>
          <ChevronDown aria-hidden size={14} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal container={portalContainer ?? undefined}>
          <DropdownMenu.Content
            data-tk-part="composer-menu"
            data-menu="models"
            side="top"
            align="end"
            sideOffset={6}
            collisionPadding={8}
          >
            <DropdownMenu.RadioGroup value={value ?? ""} onValueChange={onValueChange}>
              {models.map((model) => (
                <DropdownMenu.RadioItem
                  key={model.id}
                  value={model.id}
                  disabled={model.disabled === true}
                  data-tk-part="composer-menu-item"
                >
                  <span data-tk-part="composer-menu-text">
                    <span data-tk-part="composer-menu-label">{model.label}</span>
                    {model.description ? (
                      <span data-tk-part="composer-menu-description">{model.description}</span>
                    ) : null}
                  </span>
                  <DropdownMenu.ItemIndicator data-tk-part="composer-menu-check">
                    <Check aria-hidden size={14} />
                  </DropdownMenu.ItemIndicator>
                </DropdownMenu.RadioItem>
              ))}
            </DropdownMenu.RadioGroup>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    );
  },
);
ComposerModelPicker.displayName = "Composer.ModelPicker";

/** The model picked at first: the one marked `default`, else the first one enabled. */
export function defaultModelId(models: readonly ComposerModel[] | undefined): string | null {
  if (!models || models.length === 0) return null;
  return (
    models.find((model) => model.default && !model.disabled)?.id ??
    models.find((model) => !model.disabled)?.id ??
    null
  );
}
