/**
 * The files the scripted Assistants runs cite and show, and the `GET /v1/files/:id` routes.
 * They live in the attachments table, so `GET /files/:id` serves them too.
 */
import { deflateSync } from "node:zlib";
import type { Hono } from "hono";
import type { AppEnv } from "./app-env";
import { fileResponse } from "./attachments";
import type { DevServices } from "./services";
import { notFound, toUnix } from "./util";

/** One file the scripted runs use. */
export interface ScriptFile {
  id: string;
  filename: string;
  mime: string;
  bytes: Buffer;
}

const NOTES = `# ChatKit notes

ChatKit servers answer every request with server-sent events. A response streams items:
assistant messages, workflows, widgets and client tool calls.

Threads keep their items in order; clients page through them with \`after\` cursors.
`;

const WIDGETS = `# Widgets guide

A widget is a JSON tree of components (cards, lists, forms) that the client renders with its
own components. Actions on a widget go back to the server, which may replace the widget.
`;

/** CRC-32 (PNG chunk checksums); `zlib.crc32` needs Node 22. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGB pixels (`width * height * 3` bytes) as a PNG. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    // Each scanline starts with filter type 0 (none).
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A 320×200 bar chart of `values` (0–1), drawn pixel by pixel. */
export function barChartPng(values: readonly number[]): Buffer {
  const width = 320;
  const height = 200;
  const rgb = new Uint8Array(width * height * 3).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number, colour: number[]) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++)
        rgb.set(colour, (y * width + x) * 3);
    }
  };
  const colours = [
    [59, 130, 246],
    [16, 185, 129],
    [245, 158, 11],
    [239, 68, 68],
  ];
  const base = height - 24;
  const slot = Math.floor((width - 40) / values.length);
  values.forEach((value, index) => {
    const x = 28 + index * slot + 8;
    const top = base - Math.round(Math.max(0, Math.min(1, value)) * (base - 16));
    fill(x, top, x + slot - 16, base, colours[index % colours.length] as number[]);
  });
  fill(20, 12, 22, base + 1, [55, 65, 81]); // y axis
  fill(20, base, width - 12, base + 2, [55, 65, 81]); // x axis
  return encodePng(width, height, rgb);
}

/** The bar values of {@link CHART_FILE} (quarterly sign-ups, as a share of the best quarter). */
export const CHART_VALUES = [0.45, 0.62, 0.8, 1] as const;

/** A markdown file the scripted citations point at. */
export const NOTES_FILE: ScriptFile = {
  id: "file-DevChatKitNotes01",
  filename: "chatkit-notes.md",
  mime: "text/markdown",
  bytes: Buffer.from(NOTES),
};

/** A second cited file. */
export const WIDGETS_FILE: ScriptFile = {
  id: "file-DevWidgetsGuide01",
  filename: "widgets-guide.md",
  mime: "text/markdown",
  bytes: Buffer.from(WIDGETS),
};

/** The PNG chart the `image` / `chart` runs show. */
export const CHART_FILE: ScriptFile = {
  id: "file-DevSignupsChart01",
  filename: "signups-chart.png",
  mime: "image/png",
  bytes: barChartPng(CHART_VALUES),
};

/** Every scripted file. */
export const SCRIPT_FILES: readonly ScriptFile[] = [NOTES_FILE, WIDGETS_FILE, CHART_FILE];

/** Stores the scripted files (idempotent: same ids, same bytes). */
export function seedScriptFiles(services: DevServices): void {
  for (const file of SCRIPT_FILES) {
    services.store.putAttachment(
      { id: file.id, type: "file", name: file.filename, mime_type: file.mime },
      file.bytes.length,
      file.bytes,
    );
  }
}

/**
 * The Files API reads: `GET /v1/files/:id` (the `file` object) and `GET /v1/files/:id/content`
 * (the bytes), for the scripted files and for uploaded attachments alike.
 */
export function registerFileRoutes(app: Hono<AppEnv>, services: DevServices): void {
  const stored = (id: string) => {
    const found = services.store.getAttachment(id);
    if (!found || found.bytes === null) throw notFound("file", id);
    return found;
  };
  app.get("/v1/files/:id", (c) => {
    const found = stored(c.req.param("id"));
    return c.json({
      id: found.attachment.id,
      object: "file",
      bytes: found.size,
      created_at: toUnix(services.clock.now()),
      filename: found.attachment.name,
      purpose: "assistants",
      status: "processed",
      status_details: null,
    });
  });
  app.get("/v1/files/:id/content", (c) => fileResponse(stored(c.req.param("id"))));
}
