import type { Meta, StoryObj } from "@storybook/react-vite";
import { registerWidgetIcons, Widget } from "@threadkit/components";
import { WIDGET_ICON_NAMES } from "@threadkit/core";
import { expect, fn, waitFor } from "storybook/test";
import { WidgetFrame } from "./_frame";

type Scheme = "light" | "dark";

/**
 * One story per widget component type and state. `Widget.Root` validates the JSON, renders each
 * node with the registry's component and sends actions to `onAction` (server) or
 * `onClientAction` (client), form values included.
 *
 * Parts carry `data-tk-part="widget-*"`; states are `data-status="streaming"`, `data-loading`,
 * `data-variant`, `data-color`, `data-size`, and Radix's own `data-state`.
 */
const meta = {
  title: "Widgets/Components",
  component: Widget.Root,
  args: { widget: { type: "Card", children: [] }, onAction: fn(), onClientAction: fn() },
  decorators: [
    (Story, { parameters }) => (
      <WidgetFrame
        scheme={(parameters.scheme as Scheme | undefined) ?? "light"}
        width={parameters.width ?? 560}
      >
        <Story />
      </WidgetFrame>
    ),
  ],
} satisfies Meta<typeof Widget.Root>;
export default meta;
type Story = StoryObj<typeof meta>;

const action = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra });

const cardWithFooter = {
  type: "Card",
  size: "md",
  status: { text: "Calendar", icon: "calendar" },
  confirm: { label: "Book", action: action("meeting.book", { payload: { slot: "10:00" } }) },
  cancel: { label: "Not now", action: action("meeting.dismiss") },
  children: [
    { type: "Title", value: "Design review", size: "lg" },
    { type: "Text", value: "Thursday, 10:00 – 10:45 · Room 4B", color: "secondary" },
    {
      type: "Row",
      gap: 2,
      children: [
        { type: "Badge", label: "3 attendees", color: "info" },
        { type: "Badge", label: "Recurring", color: "discovery", variant: "outline" },
      ],
    },
  ],
};

/** Card with a status line, body, and a confirm/cancel footer. */
export const CardWithFooter: Story = {
  args: { widget: cardWithFooter },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Book" }));
    await expect(args.onAction).toHaveBeenCalledWith(
      { type: "meeting.book", payload: { slot: "10:00" } },
      expect.anything(),
    );
  },
};

/** A collapsed card keeps only its status line and footer. */
export const CardCollapsed: Story = {
  args: {
    widget: {
      type: "Card",
      collapsed: true,
      status: { text: "Booked: Design review, Thu 10:00", icon: "check-circle" },
      children: [{ type: "Text", value: "Hidden body" }],
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.queryByText("Hidden body")).toBeNull();
  },
};

const people = [
  "Ada Lovelace",
  "Grace Hopper",
  "Katherine Johnson",
  "Margaret Hamilton",
  "Radia Perlman",
];

/** ListView with clickable items, and `limit` hiding the rest behind "Show more". */
export const ListViewWithLimit: Story = {
  args: {
    widget: {
      type: "ListView",
      limit: 3,
      status: { text: "Suggested reviewers" },
      children: people.map((name, index) => ({
        type: "ListViewItem",
        key: name,
        gap: 3,
        onClickAction: action("reviewer.pick", { payload: { name } }),
        children: [
          {
            type: "Box",
            size: 32,
            radius: "full",
            align: "center",
            justify: "center",
            background: ["blue-100", "purple-100", "green-100", "orange-100", "pink-100"][index],
            children: [{ type: "Icon", name: "user", size: "sm", color: "secondary" }],
          },
          {
            type: "Col",
            children: [
              { type: "Text", value: name, weight: "medium", size: "sm" },
              { type: "Caption", value: `${index + 2} open reviews` },
            ],
          },
        ],
      })),
    },
  },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getAllByRole("listitem")).toHaveLength(3);
    await userEvent.click(canvas.getByRole("button", { name: /Show more/ }));
    await expect(canvas.getAllByRole("listitem")).toHaveLength(5);
  },
};

