import type { ThreadStatus } from "@threadkit/core";
import {
  type AttachmentLimits,
  type AttachmentRejection,
  type ComposerAttachment,
  canSubmitDraft,
  checkAttachmentLimits,
  restoreDraft,
} from "@threadkit/hooks";
import { ArrowUp, Lock, Paperclip, Square } from "lucide-react";
import {
  type ComponentPropsWithoutRef,
  createContext,
  type DragEvent,
  type FormEvent,
  forwardRef,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { useThemeProps, useThreadUI } from "../context";
import { composeRefs } from "../internal/compose-refs";
import { lazyModule, useLazyModule } from "../internal/lazy-module";
import { safeUrl } from "../internal/safe-url";
import * as Slot from "../internal/slot";
import { useIsomorphicLayoutEffect } from "../internal/use-layout-effect";
import { fileTypeLabel } from "../items/user-message";
import type { TokenLayer, TokenLayerDeps } from "./composer-tokens";
import type {
  ComposerCommand,
  ComposerCommandSelection,
  ComposerEntity,
  MentionState,
} from "./mention-state";
import type { MentionStore } from "./mention-store";

/**
 * The @-mention and `/` command autocompletes and the inline tag tokens: loaded once a composer
 * has tags or searches for them, so a composer without them does not carry their code.
 */
const tagFeaturesModule = lazyModule(() => import("./composer-tags"));
type TagFeatures = typeof import("./composer-tags");

const noSubscribe = () => () => {};
const noSnapshot = () => undefined;

/** A mention store's state, re-rendering on change; `undefined` without a store. */
function useMentionStore<T>(store: MentionStore<T> | undefined): MentionState<T> | undefined {
  return useSyncExternalStore(
    store ? store.subscribe : noSubscribe,
    store ? store.getSnapshot : noSnapshot,
    store ? store.getSnapshot : noSnapshot,
  );
}

/** An attachment in the composer: the one type of `@threadkit/hooks`' composer rules. */
export type { ComposerAttachment };

/**
 * A file the composer refused, shown by `Composer.Rejections`.
 * @deprecated Use `AttachmentRejection` of `@threadkit/hooks`, the one rejection type.
 */
export type ComposerRejection = AttachmentRejection;

/** What {@link ComposerRoot} submits. */
export interface ComposerSubmission {
  text: string;
  attachments: ComposerAttachment[];
  /** The @-mentioned entities in text order; each one's `@title` stands in `text`. */
  tags: ComposerEntity[];
}

/** @internal What the composer's parts read (`useComposerContext`). */
export interface ComposerContextValue {
  value: string;
  setValue: (value: string) => void;
  submit: () => void;
  canSubmit: boolean;
  disabled: boolean;
  reason: string | undefined;
  reasonId: string;
  running: boolean;
  onStop: (() => void) | undefined;
  attachments: readonly ComposerAttachment[];
  onAddFiles: ((files: File[]) => void) | undefined;
  onRemoveAttachment: ((id: string) => void) | undefined;
  accept: string | undefined;
  rejections: readonly AttachmentRejection[];
  onDismissRejections: (() => void) | undefined;
  inputRef: { current: HTMLTextAreaElement | null };
  /** The latest text, for parts that set it after an await. */
  valueRef: { current: string };
  tags: readonly ComposerEntity[];
  setTags: (tags: readonly ComposerEntity[]) => void;
  /** The composer has `onTagSearch` (its @ button and autocomplete show before their code loads). */
  mentionsEnabled: boolean;
  /** The composer has `onCommandSearch`. */
  commandsEnabled: boolean;
  /** Present when the composer has `onTagSearch` and its code has loaded. */
  mentions: MentionState | undefined;
  mentionListId: string;
  onTagPreview: ((tag: ComposerEntity) => Promise<ReactNode>) | undefined;
  onTagClick: ((tag: ComposerEntity) => void) | undefined;
  /** Present when the composer has `onCommandSearch`: the `/` menu. */
  commands: MentionState<ComposerCommand> | undefined;
  commandListId: string;
  /** The latest tags, for the command actions that set them after an await. */
  tagsRef: { current: readonly ComposerEntity[] };
  /** The latest `onCommandSelect`. */
  onCommandSelectRef: { current: ComposerRootProps["onCommandSelect"] };
  pendingCaret: { current: number | null };
  /** The tag features' module, once loaded, while the composer has tags or searches for them. */
  tagFeatures: TagFeatures | undefined;
}

const ComposerContext = createContext<ComposerContextValue | null>(null);
/** The composer's state, for its parts. */
export function useComposerContext(part: string): ComposerContextValue {
  const value = useContext(ComposerContext);
  if (!value) throw new Error(`\`${part}\` must be used within \`Composer.Root\``);
  return value;
}

/** Props of {@link ComposerRoot}. */
export interface ComposerRootProps extends Omit<ComponentPropsWithoutRef<"form">, "onSubmit"> {
  /** Controlled text. */
  value?: string;
  /** Initial text when uncontrolled. @default "" */
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /**
   * Called with the trimmed text and attachments; an uncontrolled composer clears itself after,
   * and puts the draft back when the returned promise rejects (unless a new draft was typed).
   */
  onSubmit?: (message: ComposerSubmission) => void | Promise<void>;
  /** A response is streaming: Submit is disabled and Stop shows (when `onStop` is given). */
  running?: boolean;
  /** Cancels the running response. */
  onStop?: () => void;
  /** Thread status: `locked` and `closed` disable the composer and show their reason. */
  threadStatus?: ThreadStatus | null;
  /** Disables the composer for another reason; a string is shown as the reason. */
  disabled?: boolean | string;
  attachments?: readonly ComposerAttachment[];
  /** Enables the attach button; receives picked or dropped files. */
  onAddFiles?: (files: File[]) => void;
  onRemoveAttachment?: (id: string) => void;
  /** `accept` of the file picker, e.g. `"image/*,.pdf"`. @default `limits.accept`, joined */
  accept?: string;
  /**
   * Attachment limits (`AttachmentLimits` of `@threadkit/hooks`: count, size, size per MIME type,
   * accepted types), checked as `useComposer` checks them: only the files that fit reach
   * `onAddFiles`, and the refused ones show in `Composer.Rejections` (unless `rejections` is
   * given) until dismissed or the next pick. Leave it out when `onAddFiles` checks them itself.
   */
  limits?: AttachmentLimits;
  /** Files refused for their size, type or count; `Composer.Rejections` lists them. */
  rejections?: readonly AttachmentRejection[];
  /** Clears `rejections`; gives `Composer.Rejections` a dismiss button. */
  onDismissRejections?: () => void;
  /** Controlled @-mention tags (the chips of `Composer.Tags`). */
  tags?: readonly ComposerEntity[];
  onTagsChange?: (tags: ComposerEntity[]) => void;
  /**
   * Finds entities for the text typed after `@`: the input autocompletes from the suggestions
   * `Composer.Mentions` lists. A search that throws or rejects shows its error; the text stays.
   */
  onTagSearch?: (query: string) => Promise<readonly ComposerEntity[]>;
  /** Content shown while a tag chip is hovered or focused (`null` for none). */
  onTagPreview?: (tag: ComposerEntity) => Promise<ReactNode>;
  /** Called when a tag chip is activated. */
  onTagClick?: (tag: ComposerEntity) => void;
  /**
   * Finds commands for the text typed after `/` (at the start or after a space):
   * `Composer.Commands` lists them, driven from the input like the @-mentions. A search that
   * throws or rejects shows its error; the text stays.
   */
  onCommandSearch?: (query: string) => Promise<readonly ComposerCommand[]>;
  /**
   * Runs a picked command. Its `/query` leaves the text; return `{ type: "entity", entity }` to
   * insert a tag there, `{ type: "menu", commands }` to offer more commands, or nothing. A
   * command that fails shows its error in the list.
   */
  onCommandSelect?: (command: ComposerCommand) => Promise<ComposerCommandSelection | undefined>;
  asChild?: boolean;
}

/**
 * The composer form. Enter sends, Shift+Enter adds a line, and nothing is sent while an input
 * method is composing. Sending is blocked while empty, running, uploading or disabled, and while
 * an attachment failed to upload (remove it first, so nothing is sent without it).
 *
 * Files dropped on it go to `onAddFiles`; while files are dragged over it, it carries
 * `data-dragging`. The app's own `onDragEnter`, `onDragOver`, `onDragLeave` and `onDrop` run
 * first; an `onDrop` that calls `preventDefault()` keeps the files from `onAddFiles`.
 *
 * @selector [data-tk-part="composer"][data-disabled][data-running][data-dragging][data-thread-status="active"|"locked"|"closed"]
 */
export const ComposerRoot = forwardRef<HTMLFormElement, ComposerRootProps>(function ComposerRoot(
  {
    value: valueProp,
    defaultValue = "",
    onValueChange,
    onSubmit,
    running = false,
    onStop,
    threadStatus,
    disabled: disabledProp = false,
    attachments = [],
    onAddFiles: onAddFilesProp,
    onRemoveAttachment,
    accept: acceptProp,
    limits,
    rejections: rejectionsProp,
    onDismissRejections: onDismissRejectionsProp,
    tags: tagsProp,
    onTagsChange,
    onTagSearch,
    onTagPreview,
    onTagClick,
    onCommandSearch,
    onCommandSelect,
    asChild,
    children,
    onDragEnter,
    onDragOver,
    onDragLeave,
    onDrop,
    ...props
  },
  ref,
) {
  const { t } = useThreadUI();
  const themeProps = useThemeProps(props.style);
  const [inner, setInner] = useState(defaultValue);
  const controlled = valueProp !== undefined;
  const value = controlled ? valueProp : inner;
  const setValue = useCallback(
    (next: string) => {
      if (!controlled) setInner(next);
      onValueChange?.(next);
    },
    [controlled, onValueChange],
  );
  const [innerRejections, setInnerRejections] =
    useState<readonly AttachmentRejection[]>(EMPTY_REJECTIONS);
  const ownRejections = limits !== undefined && rejectionsProp === undefined;
  const rejections = rejectionsProp ?? innerRejections;
  const dismissOwnRejections = useCallback(() => setInnerRejections(EMPTY_REJECTIONS), []);
  const onDismissRejections =
    onDismissRejectionsProp ?? (ownRejections ? dismissOwnRejections : undefined);
  const accept = acceptProp ?? (limits?.accept?.length ? limits.accept.join(",") : undefined);
  const attachmentCount = attachments.length;
  const onAddFiles = useMemo(() => {
    if (onAddFilesProp === undefined || limits === undefined) return onAddFilesProp;
    return (files: File[]) => {
      const { accepted, rejected } = checkAttachmentLimits(files, attachmentCount, limits);
      if (ownRejections) {
        setInnerRejections(rejected);
      }
      if (accepted.length > 0) onAddFilesProp(accepted);
    };
  }, [onAddFilesProp, limits, attachmentCount, ownRejections]);
  const [innerTags, setInnerTags] = useState<readonly ComposerEntity[]>([]);
  const tags = tagsProp ?? innerTags;
  const setTags = useCallback(
    (next: readonly ComposerEntity[]) => {
      if (tagsProp === undefined) setInnerTags(next);
      onTagsChange?.([...next]);
    },
    [tagsProp, onTagsChange],
  );
  // The tag features load once the composer has tags or searches for them; a failed load is
  // reported, and the text, tags and attachments stay as they are.
  const wantsTags = onTagSearch !== undefined || onCommandSearch !== undefined || tags.length > 0;
  const loadedTags = useLazyModule(tagFeaturesModule);
  const tagFeatures = wantsTags ? loadedTags : undefined;
  useEffect(() => {
    if (!wantsTags) return;
    tagFeaturesModule.preload().catch((error: unknown) => {
      console.error("threadkit: the composer's @-mentions and tag tokens failed to load.", error);
    });
  }, [wantsTags]);
  // A tag lives as its `@title` token in the text: tags follow the text's order, and a tag whose
  // token was deleted or edited is dropped.
  useEffect(() => {
    if (!loadedTags) return;
    const found = loadedTags.findTagTokens(value, tags);
    if (found.length === tags.length && found.every((token, i) => token.tag.id === tags[i]?.id)) {
      return;
    }
    setTags(found.map((token) => token.tag));
  }, [loadedTags, value, tags, setTags]);
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const valueRef = useRef(value);
  const tagsRef = useRef(tags);
  tagsRef.current = tags;
  const pendingCaret = useRef<number | null>(null);
  valueRef.current = value;
  const tagSearch = useRef(onTagSearch);
  tagSearch.current = onTagSearch;
  const commandSearch = useRef(onCommandSearch);
  commandSearch.current = onCommandSearch;
  const stores = useMemo(
    () =>
      loadedTags && {
        mentions: loadedTags.createMentionStore(() => tagSearch.current),
        commands: loadedTags.createMentionStore<ComposerCommand>(() => commandSearch.current, "/"),
      },
    [loadedTags],
  );
  // Searches still running when the composer unmounts are dropped.
  useEffect(
    () => () => {
      stores?.mentions.dispose();
      stores?.commands.dispose();
    },
    [stores],
  );
  const mentionState = useMentionStore(stores?.mentions);
  const commandState = useMentionStore(stores?.commands);
  const mentions = onTagSearch ? mentionState : undefined;
  const mentionListId = useId();
  // What was typed while the features loaded: the list opens for it once they are here.
  useEffect(() => {
    const input = inputRef.current;
    if (!stores || !input || input.ownerDocument.activeElement !== input) return;
    const caret = input.selectionStart ?? valueRef.current.length;
    stores.mentions.getSnapshot().update(valueRef.current, caret);
    stores.commands.getSnapshot().update(valueRef.current, caret);
  }, [stores]);
  const commands = onCommandSearch ? commandState : undefined;
  const commandListId = useId();
  const onCommandSelectRef = useRef(onCommandSelect);
  onCommandSelectRef.current = onCommandSelect;
  const statusType = threadStatus?.type ?? "active";
  const reason =
    statusType === "locked"
      ? (threadStatus as { reason?: string | null }).reason || t("composer.locked")
      : statusType === "closed"
        ? (threadStatus as { reason?: string | null }).reason || t("composer.closed")
        : typeof disabledProp === "string"
          ? disabledProp
          : undefined;
  const disabled = statusType !== "active" || disabledProp !== false;
  const canSubmit = canSubmitDraft({ text: value, attachments, running, disabled });
  const reasonId = useId();
  const acceptsDrop = onAddFiles !== undefined && !disabled;
  // dragenter/dragleave fire for every child crossed: count them to know when files leave.
  const dragDepth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const endDrag = useCallback(() => {
    dragDepth.current = 0;
    setDragging(false);
  }, []);
  useEffect(() => {
    if (!acceptsDrop) endDrag();
  }, [acceptsDrop, endDrag]);
  const submit = useCallback(() => {
    if (!canSubmit) return;
    const draft = value;
    const draftTags = tags;
    mentionState?.close();
    commandState?.close();
    const result = onSubmit?.({
      text: value.trim(),
      attachments: [...attachments],
      tags: [...tags],
    });
    if (tagsProp === undefined) setInnerTags([]);
    if (controlled) return;
    setInner("");
    if (result && typeof result.then === "function") {
      // The send failed: the draft comes back for another try, unless a new one was typed.
      result.then(undefined, () => {
        setInner((current) => restoreDraft(current, draft));
        if (tagsProp === undefined) setInnerTags((current) => restoreDraft(current, draftTags));
      });
    }
  }, [
    canSubmit,
    value,
    attachments,
    tags,
    tagsProp,
    controlled,
    onSubmit,
    mentionState,
    commandState,
  ]);
  const context = useMemo<ComposerContextValue>(
    () => ({
      value,
      setValue,
      submit,
      canSubmit,
      disabled,
      reason,
      reasonId,
      running,
      onStop,
      attachments,
      onAddFiles,
      onRemoveAttachment,
      accept,
      rejections,
      onDismissRejections,
      inputRef,
      valueRef,
      tags,
      setTags,
      mentionsEnabled: onTagSearch !== undefined,
      commandsEnabled: onCommandSearch !== undefined,
      mentions,
      mentionListId,
      onTagPreview,
      onTagClick,
      commands,
      commandListId,
      tagsRef,
      onCommandSelectRef,
      pendingCaret,
      tagFeatures,
    }),
    [
      value,
      setValue,
      submit,
      canSubmit,
      disabled,
      reason,
      reasonId,
      running,
      onStop,
      attachments,
      onAddFiles,
      onRemoveAttachment,
      accept,
      rejections,
      onDismissRejections,
      tags,
      setTags,
      onTagSearch,
      onCommandSearch,
      mentions,
      mentionListId,
      onTagPreview,
      onTagClick,
      commands,
      commandListId,
      tagFeatures,
    ],
  );
  const Comp = (asChild ? Slot.Root : "form") as "form";
  return (
    <ComposerContext.Provider value={context}>
      <Comp
        data-tk-part="composer"
        data-disabled={disabled ? "" : undefined}
        data-running={running ? "" : undefined}
        data-dragging={dragging ? "" : undefined}
        data-thread-status={statusType}
        aria-label={t("composer.label")}
        {...themeProps}
        {...props}
        style={themeProps.style}
        ref={ref}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          submit();
        }}
        onDragEnter={(event: DragEvent<HTMLFormElement>) => {
          onDragEnter?.(event);
          if (!acceptsDrop || !hasFiles(event)) return;
          dragDepth.current += 1;
          setDragging(true);
        }}
        onDragOver={(event: DragEvent<HTMLFormElement>) => {
          onDragOver?.(event);
          // Accepting the drag is what lets the drop land here.
          if (acceptsDrop && hasFiles(event)) event.preventDefault();
        }}
        onDragLeave={(event: DragEvent<HTMLFormElement>) => {
          onDragLeave?.(event);
          if (dragDepth.current === 0) return;
          dragDepth.current -= 1;
          if (dragDepth.current === 0) setDragging(false);
        }}
        onDrop={(event: DragEvent<HTMLFormElement>) => {
          onDrop?.(event);
          endDrag();
          if (event.defaultPrevented || !onAddFiles || disabled) return;
          const files = Array.from(event.dataTransfer?.files ?? []);
          if (files.length > 0) {
            event.preventDefault();
            onAddFiles(files);
          }
        }}
      >
        {children}
      </Comp>
    </ComposerContext.Provider>
  );
});
ComposerRoot.displayName = "Composer.Root";

