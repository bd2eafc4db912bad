/**
 * @threadkit/core/server — helpers for the integrator's server (they hold an API key).
 * Never import this entry point from browser code.
 */
export {
  assertChatSessionCreateParams,
  type ChatKitSessionsOptions,
  type ClientSecret,
  cancelChatKitSession,
  createChatKitSession,
  toClientSecret,
} from "./chatkit-sessions";
