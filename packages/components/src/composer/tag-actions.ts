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