const EMPTY_REJECTIONS: readonly AttachmentRejection[] = [];

/** Whether a drag carries files (not text or a link dragged from the page). */
function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}

/** Props of {@link ComposerInput}. */
export interface ComposerInputProps extends ComponentPropsWithoutRef<"textarea"> {
  /** Height limit (px) of the autosizing textarea; it scrolls beyond. @default 240 */
  maxHeight?: number;
}

/**
 * The autosizing textarea. Its height is also published as `--tk-composer-height` on the element.
 * It sits in a frame that draws the composer's tags as inline tokens (chips) under their
 * `@title`: a token moves and deletes as one piece (Backspace, Delete, or its remove button on
 * hover), a click selects it (and calls `onTagClick`), and its preview (`onTagPreview`) shows
 * while it is hovered or the caret is at it.
 *
 * @selector [data-tk-part="composer-input-frame"] > [data-tk-part="composer-input"]
 * @selector [data-tk-part="composer-token"][data-active]
 * @selector [data-tk-part="composer-token-remove"]
 */
export const ComposerInput = forwardRef<HTMLTextAreaElement, ComposerInputProps>(
  function ComposerInput(
    { maxHeight = 240, onKeyDown, onChange, onPaste, onSelect, onScroll, onClick, style, ...props },
    ref,
  ) {
    const ctx = useComposerContext("Composer.Input");
    const frameRef = useRef<HTMLDivElement | null>(null);
    // The token layer (tags drawn as chips) comes with the tag features; until then, and in a
    // composer without tags, the input is a plain textarea.
    const layerRef = useRef<TokenLayer | null>(null);
    const [tokensDescribedBy, setTokensDescribedBy] = useState<string | undefined>(undefined);
    const TokenLayerHost = ctx.tagFeatures?.TokenLayerHost;
    const sync = useCallback(() => layerRef.current?.sync(), []);
    const { t } = useThreadUI();
    const tokenDeps = useMemo<TokenLayerDeps>(() => ({ t }), [t]);
    const composing = useRef(false);
    const mentions = ctx.mentions;
    const commands = ctx.commands;
    const commandOpen = commands !== undefined && commands.query !== null;
    // One list at a time: the `/` menu or the @-mentions, whichever the caret follows.
    const menu = (commandOpen ? commands : mentions) as MentionState<unknown> | undefined;
    const menuOpen = menu !== undefined && menu.query !== null;
    const listId = commandOpen ? ctx.commandListId : ctx.mentionListId;
    const activeOption = menuOpen && menu.status === "idle" ? menu.options[menu.active] : undefined;
    const autosize = useCallback(() => {
      const el = ctx.inputRef.current;
      if (!el) return;
      el.style.height = "auto";
      const height = Math.min(el.scrollHeight, maxHeight);
      el.style.height = `${height}px`;
      el.style.setProperty("--tk-composer-height", `${height}px`);
      el.style.overflowY = el.scrollHeight > maxHeight ? "auto" : "hidden";
      sync();
    }, [ctx.inputRef, maxHeight, sync]);
    useIsomorphicLayoutEffect(autosize, [ctx.value, autosize]);
    useIsomorphicLayoutEffect(() => {
      const caret = ctx.pendingCaret.current;
      if (caret === null) return;
      ctx.pendingCaret.current = null;
      ctx.inputRef.current?.setSelectionRange(caret, caret);
    }, [ctx.value]);
    useEffect(() => {
      const el = ctx.inputRef.current;
      if (!el || typeof ResizeObserver === "undefined") return;
      // Width changes (layout, fonts, stylesheets arriving) change the wrapped height.
      let width = el.clientWidth;
      const observer = new ResizeObserver(() => {
        if (el.clientWidth !== width) {
          width = el.clientWidth;
          autosize();
        }
      });
      observer.observe(el);
      return () => observer.disconnect();
    }, [ctx.inputRef, autosize]);
    const describedBy =
      [ctx.reason ? ctx.reasonId : undefined, tokensDescribedBy].filter(Boolean).join(" ") ||
      undefined;
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: pointer tracking for the token under it
      <div
        ref={frameRef}
        data-tk-part="composer-input-frame"
        onMouseMove={(event) => layerRef.current?.onFrameMouseMove(event)}
        onMouseLeave={() => layerRef.current?.onFrameMouseLeave()}
      >
        {TokenLayerHost ? (
          <TokenLayerHost
            ctx={ctx}
            frameRef={frameRef}
            layerRef={layerRef}
            onDescribedBy={setTokensDescribedBy}
            deps={tokenDeps}
          />
        ) : null}
        <textarea
          data-tk-part="composer-input"
          rows={1}
          name="message"
          aria-label={t("composer.label")}
          placeholder={ctx.reason ?? t("composer.placeholder")}
          disabled={ctx.disabled}
          aria-describedby={describedBy}
          // A textarea may not take the combobox role: it stays a textbox that autocompletes
          // from the list it controls, and points at the highlighted option.
          {...(ctx.mentionsEnabled || ctx.commandsEnabled
            ? {
                "aria-autocomplete": "list" as const,
                "aria-controls": menuOpen ? listId : undefined,
                "aria-activedescendant":
                  menuOpen && activeOption !== undefined
                    ? mentionOptionId(listId, menu.active)
                    : undefined,
              }
            : {})}
          value={ctx.value}
          style={style}
          {...props}
          ref={composeRefs(ctx.inputRef, ref)}
          onChange={(event) => {
            onChange?.(event);
            if (event.defaultPrevented) return;
            ctx.setValue(event.target.value);
            mentions?.update(event.target.value, event.target.selectionStart ?? 0);
            commands?.update(event.target.value, event.target.selectionStart ?? 0);
          }}
          onBlur={(event) => {
            props.onBlur?.(event);
            layerRef.current?.onBlur();
            if (menuOpen) menu.close();
          }}
          onFocus={(event) => {
            props.onFocus?.(event);
            layerRef.current?.onFocus();
          }}
          onSelect={(event) => {
            onSelect?.(event);
            layerRef.current?.onSelect();
          }}
          onScroll={(event) => {
            onScroll?.(event);
            sync();
          }}
          onClick={(event) => {
            onClick?.(event);
            if (!event.defaultPrevented) layerRef.current?.onClick(event);
          }}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={() => {
            // Safari fires keydown(Enter) right after compositionend; wait a tick.
            setTimeout(() => {
              composing.current = false;
            }, 0);
          }}
          onPaste={(event) => {
            onPaste?.(event);
            const files = Array.from(event.clipboardData?.files ?? []);
            if (!event.defaultPrevented && files.length > 0 && ctx.onAddFiles && !ctx.disabled) {
              event.preventDefault();
              ctx.onAddFiles(files);
            }
          }}
          onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
            onKeyDown?.(event);
            if (event.defaultPrevented) return;
            // The open list (only there once the tag features have loaded) takes its keys.
            if (menuOpen && ctx.tagFeatures?.menuKeyDown(event, ctx)) return;
            if (layerRef.current?.onKeyDown(event)) return;
            if (event.key !== "Enter" || event.shiftKey || event.altKey) return;
            if (composing.current || event.nativeEvent.isComposing || event.keyCode === 229) return;
            event.preventDefault();
            ctx.submit();
          }}
        />
      </div>
    );
  },
);
ComposerInput.displayName = "Composer.Input";

