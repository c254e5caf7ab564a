// Every page in English and Urdu, light and dark, checked by axe-core in headless Chromium:
// no serious or critical violation. In Urdu the page is right to left, in the shipped font,
// and nothing overflows at 800×600; screenshots of each in artifacts/ui/.
import AxeBuilder from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { artifact, servedApp } from "./harness";

const app = servedApp();
const SECTIONS = ["overview", "connection", "eligibility", "documents", "application", "credentials", "settings"] as const;

for (const language of ["en", "ur"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    describe(`${language}, ${scheme}`, () => {
      it("every page passes axe-core with no serious or critical violation", async () => {
        const { page, errors } = await app.open("", { language }, { width: 1100, height: 760 }, scheme);
        await page.fill('input[name="name"]', language === "ur" ? "عائشہ خان" : "Ayesha Khan");
        await page.click('[data-testid="profile-create"] button[type="submit"]');
        await page.waitForSelector('[data-testid="readiness"]');
        expect(await page.getAttribute("html", "dir")).toBe(language === "ur" ? "rtl" : "ltr");
        const found: string[] = [];
        for (const section of SECTIONS) {
          await page.click(`nav a[data-section="${section}"]`);
          await page.waitForFunction((s) => document.querySelector(`nav a[data-section="${s}"]`)?.getAttribute("aria-current") === "page", section);
          await page.waitForSelector("main h1");
          await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
          const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
          expect(result.passes.length, `axe checked ${section}`).toBeGreaterThan(10);
          for (const v of result.violations.filter((x) => x.impact === "serious" || x.impact === "critical"))
            found.push(`${section}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
        }
        expect(found).toEqual([]);
        expect(errors).toEqual([]);
      }, 60_000);
    });
  }
}

describe("Urdu", () => {
  it("mirrors the layout, uses the shipped Naskh font and fits 800×600 on every page", async () => {
    const { page, errors } = await app.open("", { language: "ur" }, { width: 800, height: 600 });
    await page.fill('input[name="name"]', "انڈس سافٹ (پرائیویٹ) لمیٹڈ، ہیڈ آفس لاہور");
    await page.click('[data-testid="profile-create"] button[type="submit"]');
    await page.waitForSelector('[data-testid="readiness"]');
    expect(await page.getAttribute("html", "lang")).toBe("ur-PK");
    // The navigation sits on the right in right-to-left layout.
    const nav = await page.locator("nav").boundingBox();
    const main = await page.locator("main").boundingBox();
    expect(nav && main && nav.x > main.x).toBe(true);
    for (const section of SECTIONS) {
      await page.click(`nav a[data-section="${section}"]`);
      await page.waitForSelector("main h1");
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${section} at 800x600`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifact(`urdu-${section}.png`) });
    }
    const fontReady = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Noto Naskh Arabic"', "اردو");
    });
    expect(fontReady, "the Naskh font is loaded from the app, not the system").toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("Noto Naskh Arabic");
    expect(errors).toEqual([]);
  });

  it("the language can be switched on the first page and in Settings, and the choice is saved", async () => {
    const { page, errors } = await app.open("", { language: "system" });
    await page.click('.language-choice button[lang="ur"]');
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await page.innerText("main h1")).toBe("خلاصہ");
    await page.click('nav a[data-section="settings"]');
    await page.selectOption('select[name="language"]', "en");
    await page.waitForFunction(() => document.documentElement.dir === "ltr");
    expect(await page.innerText("main h1")).toBe("Settings");
    expect(errors).toEqual([]);
  });
});
