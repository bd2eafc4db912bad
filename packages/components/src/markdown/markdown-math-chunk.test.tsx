import { render, waitFor } from "@testing-library/react";
import { Markdown } from "./markdown";
import { loadMathRenderer } from "./math-formula";

// The formula renderer's chunk (with KaTeX) fails to load once, as on a flaky network.
const chunk = vi.hoisted(() => ({ fail: true }));
vi.mock("./math-katex", async (importOriginal) => {
  if (chunk.fail) throw new Error("chunk failed to load");
  return importOriginal();
});

describe("Markdown math when the renderer's chunk cannot load", () => {
  it("keeps the formula as its source and the rest of the message as it is", async () => {
    const { container } = render(<Markdown text={"Euler: $e^{i\\pi}+1=0$ holds.\n\n- item"} />);
    await expect(loadMathRenderer()).rejects.toThrow();
    // Give the failed load time to settle in the component too.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const formula = container.querySelector<HTMLElement>('[data-tk-part="math"]');
    expect(formula?.dataset.status).toBe("loading");
    expect(formula).toHaveTextContent("$e^{i\\pi}+1=0$");
    expect(container.querySelector("p")).toHaveTextContent("Euler: $e^{i\\pi}+1=0$ holds.");
    expect(container.querySelector("li")).toHaveTextContent("item");
  });

  it("tries again for the next formula once the chunk loads", async () => {
    chunk.fail = false;
    const { container } = render(<Markdown text={"Then $x^2$."} />);
    await waitFor(() =>
      expect(container.querySelector<HTMLElement>('[data-tk-part="math"]')?.dataset.status).toBe(
        "done",
      ),
    );
    expect(container.querySelector("math msup")).not.toBeNull();
  });
});
