import { createHash } from "node:crypto";
import type { Attachment } from "@threadkit/core";
import type { Context, Hono } from "hono";
import type { AppEnv } from "./app-env";
import type { RequestInfo } from "./request-info";
import { type DevServices, requestUser, userContext } from "./services";
import type { StoredAttachment } from "./store";
import { badRequest, createId, HttpError, notFound } from "./util";

/** Store kind that counts a session's uploads (`file_upload.max_files`). */
const UPLOAD_KIND = "chatkit.session_upload";
/** Store kind recording who announced an attachment, so its upload is saved as theirs. */
const OWNER_KIND = "chatkit.attachment_owner";

/** What a new attachment starts from. */
export interface NewAttachment {
  name: string;
  mime: string;
  size: number;
  /** The bytes for a direct upload; `null` for two-phase (`attachments.create`). */
  bytes: Buffer | null;
}

/**
 * Creates an attachment. Two-phase attachments carry an `upload_descriptor` pointing back at
 * `POST /chatkit/upload/:id`; images get a `preview_url` served by `GET /files/:id`.
 * With a session, its `file_upload` settings apply (disabled by default, as documented; at most
 * `max_files` files, each at most `max_file_size` MB).
 */
export function createAttachment(
  services: DevServices,
  info: RequestInfo,
  input: NewAttachment,
): Attachment {
  const upload = info.session?.chatkit_configuration.file_upload;
  if (upload && !upload.enabled) {
    throw new HttpError(
      403,
      "File uploads are disabled for this session.",
      "invalid_request_error",
      "uploads_disabled",
    );
  }
  const limit = Math.min(services.maxUploadBytes, (upload?.max_file_size ?? 512) * 1024 * 1024);
  if (input.size > limit) {
    throw new HttpError(
      413,
      `File is larger than the ${limit} byte limit.`,
      "invalid_request_error",
      "file_too_large",
    );
  }
  if (upload && info.session) {
    const used = services.store.countObjects(UPLOAD_KIND, info.session.id);
    if (used >= upload.max_files) {
      throw new HttpError(
        400,
        `This session may upload at most ${upload.max_files} files.`,
        "invalid_request_error",
        "too_many_files",
      );
    }
  }
  const id = createId("atc");
  if (info.session) services.store.putObject(UPLOAD_KIND, { id }, info.session.id);
  const base = {
    id,
    name: input.name,
    mime_type: input.mime,
    ...(input.bytes === null
      ? {
          upload_descriptor: {
            url: `${info.origin}/chatkit/upload/${id}`,
            method: "POST" as const,
          },
        }
      : {}),
  };
  const attachment: Attachment = input.mime.startsWith("image/")
    ? { ...base, type: "image", preview_url: `${info.origin}/files/${id}` }
    : { ...base, type: "file" };
  services.store.putAttachment(attachment, input.size, input.bytes);
  services.store.putObject(OWNER_KIND, { id: `${OWNER_KIND}:${id}`, user: requestUser(info) });
  return attachment;
}

async function readUpload(
  c: Context<AppEnv>,
  services: DevServices,
): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > services.maxUploadBytes) {
    throw new HttpError(
      413,
      `File is larger than the ${services.maxUploadBytes} byte limit.`,
      "invalid_request_error",
      "file_too_large",
    );
  }
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await c.req.formData().catch(() => {
      throw badRequest("Malformed multipart body.", "file");
    });
    const file = form.get("file");
    if (!file || typeof file === "string")
      throw badRequest("Multipart body must have a `file` field.", "file");
    return {
      name: file.name || "upload",
      mime: file.type || "application/octet-stream",
      bytes: Buffer.from(await file.arrayBuffer()),
    };
  }
  const bytes = Buffer.from(await c.req.arrayBuffer());
  return { name: "upload", mime: type.split(";")[0] || "application/octet-stream", bytes };
}

