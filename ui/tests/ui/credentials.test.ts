// The Credentials page in headless Chromium: add, reveal (hidden again after 30 s), copy,
// change, delete, inline errors, and what the page says when no keychain is available.
import { describe, expect, it } from "vitest";
import { artifact, servedApp } from "./harness";

const app = servedApp();

describe("credentials", () => {
  it("adds a login, shows its secret only on request and hides it again after 30 seconds", async () => {
    const { page, errors } = await app.open("#/credentials");
    await page.waitForSelector('[data-testid="keychain-status"]');
    expect(await page.locator('[data-testid="keychain-status"]').innerText()).toContain("Secret Service");
    await page.click('button:has-text("Add a credential")');
    const form = page.locator('[data-testid="credential-add"]');
    await form.locator('input[name="label"]').fill("PTA portal");
    await form.locator('input[name="account"]').fill("ayesha@example.pk");
    expect(await form.locator('input[name="secret"]').getAttribute("type")).toBe("password");
    await form.locator('input[name="secret"]').fill("s3cret-pta-123");
    await page.screenshot({ path: artifact("credentials-add-form.png"), fullPage: true });
    await form.locator('button[type="submit"]').click();

    const row = page.locator("[data-credential]").first();
    await row.waitFor();
    expect(await row.innerText()).toContain("ayesha@example.pk");
    expect(await page.content(), "the secret is not in the page until asked for").not.toContain("s3cret-pta-123");

    await page.clock.install();
    await row.getByRole("button", { name: "Show the secret of PTA portal" }).click();
    await row.locator('[data-testid="secret"]').waitFor();
    expect(await row.locator('[data-testid="secret"]').innerText()).toBe("s3cret-pta-123");
    expect(await row.innerText()).toContain("hidden again in 30 s");
    await page.screenshot({ path: artifact("credentials-revealed.png"), fullPage: true });
    await page.clock.runFor(31_000);
    await page.waitForFunction(() => !document.body.innerHTML.includes("s3cret-pta-123"));
    expect(await row.innerText()).toContain("The secret is hidden again.");

    await row.getByRole("button", { name: "Copy the secret of PTA portal" }).click();
    await page.waitForFunction(() => document.body.innerText.includes("The clipboard is cleared in 30 seconds"));
    const copied = await page.evaluate(() => (window as unknown as { __fakeClipboard: string[] }).__fakeClipboard);
    expect(copied).toEqual(["s3cret-pta-123"]);
    expect(await page.content(), "copying does not put the secret in the page").not.toContain("s3cret-pta-123");
    expect(errors).toEqual([]);
  });

  it("refuses a duplicate name next to its field, keeps the secret when left empty, and deletes after a confirmation", async () => {
    const { page } = await app.open("#/credentials");
    for (const label of ["PTA portal", "pta PORTAL"]) {
      await page.click('button:has-text("Add a credential")');
      const form = page.locator('[data-testid="credential-add"]');
      await form.locator('input[name="label"]').fill(label);
      await form.locator('input[name="secret"]').fill("first-secret");
      await form.locator('button[type="submit"]').click();
    }
    const error = page.locator('[data-testid="credential-add"] .field-error');
    await error.waitFor();
    expect(await error.innerText()).toContain("already exists");
    expect(await page.locator('[data-testid="credential-add"] input[name="secret"]').inputValue(), "the typed secret is cleared").toBe("");
    await page.click('[data-testid="credential-add"] button:has-text("Cancel")');

    const row = page.locator("[data-credential]").first();
    await row.getByRole("button", { name: "Change" }).click();
    const edit = page.locator('[data-testid^="credential-edit-"]');
    await edit.locator('input[name="label"]').fill("PTA portal (Lahore)");
    await edit.locator('button[type="submit"]').click();
    await page.waitForSelector('h2:has-text("PTA portal (Lahore)")');
    await row.getByRole("button", { name: "Show the secret of PTA portal (Lahore)" }).click();
    await row.locator('[data-testid="secret"]').waitFor();
    expect(await row.locator('[data-testid="secret"]').innerText()).toBe("first-secret");

    await row.getByRole("button", { name: "Delete PTA portal (Lahore)" }).click();
    expect(await row.innerText()).toContain("Delete it from the keychain too?");
    await row.getByRole("button", { name: "Yes, delete" }).click();
    await page.waitForSelector("text=No credentials yet");
  });

  it("says plainly when no keychain is available, and offers no way to type a secret", async () => {
    const { page, errors } = await app.open("#/credentials", { noKeychain: true });
    const status = page.locator('[data-testid="keychain-status"]');
    await status.waitFor();
    expect(await status.getAttribute("role")).toBe("alert");
    expect(await status.innerText()).toContain("No keychain is available");
    expect(await status.innerText()).toContain("never writes them anywhere else");
    expect(await page.locator('button:has-text("Add a credential")').isDisabled()).toBe(true);
    await page.screenshot({ path: artifact("credentials-no-keychain.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
