import type { RequestInfo } from "./protocol";

/** Hono context variables set by the app's middleware. */
export interface AppEnv {
  Variables: { info: RequestInfo };
}
