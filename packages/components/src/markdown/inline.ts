/**
 * Inline markdown: CommonMark code spans, emphasis (delimiter-run rules), links and images
 * (inline and reference), autolinks, raw HTML (kept as inert text), escapes and line breaks, plus
 * GFM strikethrough and bare `www.`/`http(s)://`/e-mail links, and `$…$` math. The raw texts of
 * the tokens it returns add up to the source exactly.
 */
import { decodeEntities, REFERENCE } from "./entities";
import { tokenizeMathInline } from "./math";
import type { InlineToken, Links, LinkTarget, TextToken } from "./tokens";

interface Delim {
  k: 1;
  char: string;
  count: number;
  orig: number;
  canOpen: boolean;
  canClose: boolean;
  start: number;
  end: number;
}
interface Bracket {
  k: 2;
  image: boolean;
  active: boolean;
  start: number;
  end: number;
}
type Item = InlineToken | Delim | Bracket;

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const UNESCAPE = new RegExp(`\\\\([!-/:-@[-\`{-~])|${REFERENCE}`, "gi");

/** Resolves backslash escapes and character references (link destinations, titles, info strings). */
export function unescapeText(text: string): string {
  return text.replace(UNESCAPE, (m, c: string | undefined) => c ?? decodeEntities(m));
}

/** A reference label as definitions are keyed: trimmed, whitespace collapsed, case-folded. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase().toUpperCase().toLowerCase();
}

const text = (raw: string, value = raw): TextToken => ({ type: "text", raw, text: value });

/** Tokens of items (a left-over delimiter or bracket is text), with neighbouring plain text merged. */
function build(items: readonly Item[], src: string): InlineToken[] {
  const out: InlineToken[] = [];
  for (const item of items) {
    const token = "k" in item ? text(src.slice(item.start, item.end)) : item;
    const last = out[out.length - 1];
    // Inline text tokens never have children; text whose value differs from its source stays apart.
    if (
      token.type === "text" &&
      last?.type === "text" &&
      token.raw === token.text &&
      last.raw === last.text
    )
      out[out.length - 1] = text(last.raw + token.raw);
    else out.push(token);
  }
  return out;
}

/** The CommonMark "process emphasis" step over `items[bottom..]`. */
function processEmphasis(items: Item[], bottom: number, src: string): void {
  const floors: Record<string, number> = {};
  let i = bottom;
  while (i < items.length) {
    // Only a delimiter run has `canClose` (and `char`, `canOpen`).
    const closer = items[i] as Delim;
    if (!closer.canClose) {
      i++;
      continue;
    }
    const key = `${closer.char}${closer.canOpen ? 1 : 0}${closer.orig % 3}`;
    const floor = Math.max(bottom, floors[key] ?? bottom);
    let j = i - 1;
    let opener: Delim | undefined;
    for (; j >= floor; j--) {
      const d = items[j] as Delim;
      if (d.char !== closer.char || !d.canOpen) continue;
      if (closer.char === "~") {
        if (d.count === closer.count) {
          opener = d;
          break;
        }
        continue;
      }
      const odd =
        (d.canClose || closer.canOpen) && closer.orig % 3 !== 0 && (d.orig + closer.orig) % 3 === 0;
      if (!odd) {
        opener = d;
        break;
      }
    }
    if (!opener) {
      floors[key] = i;
      if (!closer.canOpen) items[i] = text(src.slice(closer.start, closer.end));
      i++;
      continue;
    }
    const use = closer.char === "~" ? closer.count : closer.count >= 2 && opener.count >= 2 ? 2 : 1;
    const innerStart = opener.end;
    const innerEnd = closer.start;
    opener.end -= use;
    opener.count -= use;
    closer.start += use;
    closer.count -= use;
    const token: InlineToken = {
      type: closer.char === "~" ? "del" : use === 2 ? "strong" : "em",
      raw: src.slice(opener.end, closer.start),
      text: src.slice(innerStart, innerEnd),
      tokens: build(items.slice(j + 1, i), src),
    };
    const from = opener.count > 0 ? j + 1 : j;
    const to = closer.count > 0 ? i : i + 1;
    items.splice(from, to - from, token);
    for (const k in floors) if ((floors[k] as number) > j) floors[k] = from;
    i = from + 1;
  }
}

/** Skips spaces and tabs. */
export function skipBlanks(src: string, at: number): number {
  let i = at;
  while (src[i] === " " || src[i] === "\t") i++;
  return i;
}

/** Skips spaces, tabs and at most one line ending. */
export function skipSpace(src: string, at: number): number {
  const i = skipBlanks(src, at);
  return src[i] === "\n" ? skipBlanks(src, i + 1) : i;
}