/** The id of a suggestion of the @-mention list. */
export function mentionOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/** Props of {@link ComposerSubmit}. */
export interface ComposerSubmitProps extends ComponentPropsWithoutRef<"button"> {
  asChild?: boolean;
}

/** The send button; hidden while a response runs and Stop is available. @selector [data-tk-part="composer-submit"] */
export const ComposerSubmit = forwardRef<HTMLButtonElement, ComposerSubmitProps>(
  function ComposerSubmit({ asChild, children, ...props }, ref) {
    const ctx = useComposerContext("Composer.Submit");
    const { t } = useThreadUI();
    if (ctx.running && ctx.onStop) return null;
    const Comp = (asChild ? Slot.Root : "button") as "button";
    return (
      <Comp
        type="submit"
        data-tk-part="composer-submit"
        aria-label={t("composer.send")}
        title={t("composer.send")}
        disabled={!ctx.canSubmit}
        {...props}
        ref={ref}
      >
        {children ?? <ArrowUp aria-hidden size={18} />}
      </Comp>
    );
  },
);
ComposerSubmit.displayName = "Composer.Submit";

/** Cancels the running response; shown only while running and cancellable. @selector [data-tk-part="composer-stop"] */
export const ComposerStop = forwardRef<HTMLButtonElement, ComposerSubmitProps>(
  function ComposerStop({ asChild, children, onClick, ...props }, ref) {
    const ctx = useComposerContext("Composer.Stop");
    const { t } = useThreadUI();
    if (!ctx.running || !ctx.onStop) return null;
    const Comp = (asChild ? Slot.Root : "button") as "button";
    return (
      <Comp
        type="button"
        data-tk-part="composer-stop"
        aria-label={t("composer.stop")}
        title={t("composer.stop")}
        {...props}
        ref={ref}
        onClick={(event) => {
          onClick?.(event);
          if (!event.defaultPrevented) ctx.onStop?.();
        }}
      >
        {children ?? <Square aria-hidden size={14} fill="currentColor" />}
      </Comp>
    );
  },
);
ComposerStop.displayName = "Composer.Stop";

