import type { Meta, StoryObj } from "@storybook/react-vite";
import { Widget } from "@threadkit/components";
import { expect, fn } from "storybook/test";
import { widgetFixtures } from "./_fixtures";
import { WidgetFrame } from "./_frame";

function Gallery({
  scheme,
  onAction,
  onClientAction,
}: {
  scheme: "light" | "dark";
  onAction: Widget.WidgetActionHandler;
  onClientAction: Widget.WidgetActionHandler;
}) {
  return (
    <WidgetFrame scheme={scheme} width="none">
      <div
        style={{
          display: "grid",
          gridTemplateColumns: "repeat(auto-fill, minmax(440px, 1fr))",
          gap: 28,
          alignItems: "start",
        }}
      >
        {Object.entries(widgetFixtures).map(([name, widget]) => (
          <section
            key={name}
            aria-label={name}
            style={{ display: "flex", flexDirection: "column", gap: 8 }}
          >
            <p
              style={{
                margin: 0,
                fontSize: 12,
                color: "var(--tk-color-muted-fg)",
                fontFamily: "var(--tk-font-mono)",
              }}
            >
              {name}
            </p>
            <Widget.Root
              widget={widget}
              itemId={`itm_${name}`}
              onAction={onAction}
              onClientAction={onClientAction}
            />
          </section>
        ))}
      </div>
    </WidgetFrame>
  );
}

/**
 * Every recorded widget payload in `fixtures/widgets`, rendered as it arrived: real
 * Widget Builder exports and chatkit-python test assets. Click anything to see the action the
 * app would receive in the Actions panel.
 */
const meta = {
  title: "Widgets/Gallery",
  component: Gallery,
  parameters: { layout: "fullscreen" },
  args: { scheme: "light", onAction: fn(), onClientAction: fn() },
} satisfies Meta<typeof Gallery>;
export default meta;
type Story = StoryObj<typeof meta>;

/** All fixtures, light theme. */
export const AllFixtures: Story = {
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.queryAllByRole("note")).toHaveLength(0);
    await expect(canvas.getAllByRole("region")).toHaveLength(Object.keys(widgetFixtures).length);
    await userEvent.click(canvas.getByRole("button", { name: /Vegetarian/ }));
    await expect(args.onAction).toHaveBeenCalledWith(
      {
        type: "support.set_meal_preference",
        payload: { meal: "vegetarian" },
        handler: "server",
        loadingBehavior: "auto",
      },
      expect.objectContaining({ itemId: "itm_adv-meal-preferences.json" }),
    );
  },
};

/** All fixtures, dark theme: the same tokens, resolved for the dark scheme. */
export const AllFixturesDark: Story = { args: { scheme: "dark" } };
