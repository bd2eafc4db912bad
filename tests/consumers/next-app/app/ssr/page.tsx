import { createChatKitClient } from "@threadkit/core";
import { Chat } from "../chat";

// Server rendering a thread's first page: this Server Component fetches the newest items with
// core's client (no React) and hands them to the chat, which primes its QueryClient with them.
// The server's HTML then holds the items and the browser hydrates the same markup.
export const dynamic = "force-dynamic";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ server?: string; thread?: string }>;
}) {
  const { server, thread } = await searchParams;
  const serverUrl = server ?? "http://127.0.0.1:8787";
  if (!thread) return <Chat serverUrl={serverUrl} initialThreadId={null} />;
  const firstPage = await createChatKitClient({ url: `${serverUrl}/chatkit` }).request(
    "items.list",
    { thread_id: thread, limit: 20, order: "desc" },
  );
  return <Chat serverUrl={serverUrl} initialThreadId={thread} firstPage={firstPage} />;
}