/** Box, Row, Col, Spacer, Divider: gap, padding, align, justify, border, radius, background. */
export const Layout: Story = {
  args: {
    widget: {
      type: "Card",
      children: [
        {
          type: "Row",
          gap: 3,
          children: [
            {
              type: "Box",
              size: 48,
              radius: "xl",
              background: { light: "blue-100", dark: "blue-900" },
            },
            {
              type: "Col",
              gap: 1,
              flex: 1,
              children: [
                { type: "Title", value: "Row + Col", size: "sm" },
                { type: "Caption", value: "gap 3 · align start" },
              ],
            },
            { type: "Spacer" },
            { type: "Badge", label: "Spacer →", color: "secondary" },
          ],
        },
        { type: "Divider", flush: true },
        {
          type: "Box",
          direction: "row",
          wrap: "wrap",
          gap: 2,
          padding: { x: 3, y: 2 },
          radius: "lg",
          border: { size: 1, style: "dashed", color: "strong" },
          children: ["xs", "sm", "md", "lg", "xl", "2xl"].map((radius) => ({
            type: "Box",
            size: 36,
            radius,
            background: "surface-tertiary",
            align: "center",
            justify: "center",
            children: [{ type: "Caption", value: radius, size: "sm" }],
          })),
        },
      ],
    },
  },
};

/** Text variants: sizes, weights, colors, italic, line-through, truncate, maxLines. */
export const TextVariants: Story = {
  args: {
    widget: {
      type: "Card",
      children: [
        { type: "Title", value: "Title 2xl", size: "2xl" },
        { type: "Title", value: "Title md (default)" },
        { type: "Caption", value: "Caption (secondary by default)" },
        { type: "Text", value: "Text xl semibold", size: "xl", weight: "semibold" },
        { type: "Text", value: "Text sm in success", size: "sm", color: "success" },
        { type: "Text", value: "Italic and struck through", italic: true, lineThrough: true },
        { type: "Text", value: "Danger text", color: "danger" },
        {
          type: "Text",
          value:
            "This long line is truncated with an ellipsis when it does not fit in the card width at all.",
          truncate: true,
        },
        {
          type: "Text",
          maxLines: 2,
          color: "secondary",
          size: "sm",
          value:
            "This paragraph is clamped to two lines. It keeps going well past the second line so that the clamp has something to do, and the rest is hidden behind an ellipsis at the end of line two.",
        },
        {
          type: "Markdown",
          value:
            "**Markdown** with `code`, a [link](https://example.com) and a list:\n\n- one\n- two",
        },
      ],
    },
  },
};

/** Badges: colors, variants, sizes, pill. */
export const Badges: Story = {
  args: {
    widget: {
      type: "Card",
      children: ["soft", "solid", "outline"].map((variant) => ({
        type: "Row",
        wrap: "wrap",
        gap: 2,
        children: ["secondary", "success", "danger", "warning", "info", "discovery"].map(
          (color) => ({
            type: "Badge",
            label: color,
            color,
            variant,
            pill: variant === "outline",
          }),
        ),
      })),
    },
  },
};

/** An icon the app registers (here for `lucide:rocket`), loaded on first use. */
function RocketIcon({ size = 24, ...props }: { size?: number | string }) {
  return (
    <svg
      aria-hidden="true"
      data-app-icon="rocket"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...props}
    >
      <path d="M4.5 16.5c-1.5 1.26-2 5-2 5s3.74-.5 5-2c.71-.84.7-2.13-.09-2.91a2.18 2.18 0 0 0-2.91-.09z" />
      <path d="m12 15-3-3a22 22 0 0 1 2-3.95A12.88 12.88 0 0 1 22 2c0 2.72-.78 7.5-6 11a22.35 22.35 0 0 1-4 2z" />
    </svg>
  );
}

/**
 * All 64 built-in icon names (one lazy chunk), a `lucide:*` name the app registered with
 * `registerWidgetIcons` (loaded on first use) and an unknown name (placeholder).
 */
