import { useThreads } from "@threadkit/hooks";
import { LOCALES, useMessages } from "../lib/i18n";
import type { ServerEndpoints } from "../lib/server";
import { type BackendKind, type DemoSettings, updateSettings } from "../lib/settings";
import { GlobeIcon, MoonIcon, SunIcon } from "./icons";
import { SettingsMenu } from "./settings-menu";

const BACKENDS: BackendKind[] = ["chatkit", "assistants", "rest"];

interface DemoControlsProps {
  settings: DemoSettings;
  scheme: "light" | "dark";
  server: ServerEndpoints;
}

/**
 * What only the demo needs, in `<ChatKit>`'s header (`header.trailing`): the server's status,
 * the backend switch, the language, the color scheme and the appearance settings.
 */
export function DemoControls({ settings, scheme, server }: DemoControlsProps) {
  const t = useMessages();
  const { backend } = settings;
  // Inside the chat's provider: the history's own query tells whether the server answers.
  const threads = useThreads({ pageSize: 30, enabled: backend !== "assistants" });
  const status =
    backend === "assistants" || threads.status === "success"
      ? "online"
      : threads.status === "error"
        ? "offline"
        : "pending";
  return (
    <div className="demo-controls">
      <span
        className="demo-status-dot"
        data-status={status}
        role="img"
        aria-label={status === "offline" ? t.offline(server.origin) : server.origin}
        title={status === "offline" ? t.offline(server.origin) : server.origin}
      />
      <div className="demo-backend" role="radiogroup" aria-label={t.backend}>
        {BACKENDS.map((value) => (
          // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, ARIA radio pattern
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={backend === value}
            data-active={backend === value ? "" : undefined}
            title={t.backendHints[value]}
            onClick={() => updateSettings({ backend: value })}
            data-testid={`backend-${value}`}
          >
            {t.backends[value]}
          </button>
        ))}
      </div>
      <label className="demo-select demo-header-locale" title={t.language}>
        <GlobeIcon width={16} height={16} />
        <span className="demo-visually-hidden">{t.language}</span>
        <select
          value={settings.locale}
          onChange={(event) => updateSettings({ locale: event.currentTarget.value })}
          data-testid="locale-select"
        >
          {LOCALES.map((locale) => (
            <option key={locale.code} value={locale.code}>
              {locale.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="demo-icon-button"
        onClick={() => updateSettings({ colorScheme: scheme === "dark" ? "light" : "dark" })}
        aria-label={t.toggleTheme}
        title={t.toggleTheme}
        data-testid="theme-toggle"
      >
        {scheme === "dark" ? <SunIcon /> : <MoonIcon />}
      </button>
      <SettingsMenu settings={settings} />
    </div>
  );
}
