import { AtSign, CircleAlert, SquareSlash, X } from "lucide-react";
import {
  type ComponentPropsWithoutRef,
  type ForwardedRef,
  forwardRef,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useThreadUI } from "../context";
import * as Slot from "../internal/slot";
import { WidgetIconGlyph } from "../widgets/icon";
import {
  type ComposerContextValue,
  type ComposerSubmitProps,
  mentionOptionId,
  useComposerContext,
} from "./composer";
import type { ComposerEntity, MentionState } from "./mention-state";

function EntityIcon({ icon }: { icon: string | undefined }) {
  return icon ? (
    <WidgetIconGlyph name={icon} size={14} />
  ) : (
    <AtSign aria-hidden size={14} strokeWidth={2.25} />
  );
}

/**
 * The @-mention suggestions, open while the caret follows `@` in `Composer.Input` and the
 * composer has `onTagSearch`. The input drives it: ArrowUp/ArrowDown move the highlight
 * (`aria-activedescendant`), Enter or Tab picks, Escape closes; a click picks too. While the
 * search runs it says so, and a failed search shows its error (the text typed stays).
 *
 * @selector [data-tk-part="composer-mentions"][data-status="idle"|"loading"|"error"]
 * @selector [data-tk-part="composer-mention-option"][aria-selected="true"]
 */
export const ComposerMentions = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<"div">>(
  function ComposerMentions(props, ref) {
    const ctx = useComposerContext("Composer.Mentions");
    const { t } = useThreadUI();
    return (
      <SuggestionList
        {...props}
        ref={ref}
        kind="mentions"
        state={ctx.mentions}
        listId={ctx.mentionListId}
        label={t("composer.mentions")}
        onPick={(entity) => ctx.tagFeatures?.pickTag(ctx, entity)}
        renderOption={(entity) => (
          <>
            <span data-tk-part="composer-mention-icon" aria-hidden>
              <EntityIcon icon={entity.icon} />
            </span>
            <span data-tk-part="composer-mention-title">{entity.title}</span>
            {entity.group ? (
              <span data-tk-part="composer-mention-group">{entity.group}</span>
            ) : null}
          </>
        )}
      />
    );
  },
);
ComposerMentions.displayName = "Composer.Mentions";

/**
 * The `/` command menu, open while the caret follows `/` (at the start or after a space) in
 * `Composer.Input` and the composer has `onCommandSearch`. The input drives it as it drives the
 * @-mentions; picking runs `onCommandSelect`, whose submenu replaces the list.
 *
 * @selector [data-tk-part="composer-commands"][data-status="idle"|"loading"|"error"]
 * @selector [data-tk-part="composer-mention-option"][data-kind="command"][aria-selected="true"]
 */
export const ComposerCommands = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<"div">>(
  function ComposerCommands(props, ref) {
    const ctx = useComposerContext("Composer.Commands");
    const { t } = useThreadUI();
    return (
      <SuggestionList
        {...props}
        ref={ref}
        kind="commands"
        state={ctx.commands}
        listId={ctx.commandListId}
        label={t("composer.commands")}
        onPick={(command) => ctx.tagFeatures?.pickCommand(ctx, command)}
        renderOption={(command) => (
          <>
            <span data-tk-part="composer-mention-icon" aria-hidden>
              {command.icon ? (
                <WidgetIconGlyph name={command.icon} size={14} />
              ) : (
                <SquareSlash aria-hidden size={14} strokeWidth={2.25} />
              )}
            </span>
            <span data-tk-part="composer-command-text">
              <span data-tk-part="composer-mention-title">{command.label}</span>
              {command.description ? (
                <span data-tk-part="composer-command-description">{command.description}</span>
              ) : null}
            </span>
            {command.group ? (
              <span data-tk-part="composer-mention-group">{command.group}</span>
            ) : null}
          </>
        )}
      />
    );
  },
);
ComposerCommands.displayName = "Composer.Commands";

interface SuggestionListProps<T> extends ComponentPropsWithoutRef<"div"> {
  kind: "mentions" | "commands";
  state: MentionState<T> | undefined;
  listId: string;
  label: string;
  onPick: (option: T) => void;
  renderOption: (option: T) => ReactNode;
}

