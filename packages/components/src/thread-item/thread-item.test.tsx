import { render, screen } from "@testing-library/react";
import type { ClientToolCallItem, ThreadItem as ThreadItemData } from "@threadkit/core";
import { assistant, user } from "../../test/helpers";
import { ThreadUIProvider } from "../context";
import { loadLocale } from "../i18n/locales";
import { preloadItemRenderers } from "./lazy-renderers";
import { ThreadItem } from "./thread-item";

// Catalogs other than English and the rarer item renderers load on first use; these tests read
// them from the first render.
beforeAll(() => Promise.all([loadLocale("de"), loadLocale("ar"), preloadItemRenderers()]));

const tool: ClientToolCallItem = {
  id: "t1",
  thread_id: "thr",
  created_at: "2026-05-01T10:00:00Z",
  type: "client_tool_call",
  status: "pending",
  call_id: "c1",
  name: "get_weather",
  arguments: { city: "Bern" },
};

function Broken(): never {
  throw new Error("boom");
}

describe("ThreadItem", () => {
  it("renders each item type with its default renderer", () => {
    render(
      <>
        <ThreadItem item={user("u", "Hi **there**")} />
        <ThreadItem item={assistant("a", "Hello **you**")} />
        <ThreadItem item={tool} status="streaming" />
      </>,
    );
    expect(screen.getByText("Hi **there**")).toBeInTheDocument();
    expect(screen.getByText("you").tagName).toBe("STRONG");
    expect(screen.getByRole("button", { name: /get_weather/ })).toHaveTextContent("Running");
    expect(document.querySelectorAll("[data-tk-part='thread-item']")[2]).toHaveAttribute(
      "data-status",
      "streaming",
    );
  });

  it("uses registered renderers by type and by tool name", () => {
    render(
      <ThreadUIProvider
        renderers={{ user_message: ({ item }) => <p>custom {item.id}</p> }}
        toolRenderers={{
          get_weather: ({ item }) => <p>weather in {String(item.arguments.city)}</p>,
        }}
      >
        <ThreadItem item={user("u1", "x")} />
        <ThreadItem item={tool} />
      </ThreadUIProvider>,
    );
    expect(screen.getByText("custom u1")).toBeInTheDocument();
    expect(screen.getByText("weather in Bern")).toBeInTheDocument();
  });

  it("shows a visible fallback for an unregistered type instead of crashing", () => {
    render(
      <ThreadItem
        item={
          { id: "x", thread_id: "t", created_at: "", type: "hologram" } as unknown as ThreadItemData
        }
      />,
    );
    expect(screen.getByRole("note")).toHaveTextContent("Unsupported item type hologram");
  });

  it("contains a renderer that throws to its own item", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <ThreadUIProvider renderers={{ assistant_message: Broken }}>
        <ThreadItem item={user("u", "still here")} />
        <ThreadItem item={assistant("a", "x")} />
      </ThreadUIProvider>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("This item could not be displayed.");
    expect(screen.getByText("still here")).toBeInTheDocument();
    spy.mockRestore();
  });

  it("translates strings with the locale and sets no text from the server as markup", () => {
    render(
      <ThreadUIProvider locale="de" onFeedback={() => {}}>
        <ThreadItem item={assistant("a", "Hallo")} />
      </ThreadUIProvider>,
    );
    expect(screen.getByRole("button", { name: "Gute Antwort" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Kopieren" })).toBeInTheDocument();
  });
});
