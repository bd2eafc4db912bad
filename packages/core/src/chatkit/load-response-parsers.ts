/**
 * The protocol client's deferred half (`./parse-thread-item`: the answers' checks, the upload),
 * loaded with one `import()` that the clients share, so bundlers give it one chunk.
 */
import { ModuleLoadError } from "../errors";

/** What `./parse-thread-item` exports: the answers' checks, and the upload that awaits them. */
export type ResponseParsers = typeof import("./parse-thread-item");

let responseParsers: Promise<ResponseParsers> | undefined;

/**
 * @internal Loads the checks of the JSON answers (once; the item schemas and valibot come with
 * them, and the upload code), so a page that only shows a thread does not carry them in its first
 * chunks. A request starts it when it starts and awaits it once the body has arrived (one that is
 * not idempotent, and an upload, await it before sending). A failed load rejects with a
 * {@link ModuleLoadError} and is tried again by the next call.
 */
export function loadResponseParsers(): Promise<ResponseParsers> {
  responseParsers ??= import("./parse-thread-item").catch((cause: unknown) => {
    responseParsers = undefined;
    throw new ModuleLoadError(
      "Could not load the code that checks the server's answers; check the connection and try again",
      { cause },
    );
  });
  return responseParsers;
}
