import { createChatKitSession, toClientSecret } from "@threadkit/core/server";

// A server route (Next.js, Hono, Express…): mints a session with the API key, which stays here,
// and returns only the client secret and its expiry to the browser.
export async function POST(request: Request): Promise<Response> {
  const userId = await authenticatedUserId(request);
  const session = await createChatKitSession(
    { apiKey: process.env.OPENAI_API_KEY ?? "" },
    { user: userId, workflow: { id: "wf_123" } },
  );
  return Response.json(toClientSecret(session));
}

declare function authenticatedUserId(request: Request): Promise<string>;
