import { ThreadEmpty, ThreadRoot, ThreadViewport } from "@threadkit/components";

// The flat names of a namespace's parts (`ThreadRoot` is `Thread.Root`) rendered straight from a
// Server Component: a Server Component reaches a client part only through a named export.
// Dynamic, so `next build` does not prerender it: the test requests it from `next start`.
export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <ThreadRoot items={[]}>
      <ThreadViewport>
        <ThreadEmpty>No messages yet (Server Component)</ThreadEmpty>
      </ThreadViewport>
    </ThreadRoot>
  );
}