/** A link destination at `at`: `[end, destination]`, or undefined. */
export function parseDestination(src: string, at: number): [number, string] | undefined {
  if (src[at] === "<") {
    for (let i = at + 1; i < src.length; i++) {
      const c = src[i];
      if (c === "\\" && ESCAPABLE.test(src[i + 1] ?? "")) i++;
      else if (c === ">") return [i + 1, unescapeText(src.slice(at + 1, i))];
      else if (c === "<" || c === "\n") return undefined;
    }
    return undefined;
  }
  let depth = 0;
  let i = at;
  for (; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "\\" && ESCAPABLE.test(src[i + 1] ?? "")) i++;
    else if (c === "(") {
      if (++depth > 32) return undefined;
    } else if (c === ")") {
      if (depth === 0) break;
      depth--;
    } else if (c <= " " || c === "\x7f") break;
  }
  if (i === at || depth !== 0) return undefined;
  return [i, unescapeText(src.slice(at, i))];
}

/** A link title at `at` (`"…"`, `'…'` or `(…)`): `[end, title]`, or undefined. */
export function parseTitle(src: string, at: number): [number, string] | undefined {
  const open = src[at];
  const close = open === "(" ? ")" : open;
  if (open !== '"' && open !== "'" && open !== "(") return undefined;
  for (let i = at + 1; i < src.length; i++) {
    const c = src[i];
    if (c === "\\" && ESCAPABLE.test(src[i + 1] ?? "")) i++;
    else if (c === close) return [i + 1, unescapeText(src.slice(at + 1, i))];
    else if (open === "(" && c === "(") return undefined;
    else if (c === "\n" && /^\n[ \t]*\n/.test(src.slice(i, i + 80))) return undefined;
  }
  return undefined;
}

/** A link label `[…]` at `at`: `[end, label]`, or undefined. */
export function parseLabel(src: string, at: number): [number, string] | undefined {
  if (src[at] !== "[") return undefined;
  for (let i = at + 1; i < src.length && i - at <= 1000; i++) {
    const c = src[i];
    if (c === "\\" && ESCAPABLE.test(src[i + 1] ?? "")) i++;
    else if (c === "[") return undefined;
    else if (c === "]") return [i + 1, src.slice(at + 1, i)];
  }
  return undefined;
}

/** `(destination "title")` after a link's text: `[end, target]`, or undefined. */
function inlineTarget(src: string, at: number): [number, LinkTarget] | undefined {
  let i = skipSpace(src, at + 1);
  let href = "";
  if (src[i] !== ")") {
    const dest = parseDestination(src, i);
    if (!dest) return undefined;
    href = dest[1];
    i = dest[0];
  }
  const spaced = skipSpace(src, i);
  let title: string | null = null;
  if (spaced > i) {
    const parsed = parseTitle(src, spaced);
    if (parsed) {
      title = parsed[1];
      i = skipSpace(src, parsed[0]);
    } else i = spaced;
  }
  return src[i] === ")" ? [i + 1, { href, title }] : undefined;
}

const TAG_NAME = "[A-Za-z][A-Za-z0-9-]*";
/** An open or a closing HTML tag (the source of a regular expression). */
export const HTML_TAG = `<${TAG_NAME}(?:\\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\\s*=\\s*(?:[^\\s"'=<>\`]+|'[^']*'|"[^"]*"))?)*\\s*/?>|</${TAG_NAME}\\s*>`;
/** Raw inline HTML (open/closing tags, comments, processing instructions, declarations, CDATA). */
export const INLINE_HTML = new RegExp(
  `^(?:${HTML_TAG}|<!-->|<!--->|<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|<![A-Za-z][^>]*>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>)`,
);
const URI_AUTOLINK = /^<([A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\0- ]*)>/;
const EMAIL_AUTOLINK =
  /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;
const BARE_URL = /^(?:www\.|https?:\/\/)[^\s<]*/i;
const BARE_DOMAIN = /^(?:https?:\/\/)?((?:www\.)?[\w-]+(?:\.[\w-]+)*)/i;
const EMAIL_LOCAL = /[\w.+-]+$/;
const EMAIL_DOMAIN = /^[\w-]+(?:\.[\w-]+)+/;

function link(raw: string, href: string, label: string): InlineToken {
  return { type: "link", raw, href, title: null, text: label, tokens: [text(label)] };
}