/** A suggestion list driven from the input (`aria-activedescendant`), with its status line. */
const SuggestionList = forwardRef(function SuggestionList<T extends { id: string }>(
  { kind, state, listId, label, onPick, renderOption, ...props }: SuggestionListProps<T>,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const { t } = useThreadUI();
  const listRef = useRef<HTMLDivElement | null>(null);
  const active = state?.active ?? 0;
  useEffect(() => {
    const option = listRef.current?.children[active] as HTMLElement | undefined;
    option?.scrollIntoView?.({ block: "nearest" });
  }, [active]);
  if (!state || state.query === null) return null;
  const { status, options } = state;
  return (
    <div
      data-tk-part={kind === "mentions" ? "composer-mentions" : "composer-commands"}
      data-status={status}
      {...props}
      ref={ref}
    >
      {status === "error" ? (
        <p data-tk-part="composer-mentions-error" role="alert">
          <CircleAlert aria-hidden size={14} />
          {t("composer.mentionsFailed", { message: state.error ?? "" })}
        </p>
      ) : status === "loading" && options.length === 0 ? (
        <p data-tk-part="composer-mentions-status" role="status">
          {t("composer.mentionsSearching")}
        </p>
      ) : options.length === 0 ? (
        <p data-tk-part="composer-mentions-status" role="status">
          {t("composer.mentionsEmpty")}
        </p>
      ) : null}
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={label}
        data-tk-part="composer-mentions-list"
        hidden={status !== "idle" || options.length === 0}
      >
        {status === "idle"
          ? options.map((option, index) => (
              // The input owns the keyboard and points here with aria-activedescendant.
              // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles the keys
              <div
                key={option.id}
                tabIndex={-1}
                id={mentionOptionId(listId, index)}
                role="option"
                aria-selected={index === active}
                data-tk-part="composer-mention-option"
                data-kind={kind === "mentions" ? "entity" : "command"}
                // Keeps the focus in the input, so the caret stays where it was typed.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => {
                  if (index !== active) state.setActive(index);
                }}
                onClick={() => onPick(option)}
              >
                {renderOption(option)}
              </div>
            ))
          : null}
      </div>
    </div>
  );
}) as <T extends { id: string }>(
  props: SuggestionListProps<T> & { ref?: ForwardedRef<HTMLDivElement> },
) => ReactNode;

/**
 * The @-mentioned entities as chips, each with a remove button. With `onTagPreview` on the
 * composer, hovering or focusing a chip shows its preview (Escape hides it).
 *
 * @selector [data-tk-part="composer-tags"]
 * @selector [data-tk-part="composer-tag"][data-interactive]
 * @selector [data-tk-part="composer-tag-preview"][data-status="loading"|"ready"|"error"]
 */
export const ComposerTags = forwardRef<HTMLUListElement, ComponentPropsWithoutRef<"ul">>(
  function ComposerTags(props, ref) {
    const ctx = useComposerContext("Composer.Tags");
    const { t } = useThreadUI();
    if (ctx.tags.length === 0) return null;
    return (
      <ul data-tk-part="composer-tags" aria-label={t("composer.tags")} {...props} ref={ref}>
        {ctx.tags.map((tag) => (
          <li key={tag.id} data-tk-part="composer-tag-item">
            <TagChip tag={tag} />
            <button
              type="button"
              data-tk-part="composer-tag-remove"
              aria-label={t("composer.remove", { name: tag.title })}
              onClick={() => {
                ctx.setTags(ctx.tags.filter((item) => item.id !== tag.id));
                ctx.inputRef.current?.focus();
              }}
            >
              <X aria-hidden size={12} />
            </button>
          </li>
        ))}
      </ul>
    );
  },
);
ComposerTags.displayName = "Composer.Tags";

type Preview =
  | { status: "loading" }
  | { status: "ready"; content: ReactNode }
  | { status: "error"; message: string };

