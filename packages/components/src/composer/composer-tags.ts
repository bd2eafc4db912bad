/**
 * What a composer loads once it has tags or searches for them (`onTagSearch`, `onCommandSearch`):
 * the @-mention and `/` command autocompletes and the inline tag tokens, one chunk for all.
 */
export { TokenLayerHost } from "./composer-tokens";
export { createMentionStore } from "./mention-store";
export { completeTag, menuKeyDown, pickCommand, pickTag, runCommand } from "./tag-actions";
export { findTagTokens } from "./tag-tokens";
