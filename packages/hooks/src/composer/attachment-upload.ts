/**
 * Attachment uploads for the composer: through the thread's backend (two-phase or direct on a
 * ChatKit server, the file API of the Assistants API) or the app's own uploader.
 */
import type { Attachment, ThreadBackend } from "@threadkit/core";

/** How attachments are uploaded. */
export type UploadStrategy =
  /**
   * Through the thread's backend: on a ChatKit server `attachments.create`, then the bytes to
   * `upload_descriptor`; on the Assistants API its file upload.
   */
  | { type: "two_phase" }
  /** A multipart `file` POST to `uploadUrl`, which answers with the attachment JSON (ChatKit servers). */
  | { type: "direct"; uploadUrl: string }
  /** Your own uploader. */
  | { type: "custom"; upload: UploadFile };

/** Uploads one file and resolves with its attachment. */
export type UploadFile = (
  file: File,
  options: { onProgress: (fraction: number) => void; signal: AbortSignal },
) => Promise<Attachment>;

/**
 * Whether files can be attached with `strategy` on `backend`: a custom uploader always can;
 * otherwise the backend must take attachments.
 */
export function canUpload(strategy: UploadStrategy, backend: ThreadBackend | null): boolean {
  return strategy.type === "custom" || backend?.capabilities.attachments === true;
}

/**
 * The uploader for `strategy`: two-phase and direct go through the backend `getBackend` returns
 * at upload time; one that takes no attachments rejects with its `UnsupportedOperationError`.
 */
export function createUploader(
  strategy: UploadStrategy,
  getBackend: () => ThreadBackend | null,
): UploadFile {
  if (strategy.type === "custom") return strategy.upload;
  return async (file, { onProgress, signal }) => {
    const backend = getBackend();
    if (!backend) {
      throw new Error(
        "Attachment uploads need a `protocol` or `assistants` client in `ThreadkitProvider`",
      );
    }
    const attachment = await backend.uploadAttachment(file, {
      ...(strategy.type === "direct" ? { strategy } : {}),
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
