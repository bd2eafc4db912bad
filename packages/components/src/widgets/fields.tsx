import type {
  CheckboxWidget,
  DatePickerWidget,
  InputWidget,
  RadioGroupWidget,
  SelectWidget,
  TextareaWidget,
  WidgetNode,
} from "@threadkit/core";
import { Check, ChevronDown, X } from "lucide-react";
import { Checkbox, RadioGroup, Select } from "radix-ui";
import { createContext, type FormEvent, type ReactNode, useContext, useState } from "react";
import { useThemeProps, useThreadUI } from "../context";
import { useWidgetActionTrigger, useWidgetRuntime, type WidgetComponentProps } from "./context";

type Props<T> = WidgetComponentProps<WidgetNode & T>;

const flag = (value: unknown): "" | undefined => (value === true ? "" : undefined);

/** The `fieldName`s that a `Label` in the current widget points at. */
export const WidgetLabelsContext = createContext<ReadonlySet<string>>(new Set());

/** The element id of the field named `name` in the widget with `prefix`. */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-field-${name.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
}

/** Field props shared by every control: id, name, and an accessible name when no Label exists. */
function useField(name: unknown, fallbackLabel: string | undefined) {
  const runtime = useWidgetRuntime();
  const labels = useContext(WidgetLabelsContext);
  const fieldName = typeof name === "string" ? name : "";
  return {
    id: fieldId(runtime.idPrefix, fieldName),
    name: fieldName,
    "aria-label": labels.has(fieldName) ? undefined : (fallbackLabel ?? fieldName),
  };
}

/** Native `pattern` for a textarea (which has none): a custom validity message. */
function checkPattern(pattern: string | undefined) {
  if (pattern === undefined) return undefined;
  let regex: RegExp | undefined;
  try {
    regex = new RegExp(`^(?:${pattern})$`, "v");
  } catch {
    regex = undefined;
  }
  return (event: FormEvent<HTMLTextAreaElement>) => {
    const element = event.currentTarget;
    const ok = regex === undefined || element.value === "" || regex.test(element.value);
    element.setCustomValidity(ok ? "" : "Please match the requested format.");
  };
}

/**
 * A single-line text field.
 * @selector [data-tk-part="widget-input"] [data-variant] [data-size] [data-pill]
 */
export function WidgetInput({ node }: Props<Partial<InputWidget>>): ReactNode {
  const field = useField(node.name, node.placeholder);
  return (
    <input
      data-tk-part="widget-input"
      data-variant={node.variant ?? "outline"}
      data-size={node.size ?? "md"}
      data-gutter={node.gutterSize}
      data-pill={flag(node.pill)}
      {...field}
      type={node.inputType ?? "text"}
      defaultValue={node.defaultValue}
      required={node.required}
      pattern={node.pattern}
      placeholder={node.placeholder}
      disabled={node.disabled}
      // biome-ignore lint/a11y/noAutofocus: the widget author asked for it (`autoFocus` prop)
      autoFocus={node.autoFocus}
      onFocus={node.autoSelect ? (event) => event.currentTarget.select() : undefined}
      data-1p-ignore={node.allowAutofillExtensions ? undefined : ""}
      data-lpignore={node.allowAutofillExtensions ? undefined : "true"}
    />
  );
}

/**
 * A multi-line text field; `autoResize` grows it with its content up to `maxRows`.
 * @selector [data-tk-part="widget-textarea"] [data-auto-resize]
 */
export function WidgetTextarea({ node }: Props<Partial<TextareaWidget>>): ReactNode {
  const field = useField(node.name, node.placeholder);
  const onInput = checkPattern(node.pattern);
  const maxRows = typeof node.maxRows === "number" ? node.maxRows : undefined;
  return (
    <textarea
      data-tk-part="widget-textarea"
      data-variant={node.variant ?? "outline"}
      data-size={node.size ?? "md"}
      data-gutter={node.gutterSize}
      data-auto-resize={flag(node.autoResize)}
      {...field}
      rows={node.rows ?? 3}
      defaultValue={node.defaultValue}
      required={node.required}
      placeholder={node.placeholder}
      disabled={node.disabled}
      // biome-ignore lint/a11y/noAutofocus: the widget author asked for it (`autoFocus` prop)
      autoFocus={node.autoFocus}
      onInput={onInput}
      onFocus={node.autoSelect ? (event) => event.currentTarget.select() : undefined}
      style={maxRows === undefined ? undefined : { maxHeight: `calc(${maxRows}lh + 1em)` }}
      data-1p-ignore={node.allowAutofillExtensions ? undefined : ""}
    />
  );
}

/**
 * A dropdown built on Radix Select (keyboard, typeahead, screen readers). Its value takes part
 * in form submission through Radix's hidden native select.
 *
 * @selector [data-tk-part="widget-select"] [data-variant] [data-size] [data-block] [data-pill]
 * @selector [data-tk-part="widget-select-content"] [data-tk-part="widget-select-item"]
 */
