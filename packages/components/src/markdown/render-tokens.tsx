// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown tokens, content parts and tasks are positional and only ever append
import type { Token, Tokens } from "marked";
import { Fragment, type ReactNode } from "react";
import { safeUrl } from "../internal/safe-url";
import { CodeBlock } from "./code-block";
import { decodeEntities } from "./entities";

/** A citation marker to place at a character offset of the message text. */
export interface MarkdownMarker {
  /** Character offset in the message text. */
  index: number;
  /** Stable key of the marker within the message. */
  key: string;
  /** Renders the marker. */
  node: ReactNode;
}

/** Rendering options threaded through the token walk. */
export interface RenderOptions {
  allowDataImages: boolean;
  /** `true` when the block may still change (the streaming tail). */
  streaming: boolean;
}

/** Keeps the markers of one block in order and hands out those up to an offset. */
class MarkerCursor {
  private next = 0;
  constructor(private readonly markers: readonly MarkdownMarker[]) {}
  /** Markers whose index is < `until` (or <= when `inclusive`). */
  take(until: number, inclusive = true): MarkdownMarker[] {
    const taken: MarkdownMarker[] = [];
    while (this.next < this.markers.length) {
      const marker = this.markers[this.next] as MarkdownMarker;
      if (inclusive ? marker.index > until : marker.index >= until) break;
      taken.push(marker);
      this.next++;
    }
    return taken;
  }
  rest(): MarkdownMarker[] {
    return this.take(Number.POSITIVE_INFINITY);
  }
}

function renderMarkers(markers: MarkdownMarker[]): ReactNode {
  if (markers.length === 0) return null;
  return markers.map((marker) => <Fragment key={marker.key}>{marker.node}</Fragment>);
}

/**
 * Renders inline tokens. When `cursor` is given, `offset` is the source offset of the first token
 * and citation markers are inserted where their index falls: inside plain text at the exact
 * character, otherwise right after the token that contains it.
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
    if (
      cursor &&
      token.type === "text" &&
      !("tokens" in token && token.tokens) &&
      token.raw === token.text
    ) {
      const markers = cursor.take(end, false);
      let from = 0;
      markers.forEach((marker, m) => {
        const cut = Math.max(0, marker.index - position);
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
      out.push(<Fragment key={i}>{renderInlineToken(token, options)}</Fragment>);
      if (cursor) {
        const markers = cursor.take(end, false);
        if (markers.length > 0)
          out.push(<Fragment key={`${i}m`}>{renderMarkers(markers)}</Fragment>);
      }
    }
    position = end;
  });
  return out;
}

function renderInlineToken(token: Token, options: RenderOptions): ReactNode {
  switch (token.type) {
    case "text":
      return "tokens" in token && token.tokens
        ? renderInline(token.tokens, options)
        : decodeEntities((token as Tokens.Text).text);
    case "escape":
      return (token as Tokens.Escape).text;
    case "strong":
      return <strong>{renderInline((token as Tokens.Strong).tokens, options)}</strong>;
    case "em":
      return <em>{renderInline((token as Tokens.Em).tokens, options)}</em>;
    case "del":
      return <del>{renderInline((token as Tokens.Del).tokens, options)}</del>;
    case "codespan":
      return <code data-tk-part="markdown-code-inline">{(token as Tokens.Codespan).text}</code>;
    case "br":
      return <br />;
    case "link": {
      const link = token as Tokens.Link;
      const href = safeUrl(link.href, "link");
      const children = renderInline(link.tokens, options);
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
          {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
        >
          {children}
        </a>
      );
    }
    case "image": {
      const image = token as Tokens.Image;
      const src = safeUrl(image.href, "image", { allowDataImages: options.allowDataImages });
      if (!src)
        return (
          <span data-tk-part="markdown-image" data-unsafe="">
            {image.text}
          </span>
        );
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
      return (token as Tokens.HTML).text;
    case "checkbox":
      return null;
    default:
      return "raw" in token ? token.raw : null;
  }
}

/** Renders one top-level block. `markers` are sorted and all lie within the block's range. */
export function renderBlock(
  token: Token,
  start: number,
  markers: readonly MarkdownMarker[],
  options: RenderOptions,
): ReactNode {
  const cursor = new MarkerCursor(markers);
  switch (token.type) {
    case "paragraph": {
      const p = token as Tokens.Paragraph;
      return (
        <p data-tk-part="markdown-paragraph">
          {renderInline(p.tokens, options, cursor, start)}
          {renderMarkers(cursor.rest())}
        </p>
      );
    }
    case "heading": {
      const h = token as Tokens.Heading;
      const Tag = `h${Math.min(6, Math.max(1, h.depth))}` as "h1";
      const inner = Math.max(0, h.raw.indexOf(h.text));
      return (
        <Tag data-tk-part="markdown-heading" data-level={h.depth}>
          {renderInline(h.tokens, options, cursor, start + inner)}
          {renderMarkers(cursor.rest())}
        </Tag>
      );
    }
    default: {
      const body = renderNestedBlock(token, options);
      const rest = cursor.rest();
      if (rest.length === 0) return body;
      return (
        <>
          {body}
          <p data-tk-part="markdown-citations">{renderMarkers(rest)}</p>
        </>
      );
    }
  }
}

