// The one i18n layer: every visible string goes through `t`. A locale is a catalogue plus a
// text direction; adding Urdu means adding `ur.ts` and one entry in LOCALES, nothing in
// components (layout uses CSS logical properties and follows <html dir>).
import type { Arg } from "../bindings/Arg";
import type { Message } from "../bindings/Message";
import type { Text } from "../bindings/Text";
import type { VpnClue } from "../bindings/VpnClue";
import { en, type MessageKey, type Messages } from "./en";
import { ur } from "./ur";

export type { MessageKey } from "./en";

export type Locale = "en" | "ur";

interface LocaleInfo {
  messages: Messages;
  dir: "ltr" | "rtl";
  /** BCP 47 tag for Intl and <html lang>. */
  tag: string;
}

export const LOCALES: Record<Locale, LocaleInfo> = {
  en: { messages: en, dir: "ltr", tag: "en" },
  ur: { messages: ur, dir: "rtl", tag: "ur-PK" },
};

let current: Locale = "en";

/** Picks a supported locale from the user's choice, or from the system's languages. */
export function resolveLocale(choice: "system" | Locale, systemLanguages: readonly string[]): Locale {
  if (choice !== "system") return choice;
  for (const lang of systemLanguages) {
    const base = lang.toLowerCase().split("-")[0];
    if (base !== undefined && base in LOCALES) return base as Locale;
  }
  return "en";
}

/** Makes `locale` current and sets the document's language and direction. */
export function setLocale(locale: Locale, doc: Document | undefined = globalThis.document): void {
  current = locale;
  if (doc) {
    doc.documentElement.lang = LOCALES[locale].tag;
    doc.documentElement.dir = LOCALES[locale].dir;
  }
}

export function currentLocale(): Locale {
  return current;
}

/** The message for `key` in the current locale, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = LOCALES[current].messages[key];
  if (!params) return template;
  const rtl = LOCALES[current].dir === "rtl";
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    // In right-to-left text a value (an IP, a number, a date, a name) is isolated, so its own
    // direction is kept and it does not reorder the words around it.
    return rtl ? `\u2068${formatValue(value)}\u2069` : formatValue(value);
  });
}

function formatValue(value: string | number): string {
  return typeof value === "number" ? new Intl.NumberFormat(LOCALES[current].tag).format(value) : value;
}

/** A date (ISO text or milliseconds) in the current locale, e.g. "Nov 23, 2026". */
export function formatDate(when: string | number): string {
  return new Intl.DateTimeFormat(LOCALES[current].tag, { dateStyle: "medium" }).format(new Date(when));
}

/** A date and time in the current locale, e.g. "Nov 23, 2026, 10:00 AM". */
export function formatDateTime(when: string | number): string {
  return new Intl.DateTimeFormat(LOCALES[current].tag, { dateStyle: "medium", timeStyle: "short" }).format(new Date(when));
}

/** A file size in the current locale with the largest fitting unit: "15 bytes", "2 kB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(LOCALES[current].tag, {
    style: "unit",
    unit: units[unit],
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

/** A text from the rules pack in the current language (English where it has no translation). */
export function tx(text: Text): string {
  return current === "ur" && text.ur ? text.ur : text.en;
}

/**
 * A message from the core (a key of the domain catalogue with its values) in the current
 * language. A term among the values is itself worded from the catalogue; a pack text in its
 * language. An unknown key shows as itself rather than as nothing.
 */
export function say(message: Message): string {
  const params: Record<string, string | number> = {};
  for (const [name, arg] of Object.entries(message.params)) params[name] = argText(arg);
  const messages = LOCALES[current].messages as Record<string, string>;
  return messages[message.key] === undefined ? message.key : t(message.key as MessageKey, params);
}

function argText(arg: Arg): string | number {
  if (typeof arg === "string" || typeof arg === "number") return arg;
  if ("key" in arg) return t(arg.key as MessageKey);
  return tx(arg);
}

/** One sign of an active VPN, in the current language. */
export function vpnClue(clue: VpnClue): string {
  if (typeof clue === "string") return clue; // from a check saved before clues had kinds
  if ("client" in clue) return t("vpn.clue.client", { client: clue.client });
  return t("vpn.clue.interface", { interface: clue.interface, tunnel: t(`vpn.tunnel.${clue.tunnel}`) });
}

/** A list in the current language: "a, b and c" / "a، b اور c". */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(LOCALES[current].tag, { type: "conjunction" }).format(items);
}
