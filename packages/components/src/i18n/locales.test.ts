import { LOCALES, loadedCatalog, loadLocale, pickLocale, resolveLocale } from "./locales";
import { directionOf, en, type MessageKey, type Messages } from "./messages";

const PLURAL_SUFFIX = /\.(zero|one|two|few|many|other)$/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const catalogs = new Map<string, Messages>();
beforeAll(async () => {
  for (const locale of LOCALES) catalogs.set(locale, await loadLocale(locale));
});

describe("shipped catalogs", () => {
  it("ship at least 12 languages, right to left included", () => {
    expect(LOCALES.length).toBeGreaterThanOrEqual(12);
    expect(LOCALES.filter((locale) => directionOf(locale) === "rtl")).toEqual(["ar", "he"]);
    expect(new Set(catalogs.values()).size).toBe(LOCALES.length);
  });

  it.each(LOCALES.filter((locale) => locale !== "en"))(
    "%s has every key of en, nothing else, each translated with the same placeholders",
    (locale) => {
      const catalog = catalogs.get(locale) as Record<string, string>;
      const keys = Object.keys(catalog);
      for (const key of Object.keys(en)) expect(keys, `${locale} lacks ${key}`).toContain(key);
      const rules = new Intl.PluralRules(locale);
      const categories = new Set(rules.resolvedOptions().pluralCategories);
      for (const key of keys) {
        const plural = PLURAL_SUFFIX.exec(key);
        const base = plural ? key.slice(0, plural.index) : key;
        if (plural) {
          // Only categories the language has (`.one` is required by the type, even where the
          // rules never pick it), and never a form of a key that does not count.
          if (plural[1] !== "one") expect(categories, `${locale} ${key}`).toContain(plural[1]);
          expect(`${base}.other` in en, `${locale} ${key}`).toBe(true);
        } else expect(key in en, `${locale} has unknown key ${key}`).toBe(true);
        const value = catalog[key] as string;
        expect(value.trim(), `${locale} ${key} is empty`).not.toBe("");
        const english = plural
          ? (en[`${base}.other` as MessageKey] as string)
          : (en[key as MessageKey] as string);
        if (plural) {
          // A form may spell the number out ("مصدر واحد"), but names no other placeholder.
          for (const name of placeholders(value))
            expect(placeholders(english), `${locale} ${key}`).toContain(name);
        } else expect(placeholders(value), `${locale} ${key}`).toEqual(placeholders(english));
      }
      // Every counted message has the forms the language's plural rules pick.
      for (const key of Object.keys(en)) {
        if (!key.endsWith(".other")) continue;
        const base = key.slice(0, -".other".length);
        for (const category of categories) {
          if (category === "zero" || category === "two" || category === "many") continue;
          expect(catalog[`${base}.${category}`] ?? catalog[`${base}.other`]).toBeDefined();
        }
      }
      // Translated, not copied: most strings differ from English.
      const same = Object.keys(en).filter(
        (key) =>
          catalog[key] === en[key as MessageKey] && !/^\{|code\.plain|widget\.label/.test(key),
      );
      expect(same.length, `${locale} keeps English for ${same.join(", ")}`).toBeLessThan(12);
    },
  );
});

describe("resolveLocale", () => {
  it.each([
    ["en-US", "en"],
    ["pt-BR", "pt"],
    ["pt_PT", "pt"],
    ["de-CH", "de"],
    ["FR-ca", "fr"],
    ["zh", "zh-CN"],
    ["zh-CN", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh-Hans-HK", "zh-CN"],
    ["zh-TW", "zh-TW"],
    ["zh-HK", "zh-TW"],
    ["zh-Hant", "zh-TW"],
    ["iw-IL", "he"],
    ["ar-EG", "ar"],
    ["ja-JP", "ja"],
  ])("%s uses %s", (tag, code) => {
    expect(resolveLocale(tag)).toBe(code);
  });

  it("finds nothing for a language without a catalog", () => {
    expect(resolveLocale("sv-SE")).toBeUndefined();
    expect(resolveLocale("not a locale!")).toBeUndefined();
  });
});

describe("pickLocale", () => {
  it("takes the first browser language with a catalog, as the browser wrote it", () => {
    expect(pickLocale(["sv-SE", "pt-BR", "en"])).toBe("pt-BR");
    expect(pickLocale(["zh-TW", "en"])).toBe("zh-TW");
    expect(pickLocale(["sv", "fi"])).toBe("en");
    expect(pickLocale([])).toBe("en");
  });

  it("reads navigator.languages by default", () => {
    const languages = vi.spyOn(navigator, "languages", "get").mockReturnValue(["ko-KR", "en"]);
    try {
      expect(pickLocale()).toBe("ko-KR");
    } finally {
      languages.mockRestore();
    }
  });
});

describe("loadLocale", () => {
  it("gives English for a tag without a catalog and the same object on every load", async () => {
    expect(await loadLocale("sv")).toBe(en);
    expect(await loadLocale("es-MX")).toBe(await loadLocale("es"));
    expect(loadedCatalog("es-419")).toBe(catalogs.get("es"));
  });
});
