import { render } from "@testing-library/react";
import { Markdown } from "./markdown";
import type { MarkdownMarker } from "./render-tokens";

function marker(index: number, key: string): MarkdownMarker {
  return { index, key, node: <sup data-marker={key}>[{key}]</sup> };
}

/** The index right after the first `needle` in `text` (after `from`). */
function after(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  return at + needle.length;
}

function renderWith(text: string, markers: MarkdownMarker[]) {
  const { container } = render(<Markdown text={text} markers={markers} />);
  const items = [...container.querySelectorAll("[data-tk-part='markdown-list-item']")];
  return {
    container,
    items,
    citations: container.querySelector("[data-tk-part='markdown-citations']"),
  };
}

describe("citation markers in nested blocks", () => {
  it("places a marker in a bullet list item at its word", () => {
    const text = "- Paris is the capital\n- Lyon has silk\n";
    const { items, citations } = renderWith(text, [
      marker(after(text, "Paris"), "a"),
      marker(after(text, "silk"), "b"),
    ]);
    expect(items.map((li) => li.textContent)).toEqual([
      "Paris[a] is the capital",
      "Lyon has silk[b]",
    ]);
    expect(citations).toBeNull();
  });

  it("places a marker in a nested list item", () => {
    const text = "- Fruits\n  - apples are red\n  - pears\n- Vegetables";
    const { items, citations } = renderWith(text, [
      marker(after(text, "apples"), "a"),
      marker(after(text, "Veg"), "b"),
    ]);
    const nested = items[0]?.querySelectorAll("li");
    expect(nested?.[0]?.textContent).toBe("apples[a] are red");
    expect(nested?.[1]?.textContent).toBe("pears");
    expect(items.at(-1)?.textContent).toBe("Veg[b]etables");
    expect(citations).toBeNull();
  });

  it("places a marker in a task list item and in an ordered list", () => {
    const text = "- [ ] buy milk today\n- [x] call Bob\n\n1. first step\n2. second step";
    const { items } = renderWith(text, [
      marker(after(text, "milk"), "a"),
      marker(after(text, "second"), "b"),
    ]);
    expect(items.map((li) => li.textContent)).toEqual([
      "buy milk[a] today",
      "call Bob",
      "first step",
      "second[b] step",
    ]);
  });

  it("places a marker at the end of a list item in that item, not the next", () => {
    const text = "- one\n- two\n- three";
    const { items, citations } = renderWith(text, [
      marker(after(text, "one"), "a"),
      marker(after(text, "two"), "b"),
      marker(text.length, "c"),
    ]);
    expect(items.map((li) => li.textContent)).toEqual(["one[a]", "two[b]", "three[c]"]);
    expect(citations).toBeNull();
  });

  it("places a marker at the end of an item's text before its nested list", () => {
    const text = "- parent text\n  - child";
    const { items } = renderWith(text, [marker(after(text, "text"), "a")]);
    const parent = items[0] as Element;
    expect(parent.firstChild?.textContent).toBe("parent text");
    expect(parent.textContent).toBe("parent text[a]child");
    expect(parent.querySelector("li")?.textContent).toBe("child");
  });

  it("places a marker in continuation lines of a list item and a loose item", () => {
    const text = "- first line\n  second line\n\n- loose item\n\n  more text here";
    const { items } = renderWith(text, [
      marker(after(text, "second"), "a"),
      marker(after(text, "more"), "b"),
    ]);
    expect(items[0]?.textContent).toBe("first line\nsecond[a] line");
    expect(items[1]?.querySelectorAll("p")[1]?.textContent).toBe("more[b] text here");
  });

  it("places a marker in a blockquote paragraph and in a list inside a quote", () => {
    const text = "> Quote line one\n> and two words\n>\n> - alpha beta\n\nAfter.";
    const { container, citations } = renderWith(text, [
      marker(after(text, "two"), "a"),
      marker(after(text, "alpha"), "b"),
    ]);
    const quote = container.querySelector("blockquote") as Element;
    expect(quote.querySelector("p")?.textContent).toBe("Quote line one\nand two[a] words");
    expect(quote.querySelector("li")?.textContent).toBe("alpha[b] beta");
    expect(citations).toBeNull();
  });

  it("places a marker in a table cell", () => {
    const text = "| City | Note |\n|---|---|\n| Paris | big &amp; old |\n| Lyon | silk |";
    const { container, citations } = renderWith(text, [
      marker(after(text, "Note"), "h"),
      marker(after(text, "big"), "a"),
      // Inside the character reference: the marker moves past it so it still decodes.
      marker(after(text, "&am"), "b"),
      marker(after(text, "Lyon"), "c"),
    ]);
    const cells = [...container.querySelectorAll("th, td")].map((cell) => cell.textContent);
    expect(cells).toEqual(["City", "Note[h]", "Paris", "big[a] &[b] old", "Lyon[c]", "silk"]);
    expect(citations).toBeNull();
  });

  it("keeps exact offsets after character references and escapes in a list item", () => {
    const text = "- Fish &amp; chips \\* here\n- next";
    const { items } = renderWith(text, [
      marker(after(text, "chips"), "a"),
      marker(after(text, "her"), "b"),
    ]);
    expect(items[0]?.textContent).toBe("Fish & chips[a] * her[b]e");
  });

  it("places a marker inside emphasis, and after a link it falls in", () => {
    const text = "- a **bold claim** and [a link](https://x.example) here";
    const { items } = renderWith(text, [
      marker(after(text, "bold"), "a"),
      marker(after(text, "[a li"), "b"),
    ]);
    expect(items[0]?.textContent).toBe("a bold[a] claim and a link[b] here");
    expect(items[0]?.querySelector("strong [data-marker='a']")).not.toBeNull();
    // A marker is interactive, so it never goes inside a link.
    expect(items[0]?.querySelector("a [data-marker]")).toBeNull();
  });

  it("renders markers inside a code block after the block", () => {
    const text = "```js\nlet x = 1;\n```";
    const { container, citations } = renderWith(text, [marker(after(text, "let"), "a")]);
    expect(container.querySelector("pre")?.textContent).toBe("let x = 1;");
    expect(citations?.textContent).toBe("[a]");
  });

  it("renders markers inside a code block in a list item at the end of the item", () => {
    const text = "- run this:\n\n  ```\n  npm test\n  ```\n- done";
    const { items, citations } = renderWith(text, [
      marker(after(text, "run"), "a"),
      marker(after(text, "npm"), "b"),
    ]);
    expect(items[0]?.querySelector("pre")?.textContent).toBe("npm test");
    expect(items[0]?.querySelector("p")?.textContent).toBe("run[a] this:");
    expect(items[0]?.lastChild?.textContent).toBe("[b]");
    expect(items[1]?.textContent).toBe("done");
    expect(citations).toBeNull();
  });
});

