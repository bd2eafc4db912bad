import type { RequestInfo } from "./request-info";

/** Hono context variables set by the app's middleware. */
export interface AppEnv {
  Variables: { info: RequestInfo };
}
