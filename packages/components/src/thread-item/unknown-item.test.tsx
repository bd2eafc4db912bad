import { render, screen } from "@testing-library/react";
import { UnknownItem } from "./unknown-item";

test("names the unknown type and keeps the raw JSON inert", () => {
  render(
    <UnknownItem
      item={{
        type: "unknown",
        original_type: "hologram",
        id: "x1",
        thread_id: "thr_1",
        created_at: "2026-05-01T10:00:00",
        raw: { type: "hologram", html: "<img src=x onerror=alert(1)>" },
      }}
    />,
  );
  expect(screen.getByRole("note")).toHaveTextContent("Unsupported item type hologram");
  expect(document.querySelector("img")).toBeNull();
  expect(screen.getByText(/onerror=alert/)).toBeInTheDocument();
});