/** The length of a GFM extended URL autolink at the start of `src`, or 0. */
function bareUrlLength(src: string): number {
  const match = BARE_URL.exec(src);
  if (!match) return 0;
  let url = match[0];
  const host = BARE_DOMAIN.exec(url)?.[1] ?? "";
  if (!host.includes(".") && !/^https?:\/\/[\w-]/i.test(url)) return 0;
  if (/_[^.]*\.[^.]*$/.test(host) || host === "") return 0;
  for (;;) {
    const trimmed = url.replace(/[?!.,:*_~]+$/, "");
    let next = trimmed;
    if (next.endsWith(")")) {
      const open = next.split("(").length - 1;
      const close = next.split(")").length - 1;
      if (close > open) next = next.slice(0, -1);
    } else if (next.endsWith(";")) next = next.replace(/&[A-Za-z0-9]+;$/, "");
    if (next === url) break;
    url = next;
  }
  return url.length > (/^www\./i.test(url) ? 4 : 8) ? url.length : 0;
}

/** Plain text of inline tokens (an image's alternative text). */
function plain(tokens: readonly InlineToken[]): string {
  // A line break is the one inline token with neither text nor children.
  return tokens
    .map((t) =>
      t.type === "text" || t.type === "html"
        ? decodeEntities(t.text)
        : "tokens" in t
          ? plain(t.tokens)
          : "text" in t
            ? t.text
            : "\n",
    )
    .join("");
}

/**
 * Lexes inline markdown. `links` holds the reference definitions of the whole text. The tokens'
 * `raw` texts concatenate to `src`.
 */
