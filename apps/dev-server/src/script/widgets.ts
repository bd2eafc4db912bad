import {
  type ActionPayload,
  type WidgetItem,
  type WidgetNode,
  type WidgetRoot,
  widgetChildren,
} from "@threadkit/core";
import { asObject } from "../util";
import { itemBase, type ScriptContext, type ScriptStream } from "./context";
import { streamAssistantMessage, wordChunks } from "./text";

const PARTY_OPTIONS = ["1", "2", "4", "6"].map((value) => ({
  value,
  label: `${value} ${value === "1" ? "person" : "people"}`,
}));

function reservationCard(intro: string, streaming: boolean): WidgetRoot {
  const title = streaming ? "Book a table" : "Book a table at Chez Dev";
  return {
    type: "Card",
    id: "reservation",
    size: "md",
    children: [
      { type: "Title", id: "reservation-title", value: title, size: "md" },
      { type: "Text", id: "reservation-intro", value: intro, streaming, color: "secondary" },
      {
        type: "Form",
        direction: "col",
        gap: 3,
        onSubmitAction: { type: "reservation.submit", payload: { restaurant: "Chez Dev" } },
        children: [
          { type: "Label", value: "Name", fieldName: "name" },
          { type: "Input", name: "name", placeholder: "Ada Lovelace", required: true },
          { type: "Label", value: "Party size", fieldName: "party" },
          { type: "Select", name: "party", options: PARTY_OPTIONS, defaultValue: "2" },
          {
            type: "Row",
            gap: 2,
            children: [
              {
                type: "Button",
                label: "Book",
                submit: true,
                style: "primary",
                iconStart: "calendar",
              },
              {
                type: "Button",
                label: "Cancel",
                variant: "outline",
                onClickAction: { type: "reservation.cancel" },
              },
            ],
          },
        ],
      },
    ],
  };
}

const INTRO = "Pick a name and a party size, then press Book.";

/**
 * A card with a form. The intro text streams (`widget.streaming_text.value_delta`), then the
 * root is replaced once streaming ends (`widget.root.updated`), as `diff_widget` does.
 */
export async function* cardReply(ctx: ScriptContext): ScriptStream {
  const base = itemBase(ctx, "msg");
  yield {
    type: "thread.item.added",
    item: { ...base, type: "widget", widget: reservationCard("", true) },
  };
  const chunks = wordChunks(INTRO);
  for (const [index, delta] of chunks.entries()) {
    await ctx.pause();
    yield {
      type: "thread.item.updated",
      item_id: base.id,
      update: {
        type: "widget.streaming_text.value_delta",
        component_id: "reservation-intro",
        delta,
        done: index === chunks.length - 1,
      },
    };
  }
  yield {
    type: "thread.item.updated",
    item_id: base.id,
    update: {
      type: "widget.component.updated",
      component_id: "reservation-title",
      component: {
        type: "Title",
        id: "reservation-title",
        value: "Book a table at Chez Dev",
        size: "md",
      },
    },
  };
  const final = reservationCard(INTRO, false);
  yield {
    type: "thread.item.updated",
    item_id: base.id,
    update: { type: "widget.root.updated", widget: final },
  };
  const item: WidgetItem = {
    ...base,
    type: "widget",
    widget: final,
    copy_text: "Book a table at Chez Dev",
  };
  yield { type: "thread.item.done", item };
}

const FLAVORS = [
  { id: "vanilla", label: "Vanilla", note: "Classic and calm", icon: "star" },
  { id: "pistachio", label: "Pistachio", note: "Nutty, a little salty", icon: "sparkle" },
  { id: "lemon", label: "Lemon sorbet", note: "Dairy-free", icon: "lightbulb" },
];

function flavorList(selected: string | null): WidgetRoot {
  return {
    type: "ListView",
    id: "flavors",
    limit: "auto",
    status: { text: selected ? "Choice saved" : "Choose a flavour", icon: "check-circle" },
    children: FLAVORS.map((flavor) => ({
      type: "ListViewItem",
      key: flavor.id,
      gap: 3,
      onClickAction: { type: "flavor.select", payload: { id: flavor.id } },
      children: [
        {
          type: "Icon",
          name: flavor.id === selected ? "check-circle-filled" : flavor.icon,
          size: "lg",
        },
        {
          type: "Col",
          children: [
            { type: "Text", value: flavor.label, weight: "semibold" },
            { type: "Caption", value: flavor.note },
          ],
        },
        ...(flavor.id === selected
          ? [{ type: "Badge", label: "Selected", color: "success" } as WidgetNode]
          : []),
      ],
    })),
  };
}

