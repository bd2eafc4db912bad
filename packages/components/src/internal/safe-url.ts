/** Where a URL will be used: links and sources allow http(s)/mailto; images allow http(s) and, when configured, `data:image/*`. */
export type UrlUsage = "link" | "image";

/** Options of {@link safeUrl}. */
export interface SafeUrlOptions {
  /** Allow `data:image/(png|jpeg|gif|webp|avif);base64,…` URLs for images. @default false */
  allowDataImages?: boolean;
  /**
   * The thread's `allowed_image_domains`: `null`/absent restricts nothing; a list allows only
   * images whose host is a listed domain or a subdomain of one (`[]` blocks every remote image).
   * `data:` images are not a domain and follow `allowDataImages`. Links are not affected.
   */
  allowedImageDomains?: readonly string[] | null | undefined;
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
  if (!allowed.has(parsed.protocol)) return undefined;
  const domains = options.allowedImageDomains;
  if (usage === "image" && Array.isArray(domains)) {
    // A relative URL loads from the page's own host, which must be listed like any other.
    const host = parsed.hostname === "invalid.local" ? pageHostOf(probe) : parsed.hostname;
    if (host === undefined || !imageDomainAllowed(host, domains)) return undefined;
  }
  return trimmed;
}

/**
 * `allowedImageDomains` while the thread's own list is still loading: blocks like `[]`, but image
 * parts show a neutral waiting state instead of "blocked". Compared by identity.
 */
export const PENDING_IMAGE_DOMAINS: readonly string[] = Object.freeze([]);

/** Whether `domains` is {@link PENDING_IMAGE_DOMAINS}. */
export function imageDomainsPending(domains: readonly string[] | null | undefined): boolean {
  return domains === PENDING_IMAGE_DOMAINS;
}

/** The host a relative URL loads from in this page, or `undefined` (no page, or not http(s)). */
function pageHostOf(url: string): string | undefined {
  const base = (globalThis as { location?: { href?: unknown } }).location?.href;
  if (typeof base !== "string") return undefined;
  try {
    const resolved = new URL(url, base);
    return IMAGE_SCHEMES.has(resolved.protocol) ? resolved.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** The lower-case host name of an `allowed_image_domains` entry (`example.com`, `*.example.com`, a URL). */
function domainOf(entry: unknown): string {
  if (typeof entry !== "string") return "";
  const bare = entry
    .trim()
    .replace(/^\*\./, "")
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  if (bare === "") return "";
  try {
    return new URL(`https://${bare}`).hostname.replace(/\.+$/, "");
  } catch {
    return "";
  }
}

/**
 * Whether `host` is one of `domains` or a subdomain of one (`example.com` allows
 * `cdn.example.com`). Case-insensitive; ports and a trailing dot are ignored; entries may be
 * written as `*.example.com` or as a URL. An empty list allows nothing.
 */
export function imageDomainAllowed(host: string, domains: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/\.+$/, "");
  if (name === "") return false;
  return domains.some((entry) => {
    const domain = domainOf(entry);
    return domain !== "" && (name === domain || name.endsWith(`.${domain}`));
  });
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
