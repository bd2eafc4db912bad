import { Markdown } from "@threadkit/components";

// A flat export of @threadkit/components rendered straight from a Server Component.
export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <main>
      <Markdown text={"## Rendered by a Server Component\n\nA flat export."} />
    </main>
  );
}
