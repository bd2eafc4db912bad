import { Chat } from "./chat";

// A Server Component page that renders the chat, a Client Component, with the server and thread
// from the URL (`?server=`, `?thread=`).
export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ server?: string; thread?: string }>;
}) {
  const { server, thread } = await searchParams;
  return <Chat serverUrl={server ?? "http://127.0.0.1:8787"} initialThreadId={thread ?? null} />;
}
