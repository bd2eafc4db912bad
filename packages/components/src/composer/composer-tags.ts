/**
 * What a composer loads once it has tags or searches for them (`onTagSearch`, `onCommandSearch`):
 * the @-mention and `/` command autocompletes and the inline tag tokens, one chunk for all. The
 * preview tooltip of a sent message's input tags comes with them (loaded on a tag's first hover or
 * focus): both draw an entity's preview with the same code.
 */
export { InputTagPreview } from "../items/input-tag-preview";
export { TokenLayerHost } from "./composer-tokens";
export { createMentionStore } from "./mention-store";
export { completeTag, menuKeyDown, pickCommand, pickTag, runCommand } from "./tag-actions";
export { findTagTokens } from "./tag-tokens";
