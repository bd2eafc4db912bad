import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { ComposerRoot } from "./composer";
import { ComposerModelPicker, ComposerToolMenu } from "./composer-options";

// Counts how often the Radix dropdown menu module is evaluated: the factory runs on first import.
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock("./composer-menu", async (importOriginal) => {
  loads.count += 1;
  return importOriginal();
});

const TOOLS = [
  { id: "search", label: "Search the web", icon: "globe" },
  { id: "draw", label: "Create an image", icon: "lucide:image" },
];
const MODELS = [
  { id: "fast", label: "Fast", description: "Quick answers" },
  { id: "deep", label: "Deep" },
];

function Options() {
  const [tool, setTool] = useState<string | null>(null);
  const [model, setModel] = useState<string>("deep");
  return (
    <ComposerRoot onSubmit={() => {}}>
      <ComposerToolMenu tools={TOOLS} value={tool} onValueChange={setTool} />
      <ComposerModelPicker models={MODELS} value={model} onValueChange={setModel} />
      <output aria-label="Tool">{tool ?? "none"}</output>
    </ComposerRoot>
  );
}

// One file, one module registry: the first test sees the menu before any load.
describe("composer menus loaded on first use", () => {
  it("renders plain triggers with the menu trigger's markup and loads Radix on first focus", async () => {
    const user = userEvent.setup();
    render(<Options />);
    const tools = screen.getByRole("button", { name: "Tools" });
    expect(tools.getAttribute("aria-haspopup")).toBe("menu");
    expect(tools.getAttribute("aria-expanded")).toBe("false");
    expect(tools.getAttribute("data-state")).toBe("closed");
    const models = screen.getByRole("button", { name: "Model: Deep" });
    expect(models.getAttribute("aria-haspopup")).toBe("menu");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads.count).toBe(0);

    // Focus loads the menu; the trigger that replaces the plain one keeps focus.
    act(() => tools.focus());
    await waitFor(() => expect(loads.count).toBe(1));
    await waitFor(() =>
      expect(document.activeElement?.getAttribute("data-tk-part")).toBe("composer-tools-trigger"),
    );
    expect(screen.queryByRole("menu")).toBeNull();
    await user.keyboard("{ArrowDown}");
    const menu = await screen.findByRole("menu", { name: "Tools" });
    await user.click(within(menu).getByRole("menuitemradio", { name: "Search the web" }));
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
    expect(screen.getByLabelText("Tool").textContent).toBe("search");
    // Closing returns focus to the trigger.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Tools" })),
    );
    expect(loads.count).toBe(1);
  });
});

describe("a press before the menu has loaded", () => {
  it("opens the menu once the code arrives", async () => {
    vi.resetModules();
    const { ComposerModelPicker: Picker } = await import("./composer-options");
    const { ComposerRoot: Root } = await import("./composer");
    render(
      <Root onSubmit={() => {}}>
        <Picker models={MODELS} value="deep" onValueChange={() => {}} />
      </Root>,
    );
    const trigger = screen.getByRole("button", { name: "Model: Deep" });
    expect(trigger.getAttribute("data-state")).toBe("closed");
    // No pointerenter or focus first: the press itself starts the load.
    fireEvent.pointerDown(trigger, { button: 0, pointerType: "mouse" });
    const menu = await screen.findByRole("menu", { name: "Model: Deep" });
    expect(within(menu).getAllByRole("menuitemradio")).toHaveLength(2);
  });
});

describe("a key pressed before the menu has loaded", () => {
  it("opens the menu once the code arrives, as the key would", async () => {
    vi.resetModules();
    const { ComposerToolMenu: Menu } = await import("./composer-options");
    const { ComposerRoot: Root } = await import("./composer");
    render(
      <Root onSubmit={() => {}}>
        <Menu tools={TOOLS} value={null} onValueChange={() => {}} />
      </Root>,
    );
    const trigger = screen.getByRole("button", { name: "Tools" });
    // No focus event first: the key itself starts the load.
    fireEvent.keyDown(trigger, { key: "ArrowDown" });
    const menu = await screen.findByRole("menu", { name: "Tools" });
    expect(within(menu).getAllByRole("menuitemradio")).toHaveLength(2);
  });
});
