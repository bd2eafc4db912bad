/**
 * Attachment uploads for the composer: through the protocol client (two-phase or direct) or the
 * app's own uploader.
 */
import type { Attachment } from "@threadkit/core";
import type { ProtocolClient } from "../provider/clients";

/** How attachments are uploaded. */
export type UploadStrategy =
  /** `attachments.create` on the protocol client, then the bytes to `upload_descriptor`. */
  | { type: "two_phase" }
  /** A multipart `file` POST to `uploadUrl`, which answers with the attachment JSON. */
  | { type: "direct"; uploadUrl: string }
  /** Your own uploader. */
  | { type: "custom"; upload: UploadFile };

/** Uploads one file and resolves with its attachment. */
export type UploadFile = (
  file: File,
  options: { onProgress: (fraction: number) => void; signal: AbortSignal },
) => Promise<Attachment>;

/** The uploader for `strategy` (two-phase and direct go through the protocol client). */
export function createUploader(
  strategy: UploadStrategy,
  getProtocol: () => ProtocolClient | undefined,
): UploadFile {
  if (strategy.type === "custom") return strategy.upload;
  return async (file, { onProgress, signal }) => {
    const protocol = getProtocol();
    if (!protocol) {
      throw new Error("Attachment uploads need a `protocol` client in `ThreadkitProvider`");
    }
    const attachment = await protocol.attachments.upload(file, {
      strategy,
      name: file.name,
      signal,
      onProgress: ({ loaded, total }) => {
        const size = total ?? file.size;
        if (size > 0) onProgress(Math.min(1, loaded / size));
      },
    });
    onProgress(1);
    return attachment;
  };
}