/** Opens the file picker; rendered only when the composer accepts files. @selector [data-tk-part="composer-add-attachment"] */
export const ComposerAddAttachment = forwardRef<HTMLButtonElement, ComposerSubmitProps>(
  function ComposerAddAttachment({ asChild, children, onClick, ...props }, ref) {
    const ctx = useComposerContext("Composer.AddAttachment");
    const { t } = useThreadUI();
    const fileRef = useRef<HTMLInputElement | null>(null);
    if (!ctx.onAddFiles) return null;
    const Comp = (asChild ? Slot.Root : "button") as "button";
    return (
      <>
        <Comp
          type="button"
          data-tk-part="composer-add-attachment"
          aria-label={t("composer.attach")}
          title={t("composer.attach")}
          disabled={ctx.disabled}
          {...props}
          ref={ref}
          onClick={(event) => {
            onClick?.(event);
            if (!event.defaultPrevented) fileRef.current?.click();
          }}
        >
          {children ?? <Paperclip aria-hidden size={18} />}
        </Comp>
        <input
          ref={fileRef}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          aria-hidden
          {...(ctx.accept ? { accept: ctx.accept } : {})}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = "";
            if (files.length > 0) ctx.onAddFiles?.(files);
          }}
        />
      </>
    );
  },
);
ComposerAddAttachment.displayName = "Composer.AddAttachment";

