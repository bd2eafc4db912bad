import { LOCALES, useMessages } from "../lib/i18n";
import { type BackendKind, type DemoSettings, updateSettings } from "../lib/settings";
import { GlobeIcon, MoonIcon, PanelLeftIcon, SunIcon } from "./icons";
import { SettingsMenu } from "./settings-menu";

const BACKENDS: BackendKind[] = ["chatkit", "assistants", "rest"];

interface HeaderProps {
  title: string;
  settings: DemoSettings;
  scheme: "light" | "dark";
  sidebarOpen: boolean;
  onToggleSidebar: () => void;
}

/** The top bar: sidebar toggle, thread title, backend switch, language and appearance. */
export function Header({ title, settings, scheme, sidebarOpen, onToggleSidebar }: HeaderProps) {
  const t = useMessages();
  return (
    <header className="demo-header">
      <button
        type="button"
        className="demo-icon-button demo-header-sidebar"
        onClick={onToggleSidebar}
        aria-label={sidebarOpen ? t.closeSidebar : t.openSidebar}
        aria-expanded={sidebarOpen}
        aria-controls="demo-sidebar"
        title={sidebarOpen ? t.closeSidebar : t.openSidebar}
      >
        <PanelLeftIcon />
      </button>
      <h1 className="demo-header-title" data-testid="thread-title">
        {title}
      </h1>
      <div className="demo-header-actions">
        <div className="demo-backend" role="radiogroup" aria-label={t.backend}>
          {BACKENDS.map((backend) => (
            // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, ARIA radio pattern
            <button
              key={backend}
              type="button"
              role="radio"
              aria-checked={settings.backend === backend}
              data-active={settings.backend === backend ? "" : undefined}
              title={t.backendHints[backend]}
              onClick={() => updateSettings({ backend })}
              data-testid={`backend-${backend}`}
            >
              {t.backends[backend]}
            </button>
          ))}
        </div>
        <label className="demo-select demo-backend-compact" title={t.backend}>
          <span className="demo-visually-hidden">{t.backend}</span>
          <select
            value={settings.backend}
            onChange={(event) =>
              updateSettings({ backend: event.currentTarget.value as BackendKind })
            }
          >
            {BACKENDS.map((backend) => (
              <option key={backend} value={backend}>
                {t.backends[backend]}
              </option>
            ))}
          </select>
        </label>
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
    </header>
  );
}
