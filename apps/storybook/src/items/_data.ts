import type {
  AssistantMessageItem,
  ClientToolCallItem,
  GeneratedImageItem,
  StructuredInputItem,
  TaskItem,
  ThreadItem,
  UserMessageItem,
  WorkflowItem,
} from "@threadkit/core";
import { MOUNTAINS_PNG, SUNSET_PNG } from "./_images";

const base = (id: string) => ({ id, thread_id: "thr_demo", created_at: "2026-05-01T10:00:00Z" });

export function user(
  id: string,
  text: string,
  extra: Partial<UserMessageItem> = {},
): UserMessageItem {
  return {
    ...base(id),
    type: "user_message",
    content: [{ type: "input_text", text }],
    attachments: [],
    inference_options: {},
    ...extra,
  };
}

export function assistant(
  id: string,
  text: string,
  annotations: AssistantMessageItem["content"][number]["annotations"] = [],
): AssistantMessageItem {
  return {
    ...base(id),
    type: "assistant_message",
    content: [{ type: "output_text", text, annotations }],
  };
}

export const MARKDOWN_REPLY = `## Packing for a weekend in the Alps

Here is a compact checklist. **Layers** matter more than bulk, and *waterproof* shoes are worth it.

1. Clothing
   - Merino base layer
   - Light fleece and a rain shell
2. Gear
   - Headlamp, power bank
   - Refillable bottle

- [x] Book the hut
- [ ] Check the weather on Friday

| Day | Route | Distance | Climb |
| --- | --- | ---: | ---: |
| Sat | Lake loop | 12 km | 540 m |
| Sun | Ridge trail | 9 km | 820 m |

> Start early: afternoon storms are common in July.

A quick script to convert kilometres to miles, using \`Intl.NumberFormat\`:

\`\`\`ts
export function toMiles(km: number): string {
  const miles = km * 0.621371;
  return new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format(miles);
}
\`\`\`

More on trail safety at [the Alpine Club](https://www.alpenverein.de/) — have a great trip!`;

export const CITED_REPLY =
  "The Eiffel Tower is about 330 m tall since a new antenna was added in 2022. It was completed in 1889 for the World's Fair. Your notes mention a visit in June.";

export const citedAssistant = assistant("a_cited", CITED_REPLY, [
  {
    type: "annotation",
    index: 75,
    source: {
      type: "url",
      url: "https://www.toureiffel.paris/en/the-monument/key-figures",
      title: "Key figures — Eiffel Tower",
      description: "Height, weight, number of steps and other facts about the monument.",
      attribution: "toureiffel.paris",
    },
  },
  {
    type: "annotation",
    index: 122,
    source: {
      type: "url",
      url: "https://en.wikipedia.org/wiki/Eiffel_Tower",
      title: "Eiffel Tower — Wikipedia",
      description: "Wrought-iron lattice tower on the Champ de Mars in Paris.",
    },
  },
  {
    type: "annotation",
    index: 158,
    source: { type: "file", filename: "paris-trip-notes.md", title: "Paris trip notes" },
  },
  {
    type: "annotation",
    index: null,
    source: {
      type: "entity",
      id: "ent_trip",
      title: "Trip: Paris, June",
      label: "Calendar",
      interactive: true,
    },
  },
]);

export const userWithAttachments = user(
  "u_att",
  "Can you compare these two photos and the itinerary?",
  {
    attachments: [
      {
        type: "image",
        id: "att_1",
        name: "sunset.png",
        mime_type: "image/png",
        preview_url: SUNSET_PNG,
      },
      {
        type: "image",
        id: "att_2",
        name: "mountains.png",
        mime_type: "image/png",
        preview_url: MOUNTAINS_PNG,
      },
      { type: "file", id: "att_3", name: "itinerary-2026.pdf", mime_type: "application/pdf" },
    ],
  },
);

export const userRich = user("u_rich", "", {
  content: [
    { type: "input_text", text: "Ask " },
    { type: "input_tag", id: "ent_ana", text: "Ana Lopez", data: {}, interactive: true },
    { type: "input_text", text: " to review this paragraph.\n\nKeep the  spacing   as typed." },
  ],
  quoted_text: "Revenue grew 12% year over year, driven by subscriptions.",
  inference_options: { model: "gpt-5.1", tool_choice: { id: "web_search" } },
});

