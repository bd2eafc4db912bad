import { render, screen } from "@testing-library/react";
import { assistant } from "../../test/helpers";
import { ThreadItem } from "../thread-item/thread-item";
import { Markdown } from "./markdown";

describe("Markdown", () => {
  it("renders GFM blocks to elements", () => {
    const { container } = render(
      <Markdown
        text={
          "## Plan\n\n1. one\n2. two\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n> note\n\n~~old~~ `code`\n\n```js\nlet x = 1;\n```"
        }
      />,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Plan" })).toBeInTheDocument();
    expect(screen.getByRole("list").tagName).toBe("OL");
    expect(screen.getByRole("table")).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: "2" })).toHaveStyle({ textAlign: "center" });
    expect(container.querySelector("blockquote")).toHaveTextContent("note");
    expect(container.querySelector("del")).toHaveTextContent("old");
    expect(container.querySelector("pre code")).toHaveTextContent("let x = 1;");
    expect(screen.getByRole("button", { name: "Copy code" })).toBeInTheDocument();
  });

  it("shows raw HTML as inert text", () => {
    const { container } = render(
      <Markdown
        text={'<img src=x onerror="alert(1)"> and <b>bold</b>\n\n<script>alert(1)</script>'}
      />,
    );
    expect(container.querySelector("img, b, script")).toBeNull();
    expect(container).toHaveTextContent('<img src=x onerror="alert(1)"> and <b>bold</b>');
    expect(container).toHaveTextContent("<script>alert(1)</script>");
  });

  it("neutralizes javascript: and unknown link schemes, keeps safe ones", () => {
    const { container } = render(
      <Markdown
        text={
          "[a](javascript:alert(1)) [b](vbscript:x) [c](https://ok.example) [d](mailto:x@y.z) ![i](javascript:1)"
        }
      />,
    );
    const links = [...container.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["https://ok.example", "mailto:x@y.z"]);
    expect(container.querySelector("img")).toBeNull();
    expect(container).toHaveTextContent("a b c d i");
  });

  it("decodes character references as text", () => {
    render(<Markdown text="Fish &amp; chips &lt;3 &#x1F600;" />);
    expect(screen.getByText("Fish & chips <3 😀")).toBeInTheDocument();
  });

  it("links a finished block once a later reference definition arrives", () => {
    const start = "See [the docs] and [x][evil].\n\nUnrelated paragraph.\n\n";
    const { container, rerender } = render(<Markdown text={start} streaming />);
    const [first, second] = container.querySelectorAll("p");
    expect(container.querySelector("a")).toBeNull();
    expect(first).toHaveTextContent("See [the docs] and [x][evil].");

    rerender(<Markdown text={`${start}[The Docs]: https://docs.example\n`} streaming />);
    const link = screen.getByRole("link", { name: "the docs" });
    expect(link).toHaveAttribute("href", "https://docs.example");
    // Finished blocks keep their elements; only the block using the label changed.
    expect(container.querySelectorAll("p")[0]).toBe(first);
    expect(container.querySelectorAll("p")[1]).toBe(second);

    // Reference links go through the same URL allow-list as inline links.
    rerender(
      <Markdown
        text={`${start}[The Docs]: https://docs.example\n[evil]: javascript:alert(1)\n`}
        streaming
      />,
    );
    expect(container.querySelectorAll("a")).toHaveLength(1);
    expect(
      container.querySelector("[data-tk-part='markdown-link'][data-unsafe]"),
    ).toHaveTextContent("x");
  });

  it("marks the streaming state", () => {
    const { container } = render(<Markdown text="Hello" streaming />);
    expect(container.firstElementChild).toHaveAttribute("data-status", "streaming");
  });
});

describe("citations", () => {
  it("places markers at their index and lists each source once", () => {
    const text = "Paris is the capital. It has the Louvre.";
    const item = assistant("a", text);
    item.content[0]!.annotations = [
      {
        type: "annotation",
        index: 21,
        source: { type: "url", url: "https://a.example/p", title: "A" },
      },
      {
        type: "annotation",
        index: 40,
        source: { type: "url", url: "https://a.example/p", title: "A" },
      },
      {
        type: "annotation",
        index: 40,
        source: { type: "file", filename: "notes.md", title: "Notes" },
      },
      {
        type: "annotation",
        index: null,
        source: { type: "url", url: "javascript:alert(1)", title: "Evil" },
      },
    ];
    const { container } = render(<ThreadItem item={item} />);
    const paragraph = container.querySelector("[data-tk-part='markdown-paragraph']");
    expect(paragraph?.textContent).toBe("Paris is the capital.1 It has the Louvre.12");
    const sources = screen.getByRole("group", { name: "Sources" });
    expect(sources.querySelectorAll("li")).toHaveLength(3);
    // The unsafe URL source keeps its title but gets no link.
    expect(screen.getByRole("button", { name: /Evil/ })).toHaveAttribute("data-source-type", "url");
    expect(container.querySelector("a[href^='javascript']")).toBeNull();
  });

  // A deeply nested message overflowed the lexer's stack; the item's error boundary hid it.
  it.each([
    ["100,000 `>`", `${">".repeat(100_000)} deep`],
    ["100,000 nested list markers", `${"- ".repeat(100_000)}deep`],
    ["2 MB of `*` in a paragraph", `x${"*".repeat(2_000_000)}x`],
  ])(
    "renders %s as text instead of failing",
    (_name, text) => {
      const { container } = render(<Markdown text={`## Before\n\n${text}\n\nAfter`} />);
      expect(screen.getByRole("heading", { level: 2, name: "Before" })).toBeInTheDocument();
      expect(container.textContent).toContain(text.slice(-20));
      expect(container.textContent?.endsWith("After")).toBe(true);
    },
    60_000,
  );
});
