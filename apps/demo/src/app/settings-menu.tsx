import { useId } from "react";
import { LOCALES, useMessages } from "../lib/i18n";
import {
  ACCENTS,
  type BackendKind,
  type DemoSettings,
  type DensityOption,
  type RadiusOption,
  updateSettings,
} from "../lib/settings";
import { CheckIcon, MonitorIcon, MoonIcon, SlidersIcon, SunIcon } from "./icons";

const BACKENDS: BackendKind[] = ["chatkit", "assistants", "rest"];
const RADII: RadiusOption[] = ["pill", "round", "soft", "sharp"];
const DENSITIES: DensityOption[] = ["compact", "normal", "spacious"];

/** The appearance popover: color scheme and the ChatKit theme options fed to `createTheme`. */
export function SettingsMenu({ settings }: { settings: DemoSettings }) {
  const t = useMessages();
  const id = useId();
  const popoverId = `${id}-appearance`;
  return (
    <>
      <button
        type="button"
        className="demo-icon-button"
        popoverTarget={popoverId}
        aria-label={t.appearance}
        title={t.appearance}
        data-testid="appearance-button"
      >
        <SlidersIcon />
      </button>
      <div
        id={popoverId}
        popover="auto"
        className="demo-popover"
        role="dialog"
        aria-label={t.appearance}
      >
        <p className="demo-popover-title">{t.settings}</p>
        <fieldset className="demo-field demo-field-narrow">
          <legend>{t.backend}</legend>
          <div className="demo-segmented" role="radiogroup" aria-label={t.backend}>
            {BACKENDS.map((value) => (
              // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, ARIA radio pattern
              <button
                key={value}
                type="button"
                role="radio"
                aria-checked={settings.backend === value}
                data-active={settings.backend === value ? "" : undefined}
                onClick={() => updateSettings({ backend: value })}
              >
                {t.backends[value]}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="demo-field demo-field-narrow">
          <legend>{t.language}</legend>
          <select
            className="demo-field-select"
            value={settings.locale}
            aria-label={t.language}
            onChange={(event) => updateSettings({ locale: event.currentTarget.value })}
          >
            {LOCALES.map((locale) => (
              <option key={locale.code} value={locale.code}>
                {locale.name}
              </option>
            ))}
          </select>
        </fieldset>
        <fieldset className="demo-field">
          <legend>{t.appearance}</legend>
          <div className="demo-segmented" role="radiogroup" aria-label={t.appearance}>
            {(
              [
                ["light", t.light, SunIcon],
                ["dark", t.dark, MoonIcon],
                ["system", t.system, MonitorIcon],
              ] as const
            ).map(([value, label, Glyph]) => (
              // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, ARIA radio pattern
              <button
                key={value}
                type="button"
                role="radio"
                aria-checked={settings.colorScheme === value}
                data-active={settings.colorScheme === value ? "" : undefined}
                onClick={() => updateSettings({ colorScheme: value })}
              >
                <Glyph width={15} height={15} />
                {label}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="demo-field">
          <legend>{t.accent}</legend>
          <div className="demo-swatches">
            {ACCENTS.map((accent) => (
              <button
                key={accent}
                type="button"
                className="demo-swatch"
                style={{ background: accent }}
                aria-label={accent}
                aria-pressed={settings.accent === accent}
                onClick={() => updateSettings({ accent })}
              >
                {settings.accent === accent ? <CheckIcon width={14} height={14} /> : null}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="demo-field">
          <legend>{t.radius}</legend>
          <div className="demo-segmented" role="radiogroup" aria-label={t.radius}>
            {RADII.map((value) => (
              // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, ARIA radio pattern
              <button
                key={value}
                type="button"
                role="radio"
                aria-checked={settings.radius === value}
                data-active={settings.radius === value ? "" : undefined}
                onClick={() => updateSettings({ radius: value })}
              >
                {t.radiusOptions[value]}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="demo-field">
          <legend>{t.density}</legend>
          <div className="demo-segmented" role="radiogroup" aria-label={t.density}>
            {DENSITIES.map((value) => (
              // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, ARIA radio pattern
              <button
                key={value}
                type="button"
                role="radio"
                aria-checked={settings.density === value}
                data-active={settings.density === value ? "" : undefined}
                onClick={() => updateSettings({ density: value })}
              >
                {t.densityOptions[value]}
              </button>
            ))}
          </div>
        </fieldset>
      </div>
    </>
  );
}
