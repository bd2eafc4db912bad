// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown tokens, content parts and tasks are positional and only ever append
import { ImageOff } from "lucide-react";
import { Fragment, type ReactNode } from "react";
import { isDeeplink } from "../internal/deeplink";
import { imageDomainsPending, safeUrl } from "../internal/safe-url";
import { CodeBlock } from "./code-block";
import { decodeEntities, REFERENCE } from "./entities";
import type { MarkdownMarker } from "./markdown-marker";
import { locateCells, type Placement, placeChildren, toLocal } from "./marker-placement";
import { MathFormula } from "./math-formula";
import type {
  BlockquoteToken,
  CodespanToken,
  CodeToken,
  EmphasisToken,
  EscapeToken,
  HeadingToken,
  HtmlToken,
  ImageToken,
  LinkToken,
  ListToken,
  MathToken,
  ParagraphToken,
  TableCell,
  TableToken,
  TextToken,
  Token,
} from "./tokens";

export type { MarkdownMarker } from "./markdown-marker";

/** Rendering options threaded through the token walk. */
export interface RenderOptions {
  allowDataImages: boolean;
  /** The thread's `allowed_image_domains` (`null`: no restriction). */
  allowedImageDomains: readonly string[] | null;
  /** `true` when the block may still change (the streaming tail). */
  streaming: boolean;
}

/** Hands out the markers of one block in order: those whose index is below `until`. */
type MarkerCursor = (until: number) => MarkdownMarker[];

function markerCursor(markers: readonly MarkdownMarker[]): MarkerCursor {
  let next = 0;
  return (until) => {
    const from = next;
    while (next < markers.length && (markers[next] as MarkdownMarker).index < until) next++;
    return markers.slice(from, next);
  };
}

function renderMarkers(markers: readonly MarkdownMarker[]): ReactNode {
  return markers.map((marker) => <Fragment key={marker.key}>{marker.node}</Fragment>);
}

/**
 * Renders inline tokens. When `cursor` is given, `offset` is the source offset of the first token
 * and citation markers are inserted where their index falls: inside plain text (also within
 * emphasis) at the exact character, otherwise right after the token that contains it (a link, say:
 * a marker is never nested in one).
 */
function renderInline(
  tokens: readonly Token[] | undefined,
  options: RenderOptions,
  cursor?: MarkerCursor,
  offset = 0,
): ReactNode[] {
  if (!tokens) return [];
  const out: ReactNode[] = [];
  let position = offset;
  tokens.forEach((token, i) => {
    const end = position + token.raw.length;
    // Inline text tokens have no children.
    if (cursor && token.type === "text" && token.raw === token.text) {
      const markers = cursor(end);
      let from = 0;
      markers.forEach((marker, m) => {
        const cut = outsideReference(token.text, Math.max(0, marker.index - position));
        if (cut > from)
          out.push(
            <Fragment key={`${i}.${m}`}>{decodeEntities(token.text.slice(from, cut))}</Fragment>,
          );
        out.push(<Fragment key={marker.key}>{marker.node}</Fragment>);
        from = Math.max(from, cut);
      });
      if (from < token.text.length)
        out.push(<Fragment key={i}>{decodeEntities(token.text.slice(from))}</Fragment>);
    } else {
      if (token.type === "strong" || token.type === "em" || token.type === "del") {
        // Markers go inside emphasis too; the text starts after the opening delimiter run.
        const { type: Tag, raw, text, tokens: inner } = token as EmphasisToken;
        const at = position + Math.max(0, raw.indexOf(text));
        out.push(<Tag key={i}>{renderInline(inner, options, cursor, at)}</Tag>);
      } else out.push(<Fragment key={i}>{renderInlineToken(token, options)}</Fragment>);
      const markers = cursor?.(end);
      if (markers?.length) out.push(<Fragment key={`${i}m`}>{renderMarkers(markers)}</Fragment>);
    }
    position = end;
  });
  return out;
}

const LEADING_REFERENCE = new RegExp(`^${REFERENCE}`, "i");

/** Moves a cut that falls inside a character reference (`&amp;`) to its end, so it still decodes. */
function outsideReference(text: string, cut: number): number {
  if (cut <= 0) return cut;
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp < 0 || cut - amp > 12) return cut;
  const match = LEADING_REFERENCE.exec(text.slice(amp, amp + 12));
  return match && amp + match[0].length > cut ? amp + match[0].length : cut;
}

