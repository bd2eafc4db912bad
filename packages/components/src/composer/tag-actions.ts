import type { KeyboardEvent } from "react";
import type {
  ComposerCommand,
  ComposerCommandSelection,
  ComposerEntity,
  MentionState,
} from "./mention-state";

/** What the composer's tag actions read and write. */
export interface TagActionDeps {
  valueRef: { current: string };
  setValue: (value: string) => void;
  tags: readonly ComposerEntity[];
  setTags: (tags: readonly ComposerEntity[]) => void;
  pendingCaret: { current: number | null };
  inputRef: { current: HTMLTextAreaElement | null };
}

/** Completes the typed `@query` with the entity and adds its chip. */
export function completeTag(
  mentions: MentionState,
  entity: ComposerEntity,
  deps: TagActionDeps,
): void {
  const next = mentions.complete(deps.valueRef.current, entity);
  deps.setValue(next.text);
  if (!deps.tags.some((tag) => tag.id === entity.id)) deps.setTags([...deps.tags, entity]);
  // `Composer.Input` puts the caret there once the new value is written.
  deps.pendingCaret.current = next.caret;
  deps.inputRef.current?.focus();
}

/** Runs the command: inserts its entity, opens its submenu, or just removes `/query`. */
export function runCommand(
  commands: MentionState<ComposerCommand>,
  command: ComposerCommand,
  select: (command: ComposerCommand) => Promise<ComposerCommandSelection | undefined> | undefined,
  deps: Omit<TagActionDeps, "tags"> & { tagsRef: { current: readonly ComposerEntity[] } },
): void {
  commands.settle(null);
  Promise.resolve()
    .then(() => select(command))
    .then(
      (selection) => {
        if (selection && selection.type === "menu") {
          commands.show(selection.commands);
          return;
        }
        const entity = selection && selection.type === "entity" ? selection.entity : null;
        const next = commands.replace(deps.valueRef.current, entity ? `@${entity.title} ` : "");
        deps.setValue(next.text);
        if (entity && !deps.tagsRef.current.some((tag) => tag.id === entity.id)) {
          deps.setTags([...deps.tagsRef.current, entity]);
        }
        deps.pendingCaret.current = next.caret;
        deps.inputRef.current?.focus();
      },
      (reason: unknown) =>
        commands.settle(reason instanceof Error ? reason.message : String(reason)),
    );
}

/** What the list actions read of the composer's context (a structural type: no import cycle). */
export interface MenuContext extends TagActionDeps {
  mentions: MentionState | undefined;
  commands: MentionState<ComposerCommand> | undefined;
  tagsRef: { current: readonly ComposerEntity[] };
  onCommandSelectRef: {
    current:
      | ((command: ComposerCommand) => Promise<ComposerCommandSelection | undefined>)
      | undefined;
  };
}

/** Completes the typed `@query` with the entity the @-mention list offered, and adds its chip. */
export function pickTag(ctx: MenuContext, entity: ComposerEntity): void {
  if (!ctx.mentions) return;
  completeTag(ctx.mentions, entity, ctx);
}

/** Runs the command the `/` list offered (see `runCommand`) with `onCommandSelect`. */
export function pickCommand(ctx: MenuContext, command: ComposerCommand): void {
  if (!ctx.commands) return;
  runCommand(ctx.commands, command, (c) => ctx.onCommandSelectRef.current?.(c), ctx);
}

/**
 * The keys of the open `/` or @-mention list, typed in `Composer.Input`: Escape closes it, the
 * arrows move through it, Enter or Tab picks the highlighted option. Returns whether it took the
 * key (the input then does nothing else with it).
 */
export function menuKeyDown(event: KeyboardEvent<HTMLTextAreaElement>, ctx: MenuContext): boolean {
  const commandOpen = ctx.commands !== undefined && ctx.commands.query !== null;
  const menu = (commandOpen ? ctx.commands : ctx.mentions) as MentionState<unknown> | undefined;
  if (!menu || menu.query === null || event.nativeEvent.isComposing) return false;
  const count = menu.status === "idle" ? menu.options.length : 0;
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    menu.close();
    return true;
  }
  if (count > 0 && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    menu.setActive((menu.active + step + count) % count);
    return true;
  }
  const active = count > 0 ? menu.options[menu.active] : undefined;
  if (active !== undefined && (event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
    event.preventDefault();
    if (commandOpen) pickCommand(ctx, active as ComposerCommand);
    else pickTag(ctx, active as ComposerEntity);
    return true;
  }
  return false;
}
