import type { InputTagContent } from "@threadkit/core";
import {
  type AttachmentLimits,
  type UseComposerOptions,
  type UseComposerResult,
  type UseRunStreamResult,
  useComposer,
  useRunStream,
  useThreadStore,
} from "@threadkit/hooks";
import { forwardRef, useCallback, useMemo, useRef, useSyncExternalStore } from "react";
import { ComposerRoot, type ComposerRootProps } from "./composer";
import { ComposerDefaultParts } from "./default-parts";
import type { ComposerEntity } from "./mention-state";

/** Props of {@link ConnectedComposerRoot}. */
export interface ConnectedComposerRootProps
  extends Omit<
    ComposerRootProps,
    | "value"
    | "defaultValue"
    | "onValueChange"
    | "onSubmit"
    | "running"
    | "onStop"
    | "attachments"
    | "onAddFiles"
    | "onRemoveAttachment"
    | "threadStatus"
    | "rejections"
    | "onDismissRejections"
    | "tags"
    | "onTagsChange"
  > {
  /** The thread to send to (`null` starts a new thread). */
  threadId: string | null;
  /** Share a run with the rest of the UI (its status, errors and retry). */
  run?: UseRunStreamResult;
  /** Upload strategy, limits and inference options of `useComposer`. */
  options?: Omit<UseComposerOptions, "run">;
  /** Enables the attach button. @default true */
  attachmentsEnabled?: boolean;
}

/**
 * `Composer.Root` fed by `@threadkit/hooks` (`useRunStream` + `useComposer`): sends to the
 * thread, uploads attachments with progress, offers Stop from the moment of send (before the
 * server answers, and during a retry backoff) and then while the server allows cancelling, and
 * disables itself for locked and closed threads. A failed upload shows its error on its chip, and
 * files refused by `options.limits` go to `Composer.Rejections` until dismissed or the next pick.
 * Must be inside `ThreadkitProvider`.
 */
export const ConnectedComposerRoot = forwardRef<HTMLFormElement, ConnectedComposerRootProps>(
  function ConnectedComposerRoot(
    { threadId, run: runProp, options, attachmentsEnabled = true, ...props },
    ref,
  ) {
    const ownRun = useRunStream(threadId);
    const run = runProp ?? ownRun;
    const composer = useComposer({ ...options, run });
    const store = useThreadStore(run.threadId ?? threadId);
    const getStatus = () => store.getState().thread?.status;
    const threadStatus = useSyncExternalStore(store.subscribe, getStatus, getStatus);
    const bound = useComposerRootProps(composer, run, {
      limits: options?.limits,
      attachmentsEnabled,
    });
    return <ComposerRoot {...props} ref={ref} {...bound} threadStatus={threadStatus ?? null} />;
  },
);
ConnectedComposerRoot.displayName = "Composer.Root";

/** The props of `Composer.Root` that {@link useComposerRootProps} fills in. */
export type ComposerRootBinding = Pick<
  ComposerRootProps,
  | "value"
  | "onValueChange"
  | "onSubmit"
  | "running"
  | "onStop"
  | "attachments"
  | "onAddFiles"
  | "onRemoveAttachment"
  | "rejections"
  | "onDismissRejections"
  | "tags"
  | "onTagsChange"
>;

/**
 * The props that drive a static `Composer.Root` from `useComposer` and `useRunStream` of
 * `@threadkit/hooks`: the draft, submit, Stop (from the moment of send), attachments with their
 * upload progress and errors, and refused files. Spread them on `Composer.Root` when you keep the
 * composer's state yourself (to set its text from elsewhere, say); `Composer.Root threadId` does
 * this for you.
 *
 * @example
 * const run = useRunStream(threadId);
 * const composer = useComposer({ run });
 * <Composer.Root {...useComposerRootProps(composer, run)}>…</Composer.Root>
 */
export function useComposerRootProps(
  composer: UseComposerResult,
  run: UseRunStreamResult,
  options: { limits?: AttachmentLimits | undefined; attachmentsEnabled?: boolean } = {},
): ComposerRootBinding {
  // A backend that takes no attachments (the hosted REST API) gets no attach button.
  const canAttach = (options.attachmentsEnabled ?? true) && composer.canAttach !== false;
  // The wire's tags have no icon: the picked entities keep theirs for the chips.
  const entities = useRef(new Map<string, ComposerEntity>());
  const tags = useMemo(
    () =>
      composer.tags.map(
        (tag): ComposerEntity =>
          entities.current.get(tag.id) ?? {
            id: tag.id,
            title: tag.text,
            group: tag.group ?? null,
            data: tag.data,
            ...(tag.interactive !== undefined ? { interactive: tag.interactive } : {}),
          },
      ),
    [composer.tags],
  );
  const setTags = composer.setTags;
  const onTagsChange = useCallback(
    (next: ComposerEntity[]) => {
      for (const entity of next) entities.current.set(entity.id, entity);
      setTags(next.map(toInputTag));
    },
    [setTags],
  );
  return {
    value: composer.text,
    onValueChange: composer.setText,
    onSubmit: () => void composer.submit(),
    running: run.isRunning,
    ...(run.canCancel ? { onStop: run.cancel } : {}),
    // One attachment type: `useComposer`'s entries are what `Composer.Attachments` shows.
    attachments: composer.attachments,
    ...(canAttach ? { onAddFiles: (files: File[]) => void composer.addFiles(files) } : {}),
    onRemoveAttachment: composer.removeAttachment,
    rejections: composer.rejections,
    onDismissRejections: composer.clearRejections,
    tags,
    onTagsChange,
  };
}

/** An entity as the `input_tag` sent for it (`data` is required on the wire). */
export function toInputTag(entity: ComposerEntity): InputTagContent {
  return {
    type: "input_tag",
    id: entity.id,
    text: entity.title,
    data: (entity.data ?? {}) as InputTagContent["data"],
    ...(entity.group != null ? { group: entity.group } : {}),
    ...(entity.interactive !== undefined ? { interactive: entity.interactive } : {}),
  };
}

/** Props of `Composer.Root`: controlled from props, or `threadId` for the hooks. */
export type ComposerRootAnyProps = ComposerRootProps | ConnectedComposerRootProps;

/**
 * `Composer.Root`. With `threadId` it sends through `@threadkit/hooks` (inside
 * `ThreadkitProvider`); otherwise it is driven by its props. Without children it renders the
 * whole default composer: attachments, refused files, attach button, input, Stop, Submit and
 * status (`<Composer.Root threadId={threadId} />` is a working composer).
 *
 * @selector [data-tk-part="composer"][data-disabled][data-running][data-thread-status]
 */
export const ComposerRootSwitch = forwardRef<HTMLFormElement, ComposerRootAnyProps>(
  function ComposerRootSwitch(props, ref) {
    const children = props.children ?? <ComposerDefaultParts />;
    if ("threadId" in props && props.threadId !== undefined) {
      return (
        <ConnectedComposerRoot {...(props as ConnectedComposerRootProps)} ref={ref}>
          {children}
        </ConnectedComposerRoot>
      );
    }
    return (
      <ComposerRoot {...(props as ComposerRootProps)} ref={ref}>
        {children}
      </ComposerRoot>
    );
  },
);
ComposerRootSwitch.displayName = "Composer.Root";