/** Every attachment route: direct and two-phase upload, previews, generated images. */
export function registerAttachmentRoutes(app: Hono<AppEnv>, services: DevServices): void {
  // Direct upload (`uploadStrategy: {type: "direct", uploadUrl}`): multipart `file` in, attachment out.
  app.post("/chatkit/upload", async (c) => {
    const upload = await readUpload(c, services);
    const info = c.get("info");
    const attachment = createAttachment(services, info, { ...upload, size: upload.bytes.length });
    await services.threads.saveAttachment(attachment, userContext(requestUser(info)));
    return c.json(attachment);
  });

  // Second phase of a two-phase upload: the bytes for an announced attachment.
  const receive = async (c: Context<AppEnv>) => {
    const id = c.req.param("id") ?? "";
    const stored = services.store.getAttachment(id);
    if (!stored) throw notFound("attachment", id);
    const upload = await readUpload(c, services);
    const limit = services.maxUploadBytes;
    if (upload.bytes.length > limit)
      throw new HttpError(
        413,
        `File is larger than the ${limit} byte limit.`,
        "invalid_request_error",
        "file_too_large",
      );
    const { upload_descriptor: _, ...rest } = stored.attachment;
    const attachment = rest as Attachment;
    services.store.putAttachment(attachment, upload.bytes.length, upload.bytes);
    // The protocol store gets the attachment without its upload descriptor, as its owner's.
    const owner = services.store.getObject<{ id: string; user: string }>(
      OWNER_KIND,
      `${OWNER_KIND}:${id}`,
    );
    await services.threads.saveAttachment(attachment, userContext(owner?.user ?? "anonymous"));
    return c.json(attachment);
  };
  app.post("/chatkit/upload/:id", receive);
  app.put("/chatkit/upload/:id", receive);

  app.get("/files/generated/:name", (c) => {
    const name = c.req.param("name");
    const match = /^([\w-]+)\.svg$/.exec(name);
    if (!match?.[1]) throw notFound("image", name);
    const progress = Number(c.req.query("progress") ?? "3");
    return new Response(generatedSvg(match[1], Number.isFinite(progress) ? progress : 3), {
      headers: {
        "Content-Type": "image/svg+xml",
        ...SAFE_FILE_HEADERS,
        "Cache-Control": "public, max-age=31536000, immutable",
      },
    });
  });

  app.get("/files/:id", (c) => {
    const id = c.req.param("id");
    const stored = services.store.getAttachment(id);
    if (!stored || stored.bytes === null) throw notFound("file", id);
    return fileResponse(stored);
  });
}

/**
 * A stored file's bytes. Only raster images render inline; everything else (HTML, SVG,
 * scripts) downloads.
 */
export function fileResponse(stored: StoredAttachment): Response {
  const mime = stored.attachment.mime_type;
  const inline = /^image\/(png|jpeg|gif|webp|avif)$/.test(mime);
  return new Response(new Uint8Array(stored.bytes ?? Buffer.alloc(0)), {
    headers: {
      "Content-Type": inline ? mime : "application/octet-stream",
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${encodeURIComponent(stored.attachment.name)}"`,
      ...SAFE_FILE_HEADERS,
    },
  });
}

/** Headers that keep served files inert: no sniffing, no scripts, no framing. */
const SAFE_FILE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  "Cross-Origin-Resource-Policy": "cross-origin",
};

/**
 * A deterministic 512×512 SVG whose colours come from `id`. `progress` 1 and 2 (of 3) are
 * blurred partials, as an image generator's partial frames would be.
 */
export function generatedSvg(id: string, progress: number): string {
  const hash = createHash("sha256").update(id).digest();
  const hue = (i: number) => Math.round(((hash[i] ?? 0) / 255) * 360);
  const blur = progress >= 3 ? 0 : (3 - progress) * 12;
  const circles = [0, 1, 2, 3, 4]
    .map((i) => {
      const x = 64 + ((hash[4 + i] ?? 0) % 384);
      const y = 64 + ((hash[9 + i] ?? 0) % 384);
      const r = 40 + ((hash[14 + i] ?? 0) % 90);
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${hue(20 + i)} 80% 60%)" fill-opacity="0.75"/>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue(0)} 70% 45%)"/><stop offset="1" stop-color="hsl(${hue(1)} 70% 25%)"/></linearGradient><filter id="b"><feGaussianBlur stdDeviation="${blur}"/></filter></defs><g filter="url(#b)"><rect width="512" height="512" fill="url(#g)"/>${circles}</g></svg>`;
}
