/** The real protocol client pointed at a test server, without retries (tests count requests). */
import { createChatKitClient } from "@threadkit/core";
import type { ProtocolClient } from "../src/provider/clients";

export function createTestProtocolClient(url: string): ProtocolClient {
  return createChatKitClient({ url, maxRetries: 0 });
}