function renderInlineToken(token: Token, options: RenderOptions): ReactNode {
  switch (token.type) {
    case "text":
      return decodeEntities((token as TextToken).text);
    case "escape":
      return (token as EscapeToken).text;
    case "codespan":
      return <code data-tk-part="markdown-code-inline">{(token as CodespanToken).text}</code>;
    case "math": {
      const math = token as MathToken;
      return <MathFormula tex={math.text} display={math.display} source={math.raw} />;
    }
    case "br":
      return <br />;
    case "link": {
      const link = token as LinkToken;
      const children = renderInline(link.tokens, options);
      if (isDeeplink(link.href)) {
        // Never navigates: the enclosing Thread.Root hands it to `onDeeplink`.
        return (
          <a data-tk-part="markdown-link" data-tk-deeplink="" href={link.href.trim()}>
            {children}
          </a>
        );
      }
      const href = safeUrl(link.href, "link");
      if (!href)
        return (
          <span data-tk-part="markdown-link" data-unsafe="">
            {children}
          </span>
        );
      const external = /^https?:/i.test(href);
      return (
        <a
          data-tk-part="markdown-link"
          href={href}
          title={link.title ?? undefined}
          target={external ? "_blank" : undefined}
          rel={external ? "noopener noreferrer nofollow" : undefined}
        >
          {children}
        </a>
      );
    }
    case "image": {
      const image = token as ImageToken;
      const src = safeUrl(image.href, "image", {
        allowDataImages: options.allowDataImages,
        allowedImageDomains: options.allowedImageDomains,
      });
      if (!src) {
        // Pending while the thread's image domains are not known yet; otherwise refused.
        const pending = imageDomainsPending(options.allowedImageDomains);
        return (
          <span
            data-tk-part="markdown-image"
            data-pending={pending ? "" : undefined}
            data-unsafe={pending ? undefined : ""}
          >
            {pending ? null : <ImageOff aria-hidden size={14} />}
            {image.text}
          </span>
        );
      }
      return (
        <img
          data-tk-part="markdown-image"
          src={src}
          alt={image.text}
          title={image.title ?? undefined}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
        />
      );
    }
    case "html":
      // Raw HTML is shown as the text it is; it never becomes markup.
      return (token as HtmlToken).text;
    default:
      return "raw" in token ? token.raw : null;
  }
}

/** Renders inline tokens with the markers of `place` at their index, the rest at the end. */
function renderPlacedInline(
  tokens: readonly Token[] | undefined,
  options: RenderOptions,
  place: Placement | undefined,
  start = 0,
): ReactNode {
  const cursor = place?.markers.length
    ? markerCursor(
        place.markers.map((marker) => ({ ...marker, index: toLocal(place.pieces, marker.index) })),
      )
    : undefined;
  return (
    <>
      {renderInline(tokens, options, cursor, start)}
      {cursor ? renderMarkers(cursor(Number.POSITIVE_INFINITY)) : null}
    </>
  );
}

/** Renders one top-level block. `markers` are sorted and all lie within the block's range. */
export function renderBlock(
  token: Token,
  start: number,
  markers: readonly MarkdownMarker[],
  options: RenderOptions,
): ReactNode {
  // Markers inside paragraphs, headings, lists, quotes and tables go to their text; those in code
  // blocks, rules or raw HTML (or in text that cannot be found in the source) follow the block.
  const unplaced: MarkdownMarker[] = [];
  const body = renderNestedBlock(
    token,
    options,
    markers.length > 0
      ? { markers, pieces: [{ local: 0, abs: start, length: token.raw.length }] }
      : undefined,
    unplaced,
  );
  return unplaced.length === 0 ? (
    body
  ) : (
    <>
      {body}
      <p data-tk-part="markdown-citations">{renderMarkers(unplaced)}</p>
    </>
  );
}

function renderBlocks(
  tokens: readonly Token[],
  raw: string,
  options: RenderOptions,
  place: Placement | undefined,
  unplaced: MarkdownMarker[],
): ReactNode {
  const places = placeChildren(tokens, raw, place, unplaced);
  return tokens.map((token, i) => (
    <Fragment key={i}>{renderNestedBlock(token, options, places[i], unplaced)}</Fragment>
  ));
}

const HOLDS_TEXT = /^(?:paragraph|text|heading|blockquote|list|table)$/;

/**
 * Renders a block inside a list, quote or table (or a top-level one of those). Markers of `place`
 * that cannot go into text are pushed to `unplaced` for the enclosing container.
 */
