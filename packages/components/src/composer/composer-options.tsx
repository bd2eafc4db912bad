import { Check, ChevronDown, Plus, X } from "lucide-react";
import {
  type ComponentPropsWithoutRef,
  type FocusEvent,
  forwardRef,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useThreadUI } from "../context";
import { composeRefs } from "../internal/compose-refs";
import { lazyModule, useLazyModule } from "../internal/lazy-module";
import { useIsomorphicLayoutEffect } from "../internal/use-layout-effect";
import { WidgetIconGlyph } from "../widgets/icon";
import { useComposerContext } from "./composer";

/** The Radix dropdown menu (popper, floating-ui, roving focus, dismissable layer), loaded on first use. */
export const composerMenuModule = lazyModule(() =>
  import("../internal/overlays").then((overlays) => overlays.composerMenu),
);

type DropdownMenuModule = typeof import("radix-ui").DropdownMenu;

interface LazyMenuProps extends Omit<ComponentPropsWithoutRef<"button">, "children"> {
  /** The trigger's content. */
  label: ReactNode;
  /** The menu, once the Radix code has loaded. */
  menu: (DropdownMenu: DropdownMenuModule) => ReactNode;
}

/**
 * A dropdown menu whose Radix code loads on the trigger's first pointerenter or focus. Until then
 * the trigger is a plain button with `DropdownMenu.Trigger`'s markup (`aria-haspopup="menu"`,
 * `aria-expanded`, `data-state`); a press before the code has arrived opens the menu as soon as it
 * does, as that press would have (a key on the Radix trigger, so the first item takes focus). The
 * trigger keeps focus across the swap.
 */
const LazyMenu = forwardRef<HTMLButtonElement, LazyMenuProps>(function LazyMenu(
  { label, menu, onPointerEnter, onFocus, onBlur, onPointerDown, onKeyDown, ...props },
  ref,
) {
  const DropdownMenu = useLazyModule(composerMenuModule)?.DropdownMenu;
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const refs = useMemo(() => composeRefs(triggerRef, ref), [ref]);
  const focused = useRef(false);
  const loaded = DropdownMenu !== undefined;
  // A key pressed on the plain trigger before the code arrived, replayed on the Radix one.
  const pendingKey = useRef<string | null>(null);
  useIsomorphicLayoutEffect(() => {
    // The plain trigger had focus when the Radix one replaced it: keep it on the trigger.
    if (loaded && focused.current && triggerRef.current !== document.activeElement)
      triggerRef.current?.focus();
  }, [loaded]);
  useEffect(() => {
    // After the menu's own effects (it tracks keyboard use from a document listener), so the
    // menu opens as that key would open it: on its first item.
    const key = pendingKey.current;
    const trigger = triggerRef.current;
    if (!loaded || key === null || !trigger) return;
    pendingKey.current = null;
    trigger.focus();
    trigger.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  }, [loaded]);
  const preload = () => {
    composerMenuModule.preload().catch(() => {});
  };
  const trigger = {
    ...props,
    ref: refs,
    onPointerEnter: (event: PointerEvent<HTMLButtonElement>) => {
      onPointerEnter?.(event);
      preload();
    },
    onFocus: (event: FocusEvent<HTMLButtonElement>) => {
      onFocus?.(event);
      focused.current = true;
      preload();
    },
    onBlur: (event: FocusEvent<HTMLButtonElement>) => {
      onBlur?.(event);
      focused.current = false;
    },
  };
  if (!DropdownMenu) {
    return (
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-state={open ? "open" : "closed"}
        data-disabled={props.disabled ? "" : undefined}
        {...trigger}
        onPointerDown={(event) => {
          onPointerDown?.(event);
          if (event.defaultPrevented || props.disabled) return;
          if (event.button === 0 && !event.ctrlKey) {
            preload();
            setOpen(true);
          }
        }}
        onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
          onKeyDown?.(event);
          if (event.defaultPrevented || props.disabled) return;
          if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") {
            event.preventDefault();
            pendingKey.current = event.key;
            preload();
          }
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <DropdownMenu.Root modal={false} open={open} onOpenChange={setOpen}>
      <DropdownMenu.Trigger {...trigger} onPointerDown={onPointerDown} onKeyDown={onKeyDown}>
        {label}
      </DropdownMenu.Trigger>
      {menu(DropdownMenu)}
    </DropdownMenu.Root>
  );
});

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
          <LazyMenu
            data-tk-part="composer-tools-trigger"
            aria-label={t("composer.tools")}
            title={t("composer.tools")}
            disabled={ctx.disabled}
            label={<Plus aria-hidden size={18} />}
            menu={(DropdownMenu) => (
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
            )}
          />
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
      <LazyMenu
        data-tk-part="composer-model-trigger"
        aria-label={t("composer.model", { name: picked?.label ?? "" })}
        disabled={ctx.disabled}
        {...props}
        ref={ref}
        label={
          <>
            <span>{picked?.label ?? t("composer.modelNone")}</span>
            <ChevronDown aria-hidden size={14} />
          </>
        }
        menu={(DropdownMenu) => (
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
        )}
      />
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
