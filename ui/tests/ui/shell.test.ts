// The app shell in headless Chromium: every section, errors as words, keyboard, themes, small windows.
import { describe, expect, it } from "vitest";
import { artifact, servedApp } from "./harness";

const SECTIONS = [
  ["overview", "Overview"],
  ["connection", "Connection"],
  ["eligibility", "Eligibility"],
  ["documents", "Documents"],
  ["application", "Application"],
  ["credentials", "Credentials"],
  ["settings", "Settings"],
] as const;

const app = servedApp();

describe("sections", () => {
  it("every section opens from the navigation with its own heading and no page errors", async () => {
    const { page, errors } = await app.open();
    for (const [id, title] of SECTIONS) {
      await page.click(`nav a[data-section="${id}"]`);
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent === t, title);
      expect(await page.getAttribute(`nav a[data-section="${id}"]`, "aria-current")).toBe("page");
      const text = await page.innerText("main");
      expect(text, `${id} shows real words`).not.toMatch(/\[object Object\]|undefined|lorem/i);
      await page.screenshot({ path: artifact(`section-${id}.png`) });
    }
    expect(errors).toEqual([]);
  });
});

describe("profile", () => {
  it("a blank name is refused next to the field, then a profile is created and readiness moves", async () => {
    const { page, errors } = await app.open();
    await page.waitForSelector('[data-testid="profile-create"]');
    await page.fill('input[name="name"]', "   ");
    await page.click('[data-testid="profile-create"] button[type="submit"]');
    const error = page.locator(".field-error");
    await error.waitFor();
    expect(await error.innerText()).toBe("The name is required");
    expect(await page.getAttribute('input[name="name"]', "aria-invalid")).toBe("true");

    await page.fill('input[name="name"]', "Ayesha Khan");
    await page.click('[data-testid="profile-create"] button[type="submit"]');
    await page.waitForSelector('[data-testid="readiness"]');
    expect(await page.innerText('[data-testid="readiness"]')).toBe("16% of checkable steps done");
    expect(await page.innerText("main")).toContain("Ayesha Khan");
    expect(errors).toEqual([]);
  });

  it("a private IP is refused with the reason; a public one completes the counted steps", async () => {
    const { page } = await app.open();
    await page.fill('input[name="name"]', "Bilal");
    await page.click('[data-testid="profile-create"] button[type="submit"]');
    await page.waitForSelector('[data-testid="readiness"]');
    await page.click('nav a[data-section="settings"]');
    await page.waitForSelector('input[name="ipAddress"]');
    await page.fill('input[name="ipAddress"]', "192.168.1.10");
    await page.click('form:has(input[name="ipAddress"]) button[type="submit"]');
    await page.locator(".field-error").waitFor();
    expect(await page.innerText(".field-error")).toContain("private");

    await page.fill('input[name="ipAddress"]', "39.32.10.5");
    await page.click('form:has(input[name="ipAddress"]) button[type="submit"]');
    await page.waitForSelector('text=39.32.10.5');
    await page.click('nav a[data-section="overview"]');
    await page.waitForSelector('[data-testid="readiness"]');
    expect(await page.innerText('[data-testid="readiness"]')).toBe("33% of checkable steps done");
  });
});

describe("errors", () => {
  it("a broken data store shows a readable banner, not a crash", async () => {
    const { page, errors } = await app.open("", { storageError: "The data folder /x cannot be used: permission denied" });
    const alert = page.locator('[role="alert"]');
    await alert.first().waitFor();
    const text = await alert.first().innerText();
    expect(text).toContain("Your data folder cannot be used");
    expect(text).toContain("permission denied");
    expect(errors).toEqual([]);
  });

  it("an unexpected rejection shape is shown as words", async () => {
    const { page } = await app.open("", { rawRejection: { reason: 42 } });
    await page.locator('[role="alert"]').first().waitFor();
    const text = await page.innerText('[role="alert"]');
    expect(text).toContain('An unexpected error occurred: {"reason":42}');
    expect(text).not.toContain("[object Object]");
  });
});

describe("access and layout", () => {
  it("the keyboard reaches the skip link first, then the sections, and Enter opens one", async () => {
    const { page } = await app.open();
    await page.waitForSelector("main h1");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-section"))).toBe("overview");
    for (let i = 0; i < 6; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-section"))).toBe("settings");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Settings");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  });

  it("follows a dark system theme, and the setting can pin light", async () => {
    const { page } = await app.open("", {}, undefined, "dark");
    await page.waitForSelector("main h1");
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe("rgb(11, 18, 21)");
    await page.screenshot({ path: artifact("dark-overview.png") });
    await page.click('nav a[data-section="settings"]');
    await page.selectOption('select[name="theme"]', "light");
    await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    expect(await bg()).toBe("rgb(244, 246, 246)");
  });

  it("nothing overflows sideways at 800x600 on any section", async () => {
    const { page } = await app.open("", {}, { width: 800, height: 600 });
    await page.fill('input[name="name"]', "Indus Soft (Private) Limited, Head Office Lahore");
    await page.check('input[value="firm"]');
    await page.click('[data-testid="profile-create"] button[type="submit"]');
    await page.waitForSelector('[data-testid="readiness"]');
    for (const [id, title] of SECTIONS) {
      await page.click(`nav a[data-section="${id}"]`);
      // Measure the section itself once loaded, not the one before it or its loading state.
      await page.waitForFunction(
        (t) => document.querySelector("main h1")?.textContent === t && !document.querySelector("main")?.textContent?.includes("Loading…"),
        title,
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${id} at 800x600`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifact(`small-${id}.png`) });
    }
  });
});
