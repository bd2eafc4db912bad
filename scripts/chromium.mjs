// Where the tests find Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium.
// Browser tests never download a browser.
import { existsSync } from "node:fs";

export const CHROMIUM_HELP =
  "threadkit's browser tests need Chromium. On Debian/Ubuntu: `sudo apt-get install -y chromium`; " +
  "elsewhere set CHROMIUM_PATH to a Chromium or Chrome executable.";

/** Flags that keep headless Chromium off the network and quiet. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Path of the Chromium executable; throws with install instructions when there is none. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(path)) throw new Error(`${CHROMIUM_HELP} (looked for ${path})`);
  return path;
}
