// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown tokens, content parts and tasks are positional and only ever append
import { memo, useMemo, useRef } from "react";
import { useThreadUI } from "../context";
import { type BlockLexState, lexBlocks, type MarkdownBlock } from "./lex-blocks";
import { type MarkdownMarker, renderBlock } from "./render-tokens";

/** Props of {@link Markdown}. */
export interface MarkdownProps {
  /** GitHub-flavoured markdown. */
  text: string;
  /** `true` while `text` still grows: the last block renders as unfinished. @default false */
  streaming?: boolean;
  /** Citation markers placed at character offsets of `text`, sorted by index. */
  markers?: readonly MarkdownMarker[];
}

interface BlockProps {
  block: MarkdownBlock;
  markers: readonly MarkdownMarker[];
  markersKey: string;
  streaming: boolean;
  allowDataImages: boolean;
  allowedImageDomains: readonly string[] | null;
}

const Block = memo(
  function Block({ block, markers, streaming, allowDataImages, allowedImageDomains }: BlockProps) {
    return renderBlock(block.token, block.start, markers, {
      streaming,
      allowDataImages,
      allowedImageDomains,
    });
  },
  // The same block object is the same token at the same offset (lexBlocks reuses finished
  // blocks and makes new ones for everything it lexes again); markers compare by their key.
  (a, b) => (Object.keys(a) as (keyof BlockProps)[]).every((k) => k === "markers" || a[k] === b[k]),
);

const NO_MARKERS: readonly MarkdownMarker[] = [];

/**
 * Renders markdown to React elements block by block (never through `innerHTML`). While
 * `streaming`, a longer `text` re-lexes only the unfinished tail block; finished blocks keep their
 * token objects and are skipped by React. Raw HTML shows as inert text and link/image URLs are
 * allow-listed.
 *
 * @selector [data-tk-part="markdown"][data-status="streaming"|"done"]
 */
export const Markdown = memo(function Markdown({
  text,
  streaming = false,
  markers,
}: MarkdownProps) {
  const { allowDataImages = false, allowedImageDomains = null } = useThreadUI();
  const previous = useRef<BlockLexState | undefined>(undefined);
  const state = useMemo(() => lexBlocks(text, previous.current), [text]);
  previous.current = state;

  const { blocks } = state;
  // The last block with content owns markers past the end of the text.
  let lastContent = blocks.length - 1;
  while (lastContent > 0 && blocks[lastContent]?.token.type === "space") lastContent--;

  const byBlock = new Map<number, MarkdownMarker[]>();
  let b = 0;
  for (const marker of markers ?? NO_MARKERS) {
    while (b < lastContent && (blocks[b + 1] as MarkdownBlock).start <= marker.index) b++;
    // Markers at a boundary belong to the block they end, not to a following space.
    let owner = b;
    while (owner > 0 && blocks[owner]?.token.type === "space") owner--;
    const list = byBlock.get(owner) ?? [];
    list.push(marker);
    byBlock.set(owner, list);
  }

  return (
    <div data-tk-part="markdown" data-status={streaming ? "streaming" : "done"}>
      {blocks.map((block, i) => {
        if (block.token.type === "space" && !byBlock.has(i)) return null;
        const blockMarkers = byBlock.get(i) ?? NO_MARKERS;
        return (
          <Block
            // Blocks only ever append, so the index is a stable identity.
            key={i}
            block={block}
            markers={blockMarkers}
            markersKey={blockMarkers.map((m) => `${m.key}@${m.index}`).join(",")}
            streaming={streaming && i >= state.stableCount}
            allowDataImages={allowDataImages}
            allowedImageDomains={allowedImageDomains}
          />
        );
      })}
    </div>
  );
});
