import { render, screen, waitFor } from "@testing-library/react";
import { Markdown } from "./markdown";
import { loadMathRenderer } from "./math-formula";

const parts = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-tk-part="math"]')] as HTMLElement[];

describe("Markdown math", () => {
  it("shows the source until KaTeX has loaded, then MathML built as nodes", async () => {
    const { container } = render(<Markdown text={"Euler: $e^{i\\pi}+1=0$ holds."} />);
    const [formula] = parts(container);
    // The renderer is its own chunk: the first frame shows the formula as written.
    expect(formula?.dataset.status).toBe("loading");
    expect(formula).toHaveTextContent("$e^{i\\pi}+1=0$");
    await waitFor(() => expect(parts(container)[0]?.dataset.status).toBe("done"));
    const math = container.querySelector('[data-tk-part="math"] math');
    expect(math).not.toBeNull();
    expect(math?.getAttribute("display")).not.toBe("block");
    expect(math?.querySelector("mi")?.textContent).toBe("e");
    expect(container.querySelector("p")).toHaveTextContent(/^Euler: .+ holds\.$/);
  });

  it("renders display math as a block of its own", async () => {
    await loadMathRenderer();
    const { container } = render(<Markdown text={"$$\n\\frac{a}{b}\n$$"} />);
    const [formula] = parts(container);
    expect(formula?.tagName).toBe("DIV");
    expect(formula?.dataset.display).toBe("");
    expect(container.querySelector("math")?.getAttribute("display")).toBe("block");
    expect(container.querySelector("mfrac")).not.toBeNull();
  });

  it("shows a formula KaTeX cannot parse as its source, with the error as title", async () => {
    await loadMathRenderer();
    const { container } = render(<Markdown text={"Broken: $\\frac{a}{$ and fine $x$."} />);
    await waitFor(() => expect(parts(container)[0]?.dataset.status).toBe("error"));
    const [broken, fine] = parts(container);
    expect(broken).toHaveTextContent("$\\frac{a}{$");
    expect(broken?.getAttribute("title")).toMatch(/KaTeX parse error/);
    expect(fine?.dataset.status).toBe("done");
  });

  it("executes nothing: no links, HTML or trusted commands come out of a formula", async () => {
    await loadMathRenderer();
    const { container } = render(
      <Markdown
        text={
          "$\\href{javascript:alert(1)}{x}$ $\\htmlClass{evil}{y}$ $\\url{https://a.example}$ $<img src=x onerror=alert(1)>$"
        }
      />,
    );
    await waitFor(() =>
      expect(parts(container).every((p) => p.dataset.status !== "loading")).toBe(true),
    );
    expect(container.querySelector("a, img, script, [href], .evil, [onerror]")).toBeNull();
  });

  it("keeps an unclosed display block as pending text while streaming, then renders it", async () => {
    await loadMathRenderer();
    const { container, rerender } = render(<Markdown text={"Area:\n\n$$\n\\pi r^"} streaming />);
    const [pending] = parts(container);
    expect(pending?.dataset.status).toBe("pending");
    expect(pending).toHaveTextContent("$$ \\pi r^");
    expect(container.querySelector("math")).toBeNull();
    rerender(<Markdown text={"Area:\n\n$$\n\\pi r^2\n$$"} streaming />);
    expect(parts(container)[0]?.dataset.status).toBe("done");
    expect(container.querySelector("msup")).not.toBeNull();
  });

  it("leaves prices and code alone", async () => {
    await loadMathRenderer();
    const { container } = render(<Markdown text={"It costs $5 and $10, or `$x$` in code."} />);
    expect(parts(container)).toHaveLength(0);
    expect(container).toHaveTextContent("It costs $5 and $10, or $x$ in code.");
    expect(screen.getByText("$x$").tagName).toBe("CODE");
  });
});
