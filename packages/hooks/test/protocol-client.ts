/**
 * A minimal ChatKit protocol client over `fetch` for hook tests: `POST {type, params}`, JSON
 * answers for plain operations, the response body for streaming ones.
 */
import type { ProtocolClient } from "../src/provider/clients";

export function createTestProtocolClient(
  url: string,
  fetchImpl: typeof fetch = fetch,
): ProtocolClient {
  const post = async (type: string, params: unknown, signal?: AbortSignal) => {
    const init: RequestInit = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type, params }),
    };
    if (signal) init.signal = signal;
    const response = await fetchImpl(url, init);
    if (!response.ok) {
      const error = new Error(`HTTP ${response.status}`);
      Object.assign(error, { status: response.status });
      throw error;
    }
    return response;
  };
  return {
    async request(type, params, options) {
      return (await post(type, params, options?.signal)).json();
    },
    async stream(type, params, options) {
      return (await post(type, params, options?.signal)).body!;
    },
  };
}
