import { render } from "@testing-library/react";
import { ThreadUIProvider } from "../context";
import { Markdown } from "./markdown";

/** Every attribute of every element the markdown rendered. */
function attributes(container: HTMLElement): string[] {
  return [...container.querySelectorAll("*")].flatMap((element) =>
    [...element.attributes].map((a) => `${element.tagName.toLowerCase()} ${a.name}=${a.value}`),
  );
}

/** Fails on any element or attribute that could run script or load a hostile URL. */
function expectInert(container: HTMLElement) {
  // The one svg allowed is the renderer's own icon for a blocked image.
  expect(
    container.querySelector("script, iframe, object, embed, style, form, meta, svg:not(.lucide)"),
  ).toBeNull();
  for (const attribute of attributes(container)) {
    expect(attribute).not.toMatch(/^\S+ on/i);
    expect(attribute).not.toMatch(/^\S+ (?:href|src)=\s*(?:javascript|vbscript|data):/i);
  }
}

const HOSTILE: readonly [string, string][] = [
  ["javascript: link", "[x](javascript:alert(1))"],
  [
    "javascript: link, mixed case and entities",
    "[x](JaVaScRiPt&#58;alert(1)) [y](&#106;avascript:alert(1))",
  ],
  ["javascript: link with an escaped colon", "[x](javascript\\:alert(1))"],
  [
    "javascript: link with control characters",
    "[x](java\tscript:alert(1)) [y](<java\nscript:alert(1)>)",
  ],
  ["javascript: autolink", "<javascript:alert(1)>"],
  ["javascript: reference link", "[x]\n\n[x]: javascript:alert(1)"],
  ["javascript: image", "![x](javascript:alert(1))"],
  ["data: link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
  ["data: reference image", "![x][i]\n\n[i]: data:text/html,<script>alert(1)</script>"],
  ["vbscript: link", "[x](vbscript:msgbox(1))"],
  ["raw script block", "<script>alert(1)</script>"],
  ["raw script inline", "text <script>alert(1)</script> more"],
  ["on* attribute, inline", 'a <img src=x onerror="alert(1)"> b'],
  ["on* attribute, block", '<div onmouseover="alert(1)">hover</div>'],
  ["on* attribute in a link title", '[x](https://ok.example "a onclick=alert(1)")'],
  ["iframe and svg", '<iframe src="javascript:alert(1)"></iframe>\n\n<svg onload=alert(1)>'],
  [
    "HTML comment and CDATA",
    "<!-- <script>alert(1)</script> -->\n\n<![CDATA[<script>alert(1)</script>]]>",
  ],
  ["HTML in a table cell", "| a |\n| - |\n| <img src=x onerror=alert(1)> |"],
  ["HTML in a list and a quote", "- <script>alert(1)</script>\n\n> <img src=x onerror=alert(1)>"],
  ["HTML in link text", "[<img src=x onerror=alert(1)>](https://ok.example)"],
  ["style element", "<style>body{background:url(javascript:alert(1))}</style>"],
];

describe("Markdown with hostile input", () => {
  for (const [name, text] of HOSTILE) {
    it(`keeps ${name} inert`, () => {
      for (const allowDataImages of [false, true]) {
        const { container, unmount } = render(
          <ThreadUIProvider allowDataImages={allowDataImages}>
            <Markdown text={text} />
          </ThreadUIProvider>,
        );
        expectInert(container);
        unmount();
      }
    });
  }

  it("shows raw HTML as the text it is", () => {
    const { container } = render(
      <Markdown text={'<script>alert(1)</script>\n\nx <b onclick="alert(1)">y</b>'} />,
    );
    expect(container).toHaveTextContent("<script>alert(1)</script>");
    expect(container).toHaveTextContent('x <b onclick="alert(1)">y</b>');
    expect(container.querySelector("b")).toBeNull();
  });

  it("keeps the text of a neutralized link", () => {
    const { container } = render(<Markdown text="[click me](javascript:alert(1))" />);
    expect(container.querySelector("a")).toBeNull();
    expect(container).toHaveTextContent("click me");
  });

  it("keeps every part of the stream inert while it grows", () => {
    const text =
      'See [x](javascript:alert(1)) and <img src=x onerror="alert(1)"> ![i](data:text/html,x)';
    const { container, rerender } = render(<Markdown text="" streaming />);
    for (let i = 1; i <= text.length; i++) {
      rerender(<Markdown text={text.slice(0, i)} streaming />);
      expectInert(container);
    }
  });
});