/**
 * The chips of `Composer.Attachments` and the lines of `Composer.Rejections`: one chunk, loaded on
 * idle once a composer accepts files, and at once when there is an entry to show. Until it is
 * here (or if it fails to load) the entries show by name; nothing is lost.
 */
export const attachmentListsModule = lazyModule(() => import("./composer-attachment-lists"));

/** The attachment lists' module: loaded at once when `needed`, on idle when `soon`. */
export function useAttachmentLists(needed: boolean, soon: boolean) {
  const lists = useLazyModule(attachmentListsModule);
  useEffect(() => {
    if (lists || (!needed && !soon)) return;
    const load = () => {
      attachmentListsModule.preload().catch((error: unknown) => {
        console.error("threadkit: the composer's attachment list failed to load.", error);
      });
    };
    if (needed) {
      load();
      return;
    }
    if (typeof requestIdleCallback === "function") {
      const handle = requestIdleCallback(load);
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(load, 1);
    return () => clearTimeout(handle);
  }, [lists, needed, soon]);
  return lists;
}

/**
 * The pending attachments with upload progress and a remove button each.
 *
 * @selector [data-tk-part="composer-attachments"]
 * @selector [data-tk-part="composer-attachment"][data-status="uploading"|"done"|"error"]
 * @selector [data-tk-part="composer-attachment-error"] why a failed upload failed
 */
export const ComposerAttachments = forwardRef<HTMLUListElement, ComponentPropsWithoutRef<"ul">>(
  function ComposerAttachments(props, ref) {
    const ctx = useComposerContext("Composer.Attachments");
    const { t, allowDataImages = false } = useThreadUI();
    const lists = useAttachmentLists(ctx.attachments.length > 0, ctx.onAddFiles !== undefined);
    const deps = useMemo(
      () => ({ t, allowDataImages, safeUrl, fileTypeLabel }),
      [t, allowDataImages],
    );
    if (ctx.attachments.length === 0) return null;
    return (
      <ul
        data-tk-part="composer-attachments"
        aria-label={t("composer.attachments")}
        aria-busy={lists ? undefined : true}
        {...props}
        ref={ref}
      >
        {lists ? (
          <lists.AttachmentItems
            attachments={ctx.attachments}
            onRemove={ctx.onRemoveAttachment}
            deps={deps}
          />
        ) : (
          ctx.attachments.map((attachment) => (
            <li
              key={attachment.id}
              data-tk-part="composer-attachment"
              data-status={attachment.status ?? "done"}
            >
              <span data-tk-part="attachment-meta">
                <span data-tk-part="attachment-name">{attachment.name}</span>
              </span>
            </li>
          ))
        )}
      </ul>
    );
  },
);
ComposerAttachments.displayName = "Composer.Attachments";

/**
 * Why the composer is disabled (locked or closed thread, or a custom reason); renders nothing
 * while it is enabled. The input references it with `aria-describedby`.
 *
 * @selector [data-tk-part="composer-status"]
 */
export const ComposerStatus = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<"p">>(
  function ComposerStatus(props, ref) {
    const ctx = useComposerContext("Composer.Status");
    if (!ctx.reason) return null;
    return (
      <p data-tk-part="composer-status" id={ctx.reasonId} {...props} ref={ref}>
        <Lock aria-hidden size={14} />
        {ctx.reason}
      </p>
    );
  },
);
ComposerStatus.displayName = "Composer.Status";
