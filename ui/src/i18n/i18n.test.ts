import { describe, expect, it } from "vitest";
import { en } from "./en";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatBytes, LOCALES, resolveLocale, setLocale, t, tx } from "./index";

describe("i18n", () => {
  it("fills placeholders and formats numbers for the locale", () => {
    setLocale("en", undefined);
    expect(t("overview.readinessValue", { percent: 50 })).toBe("50% of checkable steps done");
    expect(t("overview.ipCount", { count: 12345 })).toBe("12,345 public IP(s) recorded");
  });

  it("leaves an unknown placeholder visible instead of printing 'undefined'", () => {
    expect(t("overview.readinessValue", {})).toBe("{percent}% of checkable steps done");
  });

  it("follows the system language when asked, falling back to English", () => {
    expect(resolveLocale("system", ["fr-FR", "en-GB"])).toBe("en");
    expect(resolveLocale("system", ["de"])).toBe("en");
    expect(resolveLocale("en", ["fr"])).toBe("en");
  });

  it("every locale has every key and a direction", () => {
    for (const [name, info] of Object.entries(LOCALES)) {
      expect(Object.keys(info.messages).sort(), `locale ${name} keys`).toEqual(Object.keys(en).sort());
      expect(["ltr", "rtl"]).toContain(info.dir);
    }
  });

  it("formats file sizes with the largest fitting unit", () => {
    setLocale("en", undefined);
    expect(formatBytes(15)).toBe("15 bytes");
    expect(formatBytes(2_048)).toBe("2 kB");
    expect(formatBytes(3_400_000)).toBe("3.4 MB");
    expect(formatBytes(200_000_000)).toBe("200 MB");
  });

  it("components show no text of their own: every visible word comes from the catalogue", () => {
    const dir = join(import.meta.dirname, "..");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsx") && !f.includes("bindings"));
    expect(files.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(dir, file), "utf8");
      // Text between JSX tags that has letters in it, outside {expressions}.
      for (const m of source.matchAll(/>([^<>{}();=]*\p{L}[^<>{}();=]*)</gu)) {
        const text = (m[1] ?? "").trim();
        if (text !== "" && !/^[\p{P}\p{S}\s]*$/u.test(text)) leaks.push(`${file}: ${text}`);
      }
      // Attributes people read: labels, titles, placeholders, alt text.
      for (const m of source.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*\p{L}[^"]*)"/gu)) leaks.push(`${file}: ${m[1]}="${m[2]}"`);
    }
    expect(leaks).toEqual([]);
  });

  it("Urdu fills values in isolated, so IPs and numbers keep their order in right-to-left text", () => {
    setLocale("ur", undefined);
    expect(t("connection.watchMatch", { address: "39.32.10.5" })).toBe("\u206839.32.10.5\u2069 وہی IP ہے جو آپ نے درج کیا تھا۔ ٹھیک ہے۔");
    expect(tx({ en: "CNIC, front side", ur: "CNIC، سامنے کا رخ" })).toBe("CNIC، سامنے کا رخ");
    expect(tx({ en: "Only English" })).toBe("Only English");
    setLocale("en", undefined);
    expect(t("connection.watchMatch", { address: "39.32.10.5" })).toBe("39.32.10.5 is the IP you recorded. Good.");
    expect(resolveLocale("system", ["ur-PK", "en-US"])).toBe("ur");
  });

  it("no message is empty", () => {
    for (const [name, info] of Object.entries(LOCALES))
      for (const [key, value] of Object.entries(info.messages)) expect(value.trim(), `${name} ${key}`).not.toBe("");
  });
});