export function lexInline(src: string, links: Readonly<Links>): InlineToken[] {
  const items: Item[] = [];
  const brackets: number[] = [];
  let textStart = 0;
  let i = 0;
  const flush = (to: number) => {
    if (to > textStart) items.push(text(src.slice(textStart, to)));
  };
  const push = (item: Item, end: number) => {
    flush(i);
    items.push(item);
    i = end;
    textStart = end;
  };
  // Leading indentation of the first line is no content.
  i = skipBlanks(src, 0);
  if (i > 0) {
    items.push(text(src.slice(0, i), ""));
    textStart = i;
  }
  let math: InlineToken | undefined;
  while (i < src.length) {
    const c = src[i] as string;
    switch (c) {
      case "\\": {
        const next = src[i + 1];
        math = next === "(" ? tokenizeMathAt(src, i) : undefined;
        if (next === "\n") {
          const end = skipBlanks(src, i + 2);
          push({ type: "br", raw: src.slice(i, end) }, end);
        } else if (math) {
          push(math, i + math.raw.length);
        } else if (next !== undefined && ESCAPABLE.test(next)) {
          push({ type: "escape", raw: `\\${next}`, text: next }, i + 2);
        } else i++;
        break;
      }
      case "\n": {
        let spaces = 0;
        while (i - spaces - 1 >= textStart && src[i - spaces - 1] === " ") spaces++;
        const end = skipBlanks(src, i + 1);
        if (spaces === 0 && end === i + 1) {
          i++;
          break;
        }
        const at = i - spaces;
        i = at;
        const raw = src.slice(at, end);
        push(spaces >= 2 ? { type: "br", raw } : text(raw, "\n"), end);
        break;
      }
      case "`": {
        // The opening backtick run, then the first run of the same length closes the span.
        const runs = /`+/g;
        runs.lastIndex = i;
        const n = (runs.exec(src) as RegExpExecArray)[0].length;
        let close = runs.exec(src);
        while (close && close[0].length !== n) close = runs.exec(src);
        if (!close) {
          i += n;
          break;
        }
        const found = close.index;
        let code = src.slice(i + n, found).replace(/\n/g, " ");
        if (code.length > 2 && code[0] === " " && code[code.length - 1] === " " && code.trim())
          code = code.slice(1, -1);
        push({ type: "codespan", raw: src.slice(i, found + n), text: code }, found + n);
        break;
      }
      case "*":
      case "_":
      case "~": {
        let n = 1;
        while (src[i + n] === c) n++;
        if (c === "~" && n > 2) {
          i += n;
          break;
        }
        const before = i === 0 ? "\n" : charBefore(src, i);
        const after =
          i + n < src.length ? String.fromCodePoint(src.codePointAt(i + n) as number) : "\n";
        const beforeSpace = SPACE.test(before);
        const afterSpace = SPACE.test(after);
        const beforePunct = PUNCT.test(before);
        const afterPunct = PUNCT.test(after);
        const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
        const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
        const underscore = c === "_";
        push(
          {
            k: 1,
            char: c,
            count: n,
            orig: n,
            canOpen: underscore ? left && (!right || beforePunct) : left,
            canClose: underscore ? right && (!left || afterPunct) : right,
            start: i,
            end: i + n,
          },
          i + n,
        );
        break;
      }
      case "!":
      case "[": {
        const image = c === "!";
        if (image && src[i + 1] !== "[") {
          i++;
          break;
        }
        const end = i + (image ? 2 : 1);
        brackets.push(items.length + (i > textStart ? 1 : 0));
        push({ k: 2, image, active: true, start: i, end }, end);
        break;
      }
      case "]": {
        const index = brackets.pop() as number;
        const opener = items[index] as Bracket | undefined;
        if (!opener?.active) {
          i++;
          break;
        }
        const target = linkTarget(src, i, opener, links);
        if (!target) {
          i++;
          break;
        }
        flush(i);
        processEmphasis(items, index + 1, src);
        const children = build(items.slice(index + 1), src);
        const [end, { href, title }] = target;
        const raw = src.slice(opener.start, end);
        const label = src.slice(opener.end, i);
        items.length = index;
        items.push(
          opener.image
            ? { type: "image", raw, href, title, text: plain(children), tokens: children }
            : { type: "link", raw, href, title, text: label, tokens: children },
        );
        if (!opener.image)
          for (const b of brackets) {
            const item = items[b] as Bracket;
            if (!item.image) item.active = false;
          }
        i = end;
        textStart = end;
        break;
      }
      case "<": {
        const rest = src.slice(i, i + 2048);
        // A URI autolink has a scheme and a colon; an e-mail address never has a colon.
        const auto = URI_AUTOLINK.exec(rest) ?? EMAIL_AUTOLINK.exec(rest);
        const html = auto ? null : INLINE_HTML.exec(rest);
        if (auto) {
          const target = auto[1] as string;
          push(
            link(auto[0], target.includes(":") ? target : `mailto:${target}`, target),
            i + auto[0].length,
          );
        } else if (html) push({ type: "html", raw: html[0], text: html[0] }, i + html[0].length);
        else i++;
        break;
      }
      case "$": {
        math = tokenizeMathAt(src, i);
        if (math) push(math, i + math.raw.length);
        else i++;
        break;
      }
      case "@": {
        const local = EMAIL_LOCAL.exec(src.slice(Math.max(textStart, i - 256), i))?.[0];
        const domain = EMAIL_DOMAIN.exec(src.slice(i + 1, i + 256))?.[0]?.replace(/[-_]+$/, "");
        if (local && domain && !/^[.]|[.]$/.test(local)) {
          const start = i - local.length;
          i = start;
          const address = src.slice(start, start + local.length + 1 + domain.length);
          push(link(address, `mailto:${address}`, address), start + address.length);
        } else i++;
        break;
      }
      default: {
        if (
          (c === "w" || c === "W" || c === "h" || c === "H") &&
          (i === 0 || /[\s*_~(]/.test(src[i - 1] as string)) &&
          /^(?:www\.|https?:\/\/)/i.test(src.slice(i, i + 8)) &&
          brackets.every((b) => !(items[b] as Bracket).active || (items[b] as Bracket).image)
        ) {
          const length = bareUrlLength(src.slice(i, i + 4096));
          if (length > 0) {
            const url = src.slice(i, i + length);
            push(link(url, /^www\./i.test(url) ? `http://${url}` : url, url), i + length);
            break;
          }
        }
        i++;
      }
    }
  }
  flush(src.length);
  processEmphasis(items, 0, src);
  return build(items, src);
}

/** The character (code point) before `at`. */
function charBefore(src: string, at: number): string {
  const low = src.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at > 1 ? src.slice(at - 2, at) : (src[at - 1] as string);
}

function tokenizeMathAt(src: string, at: number) {
  return tokenizeMathInline(src.slice(at, at + 1100));
}

/** The target of `[text]` closed at `close`: inline, full, collapsed or shortcut reference. */
function linkTarget(
  src: string,
  close: number,
  opener: Bracket,
  links: Readonly<Links>,
): [number, LinkTarget] | undefined {
  const next = src[close + 1];
  if (next === "(") {
    const inline = inlineTarget(src, close + 1);
    if (inline) return inline;
  }
  let end = close + 1;
  let label = src.slice(opener.end, close);
  if (next === "[") {
    const full = parseLabel(src, close + 1);
    if (full) {
      end = full[0];
      if (full[1].trim() !== "") label = full[1];
      else if (full[1] !== "") return undefined;
    }
  }
  if (label.length > 999 || /(?:^|[^\\])[[\]]/.test(label)) return undefined;
  const target = label.trim() === "" ? undefined : links[normalizeLabel(label)];
  return target ? [end, target] : undefined;
}
