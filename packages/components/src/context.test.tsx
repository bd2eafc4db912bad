import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { ThreadUIProvider, type ThreadUIProviderProps, useThreadUI } from "./context";
import { loadLocale } from "./i18n/locales";

// Catalogs other than English load on first use; these tests read them from the first render.
beforeAll(() => Promise.all([loadLocale("de"), loadLocale("ar")]));

function translate(options: Omit<ThreadUIProviderProps, "children">) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadUIProvider {...options}>{children}</ThreadUIProvider>
  );
  return renderHook(() => useThreadUI().t, { wrapper }).result.current;
}

describe("useThreadUI().t", () => {
  it("fills placeholders of plain messages", () => {
    const t = translate({ locale: "en" });
    expect(t("toolCall.title", { name: "search" })).toBe("Tool call: search");
  });

  it("picks the English plural form by count", () => {
    const t = translate({ locale: "en" });
    expect(t("workflow.steps", { count: 1 })).toBe("1 step");
    expect(t("workflow.steps", { count: 0 })).toBe("0 steps");
    expect(t("workflow.steps", { count: 2 })).toBe("2 steps");
    expect(t("sources.count", { count: 1 })).toBe("1 source");
    expect(t("sources.count", { count: 7 })).toBe("7 sources");
  });

  it("picks German forms with German rules", () => {
    const t = translate({ locale: "de-CH" });
    expect(t("workflow.steps", { count: 1 })).toBe("1 Schritt");
    expect(t("workflow.steps", { count: 3 })).toBe("3 Schritte");
  });

  it("uses all six Arabic plural categories", () => {
    const t = translate({ locale: "ar" });
    expect(t("workflow.steps", { count: 0 })).toBe("لا خطوات");
    expect(t("workflow.steps", { count: 1 })).toBe("خطوة واحدة");
    expect(t("workflow.steps", { count: 2 })).toBe("خطوتان");
    expect(t("workflow.steps", { count: 5 })).toBe("5 خطوات");
    expect(t("workflow.steps", { count: 11 })).toBe("11 خطوة");
    expect(t("workflow.steps", { count: 100 })).toBe("100 خطوة");
  });

  it("uses overridden forms as a set, falling back to their other form", () => {
    const t = translate({
      locale: "ar",
      messages: { "workflow.steps.one": "step", "workflow.steps.other": "{count} steps (custom)" },
    });
    expect(t("workflow.steps", { count: 1 })).toBe("step");
    // Arabic "two" is not overridden: the override's other form, not the catalog's Arabic.
    expect(t("workflow.steps", { count: 2 })).toBe("2 steps (custom)");
    const fr = translate({
      locale: "fr",
      messages: { "workflow.steps.one": "{count} étape", "workflow.steps.other": "{count} étapes" },
    });
    // French counts 0 as "one" and a million as "many"; the overrides follow French rules.
    expect(fr("workflow.steps", { count: 0 })).toBe("0 étape");
    expect(fr("workflow.steps", { count: 1_000_000 })).toBe("1000000 étapes");
  });

  it("reads the English catalog with English rules for a language without a catalog", () => {
    const t = translate({ locale: "fr" });
    expect(t("workflow.steps", { count: 0 })).toBe("0 steps");
    expect(t("workflow.steps", { count: 1 })).toBe("1 step");
  });

  it("uses the other form without a numeric count and survives an invalid locale", () => {
    expect(translate({ locale: "en" })("workflow.steps")).toBe("{count} steps");
    expect(translate({ locale: "not a locale!" })("workflow.steps", { count: 1 })).toBe("1 step");
  });
});