function renderBlocks(tokens: readonly Token[], options: RenderOptions): ReactNode {
  return tokens.map((token, i) => <Fragment key={i}>{renderNestedBlock(token, options)}</Fragment>);
}

function renderNestedBlock(token: Token, options: RenderOptions): ReactNode {
  switch (token.type) {
    case "space":
    case "def":
    case "checkbox":
      return null;
    case "paragraph":
      return (
        <p data-tk-part="markdown-paragraph">
          {renderInline((token as Tokens.Paragraph).tokens, options)}
        </p>
      );
    case "text": {
      const text = token as Tokens.Text;
      return text.tokens ? renderInline(text.tokens, options) : decodeEntities(text.text);
    }
    case "heading": {
      const h = token as Tokens.Heading;
      const Tag = `h${Math.min(6, Math.max(1, h.depth))}` as "h1";
      return (
        <Tag data-tk-part="markdown-heading" data-level={h.depth}>
          {renderInline(h.tokens, options)}
        </Tag>
      );
    }
    case "code": {
      const code = token as Tokens.Code;
      const fenced = code.codeBlockStyle !== "indented";
      const closed = !fenced || /\n? {0,3}(`{3,}|~{3,})\s*$/.test(code.raw.trimEnd().slice(3));
      return (
        <CodeBlock
          code={code.text}
          language={(code.lang ?? "").split(/\s/)[0] ?? ""}
          final={!options.streaming || closed}
        />
      );
    }
    case "blockquote":
      return (
        <blockquote data-tk-part="markdown-blockquote">
          {renderBlocks((token as Tokens.Blockquote).tokens, options)}
        </blockquote>
      );
    case "list": {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => (
        <li key={i} data-tk-part="markdown-list-item" data-task={item.task ? "" : undefined}>
          {item.task ? (
            <span
              data-tk-part="markdown-task-box"
              data-checked={item.checked ? "" : undefined}
              role="img"
              aria-label={item.checked ? "☑" : "☐"}
            />
          ) : null}
          {renderBlocks(item.tokens, options)}
        </li>
      ));
      if (list.ordered) {
        const start =
          typeof list.start === "number" ? list.start : Number.parseInt(String(list.start), 10);
        return (
          <ol
            data-tk-part="markdown-list"
            data-loose={list.loose ? "" : undefined}
            start={Number.isFinite(start) && start !== 1 ? start : undefined}
          >
            {items}
          </ol>
        );
      }
      return (
        <ul data-tk-part="markdown-list" data-loose={list.loose ? "" : undefined}>
          {items}
        </ul>
      );
    }
    case "table": {
      const table = token as Tokens.Table;
      const align = (a: Tokens.TableCell["align"]) => (a ? { textAlign: a } : undefined);
      return (
        <div data-tk-part="markdown-table-wrap">
          <table data-tk-part="markdown-table">
            <thead>
              <tr>
                {table.header.map((cell, i) => (
                  <th key={i} scope="col" style={align(cell.align)}>
                    {renderInline(cell.tokens, options)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} style={align(cell.align)}>
                      {renderInline(cell.tokens, options)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case "hr":
      return <hr data-tk-part="markdown-rule" />;
    case "html":
      // Raw HTML blocks are shown as inert text.
      return <p data-tk-part="markdown-html">{(token as Tokens.HTML).text}</p>;
    default:
      return "raw" in token && typeof token.raw === "string" ? <p>{token.raw}</p> : null;
  }
}
