import type { Meta, StoryObj } from "@storybook/react-vite";
import { ThreadItem } from "@threadkit/components";
import type { AssistantMessageItem } from "@threadkit/core";
import { useEffect, useState } from "react";
import { expect, fn, waitFor, within } from "storybook/test";
import { assistant, citedAssistant, MARKDOWN_REPLY } from "./_data";
import { Frame } from "./_frame";

/**
 * `assistant_message`: streaming GitHub-flavoured markdown rendered block by block, inline
 * citations with a sources list, and copy / feedback / retry actions.
 *
 * Parts: `[data-tk-part="message"][data-role="assistant"][data-status]`, `markdown`,
 * `code-block`, `citation`, `sources`, `source[data-source-type]`, `message-action[data-action]`.
 */
const meta = {
  title: "Items/Assistant message",
  component: ThreadItem,
  args: { item: assistant("a1", MARKDOWN_REPLY) },
  render: (args) => (
    <Frame onFeedback={fn()} onRetry={fn()}>
      <ThreadItem {...args} />
    </Frame>
  ),
} satisfies Meta<typeof ThreadItem>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Headings, lists, task list, table, blockquote, code block with copy, link. */
export const Markdown: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("table")).toBeInTheDocument();
    await expect(canvas.getByRole("link", { name: "the Alpine Club" })).toHaveAttribute(
      "target",
      "_blank",
    );
    await expect(canvas.getByRole("button", { name: "Copy code" })).toBeInTheDocument();
  },
};

const onFeedback = fn();

/** Copy puts the reply on the clipboard; feedback buttons are toggles reported to the app. */
export const CopyAndFeedback: Story = {
  args: { item: assistant("a_short", "Paris is the capital of **France**.") },
  render: (args) => (
    <Frame onFeedback={onFeedback} onRetry={fn()}>
      <ThreadItem {...args} />
    </Frame>
  ),
  play: async ({ canvas, userEvent, args }) => {
    const writes: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (text: string) => void writes.push(text) },
    });
    await userEvent.click(canvas.getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(writes).toEqual(["Paris is the capital of **France**."]));
    await expect(canvas.getByRole("button", { name: "Copied" })).toBeInTheDocument();
    const good = canvas.getByRole("button", { name: "Good response" });
    await userEvent.click(good);
    await expect(good).toHaveAttribute("aria-pressed", "true");
    await expect(onFeedback).toHaveBeenCalledWith(args.item, "positive");
  },
};

const onEntityClick = fn();

/**
 * Inline markers at their annotation index, and the sources list (url, file, entity). Hovering or
 * focusing a marker or a source opens its `source-preview`; an interactive entity source reports
 * clicks to the app's `onEntityClick`.
 */
export const WithCitations: Story = {
  args: { item: citedAssistant },
  render: (args) => (
    <Frame onFeedback={fn()} onRetry={fn()} onEntityClick={onEntityClick}>
      <ThreadItem {...args} />
    </Frame>
  ),
  play: async ({ canvas, canvasElement, userEvent, step }) => {
    const [marker] = canvas.getAllByRole("link", { name: "Source 1: Key figures — Eiffel Tower" });
    const [second] = canvas.getAllByRole("link", { name: "Source 2: Eiffel Tower — Wikipedia" });
    if (!marker || !second) throw new Error("no citation marker");
    await expect(marker).toHaveAttribute(
      "href",
      "https://www.toureiffel.paris/en/the-monument/key-figures",
    );
    await expect(canvas.getByRole("group", { name: "Sources" })).toBeInTheDocument();
    const preview = () => canvasElement.querySelector('[data-tk-part="source-preview"]');

    await step("hovering a marker shows its preview", async () => {
      await userEvent.hover(marker);
      await waitFor(() => expect(preview()).toBeVisible());
      await expect(preview()).toHaveTextContent("Key figures — Eiffel Tower");
      await expect(preview()).toHaveTextContent("toureiffel.paris");
      await expect(marker).toHaveAttribute("data-state", "delayed-open");
      await userEvent.unhover(marker);
      await waitFor(() => expect(preview()).toBeNull());
    });

    await step("focusing a marker by keyboard shows its preview", async () => {
      marker.focus();
      await userEvent.tab();
      await expect(second).toHaveFocus();
      await waitFor(() => expect(preview()).toHaveTextContent("Eiffel Tower — Wikipedia"));
      await expect(canvas.getByRole("tooltip")).toHaveTextContent("Eiffel Tower — Wikipedia");
      await userEvent.keyboard("{Escape}");
      await waitFor(() => expect(preview()).toBeNull());
    });

    await step("clicking the interactive entity source calls onEntityClick", async () => {
      onEntityClick.mockClear();
      await userEvent.click(canvas.getByRole("button", { name: /Trip: Paris, June/ }));
      await expect(onEntityClick).toHaveBeenCalledOnce();
      await expect(onEntityClick).toHaveBeenCalledWith(
        expect.objectContaining({ type: "entity", id: "ent_trip" }),
      );
    });
  },
};

