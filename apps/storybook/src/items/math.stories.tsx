import type { Meta, StoryObj } from "@storybook/react-vite";
import { Markdown, ThreadItem } from "@threadkit/components";
import { useEffect, useState } from "react";
import { expect, waitFor } from "storybook/test";
import { assistant } from "./_data";
import { Frame } from "./_frame";

const INLINE =
  String.raw`Euler's identity $e^{i\pi} + 1 = 0$ ties five constants together, and for a right triangle \(a^2 + b^2 = c^2\).

Prices stay text: the plan costs $5 a month, or $50 a year (from $5-$10 elsewhere), and \$x\$ is escaped.` +
  "\n\nCode stays code: `$HOME/$USER`.";

const DISPLAY = String.raw`The roots of $ax^2 + bx + c = 0$ are

$$
x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}
$$

and a sum in the style models often write:

\[
\sum_{k=1}^{n} k^2 = \frac{n(n+1)(2n+1)}{6}
\]

A matrix: $$\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}$$ inline.`;

const ERROR = String.raw`This formula is missing a brace: $\frac{a}{b$, this one is fine: $\sqrt{2}$.

$$
\begin{matrix} a & b \end{pmatrx}
$$

Commands that could link or inject are refused: $\href{javascript:alert(1)}{click}$.`;

/**
 * LaTeX math in assistant markdown: `$…$` and `\(…\)` inline, `$$…$$` and `\[…\]` display.
 * KaTeX loads with the first formula (its own chunk) and outputs MathML, which the browser
 * draws with a math font: no stylesheet or font files to load. Until then, and for a formula
 * KaTeX cannot parse, the source shows as code. Prices ("$5 and $10"), escaped dollars and code
 * stay text.
 *
 * Part: `math[data-display][data-status="loading"|"pending"|"done"|"error"]`.
 */
const meta = {
  title: "Items/Math",
  component: ThreadItem,
  args: { item: assistant("a_math", INLINE) },
  parameters: { layout: "fullscreen" },
  render: (args) => (
    <div style={{ padding: 16 }}>
      <Frame>
        <ThreadItem {...args} />
      </Frame>
    </div>
  ),
} satisfies Meta<typeof ThreadItem>;

export default meta;
type Story = StoryObj<typeof meta>;

const rendered = (canvas: HTMLElement) =>
  waitFor(() =>
    expect(canvas.querySelector('[data-tk-part="math"][data-status="loading"]')).toBeNull(),
  );

/** Inline formulas among prices, escapes and code. */
export const Inline: Story = {
  play: async ({ canvasElement }) => {
    await rendered(canvasElement);
    expect(canvasElement.querySelectorAll('[data-tk-part="math"] math')).toHaveLength(2);
    expect(canvasElement).toHaveTextContent("the plan costs $5 a month, or $50 a year");
  },
};

/** Display math as blocks (`$$…$$`, `\[…\]`) and inline `$$…$$`. */
export const Display: Story = {
  args: { item: assistant("a_math_display", DISPLAY) },
  play: async ({ canvasElement }) => {
    await rendered(canvasElement);
    expect(canvasElement.querySelectorAll('math[display="block"]')).toHaveLength(3);
  },
};

/** Formulas KaTeX cannot parse show their source, the error as the title. */
export const ErrorInFormula: Story = {
  args: { item: assistant("a_math_error", ERROR) },
  play: async ({ canvasElement }) => {
    await rendered(canvasElement);
    const errors = canvasElement.querySelectorAll('[data-tk-part="math"][data-status="error"]');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(canvasElement.querySelector("a[href^='javascript']")).toBeNull();
  },
};

const STREAMED = String.raw`Completing the square:

$$
\left(x + \frac{b}{2a}\right)^2 = \frac{b^2 - 4ac}{4a^2}
$$

so $x$ follows.`;

/** Streams a reply: an unclosed `$$` block stays pending text until its closing `$$` arrives. */
export const Streaming: Story = {
  render: () => <StreamingMath />,
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(
          canvasElement.querySelector('[data-tk-part="math"][data-status="pending"]'),
        ).not.toBeNull(),
      { timeout: 5000 },
    );
    await waitFor(
      () => expect(canvasElement.querySelector('math[display="block"]')).not.toBeNull(),
      {
        timeout: 10000,
      },
    );
  },
};

function StreamingMath() {
  const [length, setLength] = useState(0);
  useEffect(() => {
    if (length >= STREAMED.length) return;
    // Slow inside the formula, so the pending state is visible.
    const inFormula = length > 25 && length < 90;
    const timer = setTimeout(
      () => setLength((n) => Math.min(STREAMED.length, n + 3)),
      inFormula ? 120 : 30,
    );
    return () => clearTimeout(timer);
  }, [length]);
  const done = length >= STREAMED.length;
  return (
    <div style={{ padding: 16 }}>
      <Frame>
        <Markdown text={STREAMED.slice(0, length)} streaming={!done} />
      </Frame>
    </div>
  );
}
