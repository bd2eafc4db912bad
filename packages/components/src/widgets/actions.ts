/**
 * Reading widget forms in the DOM. The action rules themselves (payload merge, route, loading
 * behaviour) live in `@threadkit/core`'s `runWidgetAction`.
 */
import { nestFormValues, type WidgetFormValue, type WidgetFormValues } from "@threadkit/core";

type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isField(element: Element): element is FieldElement {
  const tag = element.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/**
 * Reads the named fields of a form as `[name, value]` pairs, the way a native submission would
 * (disabled fields and buttons are skipped), but typed: checkboxes give `true`/`false`, number
 * fields a number (or `null` when empty), every other field its string value.
 */
export function readWidgetFormEntries(form: HTMLFormElement): Map<string, WidgetFormValue> {
  const entries = new Map<string, WidgetFormValue>();
  for (const element of Array.from(form.elements)) {
    if (!isField(element) || element.name === "" || element.disabled) continue;
    let value: WidgetFormValue;
    if (element instanceof HTMLInputElement) {
      const type = element.type;
      if (type === "submit" || type === "button" || type === "reset" || type === "file") continue;
      if (type === "checkbox") value = element.checked;
      else if (type === "radio") {
        if (!element.checked) continue;
        value = element.value;
      } else if (type === "number") {
        value = element.value === "" ? null : Number(element.value);
      } else value = element.value;
    } else {
      value = element.value;
    }
    if (!entries.has(element.name)) entries.set(element.name, value);
  }
  return entries;
}

/** {@link readWidgetFormEntries}, nested by dotted name. */
export function readWidgetFormValues(form: HTMLFormElement): WidgetFormValues {
  return nestFormValues(readWidgetFormEntries(form));
}