const ENTITY_REPLY =
  "Your calendar has the Paris trip in June, and the hotel booking confirms two nights. The packing list is still open.";

/** The index right after `needle` in the entity reply. */
const entityAfter = (needle: string) => ENTITY_REPLY.indexOf(needle) + needle.length;

const entityCited = assistant("a_entities", ENTITY_REPLY, [
  {
    type: "annotation",
    index: entityAfter("Paris trip in June,"),
    source: {
      type: "entity",
      id: "ent_trip",
      title: "Trip: Paris, June",
      label: "Calendar",
      icon: "calendar",
      inline_label: "Paris trip",
      interactive: true,
      data: {},
    },
  },
  {
    type: "annotation",
    index: entityAfter("two nights."),
    source: {
      type: "entity",
      id: "ent_hotel",
      title: "Hôtel du Louvre booking",
      label: "Booking",
      icon: "suitcase",
      interactive: true,
      data: {},
    },
  },
  {
    type: "annotation",
    index: entityAfter("still open."),
    source: {
      type: "entity",
      id: "ent_list",
      title: "Packing list",
      interactive: false,
      data: {},
    },
  },
]);

/**
 * Entity sources (`EntitySource`) cite with their `inline_label` in the text, else their `icon`,
 * else the number; the sources list and the preview show the icon.
 */
export const EntitySources: Story = {
  args: { item: entityCited },
  render: (args) => (
    <Frame onFeedback={fn()} onRetry={fn()} onEntityClick={onEntityClick}>
      <ThreadItem {...args} />
    </Frame>
  ),
  play: async ({ canvas, canvasElement, userEvent }) => {
    const markers = canvasElement.querySelectorAll('[data-tk-part="citation"]');
    await expect([...markers].map((m) => m.getAttribute("data-inline"))).toEqual([
      "label",
      "icon",
      "number",
    ]);
    const labelled = canvas.getByRole("button", { name: "Paris trip: Trip: Paris, June" });
    await expect(labelled).toHaveTextContent("Paris trip");
    await expect(markers[1]?.querySelector("svg")).toHaveClass("lucide-briefcase-business");
    await expect(markers[2]).toHaveTextContent("3");
    const list = canvas.getByRole("group", { name: "Sources" });
    await expect(list.querySelectorAll("svg.lucide-calendar")).toHaveLength(1);
    onEntityClick.mockClear();
    await userEvent.click(labelled);
    await expect(onEntityClick).toHaveBeenCalledWith(
      expect.objectContaining({ id: "ent_trip", inline_label: "Paris trip" }),
    );
  },
};

const NESTED_CITED_REPLY = [
  "Three things to know before you go:",
  "",
  "- The top floor is **276 m** above the ground",
  "- Tickets sell out weeks ahead in summer",
  "  - book the lift online to skip the queue",
  "",
  "> Visitors who book online wait far less.",
  "",
  "| Level | Height |",
  "| --- | --- |",
  "| Second floor | 116 m |",
  "| Top floor | 276 m |",
].join("\n");

/** The index right after `needle` in the nested-cited reply. */
const citeAfter = (needle: string) => NESTED_CITED_REPLY.indexOf(needle) + needle.length;

const KEY_FIGURES = {
  type: "url",
  url: "https://www.toureiffel.paris/en/the-monument/key-figures",
  title: "Key figures — Eiffel Tower",
  attribution: "toureiffel.paris",
} as const;
const TICKETS = {
  type: "url",
  url: "https://www.toureiffel.paris/en/rates-opening-times",
  title: "Rates and opening times — Eiffel Tower",
  attribution: "toureiffel.paris",
} as const;

/**
 * Markers inside list items (a nested one too), a quote and table cells sit at their annotation
 * index, like those in paragraphs: each `citation` is inside its `markdown-list-item`, quote or
 * cell, and no `markdown-citations` paragraph follows the block.
 */
export const CitationsInListsAndTables: Story = {
  args: {
    item: assistant("a_cited_nested", NESTED_CITED_REPLY, [
      { type: "annotation", index: citeAfter("276 m**"), source: KEY_FIGURES },
      { type: "annotation", index: citeAfter("in summer"), source: TICKETS },
      { type: "annotation", index: citeAfter("lift online"), source: TICKETS },
      { type: "annotation", index: citeAfter("wait far less"), source: TICKETS },
      { type: "annotation", index: citeAfter("| 116 m"), source: KEY_FIGURES },
    ]),
  },
  play: async ({ canvasElement }) => {
    const items = [...canvasElement.querySelectorAll('[data-tk-part="markdown-list-item"]')];
    const [first, second] = items as HTMLElement[];
    if (!first || !second) throw new Error("no list items");
    await expect(
      within(first).getByRole("link", { name: "Source 1: Key figures — Eiffel Tower" }),
    ).toBeInTheDocument();
    await expect(first).toHaveTextContent(/^The top floor is 276 m1 above the ground$/);
    const nested = second.querySelector("li") as HTMLElement;
    await expect(second).toHaveTextContent(
      /^Tickets sell out weeks ahead in summer2book the lift online2/,
    );
    await expect(nested).toHaveTextContent(/^book the lift online2 to skip the queue$/);
    await expect(canvasElement.querySelector("blockquote")).toHaveTextContent(
      "Visitors who book online wait far less2.",
    );
    const cell = within(canvasElement).getByRole("cell", { name: /^116 m/ });
    await expect(
      within(cell).getByRole("link", { name: "Source 1: Key figures — Eiffel Tower" }),
    ).toBeInTheDocument();
    await expect(canvasElement.querySelector('[data-tk-part="markdown-citations"]')).toBeNull();
  },
};

