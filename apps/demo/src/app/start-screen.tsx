import { STARTER_PROMPTS, useMessages } from "../lib/i18n";
import { ArrowUpRightIcon, SparklesIcon } from "./icons";

/** The new-chat screen: a greeting and four suggestions that send a prompt. */
export function StartScreen({
  onPrompt,
  readOnly = false,
}: {
  onPrompt: (prompt: string) => void;
  /** Hosted REST threads can only be read: no suggestions, a hint to pick a thread instead. */
  readOnly?: boolean;
}) {
  const t = useMessages();
  return (
    <div className="demo-start">
      <div className="demo-start-mark">
        <SparklesIcon width={26} height={26} />
      </div>
      <h2>{t.greeting}</h2>
      <p>{readOnly ? t.readOnly : t.greetingSubtitle}</p>
      <div className="demo-prompts" hidden={readOnly}>
        {STARTER_PROMPTS.map((prompt, index) => (
          <button
            key={prompt}
            type="button"
            className="demo-prompt"
            onClick={() => onPrompt(prompt)}
          >
            {t.promptLabels[index as 0 | 1 | 2 | 3]}
            <ArrowUpRightIcon className="demo-prompt-icon" width={16} height={16} />
          </button>
        ))}
      </div>
    </div>
  );
}
