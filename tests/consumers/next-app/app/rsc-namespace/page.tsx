import { Thread } from "@threadkit/components";

// A namespace export's parts (`Thread.Root` …) rendered straight from a Server Component.
// Dynamic, so `next build` does not prerender it: the test requests it from `next start`.
export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <Thread.Root items={[]}>
      <Thread.Viewport>
        <Thread.Empty>No messages yet (Server Component)</Thread.Empty>
      </Thread.Viewport>
    </Thread.Root>
  );
}
