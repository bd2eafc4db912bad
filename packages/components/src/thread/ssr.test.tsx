// @vitest-environment node
import { renderToString } from "react-dom/server";
import { assistant, conversation, user } from "../../test/helpers";
import { ThreadEmpty, ThreadRoot, ThreadViewport } from "./thread";
import { ThreadItems } from "./thread-items";

describe("server rendering", () => {
  it("renders a static thread to HTML without a DOM", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <ThreadRoot
        items={[
          user("u", "Hi <there>"),
          assistant("a", "# Title\n\nSome **bold** text\n\n<script>x()</script>"),
        ]}
        theme="dark"
      >
        <ThreadViewport>
          <ThreadEmpty />
          <ThreadItems />
        </ThreadViewport>
      </ThreadRoot>,
    );
    expect(html).toContain('data-tk-theme="dark"');
    expect(html).toContain("Hi &lt;there&gt;");
    expect(html).toContain("<h1");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;x()&lt;/script&gt;");
  });

  it("renders every row of a long thread on the server (virtualization starts after hydration)", () => {
    const html = renderToString(
      <ThreadRoot items={conversation(120)}>
        <ThreadViewport>
          <ThreadItems />
        </ThreadViewport>
      </ThreadRoot>,
    );
    expect(html.match(/data-tk-part="thread-row"/g)).toHaveLength(120);
  });
});