function StreamingDemo() {
  const [length, setLength] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setLength((n) => (n >= MARKDOWN_REPLY.length ? n : n + 7)), 30);
    return () => clearInterval(timer);
  }, []);
  const item: AssistantMessageItem = assistant("a_stream", MARKDOWN_REPLY.slice(0, length));
  return (
    <Frame>
      <ThreadItem item={item} status={length >= MARKDOWN_REPLY.length ? "done" : "streaming"} />
    </Frame>
  );
}

/** Text arriving in deltas: only the unfinished tail block re-renders. */
export const Streaming: Story = { render: () => <StreamingDemo /> };

/** The first delta has not arrived yet. */
export const Waiting: Story = { args: { item: assistant("a_wait", ""), status: "streaming" } };

/** A reply cut mid code block while streaming: the open fence renders as code. */
export const StreamingOpenCodeFence: Story = {
  args: {
    item: assistant(
      "a_open",
      'Here is the function:\n\n```python\ndef greet(name):\n    return f"Hi {name}"',
    ),
    status: "streaming",
  },
};

/**
 * A refusal (an Assistants `refusal` block, normalized to an `output_text` part with
 * `refusal: true`) renders as a styled plain-text notice, never as markdown.
 */
export const Refusal: Story = {
  args: {
    item: {
      ...assistant("a_ref", ""),
      content: [
        {
          type: "output_text",
          text: "I can't help with creating that.",
          annotations: [],
          refusal: true,
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const message = canvasElement.querySelector('[data-tk-part="message"]');
    await expect(message).toHaveAttribute("data-refusal", "");
    const notice = canvasElement.querySelector('[data-tk-part="message-refusal"]');
    await expect(notice).toHaveTextContent("I can't help with creating that.");
    await expect(canvasElement.querySelector('[data-tk-part="markdown"]')).toBeNull();
  },
};

/** A reply that answers in part and refuses the rest: only the refusal part is a notice. */
export const PartialRefusal: Story = {
  args: {
    item: {
      ...assistant("a_ref_part", "Here is a **summary** of the public filing."),
      content: [
        {
          type: "output_text",
          text: "Here is a **summary** of the public filing.",
          annotations: [],
        },
        {
          type: "output_text",
          text: "I can't share the personal details it redacts.",
          annotations: [],
          refusal: true,
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const notice = canvasElement.querySelector('[data-tk-part="message-refusal"]');
    await expect(notice).toHaveTextContent("I can't share the personal details it redacts.");
    await expect(canvasElement.querySelector("strong")).toHaveTextContent("summary");
  },
};

/** Server text is never executed: raw HTML is inert text, `javascript:` links are neutralized. */
export const UnsafeContent: Story = {
  args: {
    item: assistant(
      "a_unsafe",
      'Click [here](javascript:alert(1)) or <img src=x onerror="alert(1)">.\n\n<script>alert("x")</script>\n\n![pixel](javascript:alert(2))',
    ),
  },
  play: async ({ canvasElement, canvas }) => {
    await expect(canvasElement.querySelector("script, img[src='x']")).toBeNull();
    await expect(canvas.queryByRole("link", { name: "here" })).toBeNull();
    await expect(canvas.getByText(/<script>alert/)).toBeInTheDocument();
  },
};

/** A very long reply. */
export const LongContent: Story = {
  args: {
    item: assistant("a_long", Array.from({ length: 6 }, () => MARKDOWN_REPLY).join("\n\n---\n\n")),
  },
};

/** Dark color scheme. */
export const Dark: Story = {
  render: (args) => (
    <Frame scheme="dark" onFeedback={fn()} onRetry={fn()}>
      <ThreadItem {...args} />
    </Frame>
  ),
  args: { item: citedAssistant },
};

/** Arabic, right to left. */
export const RightToLeft: Story = {
  render: (args) => (
    <Frame locale="ar" onFeedback={fn()}>
      <ThreadItem {...args} />
    </Frame>
  ),
  args: {
    item: assistant(
      "a_rtl",
      "## خطة الرحلة\n\nإليك **خطة** من يومين:\n\n1. اليوم الأول: بحيرة ريفلسي\n2. اليوم الثاني: مسار التلال\n\n> ابدأ مبكرًا لتجنب العواصف.",
    ),
  },
};
