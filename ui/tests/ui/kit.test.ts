// The eligibility wizard, applicant details and the document kit in headless Chromium.
import { describe, expect, it } from "vitest";
import { artifact, servedApp } from "./harness";

const app = servedApp();

async function withProfile(hash: string) {
  const opened = await app.open();
  const { page } = opened;
  await page.fill('input[name="name"]', "Ayesha Khan");
  await page.click('[data-testid="profile-create"] button[type="submit"]');
  await page.waitForSelector('[data-testid="readiness"]');
  await page.evaluate((h) => (location.hash = h), hash);
  return opened;
}

describe("eligibility", () => {
  it("answers lead to a path with its documents and source; a licensed provider needs nothing", async () => {
    const { page, errors } = await withProfile("#/eligibility");
    await page.getByLabel("A freelancer working for clients").check();
    await page.getByLabel("My own or my employer's VPN server").check();
    await page.getByLabel("Yes").check();
    await page.click('button:has-text("Show my path")');
    const decision = page.locator('[data-testid="decision"]');
    await decision.waitFor();
    const text = await decision.innerText();
    expect(text).toContain("Apply: VPN registration for a freelancer");
    expect(text).toContain("CNIC, back side");
    expect(text).toContain("Source: PTA: registration of VPNs");
    await page.screenshot({ path: artifact("eligibility-freelancer.png"), fullPage: true });

    await page.getByLabel("A provider licensed by PTA").check();
    await page.click('button:has-text("Show my path")');
    await page.waitForFunction(() => document.querySelector('[data-testid="decision"]')?.textContent?.includes("Nothing to register"));
    expect(await page.locator("#details-title").count(), "no details form when nothing is needed").toBe(0);
    expect(errors).toEqual([]);
  });

  it("a wrong CNIC is refused next to its field, a right one comes back formatted", async () => {
    const { page } = await withProfile("#/eligibility");
    await page.getByLabel("A freelancer working for clients").check();
    await page.getByLabel("My own or my employer's VPN server").check();
    await page.getByLabel("Yes").check();
    await page.click('button:has-text("Show my path")');
    await page.waitForSelector("#details-title");
    await page.fill('input[name="cnic"]', "12345");
    await page.click('#details-title ~ button[type="submit"], form:has(#details-title) button[type="submit"]');
    await page.locator(".field-error").waitFor();
    expect(await page.locator(".field-error").innerText()).toContain("13 digits");
    await page.fill('input[name="cnic"]', "3520212345671");
    await page.click('form:has(#details-title) button[type="submit"]');
    await page.waitForFunction(() => (document.querySelector('input[name="cnic"]') as HTMLInputElement).value === "35202-1234567-1");
  });
});

describe("documents", () => {
  it("asks for the wizard first, then fills the checklist from the dialog and a drop, and exports", async () => {
    const { page, errors } = await withProfile("#/documents");
    await page.waitForSelector('text=Answer the questions on the Eligibility page first');
    await page.evaluate(() => (location.hash = "#/eligibility"));
    await page.getByLabel("A freelancer working for clients").check();
    await page.getByLabel("My own or my employer's VPN server").check();
    await page.getByLabel("Yes").check();
    await page.click('button:has-text("Show my path")');
    await page.locator('[data-testid="decision"]').waitFor();
    await page.evaluate(() => (location.hash = "#/documents"));
    await page.waitForSelector('[data-testid="documents-readiness"]');
    expect(await page.innerText('[data-testid="documents-readiness"]')).toBe("0% of documents ready");

    await page.getByRole("button", { name: "Add file for CNIC, front side" }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="documents-readiness"]')?.textContent === "33% of documents ready");
    expect(await page.innerText('[data-slot="1"]')).toContain("Done");

    const listeners = await page.evaluate(() =>
      (window as unknown as { __fakeEmit: (e: string, p: unknown) => number }).__fakeEmit("files-dropped", [{ index: 0, name: "back.png" }]),
    );
    expect(listeners).toBeGreaterThan(0);
    await page.waitForSelector("text=Add back.png as");
    await page.selectOption('#dropped-title ~ ul select', "cnic-back");
    await page.click('#dropped-title ~ ul button');
    await page.waitForFunction(() => document.querySelector('[data-testid="documents-readiness"]')?.textContent === "66% of documents ready");
    expect(await page.innerText('[data-check="cnicBothSides"]')).toContain("both sides of the CNIC are here");

    await page.click('button:has-text("Export to Downloads")');
    const report = page.locator('[data-testid="export-report"]');
    await report.waitFor();
    expect(await report.innerText()).toContain("PTA-application.zip");
    expect(await report.innerText()).toContain("Still missing: Authentication letter");
    await page.setViewportSize({ width: 800, height: 600 });
    await page.screenshot({ path: artifact("documents-800x600.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