function TagChip({ tag }: { tag: ComposerEntity }) {
  const ctx = useComposerContext("Composer.Tags");
  const { t } = useThreadUI();
  const previewId = useId();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const requested = useRef(false);
  const canPreview = ctx.onTagPreview !== undefined && tag.interactive !== false;
  const show = () => {
    if (!canPreview) return;
    setOpen(true);
    if (requested.current) return;
    requested.current = true;
    setPreview({ status: "loading" });
    Promise.resolve()
      .then(() => ctx.onTagPreview?.(tag))
      .then(
        (content) => setPreview({ status: "ready", content: content ?? null }),
        (reason: unknown) =>
          setPreview({
            status: "error",
            message: reason instanceof Error ? reason.message : String(reason),
          }),
      );
  };
  const hide = () => setOpen(false);
  const empty = preview?.status === "ready" && preview.content == null;
  const shown = open && preview !== null && !empty;
  const Chip = ctx.onTagClick || canPreview ? "button" : "span";
  return (
    <>
      <Chip
        {...(Chip === "button" ? { type: "button" as const } : {})}
        data-tk-part="composer-tag"
        data-interactive={canPreview ? "" : undefined}
        aria-describedby={shown ? previewId : undefined}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) {
            event.stopPropagation();
            hide();
          }
        }}
        onClick={() => ctx.onTagClick?.(tag)}
      >
        <EntityIcon icon={tag.icon} />
        <span>{tag.title}</span>
      </Chip>
      {shown ? (
        <div
          id={previewId}
          role="tooltip"
          data-tk-part="composer-tag-preview"
          data-status={preview.status}
        >
          {preview.status === "loading"
            ? t("composer.previewLoading")
            : preview.status === "error"
              ? t("composer.previewFailed", { message: preview.message })
              : preview.content}
        </div>
      ) : null}
    </>
  );
}

/** Types `@` at the caret (after a space) and opens the suggestions. */
function startMention(ctx: ComposerContextValue) {
  const input = ctx.inputRef.current;
  const text = ctx.valueRef.current;
  const start = Math.min(input?.selectionStart ?? text.length, text.length);
  const end = Math.max(start, Math.min(input?.selectionEnd ?? start, text.length));
  const before = text.slice(0, start);
  const insert = before === "" || /\s$/.test(before) ? "@" : " @";
  const next = before + insert + text.slice(end);
  const caret = start + insert.length;
  ctx.setValue(next);
  ctx.pendingCaret.current = caret;
  input?.focus();
  ctx.mentions?.update(next, caret);
}

/**
 * A button that types `@` at the caret and opens the suggestions, for those who do not know to
 * type it (ChatKit's `entities.showComposerMenu`). It renders only when the composer has
 * `onTagSearch`; the focus moves to the input, which drives the list from there.
 *
 * @selector [data-tk-part="composer-mention-button"][aria-expanded="true"|"false"]
 */
export const ComposerMentionButton = forwardRef<HTMLButtonElement, ComposerSubmitProps>(
  function ComposerMentionButton({ asChild, children, onClick, onMouseDown, ...props }, ref) {
    const ctx = useComposerContext("Composer.MentionButton");
    const { t } = useThreadUI();
    // Present from the first paint; a click before the autocomplete's code has loaded types `@`,
    // and the list opens for it once the code is there.
    if (!ctx.mentionsEnabled) return null;
    const open = ctx.mentions !== undefined && ctx.mentions.query !== null;
    const Comp = (asChild ? Slot.Root : "button") as "button";
    return (
      <Comp
        type="button"
        data-tk-part="composer-mention-button"
        aria-label={t("composer.mention")}
        title={t("composer.mention")}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? ctx.mentionListId : undefined}
        disabled={ctx.disabled}
        {...props}
        ref={ref}
        onMouseDown={(event) => {
          onMouseDown?.(event);
          // Keeps the caret where it is, so `@` lands there.
          event.preventDefault();
        }}
        onClick={(event) => {
          onClick?.(event);
          if (!event.defaultPrevented) startMention(ctx);
        }}
      >
        {children ?? <AtSign aria-hidden size={18} />}
      </Comp>
    );
  },
);
ComposerMentionButton.displayName = "Composer.MentionButton";