describe("citation markers at random indexes", () => {
  const text = [
    "# Title words here",
    "",
    "Intro paragraph with **bold** words and *em* too.",
    "",
    "- first item has words",
    "- second item",
    "  - nested item deeper",
    "    that continues",
    "  - another nested",
    "- [ ] task item text",
    "",
    "1. ordered one",
    "2. ordered *two* words",
    "",
    "> quoted line one",
    "> quoted line two",
    ">",
    "> - quoted list item",
    "",
    "| Head | Other |",
    "|---|:-:|",
    "| cell one | cell two |",
    "| **bold cell** | plain |",
    "",
    "```",
    "code block text",
    "```",
    "",
    "Closing words.",
  ].join("\n");
  const code = [text.indexOf("```"), text.lastIndexOf("```") + 3];
  const letters = (s: string) => s.replace(/[^A-Za-z]/g, "");

  /** Letters of the text nodes before `node` in document order, markers and code headers left out. */
  function lettersBefore(root: Element, node: Element): string {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let out = "";
    for (let current = walker.nextNode(); current; current = walker.nextNode()) {
      if (node.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING) break;
      if (current.parentElement?.closest("[data-marker], [data-tk-part='code-block-header']"))
        continue;
      out += current.textContent ?? "";
    }
    return letters(out);
  }

  it("renders every marker once, at the text before its index", () => {
    const plain = render(<Markdown text={text} />).container.textContent;
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let checked = 0;
    for (let run = 0; run < 40; run++) {
      const indexes = Array.from({ length: 12 }, () => Math.floor(random() * (text.length + 1)));
      const markers = indexes
        .sort((a, b) => a - b)
        .map((index, i) => marker(index, `k${run}-${i}`));
      const { container, unmount } = render(<Markdown text={text} markers={markers} />);
      for (const m of markers) {
        const found = container.querySelectorAll(`[data-marker="${m.key}"]`);
        expect(found, `marker at ${m.index}`).toHaveLength(1);
        const inCode = m.index > (code[0] as number) && m.index < (code[1] as number);
        if (inCode || !/[A-Za-z]/.test(text[m.index - 1] ?? "")) continue;
        expect(lettersBefore(container, found[0] as Element), `marker at ${m.index}`).toBe(
          letters(text.slice(0, m.index)),
        );
        checked++;
      }
      for (const sup of container.querySelectorAll("[data-marker]")) sup.remove();
      for (const p of container.querySelectorAll("[data-tk-part='markdown-citations']")) p.remove();
      expect(container.textContent).toBe(plain);
      unmount();
    }
    expect(checked).toBeGreaterThan(200);
  });
});
