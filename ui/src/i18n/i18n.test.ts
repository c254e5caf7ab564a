import { describe, expect, it } from "vitest";
import { en } from "./en";
import { formatBytes, LOCALES, resolveLocale, setLocale, t } from "./index";

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

  it("no message is empty", () => {
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe("");
  });
});
