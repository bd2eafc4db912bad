/** Test helpers: locate and read the shared real-world fixtures. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (packages/core/test → ../../..). */
export const repoRoot = path.resolve(here, "../../..");
/** The shared fixtures folder, beside the repository. */
export const fixturesRoot = path.resolve(repoRoot, "fixtures");

/** Names of the files in a fixture folder with the given extension. */
export function fixtureNames(folder: string, ext: string): string[] {
  return readdirSync(path.join(fixturesRoot, folder))
    .filter((name) => name.endsWith(ext))
    .sort();
}

/** Reads a fixture as text. */
export function readFixture(folder: string, name: string): string {
  return readFileSync(path.join(fixturesRoot, folder, name), "utf8");
}

/** Reads a JSON fixture. */
export function readJsonFixture(folder: string, name: string): unknown {
  return JSON.parse(readFixture(folder, name));
}

/** One SSE event of a fixture: its `event:` name (if any) and its joined `data:` lines. */
export interface FixtureEvent {
  event: string | undefined;
  data: string;
}

/**
 * A deliberately small SSE splitter for fixtures (blank line ends an event; a final event without
 * a blank line is kept). Lines that are neither `event:` nor `data:` are ignored, as the SSE spec
 * says for unknown fields.
 */
export function splitSse(text: string): FixtureEvent[] {
  const events: FixtureEvent[] = [];
  let event: string | undefined;
  let data: string[] = [];
  const flush = () => {
    if (data.length > 0) events.push({ event, data: data.join("\n") });
    event = undefined;
    data = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line === "") flush();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    else if (line.startsWith("event:")) event = line.slice(6).trim();
  }
  flush();
  return events;
}
