import { createContext, useContext } from "react";

/** Every string the demo's own chrome shows. Thread content comes from the server as is. */
export interface Messages {
  newChat: string;
  history: string;
  emptyHistory: string;
  settings: string;
  appearance: string;
  light: string;
  dark: string;
  system: string;
  accent: string;
  radius: string;
  radiusOptions: Record<"pill" | "round" | "soft" | "sharp", string>;
  density: string;
  densityOptions: Record<"compact" | "normal" | "spacious", string>;
  language: string;
  backend: string;
  backends: Record<"chatkit" | "assistants" | "rest", string>;
  backendHints: Record<"chatkit" | "assistants" | "rest", string>;
  greeting: string;
  greetingSubtitle: string;
  /** Labels of the start screen's suggestions, in {@link STARTER_PROMPTS} order. */
  promptLabels: [string, string, string, string];
  placeholder: string;
  readOnly: string;
  openSidebar: string;
  closeSidebar: string;
  offline: (url: string) => string;
  untitled: string;
  disclaimer: string;
  toggleTheme: string;
}

const en: Messages = {
  newChat: "New chat",
  history: "History",
  emptyHistory: "Your conversations will appear here.",
  settings: "Settings",
  appearance: "Appearance",
  light: "Light",
  dark: "Dark",
  system: "System",
  accent: "Accent",
  radius: "Corners",
  radiusOptions: { pill: "Pill", round: "Round", soft: "Soft", sharp: "Sharp" },
  density: "Density",
  densityOptions: { compact: "Compact", normal: "Normal", spacious: "Spacious" },
  language: "Language",
  backend: "Backend",
  backends: { chatkit: "ChatKit", assistants: "Assistants", rest: "Hosted REST" },
  backendHints: {
    chatkit: "Self-hosted ChatKit protocol with streaming",
    assistants: "Assistants threads and runs",
    rest: "Read hosted ChatKit threads",
  },
  greeting: "What can I help with today?",
  greetingSubtitle: "Everything here runs against your local dev server — no API key, no network.",
  promptLabels: [
    "Show me what you can do",
    "Research a weekend in Lisbon",
    "Book dinner for two",
    "What's the weather in Oslo?",
  ],
  placeholder: "Message the assistant",
  readOnly: "Hosted REST threads are read-only here.",
  openSidebar: "Open sidebar",
  closeSidebar: "Close sidebar",
  offline: (url) => `Can't reach the server at ${url}. Start it with \`pnpm dev\`.`,
  untitled: "New conversation",
  disclaimer: "Replies come from a scripted assistant on your machine.",
  toggleTheme: "Toggle color scheme",
};

const fr: Messages = {
  ...en,
  newChat: "Nouvelle discussion",
  history: "Historique",
  emptyHistory: "Vos conversations apparaîtront ici.",
  settings: "Réglages",
  appearance: "Apparence",
  light: "Clair",
  dark: "Sombre",
  system: "Système",
  accent: "Accent",
  radius: "Coins",
  radiusOptions: { pill: "Pilule", round: "Arrondis", soft: "Doux", sharp: "Nets" },
  density: "Densité",
  densityOptions: { compact: "Compacte", normal: "Normale", spacious: "Aérée" },
  language: "Langue",
  backend: "Serveur",
  backends: { chatkit: "ChatKit", assistants: "Assistants", rest: "REST hébergé" },
  backendHints: {
    chatkit: "Protocole ChatKit auto-hébergé, en streaming",
    assistants: "Fils et exécutions Assistants",
    rest: "Lire les fils ChatKit hébergés",
  },
  greeting: "Comment puis-je vous aider aujourd’hui ?",
  greetingSubtitle: "Tout tourne sur votre serveur local — sans clé d’API ni réseau.",
  promptLabels: [
    "Montre-moi ce que tu sais faire",
    "Préparer un week-end à Lisbonne",
    "Réserver un dîner pour deux",
    "Quel temps fait-il à Oslo ?",
  ],
  placeholder: "Écrire à l’assistant",
  readOnly: "Les fils REST hébergés sont ici en lecture seule.",
  openSidebar: "Ouvrir le panneau",
  closeSidebar: "Fermer le panneau",
  offline: (url) => `Serveur injoignable à ${url}. Lancez-le avec \`pnpm dev\`.`,
  untitled: "Nouvelle conversation",
  disclaimer: "Les réponses viennent d’un assistant scripté sur votre machine.",
  toggleTheme: "Changer de thème",
};

const de: Messages = {
  ...en,
  newChat: "Neuer Chat",
  history: "Verlauf",
  emptyHistory: "Hier erscheinen deine Unterhaltungen.",
  settings: "Einstellungen",
  appearance: "Darstellung",
  light: "Hell",
  dark: "Dunkel",
  system: "System",
  accent: "Akzent",
  radius: "Ecken",
  radiusOptions: { pill: "Pille", round: "Rund", soft: "Weich", sharp: "Scharf" },
  density: "Dichte",
  densityOptions: { compact: "Kompakt", normal: "Normal", spacious: "Luftig" },
  language: "Sprache",
  backend: "Backend",
  backends: { chatkit: "ChatKit", assistants: "Assistants", rest: "Hosted REST" },
  backendHints: {
    chatkit: "Selbst gehostetes ChatKit-Protokoll mit Streaming",
    assistants: "Assistants-Threads und -Runs",
    rest: "Gehostete ChatKit-Threads lesen",
  },
  greeting: "Wobei kann ich heute helfen?",
  greetingSubtitle: "Alles läuft gegen deinen lokalen Dev-Server — ohne API-Schlüssel, ohne Netz.",
  promptLabels: [
    "Zeig mir, was du kannst",
    "Ein Wochenende in Lissabon planen",
    "Abendessen für zwei buchen",
    "Wie ist das Wetter in Oslo?",
  ],
  placeholder: "Nachricht an den Assistenten",
  readOnly: "Gehostete REST-Threads sind hier schreibgeschützt.",
  openSidebar: "Seitenleiste öffnen",
  closeSidebar: "Seitenleiste schließen",
  offline: (url) => `Server unter ${url} nicht erreichbar. Starte ihn mit \`pnpm dev\`.`,
  untitled: "Neue Unterhaltung",
  disclaimer: "Antworten stammen von einem geskripteten Assistenten auf deinem Rechner.",
  toggleTheme: "Farbschema wechseln",
};