export const Icons: Story = {
  parameters: { width: 720 },
  loaders: [
    () => {
      registerWidgetIcons({ "lucide:rocket": { load: async () => RocketIcon } });
      return {};
    },
  ],
  args: {
    widget: {
      type: "Card",
      size: "lg",
      children: [
        {
          type: "Row",
          wrap: "wrap",
          gap: 3,
          children: [...WIDGET_ICON_NAMES, "lucide:rocket", "no-such-icon"].map((name) => ({
            type: "Icon",
            name,
            size: "lg",
            color: name === "no-such-icon" ? "danger" : "secondary",
          })),
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-tk-part="widget-icon"]')).toHaveLength(66);
    await waitFor(
      () =>
        expect(
          canvasElement.querySelector('[data-icon="lucide:rocket"] svg[data-app-icon="rocket"]'),
        ).not.toBeNull(),
      { timeout: 15_000 },
    );
  },
};

const buttonRow = (props: Record<string, unknown>[]) => ({
  type: "Row",
  wrap: "wrap",
  gap: 2,
  children: props.map((p) => ({ type: "Button", onClickAction: action("demo"), ...p })),
});

/** Buttons: style, color, variant, size, icons, pill, uniform, block, disabled. */
export const Buttons: Story = {
  parameters: { width: 640 },
  args: {
    widget: {
      type: "Card",
      size: "lg",
      children: [
        buttonRow([
          { label: "Primary" },
          { label: "Secondary", style: "secondary" },
          { label: "Soft", variant: "soft" },
          { label: "Outline", variant: "outline" },
          { label: "Ghost", variant: "ghost" },
        ]),
        buttonRow(
          ["info", "discovery", "success", "caution", "warning", "danger"].map((color) => ({
            label: color,
            color,
            size: "sm",
          })),
        ),
        buttonRow([
          { label: "Search", iconStart: "search", variant: "outline", pill: true },
          { label: "Open", iconEnd: "external-link", variant: "soft", color: "info" },
          { iconStart: "plus", uniform: true, variant: "outline" },
          { iconStart: "dots-horizontal", uniform: true, variant: "ghost", color: "secondary" },
          { label: "xs", size: "xs" },
          { label: "lg", size: "lg" },
        ]),
        buttonRow([
          { label: "Disabled", disabled: true },
          { label: "Disabled outline", variant: "outline", disabled: true },
        ]),
        buttonRow([{ label: "Block button", block: true, iconEnd: "sparkle", color: "discovery" }]),
      ],
    },
  },
};

/** Disabled controls take no input and fire nothing. */
export const Disabled: Story = {
  args: {
    widget: {
      type: "Card",
      children: [
        { type: "Input", name: "email", placeholder: "Email", disabled: true },
        { type: "Checkbox", name: "terms", label: "Accept terms", disabled: true },
        { type: "Button", label: "Continue", disabled: true, onClickAction: action("go") },
      ],
    },
  },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole("button", { name: "Continue" })).toBeDisabled();
    await expect(canvas.getByRole("checkbox", { name: "Accept terms" })).toBeDisabled();
    await expect(args.onAction).not.toHaveBeenCalled();
  },
};

const never = () => new Promise<void>(() => {});

/** Loading: a pending action shows a spinner on its Button (`self`). */
export const LoadingSelf: Story = {
  args: {
    onAction: fn(never),
    widget: {
      type: "Card",
      children: [
        { type: "Text", value: "Refund order #4312?" },
        {
          type: "Row",
          children: [
            { type: "Button", label: "Refund", onClickAction: action("refund"), color: "danger" },
            { type: "Button", label: "Keep", variant: "outline", onClickAction: action("keep") },
          ],
        },
      ],
    },
  },
  play: async ({ canvas, userEvent }) => {
    const button = canvas.getByRole("button", { name: "Refund" });
    await userEvent.click(button);
    await expect(button).toHaveAttribute("aria-busy", "true");
    await expect(button).toHaveAttribute("data-loading", "");
  },
};

/** Loading: `loadingBehavior: "container"` dims the whole widget and makes it inert. */
export const LoadingContainer: Story = {
  args: {
    onAction: fn(never),
    widget: {
      type: "Card",
      children: [
        { type: "Text", value: "Sync the whole board?" },
        {
          type: "Button",
          label: "Sync",
          onClickAction: action("sync", { loadingBehavior: "container" }),
        },
      ],
    },
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Sync" }));
    const root = canvasElement.querySelector('[data-tk-part="widget"]') as HTMLElement;
    await expect(root).toHaveAttribute("data-loading", "");
    await expect(root.inert).toBe(true);
  },
};

/** Invalid props are ignored (with a development warning); the rest renders. */
export const InvalidProps: Story = {
  args: {
    widget: {
      type: "Card",
      padding: "url(https://tracker.example/pixel.png)",
      children: [
        { type: "Title", value: "Still renders", size: 99 },
        {
          type: "Text",
          value: "`color` below is not a color, so it is ignored",
          color: { light: 1 },
        },
        { type: "Button", label: "OK", variant: "sparkly", onClickAction: { payload: "no type" } },
        { type: "Image", src: "javascript:alert(1)", alt: "Blocked image", size: 48 },
      ],
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("Still renders")).toHaveAttribute("data-size", "md");
    await expect(canvas.getByRole("button", { name: "OK" })).toHaveAttribute(
      "data-variant",
      "solid",
    );
    await expect(canvas.getByRole("img", { name: "Blocked image" })).toHaveAttribute(
      "data-tk-part",
      "widget-image-blocked",
    );
  },
};

/** An unknown component type renders a small named placeholder; its siblings render. */
export const UnknownType: Story = {
  args: {
    widget: {
      type: "Card",
      children: [
        { type: "Title", value: "Trip summary" },
        { type: "Hologram", frames: 24 },
        { type: "Text", value: "Siblings keep rendering.", color: "secondary" },
      ],
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("note")).toHaveTextContent("Hologram");
    await expect(canvas.getByText("Siblings keep rendering.")).toBeVisible();
  },
};

