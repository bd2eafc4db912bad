import { ChatKit, type Entity, type UseChatKitOptions, useChatKit } from "@threadkit/components";
import { useEffect, useMemo, useState } from "react";
import { createClients } from "../app/chat-backend";
import { clientTools } from "../lib/client-tools";
import { resolveLocale, STARTER_PROMPTS } from "../lib/i18n";
import { assistantFileUrl, resolveIdleTimeoutMs, resolveServer } from "../lib/server";
import { useResolvedColorScheme, useSettings } from "../lib/settings";
import { useDemoAssistant } from "../lib/use-demo-assistant";

const PROMPT_ICONS = ["circle-question", "map-pin", "book-open", "globe"] as const;
/** What the composer's tools menu offers; the picked one is sent as `inference_options.tool_choice`. */
const TOOLS = [
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
const MODELS = [
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

async function searchEntities(query: string): Promise<Entity[]> {
  const needle = query.trim().toLowerCase();
  return ENTITIES.filter((entity) => entity.title.toLowerCase().includes(needle));
}

/** The card shown while a person's tag is hovered or focused. */
async function previewEntity(entity: Entity) {
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

async function searchCommands(query: string) {
  const needle = query.trim().toLowerCase();
  return COMMANDS.filter((command) => command.label.toLowerCase().includes(needle));
}

async function selectCommand(command: { id: string }) {
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

const threadFromHash = () => /^#\/t\/([^/?#]+)/.exec(globalThis.location?.hash ?? "")?.[1] ?? null;

/**
 * The demo on `<ChatKit>`: one options object, written as for `@openai/chatkit-react`. The backend,
 * appearance and language come from the demo's settings (changed on the main page): the ChatKit
 * protocol, hosted REST (read-only) or Assistants, through threadkit's `api: { clients }`. Only
 * the toast (deeplinks, opened tags) is the demo's own.
 */
export function ChatKitPage() {
  const settings = useSettings();
  const scheme = useResolvedColorScheme(settings.colorScheme);
  const locale = resolveLocale(settings.locale);
  const t = locale.messages;
  const [server] = useState(resolveServer);
  const [initialThread] = useState(threadFromHash);
  const [toast, setToast] = useState<string | null>(null);
  const [idleTimeoutMs] = useState(resolveIdleTimeoutMs);
  const { backend } = settings;
  const clients = useMemo(() => createClients(server, backend), [server, backend]);
  const assistants = backend === "assistants";
  const { assistantId } = useDemoAssistant(
    assistants ? clients.assistants : undefined,
    server.origin,
  );
  const fileUrl = (fileId: string) => assistantFileUrl(server, fileId);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = locale.code;
    root.dir = locale.dir;
    root.dataset.scheme = scheme;
  }, [locale, scheme]);

  const options: UseChatKitOptions = {
    api: {
      clients,
      // The Assistants composer waits for the demo's assistant (read-only until it exists).
      ...(assistants && assistantId ? { assistant: { assistantId, fileUrl } } : {}),
      assistantFileUrl: fileUrl,
      ...(idleTimeoutMs !== undefined ? { streamIdleTimeoutMs: idleTimeoutMs } : {}),
      readOnlyReason: t.readOnly,
    },
    locale: locale.code,
    initialThread,
    theme: {
      colorScheme: scheme,
      radius: settings.radius,
      density: settings.density,
      color: { accent: { primary: settings.accent, level: 1 } },
    },
    // The Assistants API cannot list threads.
    history: { enabled: !assistants, showDelete: true, showRename: true },
    thread: { autoScroll: true },
    startScreen: {
      greeting: t.greeting,
      prompts: STARTER_PROMPTS.map((prompt, index) => ({
        label: t.promptLabels[index as 0 | 1 | 2 | 3],
        prompt,
        icon: PROMPT_ICONS[index as 0 | 1 | 2 | 3],
      })),
    },
    composer: {
      placeholder: t.placeholder,
      attachments: { enabled: backend === "chatkit", maxCount: 4, maxSize: 10 * 1024 * 1024 },
      tools: TOOLS,
      models: MODELS,
      dictation: { enabled: true },
    },
    entities: {
      onTagSearch: searchEntities,
      showComposerMenu: true,
      onRequestPreview: previewEntity,
      onClick: (entity) => setToast(`Opened ${entity.title}`),
    },
    commands: { enabled: true, onSearch: searchCommands, onSelect: selectCommand },
    disclaimer: { text: t.disclaimer },
    threadItemActions: { feedback: true, retry: true },
    onClientTool: async ({ name, params }) => {
      const tool = clientTools[name];
      if (!tool) throw new Error(`No client tool named ${name}`);
      const threadId = threadFromHash() ?? "";
      return (await tool(params as never, { name, callId: "", threadId, itemId: "" })) as Record<
        string,
        unknown
      >;
    },
    onThreadChange: ({ threadId }) => {
      history.replaceState(null, "", threadId ? `#/t/${threadId}` : "#/");
    },
    onDeeplink: ({ name }) => setToast(`chatkit-link://${name}`),
  };
  const chatkit = useChatKit(options);

  return (
    <div className="demo-chatkit" data-tk-theme={scheme}>
      <ChatKit key={backend} control={chatkit.control} className="demo-chatkit-frame" />
      {toast ? (
        <button type="button" className="demo-chatkit-toast" onClick={() => setToast(null)}>
          <output>{toast}</output>
        </button>
      ) : null}
    </div>
  );
}