/** A list view whose items send `flavor.select` actions. */
export async function* listReply(ctx: ScriptContext): ScriptStream {
  const item: WidgetItem = { ...itemBase(ctx, "msg"), type: "widget", widget: flavorList(null) };
  yield { type: "thread.item.done", item };
}

function counterCard(count: number): WidgetRoot {
  return {
    type: "Card",
    id: "counter",
    size: "sm",
    children: [
      { type: "Title", value: `Count: ${count}`, id: "count" },
      {
        type: "Button",
        label: "Add one",
        iconStart: "plus",
        onClickAction: { type: "counter.increment", payload: { count }, streaming: false },
      },
    ],
  };
}

/** A counter whose button uses a non-streaming action (`threads.sync_custom_action`). */
export async function* counterReply(ctx: ScriptContext): ScriptStream {
  yield {
    type: "thread.item.done",
    item: { ...itemBase(ctx, "msg"), type: "widget", widget: counterCard(0) },
  };
}

function readCount(widget: WidgetRoot): number {
  const title = widgetChildren(widget).find((child) => child.id === "count");
  const match = typeof title?.value === "string" ? /(\d+)/.exec(title.value) : null;
  return match ? Number(match[1]) : 0;
}

/** The answer to a streaming widget action (`threads.custom_action`). */
export async function* widgetAction(
  ctx: ScriptContext,
  action: ActionPayload,
  sender: WidgetItem | null,
): ScriptStream {
  const payload = asObject(action.payload) ?? {};
  if (action.type === "reservation.submit" && sender) {
    const name =
      typeof payload.name === "string" && payload.name.trim() ? payload.name.trim() : "guest";
    const party = typeof payload.party === "string" ? payload.party : "2";
    const widget: WidgetRoot = {
      type: "Card",
      id: "reservation",
      size: "md",
      status: { text: "Booked", icon: "check-circle" },
      children: [
        { type: "Title", value: "Table booked", size: "md" },
        { type: "Text", value: `${name}, party of ${party}, at Chez Dev.` },
        { type: "Badge", label: "Confirmed", color: "success" },
      ],
    };
    yield { type: "thread.item.replaced", item: { ...sender, widget } };
    yield* streamAssistantMessage(
      ctx,
      `Booked a table for **${party}** under the name **${name}**.`,
    );
    return;
  }
  if (action.type === "reservation.cancel" && sender) {
    const widget: WidgetRoot = {
      type: "Card",
      id: "reservation",
      collapsed: true,
      children: [{ type: "Text", value: "Reservation cancelled.", color: "secondary" }],
    };
    yield { type: "thread.item.replaced", item: { ...sender, widget } };
    yield* streamAssistantMessage(ctx, "No table booked.");
    return;
  }
  if (action.type === "flavor.select" && sender) {
    const id = typeof payload.id === "string" ? payload.id : "";
    const flavor = FLAVORS.find((entry) => entry.id === id);
    if (flavor) {
      yield {
        type: "thread.item.updated",
        item_id: sender.id,
        update: { type: "widget.root.updated", widget: flavorList(id) },
      };
      yield* streamAssistantMessage(ctx, `${flavor.label} it is. ${flavor.note}.`);
      return;
    }
  }
  yield {
    type: "error",
    code: "custom",
    message: `Unknown action '${action.type}'.`,
    allow_retry: false,
  };
}

/** The answer to a non-streaming widget action: the updated sender, if any. */
export function widgetSyncAction(
  action: ActionPayload,
  sender: WidgetItem | null,
): WidgetItem | undefined {
  if (action.type === "counter.increment" && sender) {
    return { ...sender, widget: counterCard(readCount(sender.widget) + 1) };
  }
  return undefined;
}
