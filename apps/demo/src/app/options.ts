import type { Entity } from "@threadkit/components";

/**
 * The fixed parts of the demo's `<ChatKit>` options: start-screen icons, the composer's tools and
 * models, and what @-mentions and the `/` menu offer.
 */

export const PROMPT_ICONS = ["circle-question", "map-pin", "book-open", "globe"] as const;
/** What the composer's tools menu offers; the picked one is sent as `inference_options.tool_choice`. */
export const TOOLS = [
  {
    id: "search",
    label: "Search the web",
    shortLabel: "Search",
    icon: "globe",
    placeholderOverride: "Search the web for…",
  },
  { id: "canvas", label: "Write in a canvas", shortLabel: "Canvas", icon: "write" },
];

/** The model picker's models; the picked one is sent as `inference_options.model`. */
export const MODELS = [
  { id: "dev-fast", label: "Fast", description: "Quick answers", default: true },
  { id: "dev-deep", label: "Thorough", description: "Slower, more careful answers" },
];

/** What @-mentions search: a few people and documents. */
const ENTITIES: Entity[] = [
  {
    id: "person_ada",
    title: "Ada Lovelace",
    group: "People",
    icon: "profile",
    interactive: true,
    data: { kind: "person" },
  },
  {
    id: "person_alan",
    title: "Alan Turing",
    group: "People",
    icon: "profile",
    interactive: true,
    data: { kind: "person" },
  },
  {
    id: "person_grace",
    title: "Grace Hopper",
    group: "People",
    icon: "profile",
    interactive: true,
    data: { kind: "person" },
  },
  {
    id: "doc_roadmap",
    title: "Roadmap 2027",
    group: "Documents",
    icon: "document",
    data: { kind: "document" },
  },
  {
    id: "doc_notes",
    title: "Meeting notes",
    group: "Documents",
    icon: "document",
    data: { kind: "document" },
  },
];

export async function searchEntities(query: string): Promise<Entity[]> {
  const needle = query.trim().toLowerCase();
  return ENTITIES.filter((entity) => entity.title.toLowerCase().includes(needle));
}

/** The card shown while a person's tag is hovered or focused. */
export async function previewEntity(entity: Entity) {
  if (entity.data?.kind !== "person") return { preview: null };
  return {
    preview: {
      type: "Basic",
      children: [
        { type: "Text", value: entity.title, weight: "semibold" },
        { type: "Text", value: "Team member · People", color: "secondary", size: "sm" },
      ],
    } as never,
  };
}

/** The `/` menu: a summary request, and a way to mention someone without typing `@`. */
const COMMANDS = [
  {
    id: "summarize",
    label: "Summarize",
    description: "Ask for a summary of this thread",
    icon: "notebook",
  },
  { id: "mention", label: "Mention someone", description: "Pick a person to tag", icon: "profile" },
];

export async function searchCommands(query: string) {
  const needle = query.trim().toLowerCase();
  return COMMANDS.filter((command) => command.label.toLowerCase().includes(needle));
}

export async function selectCommand(command: { id: string }) {
  if (command.id === "mention") {
    return {
      type: "menu" as const,
      commands: ENTITIES.filter((entity) => entity.group === "People").map((entity) => ({
        id: entity.id,
        label: entity.title,
        icon: "profile",
      })),
    };
  }
  if (command.id === "summarize") {
    return {
      type: "entity" as const,
      entity: { id: "cmd_summary", title: "Summary", icon: "notebook", data: { kind: "command" } },
    };
  }
  const person = ENTITIES.find((entity) => entity.id === command.id);
  return person ? { type: "entity" as const, entity: person } : undefined;
}
