// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown tokens, content parts and tasks are positional and only ever append
import type {
  StructuredInput,
  StructuredInputItem,
  StructuredInputSubmission,
} from "@threadkit/core";
import { Check } from "lucide-react";
import { type FormEvent, memo, useId, useState } from "react";
import { type ItemRendererProps, useThreadUI } from "../context";

/** Props of {@link StructuredInputView}. */
export interface StructuredInputViewProps extends ItemRendererProps<StructuredInputItem> {
  /**
   * Receives the submission (`"answered"` with the answers, or `"skipped"`); defaults to the
   * provider's `onStructuredInputSubmit`. Without either the questions are read-only. When it
   * returns a promise that rejects, the form opens again with the user's answers.
   */
  onSubmit?: (item: StructuredInputItem, submission: StructuredInputSubmission) => unknown;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function initialValues(input: StructuredInput): string[] {
  return input.answer?.values ?? [];
}

function Question({
  input,
  values,
  onChange,
  disabled,
}: {
  input: StructuredInput;
  values: string[];
  onChange: (values: string[]) => void;
  disabled: boolean;
}) {
  const { t } = useThreadUI();
  const id = useId();
  if (input.type === "multiple_choice") {
    const multiple = input.multiple ?? false;
    return (
      <fieldset
        data-tk-part="structured-question"
        data-input-type="multiple_choice"
        disabled={disabled}
      >
        <legend data-tk-part="structured-question-text">{input.question}</legend>
        <div data-tk-part="structured-options">
          {(input.options ?? []).map((option, i) => {
            const checked = values.includes(option.value);
            return (
              <label
                key={`${option.value}-${i}`}
                data-tk-part="structured-option"
                data-checked={checked ? "" : undefined}
              >
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={`${id}-${input.id}`}
                  value={option.value}
                  checked={checked}
                  onChange={(event) => {
                    if (!multiple) onChange([option.value]);
                    else if (event.target.checked) onChange([...values, option.value]);
                    else onChange(values.filter((v) => v !== option.value));
                  }}
                />
                <span>{option.value}</span>
                {checked ? <Check aria-hidden size={14} /> : null}
              </label>
            );
          })}
        </div>
      </fieldset>
    );
  }
  return (
    <div data-tk-part="structured-question" data-input-type="freeform">
      <label data-tk-part="structured-question-text" htmlFor={`${id}-${input.id}`}>
        {input.question}
      </label>
      {input.description ? <p data-tk-part="structured-description">{input.description}</p> : null}
      <textarea
        id={`${id}-${input.id}`}
        data-tk-part="structured-freeform"
        rows={2}
        disabled={disabled}
        placeholder={t("input.placeholder")}
        value={values[0] ?? ""}
        onChange={(event) => onChange(event.target.value === "" ? [] : [event.target.value])}
      />
    </div>
  );
}

/**
 * Default renderer of `structured_input`: multiple-choice and free-text questions. While pending
 * and answerable, submit and skip call `onSubmit` (or the provider's `onStructuredInputSubmit`)
 * with the submission: status `"answered"` or `"skipped"` and one answer per input id. The form
 * stays locked once sent (`data-submitted`) unless the returned promise rejects, which opens it
 * again with the answers kept. Answered and skipped items show the answers read-only.
 *
 * @selector [data-tk-part="structured-input"][data-status="pending"|"answered"|"skipped"]
 * @selector [data-tk-part="structured-input"][data-submitted] (sent, waiting for the server)
 */
export const StructuredInputView = memo(function StructuredInputView({
  item,
  onSubmit,
}: StructuredInputViewProps) {
  const { t, onStructuredInputSubmit } = useThreadUI();
  const submit = onSubmit ?? onStructuredInputSubmit;
  const inputs = Array.isArray(item.inputs) ? item.inputs : [];
  const [values, setValues] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(inputs.map((input) => [input.id, initialValues(input)])),
  );
  const [sent, setSent] = useState(false);
  const pending = item.status === "pending" && !sent;
  const readOnly = !pending || !submit;

  const send = (skipped: boolean) => {
    if (!submit) return;
    const answers: StructuredInputSubmission["answers"] = {};
    for (const input of inputs) {
      answers[input.id] = skipped
        ? { values: [], skipped: true }
        : { values: values[input.id] ?? [], skipped: false };
    }
    setSent(true);
    let result: unknown;
    try {
      result = submit(item, { status: skipped ? "skipped" : "answered", answers });
    } catch (error) {
      setSent(false);
      throw error;
    }
    // A failed send opens the form again; `values` still hold the user's answers.
    if (isPromiseLike(result)) result.then(undefined, () => setSent(false));
  };

  if (item.status !== "pending") {
    return (
      // biome-ignore lint/a11y/useSemanticElements: a labelled group of answers, not a form
      <div
        role="group"
        data-tk-part="structured-input"
        data-status={item.status}
        aria-label={item.status === "answered" ? t("input.answered") : t("input.skipped")}
      >
        <dl data-tk-part="structured-answers">
          {inputs.map((input) => (
            <div key={input.id} data-tk-part="structured-answer">
              <dt>{input.question}</dt>
              <dd>
                {input.answer?.skipped || item.status === "skipped"
                  ? t("input.skipped")
                  : input.answer?.values.length
                    ? input.answer.values.join(", ")
                    : t("input.noAnswer")}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }

  return (
    <form
      data-tk-part="structured-input"
      data-status="pending"
      data-submitted={sent ? "" : undefined}
      aria-label={inputs[0]?.question ?? t("input.submit")}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        send(false);
      }}
    >
      {inputs.map((input) => (
        <Question
          key={input.id}
          input={input}
          values={values[input.id] ?? []}
          disabled={readOnly}
          onChange={(next) => setValues((current) => ({ ...current, [input.id]: next }))}
        />
      ))}
      <div data-tk-part="structured-actions">
        <button
          type="button"
          data-tk-part="button"
          data-variant="ghost"
          disabled={readOnly}
          onClick={() => send(true)}
        >
          {t("input.skip")}
        </button>
        <button type="submit" data-tk-part="button" data-variant="primary" disabled={readOnly}>
          {t("input.submit")}
        </button>
      </div>
    </form>
  );
});
