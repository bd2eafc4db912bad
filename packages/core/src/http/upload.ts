/**
 * Byte uploads with progress. `XMLHttpRequest` is the only browser API that reports upload
 * progress, so it is used when it exists and a progress callback is given; elsewhere (Node,
 * workers without XHR) the upload goes through `fetch` and progress is reported once, at the end.
 */
import { AbortError, ConnectionError, TimeoutError } from "../errors";
import type { HttpClient, RequestOptions } from "./client";
import { apiErrorFromResponse } from "./client";

/** Progress of an upload, in bytes. */
export interface UploadProgress {
  loaded: number;
  /** Total bytes, when known. */
  total: number | undefined;
}

/** Options of one upload. */
export interface UploadRequest {
  url: string;
  method: "POST" | "PUT";
  /** A `FormData` (multipart) or the raw bytes. */
  body: FormData | Blob;
  headers: Headers;
  /** Size of the file in bytes (for the final progress report of multipart uploads). */
  size?: number | undefined;
  onProgress?: ((progress: UploadProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

/** Whether uploads can report progress here (an `XMLHttpRequest` exists). */
export function canReportUploadProgress(): boolean {
  return typeof XMLHttpRequest !== "undefined";
}

function xhrUpload(request: UploadRequest): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    request.headers.forEach((value, key) => {
      // The browser sets the multipart boundary itself.
      if (key === "content-type" && request.body instanceof FormData) return;
      xhr.setRequestHeader(key, value);
    });
    if (request.timeoutMs && request.timeoutMs > 0) xhr.timeout = request.timeoutMs;
    xhr.upload.onprogress = (event) => {
      request.onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : undefined,
      });
    };
    const onAbort = () => xhr.abort();
    request.signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => request.signal?.removeEventListener("abort", onAbort);
    xhr.onload = () => {
      done();
      // A final report, also where the engine emits no upload events.
      const size = request.body instanceof Blob ? request.body.size : request.size;
      if (size !== undefined) request.onProgress?.({ loaded: size, total: size });
      const headers = new Headers();
      for (const line of xhr
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const at = line.indexOf(":");
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      resolve(
        new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers }),
      );
    };
    xhr.onerror = () => {
      done();
      reject(new ConnectionError("Upload failed: network error"));
    };
    xhr.ontimeout = () => {
      done();
      reject(new TimeoutError(request.timeoutMs ?? 0));
    };
    xhr.onabort = () => {
      done();
      reject(new AbortError("Upload was aborted", { cause: request.signal?.reason }));
    };
    xhr.send(request.body);
  });
}

/**
 * Uploads bytes and returns the 2xx `Response`; non-2xx answers throw an `APIError`. Uses
 * `XMLHttpRequest` (with progress) when available and `onProgress` is given, else the shared
 * fetch layer (no retries for uploads).
 */
export async function uploadBytes(http: HttpClient, request: UploadRequest): Promise<Response> {
  if (request.onProgress && canReportUploadProgress()) {
    if (request.signal?.aborted) throw new AbortError("Upload was aborted");
    const response = await xhrUpload(request);
    if (!response.ok) throw await apiErrorFromResponse(response);
    return response;
  }
  const headers = new Headers(request.headers);
  if (request.body instanceof FormData) headers.delete("content-type");
  const call: RequestOptions = { maxRetries: 0, headers };
  if (request.signal) call.signal = request.signal;
  if (request.timeoutMs !== undefined) call.timeoutMs = request.timeoutMs;
  const response = await http.response(
    { method: request.method, url: request.url, body: request.body },
    call,
  );
  if (request.onProgress) {
    const size = request.body instanceof Blob ? request.body.size : request.size;
    request.onProgress({ loaded: size ?? 0, total: size });
  }
  return response;
}
