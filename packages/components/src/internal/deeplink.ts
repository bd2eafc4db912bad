/** A `chatkit-link://` link, as ChatKit's `onDeeplink` receives it. */
export interface Deeplink {
  /** What follows `chatkit-link://` up to the query: `chatkit-link://orders/42` is `"orders/42"`. */
  name: string;
  /** The query's parameters (`?id=42&tab=items` is `{ id: "42", tab: "items" }`), when it has one. */
  data?: Record<string, unknown>;
}

const PREFIX = /^chatkit-link:\/\//i;

/** Whether `href` is a `chatkit-link://` deeplink. */
export function isDeeplink(href: string | null | undefined): href is string {
  return typeof href === "string" && PREFIX.test(href.trim());
}

/** Reads a `chatkit-link://name?key=value` link; `null` when `href` is not one. */
export function parseDeeplink(href: string | null | undefined): Deeplink | null {
  if (!isDeeplink(href)) return null;
  const rest = href.trim().replace(PREFIX, "");
  const hash = rest.indexOf("#");
  const withoutHash = hash === -1 ? rest : rest.slice(0, hash);
  const query = withoutHash.indexOf("?");
  const rawName = (query === -1 ? withoutHash : withoutHash.slice(0, query)).replace(/\/+$/, "");
  let name = rawName;
  try {
    name = decodeURIComponent(rawName);
  } catch {}
  if (query === -1) return { name };
  const params = new URLSearchParams(withoutHash.slice(query + 1));
  const data: Record<string, unknown> = {};
  for (const [key, value] of params) data[key] = value;
  return Object.keys(data).length > 0 ? { name, data } : { name };
}