const ja: Messages = {
  ...en,
  newChat: "新しいチャット",
  history: "履歴",
  emptyHistory: "会話はここに表示されます。",
  settings: "設定",
  appearance: "外観",
  light: "ライト",
  dark: "ダーク",
  system: "システム",
  accent: "アクセント",
  radius: "角の丸み",
  radiusOptions: { pill: "ピル", round: "丸め", soft: "ソフト", sharp: "シャープ" },
  density: "密度",
  densityOptions: { compact: "コンパクト", normal: "標準", spacious: "ゆったり" },
  language: "言語",
  backend: "バックエンド",
  backends: { chatkit: "ChatKit", assistants: "Assistants", rest: "ホスト型 REST" },
  backendHints: {
    chatkit: "セルフホストの ChatKit プロトコル（ストリーミング）",
    assistants: "Assistants のスレッドと実行",
    rest: "ホスト型 ChatKit スレッドを読む",
  },
  greeting: "今日は何をお手伝いしましょうか？",
  greetingSubtitle: "すべてローカルの開発サーバーで動作します。API キーもネットワークも不要です。",
  promptLabels: [
    "できることを見せて",
    "リスボンの週末を調べる",
    "2名でディナーを予約",
    "オスロの天気は？",
  ],
  placeholder: "アシスタントにメッセージ",
  readOnly: "ホスト型 REST のスレッドは読み取り専用です。",
  openSidebar: "サイドバーを開く",
  closeSidebar: "サイドバーを閉じる",
  offline: (url) => `${url} のサーバーに接続できません。\`pnpm dev\` で起動してください。`,
  untitled: "新しい会話",
  disclaimer: "返信はこのマシン上のスクリプト化されたアシスタントによるものです。",
  toggleTheme: "配色を切り替え",
};

const ar: Messages = {
  ...en,
  newChat: "محادثة جديدة",
  history: "السجل",
  emptyHistory: "ستظهر محادثاتك هنا.",
  settings: "الإعدادات",
  appearance: "المظهر",
  light: "فاتح",
  dark: "داكن",
  system: "النظام",
  accent: "اللون المميز",
  radius: "الزوايا",
  radiusOptions: { pill: "كبسولة", round: "مستديرة", soft: "ناعمة", sharp: "حادة" },
  density: "الكثافة",
  densityOptions: { compact: "مضغوطة", normal: "عادية", spacious: "واسعة" },
  language: "اللغة",
  backend: "الخادم",
  backends: { chatkit: "ChatKit", assistants: "Assistants", rest: "REST المستضاف" },
  backendHints: {
    chatkit: "بروتوكول ChatKit ذاتي الاستضافة مع البث",
    assistants: "سلاسل Assistants وعمليات التشغيل",
    rest: "قراءة سلاسل ChatKit المستضافة",
  },
  greeting: "كيف يمكنني مساعدتك اليوم؟",
  greetingSubtitle: "كل شيء يعمل على خادم التطوير المحلي — بلا مفتاح API وبلا شبكة.",
  promptLabels: [
    "أرني ما يمكنك فعله",
    "ابحث عن عطلة في لشبونة",
    "احجز عشاء لشخصين",
    "كيف الطقس في أوسلو؟",
  ],
  placeholder: "اكتب رسالة إلى المساعد",
  readOnly: "سلاسل REST المستضافة للقراءة فقط هنا.",
  openSidebar: "فتح الشريط الجانبي",
  closeSidebar: "إغلاق الشريط الجانبي",
  offline: (url) => `تعذر الوصول إلى الخادم على ${url}. شغّله بالأمر \`pnpm dev\`.`,
  untitled: "محادثة جديدة",
  disclaimer: "الردود من مساعد مبرمج مسبقًا على جهازك.",
  toggleTheme: "تبديل نظام الألوان",
};

/**
 * What the start screen's suggestions send. The dev server's scripted assistant answers English
 * keywords (\`help\`, \`research\`, \`book\`, \`weather\`), so the text stays English in every locale.
 */
export const STARTER_PROMPTS = [
  "help",
  "Research a weekend in Lisbon",
  "Book dinner for two",
  "What is the weather in Oslo?",
] as const;

/** The locales the demo ships, with their native names and text direction. */
export const LOCALES = [
  { code: "en", name: "English", dir: "ltr", messages: en },
  { code: "fr", name: "Français", dir: "ltr", messages: fr },
  { code: "de", name: "Deutsch", dir: "ltr", messages: de },
  { code: "ja", name: "日本語", dir: "ltr", messages: ja },
  { code: "ar", name: "العربية", dir: "rtl", messages: ar },
] as const;

/** A shipped locale's entry. */
export type LocaleEntry = (typeof LOCALES)[number];

/** The shipped locale for a code, falling back to English. */
export function resolveLocale(code: string): LocaleEntry {
  return LOCALES.find((l) => l.code === code) ?? LOCALES[0];
}

/** The current locale's messages. */
export const MessagesContext = createContext<Messages>(en);

/** The current locale's messages. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
