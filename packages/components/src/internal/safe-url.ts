/** Where a URL will be used: links and sources allow http(s)/mailto; images allow http(s) and, when configured, `data:image/*`. */
export type UrlUsage = "link" | "image";

/** Options of {@link safeUrl}. */
export interface SafeUrlOptions {
  /** Allow `data:image/(png|jpeg|gif|webp|avif);base64,…` URLs for images. @default false */
  allowDataImages?: boolean;
}

const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const IMAGE_SCHEMES = new Set(["http:", "https:"]);
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;
// Control characters and whitespace browsers strip before reading the scheme ("java\tscript:").
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const STRIPPED = /[\u0000-\u0020\u007f-\u009f]/g;

/**
 * Returns `url` when its scheme is allow-listed for `usage`, otherwise `undefined`. Relative URLs
 * resolve against `https://invalid.local/` only to read their scheme and are kept as written.
 * `javascript:`, `vbscript:`, `data:` (except configured images), `file:` and every unknown scheme
 * are rejected.
 */
export function safeUrl(
  url: string | null | undefined,
  usage: UrlUsage = "link",
  options: SafeUrlOptions = {},
): string | undefined {
  if (typeof url !== "string") return undefined;
  const trimmed = url.trim();
  if (trimmed === "") return undefined;
  const probe = trimmed.replace(STRIPPED, "");
  if (usage === "image" && /^data:/i.test(probe)) {
    return options.allowDataImages && DATA_IMAGE.test(trimmed) ? trimmed : undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(probe, "https://invalid.local/");
  } catch {
    return undefined;
  }
  const allowed = usage === "image" ? IMAGE_SCHEMES : LINK_SCHEMES;
  return allowed.has(parsed.protocol) ? trimmed : undefined;
}

/** The host name of an http(s) URL without `www.`, or `undefined`. */
export function hostOf(url: string): string | undefined {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== "http:" && protocol !== "https:") return undefined;
    return hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}