export function WidgetSelect({ node }: Props<Partial<SelectWidget>>): ReactNode {
  const field = useField(node.name, node.placeholder);
  const [fire] = useWidgetActionTrigger(node.onChangeAction, "change");
  const [value, setValue] = useState(node.defaultValue ?? "");
  const { portalContainer } = useThreadUI();
  const themeProps = useThemeProps();
  const options = (Array.isArray(node.options) ? node.options : []).filter(
    (option) => option.value !== "",
  );
  const change = (next: string) => {
    setValue(next);
    fire?.({ [field.name]: next === "" ? null : next });
  };
  return (
    <div data-tk-part="widget-select" data-block={flag(node.block)}>
      <Select.Root
        name={field.name}
        value={value}
        onValueChange={change}
        required={node.required === true}
        disabled={node.disabled === true}
      >
        <Select.Trigger
          id={field.id}
          aria-label={field["aria-label"]}
          data-tk-part="widget-select-trigger"
          data-variant={node.variant ?? "outline"}
          data-size={node.size ?? "md"}
          data-pill={flag(node.pill)}
        >
          <Select.Value placeholder={node.placeholder ?? "Select…"} />
          <Select.Icon data-tk-part="widget-select-icon">
            <ChevronDown aria-hidden="true" size={16} />
          </Select.Icon>
        </Select.Trigger>
        <Select.Portal container={portalContainer ?? undefined}>
          <Select.Content
            data-tk-part="widget-select-content"
            position="popper"
            sideOffset={4}
            {...themeProps}
          >
            <Select.Viewport>
              {options.map((option) => (
                <Select.Item
                  key={option.value}
                  value={option.value}
                  disabled={option.disabled === true}
                  data-tk-part="widget-select-item"
                >
                  <Select.ItemText>{option.label}</Select.ItemText>
                  {option.description ? (
                    <span data-tk-part="widget-select-item-description">{option.description}</span>
                  ) : null}
                  <Select.ItemIndicator data-tk-part="widget-select-item-indicator">
                    <Check aria-hidden="true" size={14} />
                  </Select.ItemIndicator>
                </Select.Item>
              ))}
            </Select.Viewport>
          </Select.Content>
        </Select.Portal>
      </Select.Root>
      {node.clearable === true && value !== "" && node.disabled !== true ? (
        <button
          type="button"
          data-tk-part="widget-select-clear"
          aria-label="Clear selection"
          onClick={() => change("")}
        >
          <X aria-hidden="true" size={14} />
        </button>
      ) : null}
    </div>
  );
}

function datePart(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return match ? match[0] : undefined;
}

/**
 * A date field (the browser's accessible native date input), `min`/`max` inclusive.
 * @selector [data-tk-part="widget-date-picker"] [data-variant] [data-size] [data-block]
 */
export function WidgetDatePicker({ node }: Props<Partial<DatePickerWidget>>): ReactNode {
  const field = useField(node.name, node.placeholder);
  const [fire] = useWidgetActionTrigger(node.onChangeAction, "change");
  return (
    <input
      data-tk-part="widget-date-picker"
      data-variant={node.variant ?? "outline"}
      data-size={node.size ?? "md"}
      data-block={flag(node.block)}
      data-pill={flag(node.pill)}
      {...field}
      type="date"
      defaultValue={datePart(node.defaultValue)}
      min={datePart(node.min)}
      max={datePart(node.max)}
      disabled={node.disabled}
      onChange={(event) => fire?.({ [field.name]: event.currentTarget.value || null })}
    />
  );
}

/**
 * A checkbox on Radix Checkbox; submits `true`/`false`.
 * @selector [data-tk-part="widget-checkbox"] [data-state="checked" | "unchecked"]
 */
export function WidgetCheckbox({ node }: Props<Partial<CheckboxWidget>>): ReactNode {
  const field = useField(node.name, node.label);
  const [fire] = useWidgetActionTrigger(node.onChangeAction, "change");
  const hasLabel = typeof node.label === "string" && node.label !== "";
  return (
    <div data-tk-part="widget-checkbox-field" data-disabled={flag(node.disabled)}>
      <Checkbox.Root
        data-tk-part="widget-checkbox"
        id={field.id}
        name={field.name}
        aria-label={hasLabel ? undefined : field["aria-label"]}
        defaultChecked={node.defaultChecked === true}
        required={node.required === true}
        disabled={node.disabled === true}
        onCheckedChange={(checked) => fire?.({ [field.name]: checked === true })}
      >
        <Checkbox.Indicator data-tk-part="widget-checkbox-indicator">
          <Check aria-hidden="true" size={14} strokeWidth={3} />
        </Checkbox.Indicator>
      </Checkbox.Root>
      {hasLabel ? (
        <label htmlFor={field.id} data-tk-part="widget-checkbox-label">
          {node.label}
        </label>
      ) : null}
    </div>
  );
}

/**
 * A group of radio buttons on Radix RadioGroup (arrow-key navigation).
 * @selector [data-tk-part="widget-radio-group"] [data-direction="row" | "col"]
 * @selector [data-tk-part="widget-radio"] [data-state="checked" | "unchecked"]
 */
export function WidgetRadioGroup({ node }: Props<Partial<RadioGroupWidget>>): ReactNode {
  const field = useField(node.name, node.ariaLabel);
  const [fire] = useWidgetActionTrigger(node.onChangeAction, "change");
  const options = Array.isArray(node.options) ? node.options : [];
  const direction = node.direction ?? "col";
  return (
    <RadioGroup.Root
      data-tk-part="widget-radio-group"
      data-direction={direction}
      id={field.id}
      name={field.name}
      aria-label={node.ariaLabel ?? field["aria-label"]}
      defaultValue={node.defaultValue}
      required={node.required === true}
      disabled={node.disabled === true}
      orientation={direction === "row" ? "horizontal" : "vertical"}
      onValueChange={(value) => fire?.({ [field.name]: value })}
    >
      {options.map((option) => {
        const id = `${field.id}-${option.value.replace(/[^A-Za-z0-9_-]/g, "_")}`;
        return (
          <div key={option.value} data-tk-part="widget-radio-field">
            <RadioGroup.Item
              data-tk-part="widget-radio"
              id={id}
              value={option.value}
              disabled={option.disabled === true}
            >
              <RadioGroup.Indicator data-tk-part="widget-radio-indicator" />
            </RadioGroup.Item>
            <label htmlFor={id} data-tk-part="widget-radio-label">
              {option.label}
            </label>
          </div>
        );
      })}
    </RadioGroup.Root>
  );
}
