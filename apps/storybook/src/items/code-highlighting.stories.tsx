import type { Meta, StoryObj } from "@storybook/react-vite";
import { ThreadItem } from "@threadkit/components";
import { shikiHighlighter } from "@threadkit/components/highlight";
import type { AssistantMessageItem } from "@threadkit/core";
import { useEffect, useState } from "react";
import { expect, waitFor } from "storybook/test";
import { assistant } from "./_data";
import { Frame } from "./_frame";

const CODE_REPLY = `Debounce the search box so it queries once the user pauses:

\`\`\`ts
export function debounce<T extends unknown[]>(fn: (...args: T) => void, ms = 250) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: T) => {
    clearTimeout(timer); // restart the wait on every keystroke
    timer = setTimeout(() => fn(...args), ms);
  };
}
\`\`\`

The same idea on the server:

\`\`\`python
import asyncio

async def debounced(queue: asyncio.Queue, delay: float = 0.25):
    """Yield the last item after a quiet period."""
    item = await queue.get()
    while True:
        try:
            item = await asyncio.wait_for(queue.get(), delay)
        except asyncio.TimeoutError:
            yield item
\`\`\`

A language the highlighter does not know stays plain:

\`\`\`mylang
every line stays as written
\`\`\``;

/**
 * Optional syntax highlighting: `highlightCode={shikiHighlighter}` from
 * `@threadkit/components/highlight`. shiki loads when the first finished code block appears,
 * each language on first use; every token carries its light and dark colours as CSS variables
 * (`--tk-code-token-light` / `--tk-code-token-dark`), and `[data-tk-theme]` picks one.
 *
 * Parts: `code-block[data-highlighted]`, `code-line`, `code-token`.
 */
const meta = {
  title: "Items/Code highlighting",
  component: ThreadItem,
  args: { item: assistant("a_code", CODE_REPLY) },
  parameters: { layout: "fullscreen" },
  render: (args) => (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 16, padding: 16 }}>
      {(["light", "dark"] as const).map((scheme) => (
        <div key={scheme} style={{ flex: "1 1 440px", minWidth: 0 }}>
          <Frame scheme={scheme} highlightCode={shikiHighlighter}>
            <ThreadItem {...args} />
          </Frame>
        </div>
      ))}
    </div>
  ),
} satisfies Meta<typeof ThreadItem>;
export default meta;
type Story = StoryObj<typeof meta>;

const figures = (root: HTMLElement) => [
  ...root.querySelectorAll<HTMLElement>('[data-tk-part="code-block"]'),
];

/** The same reply in the light and the dark scheme: one highlighting pass, two palettes. */
export const LightAndDark: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(
          figures(canvasElement).filter((f) => f.hasAttribute("data-highlighted")),
        ).toHaveLength(4),
      { timeout: 15_000 },
    );
    const [lightTs, , lightPlain, darkTs] = figures(canvasElement);
    await expect(lightPlain).not.toHaveAttribute("data-highlighted");
    await expect(lightPlain?.querySelector('[data-tk-part="code-token"]')).toBeNull();
    const keyword = (figure: HTMLElement | undefined) =>
      [...(figure?.querySelectorAll('[data-tk-part="code-token"]') ?? [])].find(
        (token) => token.textContent === "export",
      ) as HTMLElement | undefined;
    // The default themes' keyword colours (#a0111f, #ff7b72), chosen by the frame's scheme.
    await expect(getComputedStyle(keyword(lightTs) as HTMLElement).color).toBe("rgb(160, 17, 31)");
    await expect(getComputedStyle(keyword(darkTs) as HTMLElement).color).toBe("rgb(255, 123, 114)");
  },
};

function StreamingCode() {
  const [length, setLength] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setLength((n) => Math.min(CODE_REPLY.length, n + 9)), 30);
    return () => clearInterval(timer);
  }, []);
  const item: AssistantMessageItem = assistant("a_code_stream", CODE_REPLY.slice(0, length));
  return (
    <Frame highlightCode={shikiHighlighter}>
      <ThreadItem item={item} status={length >= CODE_REPLY.length ? "done" : "streaming"} />
    </Frame>
  );
}

/** While a fence is open its text shows plain; it is highlighted once the fence closes. */
export const Streaming: Story = { render: () => <StreamingCode /> };