/** `theme: "dark"` on the Card forces its color scheme, whatever the page uses. */
export const DarkCard: Story = {
  args: {
    widget: {
      type: "Card",
      theme: "dark",
      children: [
        { type: "Caption", value: "Dark card on a light page" },
        {
          type: "Title",
          value: "Night mode",
          size: "lg",
          color: { light: "blue-900", dark: "blue-200" },
        },
        { type: "Text", value: "Tokens and {light, dark} pairs resolve for the dark scheme." },
        {
          type: "Row",
          children: [
            { type: "Badge", label: "beta", color: "discovery" },
            { type: "Button", label: "Try it", size: "sm", onClickAction: action("try") },
          ],
        },
      ],
    },
  },
};

/** The whole page in the dark theme. */
export const DarkTheme: Story = {
  parameters: { scheme: "dark" },
  args: { widget: cardWithFooter },
};

/** Table with a header row, alignments and spans. */
export const Table: Story = {
  args: {
    widget: {
      type: "Card",
      children: [
        { type: "Title", value: "Quarterly revenue", size: "sm" },
        {
          type: "Table",
          children: [
            {
              type: "Table.Row",
              header: true,
              children: ["Region", "Q1", "Q2"].map((label, index) => ({
                type: "Table.Cell",
                align: index === 0 ? "start" : "end",
                children: [
                  {
                    type: "Text",
                    value: label,
                    size: "sm",
                    weight: "semibold",
                    color: "secondary",
                  },
                ],
              })),
            },
            ...[
              ["EMEA", "$1.2M", "$1.4M"],
              ["Americas", "$2.1M", "$2.3M"],
              ["APAC", "$0.8M", "$1.1M"],
            ].map((row) => ({
              type: "Table.Row",
              children: row.map((value, index) => ({
                type: "Table.Cell",
                align: index === 0 ? "start" : "end",
                children: [{ type: "Text", value, size: "sm" }],
              })),
            })),
          ],
        },
      ],
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole("columnheader")).toHaveLength(3);
    await expect(canvas.getAllByRole("row")).toHaveLength(4);
  },
};

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"];

/** Charts: bar (stacked), line and area series with axes and legend; recharts loads lazily. */
export const Charts: Story = {
  loaders: [() => Widget.preloadWidgetChart()],
  args: {
    widget: {
      type: "Card",
      children: [
        { type: "Title", value: "Signups", size: "sm" },
        {
          type: "Chart",
          height: 180,
          data: months.map((m, i) => ({ month: m, web: 20 + i * 6, mobile: 12 + ((i * 7) % 15) })),
          xAxis: "month",
          series: [
            { type: "bar", label: "Web", dataKey: "web", stack: "a", color: "blue" },
            { type: "bar", label: "Mobile", dataKey: "mobile", stack: "a", color: "purple" },
          ],
        },
        { type: "Divider" },
        { type: "Title", value: "Latency", size: "sm" },
        {
          type: "Chart",
          height: 160,
          showLegend: true,
          data: months.map((m, i) => ({
            m,
            p50: 110 + ((i * 13) % 30),
            p95: 240 + ((i * 29) % 70),
          })),
          xAxis: { dataKey: "m", labels: { Jan: "January" } },
          series: [
            { type: "area", label: "p95", dataKey: "p95", color: "orange" },
            { type: "line", label: "p50", dataKey: "p50", color: "green", curveType: "monotone" },
          ],
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(
          canvasElement.querySelectorAll('[data-tk-part="widget-chart"] .recharts-wrapper').length,
        ).toBe(2),
      { timeout: 10_000 },
    );
    await expect(
      canvasElement.querySelectorAll('[data-tk-part="widget-chart"] caption')[0],
    ).toHaveTextContent("Chart: Web, Mobile");
  },
};

/** A `Transition` animates its child in when the child changes identity. */
export const TransitionAndImage: Story = {
  args: {
    widget: {
      type: "Card",
      padding: 0,
      children: [
        {
          type: "Image",
          src: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
          alt: "Generated placeholder",
          height: 120,
          fit: "cover",
          flush: true,
        },
        {
          type: "Transition",
          children: {
            type: "Col",
            key: "step-1",
            padding: 4,
            gap: 1,
            children: [
              { type: "Title", value: "Step 1 of 3" },
              {
                type: "Caption",
                value: "Images need an allow-listed scheme; data: images need allowDataImages.",
              },
            ],
          },
        },
      ],
    },
    allowDataImages: true,
  },
};