function renderNestedBlock(
  token: Token,
  options: RenderOptions,
  place: Placement | undefined,
  unplaced: MarkdownMarker[],
): ReactNode {
  // Math, code, rules, raw HTML and spaces hold no text a marker could go into.
  if (place && !HOLDS_TEXT.test(token.type)) unplaced.push(...place.markers);
  switch (token.type) {
    case "paragraph":
      return (
        <p data-tk-part="markdown-paragraph">
          {renderPlacedInline((token as ParagraphToken).tokens, options, place)}
        </p>
      );
    case "text":
      return renderPlacedInline((token as TextToken).tokens ?? [token], options, place);
    case "heading": {
      const h = token as HeadingToken;
      const Tag = `h${h.depth}` as "h1";
      return (
        <Tag data-tk-part="markdown-heading" data-level={h.depth}>
          {renderPlacedInline(h.tokens, options, place, Math.max(0, h.raw.indexOf(h.text)))}
        </Tag>
      );
    }
    case "blockquote": {
      const quote = token as BlockquoteToken;
      const inside: MarkdownMarker[] = [];
      return (
        <blockquote data-tk-part="markdown-blockquote">
          {renderBlocks(quote.tokens, quote.raw, options, place, inside)}
          {inside.length > 0 ? (
            <p data-tk-part="markdown-citations">{renderMarkers(inside)}</p>
          ) : null}
        </blockquote>
      );
    }
    case "list":
      return renderList(token as ListToken, options, place, unplaced);
    case "table":
      return renderTable(token as TableToken, options, place, unplaced);
    case "math": {
      const math = token as MathToken;
      const source = math.raw.replace(/\n+$/, "");
      if (math.closed) return <MathFormula tex={math.text} display source={source} block />;
      // No closing delimiter yet: the text as it is, never a half-parsed formula.
      return options.streaming ? (
        <div data-tk-part="math" data-display="" data-status="pending">
          <code>{source}</code>
        </div>
      ) : (
        <p data-tk-part="markdown-paragraph">{source}</p>
      );
    }
    case "code": {
      const code = token as CodeToken;
      const fenced = code.codeBlockStyle !== "indented";
      const closed = !fenced || /\n? {0,3}(`{3,}|~{3,})\s*$/.test(code.raw.trimEnd().slice(3));
      return (
        <CodeBlock
          code={code.text}
          language={code.lang.split(/\s/)[0] as string}
          final={!options.streaming || closed}
        />
      );
    }
  }
  return token.type === "hr" ? (
    <hr data-tk-part="markdown-rule" />
  ) : token.type === "html" ? (
    // Raw HTML blocks are shown as inert text.
    <p data-tk-part="markdown-html">{(token as HtmlToken).text}</p>
  ) : null;
}

function renderList(
  list: ListToken,
  options: RenderOptions,
  place: Placement | undefined,
  unplaced: MarkdownMarker[],
): ReactNode {
  const places = placeChildren(list.items, list.raw, place, unplaced);
  const items = list.items.map((item, i) => {
    // Markers that fit no text of the item (a code block in it, say) end the item.
    const inside: MarkdownMarker[] = [];
    const blocks = renderBlocks(item.tokens, item.raw, options, places[i], inside);
    return (
      <li key={i} data-tk-part="markdown-list-item" data-task={item.task ? "" : undefined}>
        {item.task ? (
          <span
            data-tk-part="markdown-task-box"
            data-checked={item.checked ? "" : undefined}
            role="img"
            aria-label={item.checked ? "☑" : "☐"}
          />
        ) : null}
        {blocks}
        {renderMarkers(inside)}
      </li>
    );
  });
  const Tag = list.ordered ? "ol" : "ul";
  return (
    <Tag
      data-tk-part="markdown-list"
      data-loose={list.loose ? "" : undefined}
      start={list.start !== 1 && list.start !== "" ? list.start : undefined}
    >
      {items}
    </Tag>
  );
}

function renderTable(
  table: TableToken,
  options: RenderOptions,
  place: Placement | undefined,
  unplaced: MarkdownMarker[],
): ReactNode {
  const places = locateCells(table, place, unplaced);
  const align = (a: TableCell["align"]) => (a ? { textAlign: a } : undefined);
  let c = 0;
  return (
    <div data-tk-part="markdown-table-wrap">
      <table data-tk-part="markdown-table">
        <thead>
          <tr>
            {table.header.map((cell, i) => (
              <th key={i} scope="col" style={align(cell.align)}>
                {renderPlacedInline(cell.tokens, options, places[c++])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i} style={align(cell.align)}>
                  {renderPlacedInline(cell.tokens, options, places[c++])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
