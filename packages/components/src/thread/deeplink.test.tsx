import { fireEvent, render, screen } from "@testing-library/react";
import { createAssistantMessage, createWidgetItem } from "@threadkit/core/testing";
import { parseDeeplink } from "../internal/deeplink";
import { ThreadRoot, ThreadViewport } from "./thread";
import { ThreadItems } from "./thread-items";

const reply = createAssistantMessage("a_1", [
  "See [your order](chatkit-link://orders/42?tab=items) or [the docs](https://example.com/docs).",
]);
const card = createWidgetItem("w_1", {
  type: "Card",
  children: [{ type: "Markdown", value: "[Track it](chatkit-link://track)" }],
} as never);

function Thread({ onDeeplink }: { onDeeplink?: (link: unknown) => void }) {
  return (
    <ThreadRoot items={[reply, card]} virtualize={false} {...(onDeeplink ? { onDeeplink } : {})}>
      <ThreadViewport>
        <ThreadItems />
      </ThreadViewport>
    </ThreadRoot>
  );
}

describe("chatkit-link:// deeplinks", () => {
  it("hands a link in a message or a widget to onDeeplink instead of navigating", async () => {
    const onDeeplink = vi.fn();
    render(<Thread onDeeplink={onDeeplink} />);
    const order = screen.getByRole("link", { name: "your order" });
    expect(fireEvent.click(order)).toBe(false); // default prevented: no navigation
    expect(onDeeplink).toHaveBeenLastCalledWith({ name: "orders/42", data: { tab: "items" } });
    // The widget catalogue loads on first use (its first import also transforms Radix here).
    fireEvent.click(await screen.findByRole("link", { name: "Track it" }, { timeout: 10_000 }));
    expect(onDeeplink).toHaveBeenLastCalledWith({ name: "track" });
    // An ordinary link stays a link.
    const docs = screen.getByRole("link", { name: "the docs" });
    expect(docs).toHaveAttribute("href", "https://example.com/docs");
    expect(docs).not.toHaveAttribute("data-tk-deeplink");
    expect(onDeeplink).toHaveBeenCalledTimes(2);
  });

  it("never navigates to a deeplink, even without onDeeplink", () => {
    render(<Thread />);
    expect(fireEvent.click(screen.getByRole("link", { name: "your order" }))).toBe(false);
  });

  it("reads names, data and encoded parts", () => {
    expect(parseDeeplink("chatkit-link://open%20cart/")).toEqual({ name: "open cart" });
    expect(parseDeeplink("CHATKIT-LINK://a?x=1&y=two#frag")).toEqual({
      name: "a",
      data: { x: "1", y: "two" },
    });
    expect(parseDeeplink("https://example.com")).toBeNull();
    expect(parseDeeplink("javascript:alert(1)")).toBeNull();
  });
});