export function toolCall(
  status: ClientToolCallItem["status"],
  output?: unknown,
): ClientToolCallItem {
  return {
    ...base(`tool_${status}`),
    type: "client_tool_call",
    status,
    call_id: "call_1",
    name: "get_weather",
    arguments: { city: "Zermatt", unit: "celsius", days: 3 },
    ...(output !== undefined ? { output } : {}),
  };
}

export const webSearchTask: TaskItem = {
  ...base("task_web"),
  type: "task",
  task: {
    type: "web_search",
    status_indicator: "complete",
    title: "Searched the web",
    queries: ["zermatt weather july", "matterhorn trail closures"],
    sources: [
      { type: "url", url: "https://www.zermatt.ch/en", title: "Zermatt tourism" },
      { type: "url", url: "https://www.meteoswiss.admin.ch/", title: "MeteoSwiss forecast" },
    ],
  },
};

export function workflow(
  expanded: boolean,
  summary: WorkflowItem["workflow"]["summary"] = { duration: 14 },
  loading = false,
): WorkflowItem {
  return {
    ...base(`wf_${expanded}`),
    type: "workflow",
    workflow: {
      type: "reasoning",
      expanded,
      summary,
      tasks: [
        {
          type: "thought",
          title: "Understanding the request",
          content: "The user wants a two-day route with low exposure and a hut stay.",
          status_indicator: "complete",
        },
        webSearchTask.task,
        {
          type: "file",
          title: "Read trail notes",
          status_indicator: "complete",
          sources: [{ type: "file", filename: "trails.pdf", title: "trails.pdf" }],
        },
        {
          type: "custom",
          title: "Drafting the plan",
          content: "Combining forecast and route data.",
          status_indicator: loading ? "loading" : "complete",
        },
      ],
    },
  };
}

export function image(url: string | null): GeneratedImageItem {
  return {
    ...base(`img_${url ? "done" : "pending"}`),
    type: "generated_image",
    image: url ? { id: "img_1", url } : null,
  };
}

export const GENERATED = SUNSET_PNG;

export function structured(status: StructuredInputItem["status"]): StructuredInputItem {
  const answered = status === "answered";
  return {
    ...base(`si_${status}`),
    type: "structured_input",
    status,
    inputs: [
      {
        type: "multiple_choice",
        id: "pace",
        question: "What pace do you prefer?",
        options: [{ value: "Relaxed" }, { value: "Moderate" }, { value: "Fast" }],
        answer: answered ? { values: ["Moderate"], skipped: false } : null,
      },
      {
        type: "freeform",
        id: "notes",
        question: "Anything else I should know?",
        description: "Allergies, fear of heights, gear you already own…",
        answer: answered
          ? { values: ["No fear of heights, but bad knees."], skipped: false }
          : null,
      },
    ],
  };
}

/** A realistic conversation covering most item types. */
export const conversation: ThreadItem[] = [
  user("c1", "Plan a two-day hike near Zermatt for early July."),
  workflow(false),
  assistant("c3", MARKDOWN_REPLY),
  { ...base("c4"), type: "end_of_turn" },
  userWithAttachments,
  toolCall("completed", { forecast: ["sunny", "cloudy", "storms after 3pm"] }),
  citedAssistant,
  { ...base("c8"), type: "end_of_turn" },
];

/** `count` alternating user/assistant items of varying length. */
export function longThread(count: number, prefix = "m"): ThreadItem[] {
  const items: ThreadItem[] = [];
  for (let i = 0; i < count; i++) {
    items.push(
      i % 2 === 0
        ? user(
            `${prefix}${i}`,
            `Question ${i + 1}: what about option ${String.fromCharCode(65 + (i % 26))}?`,
          )
        : assistant(
            `${prefix}${i}`,
            i % 6 === 1
              ? `Answer ${i + 1}.\n\n- first point\n- second point with **bold** text\n\n\`\`\`js\nconsole.log(${i});\n\`\`\``
              : `Answer ${i + 1}: ${"This is a longer paragraph that wraps across lines. ".repeat(1 + (i % 4))}`,
          ),
    );
  }
  return items;
}
