import { fireEvent, render, screen } from "@testing-library/react";
import { createRef } from "react";
import { ThreadRoot, ThreadViewport } from "../thread/thread";
import { createPart } from "./primitive";
import { Slot, VisuallyHidden } from "./slot";

describe("Slot (asChild)", () => {
  it("merges props into its child: the child's win, handlers both run child first, classes and ids join", () => {
    const calls: string[] = [];
    render(
      <Slot
        data-tk-part="ours"
        title="ours"
        className="a"
        style={{ color: "red", margin: 1 }}
        aria-describedby="x y"
        onClick={() => calls.push("slot")}
        onFocus={() => calls.push("slot focus")}
      >
        <button
          type="button"
          title="theirs"
          className="b"
          style={{ color: "blue" }}
          aria-describedby="y z"
          onClick={() => calls.push("child")}
        >
          go
        </button>
      </Slot>,
    );
    const button = screen.getByRole("button", { name: "go" });
    expect(button.getAttribute("data-tk-part")).toBe("ours");
    expect(button.title).toBe("theirs");
    expect(button.className).toBe("a b");
    expect(button.style.color).toBe("blue");
    expect(button.style.margin).toBe("1px");
    expect(button.getAttribute("aria-describedby")).toBe("y z x");
    fireEvent.click(button);
    fireEvent.focus(button);
    expect(calls).toEqual(["child", "slot", "slot focus"]);
  });

  it("sets both its own ref and the child's", () => {
    const outer = createRef<HTMLElement>();
    const inner = createRef<HTMLAnchorElement>();
    render(
      <Slot ref={outer}>
        <a href="#x" ref={inner}>
          Order 42
        </a>
      </Slot>,
    );
    const link = screen.getByRole("link", { name: "Order 42" });
    expect(outer.current).toBe(link);
    expect(inner.current).toBe(link);
  });

  it("renders nothing without children and throws for more than one element", () => {
    const { container } = render(<Slot />);
    expect(container.innerHTML).toBe("");
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() =>
      render(
        <Slot>
          <span>a</span>
          <span>b</span>
        </Slot>,
      ),
    ).toThrow(/single React element/);
    vi.mocked(console.error).mockRestore();
  });

  it("is what the parts' asChild renders", () => {
    const Part = createPart("div", "demo", "Demo");
    const ref = createRef<HTMLDivElement>();
    render(
      <Part asChild ref={ref} className="part">
        <section className="mine">content</section>
      </Part>,
    );
    const section = screen.getByText("content");
    expect(section.tagName).toBe("SECTION");
    expect(section.getAttribute("data-tk-part")).toBe("demo");
    expect(section.className).toBe("part mine");
    expect(ref.current).toBe(section);
  });

  it("lets Thread.Viewport render as the app's element", () => {
    render(
      <ThreadRoot items={[]}>
        <ThreadViewport asChild>
          <main data-testid="viewport" />
        </ThreadViewport>
      </ThreadRoot>,
    );
    const viewport = screen.getByTestId("viewport");
    expect(viewport.tagName).toBe("MAIN");
    expect(viewport.getAttribute("data-tk-part")).toBe("thread-viewport");
  });
});

describe("VisuallyHidden", () => {
  it("hides its text from sight only, on a span or on its child", () => {
    render(
      <>
        <VisuallyHidden>said</VisuallyHidden>
        <VisuallyHidden asChild style={{ top: 0 }}>
          <div role="status">announced</div>
        </VisuallyHidden>
      </>,
    );
    const span = screen.getByText("said");
    expect(span.tagName).toBe("SPAN");
    expect(span.style.position).toBe("absolute");
    expect(span.style.clip).toMatch(/^rect\(0(px)?, 0(px)?, 0(px)?, 0(px)?\)$/);
    const status = screen.getByRole("status");
    expect(status.style.width).toBe("1px");
    expect(status.style.top).toBe("0px");
  });
});
