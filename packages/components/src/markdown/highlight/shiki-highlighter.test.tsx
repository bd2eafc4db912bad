import { act, render, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { type CodeHighlighter, ThreadUIProvider } from "../../context";
import { Markdown } from "../markdown";
import { createShikiHighlighter } from "./shiki-highlighter";

/** Wraps a highlighter so a test can wait for every call it received to settle. */
function recording(highlighter: CodeHighlighter) {
  const calls: { code: string; language: string; result: Promise<ReactNode> }[] = [];
  const highlightCode: CodeHighlighter = (code, language) => {
    const result = Promise.resolve(highlighter(code, language));
    calls.push({ code, language, result });
    return result;
  };
  const settled = () =>
    act(async () => void (await Promise.allSettled(calls.map((c) => c.result))));
  return { calls, highlightCode, settled };
}

const highlighter = createShikiHighlighter();

function Reply(props: { text: string; streaming: boolean; highlightCode: CodeHighlighter }) {
  return (
    <ThreadUIProvider highlightCode={props.highlightCode}>
      <Markdown text={props.text} streaming={props.streaming} />
    </ThreadUIProvider>
  );
}

describe("createShikiHighlighter", () => {
  it("highlights a ts block into spans with light and dark colour variables", async () => {
    const code = "const answer: number = 42; // why\nexport { answer };";
    const { container } = render(
      <ThreadUIProvider highlightCode={highlighter}>
        <Markdown text={`\`\`\`ts\n${code}\n\`\`\``} />
      </ThreadUIProvider>,
    );
    const figure = container.querySelector("[data-tk-part='code-block']");
    await waitFor(() => expect(figure).toHaveAttribute("data-highlighted"), { timeout: 10_000 });

    const codeElement = container.querySelector("pre code");
    expect(codeElement?.textContent).toBe(code);
    expect(codeElement?.querySelectorAll("[data-tk-part='code-line']")).toHaveLength(2);
    const tokens = [
      ...(codeElement?.querySelectorAll<HTMLElement>("[data-tk-part='code-token']") ?? []),
    ];
    expect(tokens.length).toBeGreaterThan(5);
    const keyword = tokens.find((t) => t.textContent === "const");
    // Keyword colours of the default themes (github-light-high-contrast / github-dark-default).
    expect(keyword?.style.getPropertyValue("--tk-code-token-light").toLowerCase()).toBe("#a0111f");
    expect(keyword?.style.getPropertyValue("--tk-code-token-dark").toLowerCase()).toBe("#ff7b72");
    const comment = tokens.find((t) => t.textContent?.includes("// why"));
    expect(comment?.style.getPropertyValue("--tk-code-token-dark").toLowerCase()).toBe("#8b949e");
    // Colours come only through variables, never as fixed inline colours.
    for (const token of tokens) expect(token.style.color).toBe("");
  });

  it("leaves an unknown language and plain text as they are", async () => {
    const { calls, highlightCode, settled } = recording(highlighter);
    const { container } = render(
      <ThreadUIProvider highlightCode={highlightCode}>
        <Markdown text={"```nosuchlang\nfoo <b>bar</b>\n```\n\n```\nplain text\n```"} />
      </ThreadUIProvider>,
    );
    await waitFor(() => expect(calls).toHaveLength(2));
    await settled();
    for (const call of calls) expect(await call.result).toBeNull();
    for (const figure of container.querySelectorAll("[data-tk-part='code-block']")) {
      expect(figure).not.toHaveAttribute("data-highlighted");
    }
    expect(container.querySelector("[data-tk-part='code-token'], b")).toBeNull();
    expect(container.querySelectorAll("pre code")[0]?.textContent).toBe("foo <b>bar</b>");
  });

  it("renders markup-looking code as text, never as elements", async () => {
    const code = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const nodes = await highlighter(code, "html");
    const { container } = render(<code>{nodes}</code>);
    expect(container.querySelector("img, script")).toBeNull();
    expect(container.textContent).toBe(code);
    expect(container.querySelectorAll("[data-tk-part='code-token']").length).toBeGreaterThan(3);
  });

  it("loads languages by alias and only those `langs` allows", async () => {
    const limited = createShikiHighlighter({ langs: ["typescript"] });
    expect(await limited("let a = 1", "ts")).not.toBeNull();
    expect(await limited("let a = 1", "TypeScript")).not.toBeNull();
    expect(await limited("a = 1", "python")).toBeNull();
    expect(await highlighter("a = 1", "py")).not.toBeNull();
  });

  it("never highlights a code block while it streams", async () => {
    const { calls, highlightCode, settled } = recording(highlighter);
    const parts = ["Here:\n\n```ts\n", "const a", " = 1;\n", "const b = 2;\n"];
    let text = "";
    const { container, rerender } = render(
      <Reply text={text} streaming highlightCode={highlightCode} />,
    );
    for (const part of parts) {
      text += part;
      rerender(<Reply text={text} streaming highlightCode={highlightCode} />);
      await settled();
      expect(calls).toHaveLength(0);
      expect(container.querySelector("[data-tk-part='code-token']")).toBeNull();
      expect(container.querySelector("[data-tk-part='code-block']")).not.toHaveAttribute(
        "data-highlighted",
      );
    }
    // The closing fence finishes the block even before the reply ends.
    rerender(<Reply text={`${text}\`\`\`\n\nMore`} streaming highlightCode={highlightCode} />);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ code: "const a = 1;\nconst b = 2;", language: "ts" });
    await waitFor(
      () =>
        expect(container.querySelector("[data-tk-part='code-block']")).toHaveAttribute(
          "data-highlighted",
        ),
      { timeout: 10_000 },
    );
  });
});
