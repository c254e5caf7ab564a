// The Application page in headless Chromium: start an application, record what happened,
// see the timeline and the moves that are possible, and reminders that need attention.
import { describe, expect, it } from "vitest";
import { artifact, servedApp } from "./harness";

const app = servedApp();

describe("application tracking", () => {
  it("starts a draft, records each step with its reference and reason, and shows the timeline newest first", async () => {
    const { page, errors } = await app.open();
    await page.fill('input[name="name"]', "Ayesha Khan");
    await page.click('[data-testid="profile-create"] button[type="submit"]');
    await page.waitForSelector('[data-testid="readiness"]');
    expect(await page.innerText('[data-testid="application-line"]')).toContain("not started yet");
    await page.click('nav a[data-section="application"]');

    const start = page.locator('[data-testid="application-new"]');
    await start.locator('input[name="title"]').fill("   ");
    await start.locator('button[type="submit"]').click();
    await start.locator(".field-error").waitFor();
    expect(await start.locator(".field-error").innerText()).toContain("give the application a name");
    await start.locator('input[name="title"]').fill("Home line");
    await start.locator('input[name="registeredIps"]').fill("39.32.10.5");
    await start.locator('button[type="submit"]').click();

    const detail = page.locator('[data-testid="application-detail"]');
    await detail.waitFor();
    expect(await detail.locator('[data-testid="application-status"]').innerText()).toBe("Draft");
    const move = async (label: string, fill: Record<string, string> = {}) => {
      await detail.getByLabel(label, { exact: true }).check();
      for (const [name, value] of Object.entries(fill)) await detail.locator(`[data-testid="move-form"] input[name="${name}"]`).fill(value);
      await detail.locator('[data-testid="move-form"] button[type="submit"]').click();
    };
    const statusIs = (text: string) =>
      page.waitForFunction((t) => document.querySelector('[data-testid="application-status"]')?.textContent === t, text, { timeout: 5_000 }).catch(async (e: unknown) => {
        await page.screenshot({ path: artifact("application-failure.png"), fullPage: true });
        throw e;
      });
    await move("Ready to submit");
    await statusIs("Ready to submit");
    await move("Submitted", { reference: "PTA-2026-000123", note: "filed on the portal" });
    await statusIs("Submitted");
    expect(await detail.innerText()).toContain("PTA-2026-000123");

    // A rejection needs its reason: the field is required, nothing is recorded without it.
    await move("Rejected");
    expect(await detail.locator('[data-testid="move-form"] input[name="reason"]').evaluate((e) => (e as HTMLInputElement).validity.valueMissing)).toBe(true);
    expect(await detail.locator('[data-testid="application-status"]').innerText()).toBe("Submitted");
    await move("Rejected", { reason: "CNIC back side unreadable" });
    await statusIs("Rejected");

    const entries = await detail.locator('[data-testid="timeline"] li').allInnerTexts();
    expect(entries.map((e) => e.split("\n")[0]?.split(" ")[0])).toEqual(["Rejected", "Submitted", "Ready", "Draft"]);
    expect(entries[0]).toContain("Reason: CNIC back side unreadable");
    expect(entries[1]).toContain("filed on the portal");
    const options = await detail.locator('input[name="to"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(options).toEqual(["resubmitted", "draft", "withdrawn"]);
    await page.screenshot({ path: artifact("application-timeline.png"), fullPage: true });

    // The portal helper: the official page opens in the browser (never inside the app), and
    // each value is one click away, a missing one pointing to where it is entered.
    await detail.locator('[data-testid="portal-helper"] summary').click();
    await detail.getByRole("button", { name: "Open the portal page" }).click();
    await page.waitForFunction(() => (window as unknown as { __fakeOpened?: number }).__fakeOpened === 1);
    const fields = await detail.locator(".portal-field").allInnerTexts();
    expect(fields[2]).toContain("39.32.10.5");
    expect(fields[0]).toContain("missing: enter it in your details");
    await detail.getByRole("button", { name: "Copy IP address(es) to whitelist" }).waitFor();
    expect(errors).toEqual([]);
  });

  it("a reminder of the user's own needs attention until it is marked done, here and on the Overview", async () => {
    const { page, errors } = await app.open();
    await page.fill('input[name="name"]', "Ayesha Khan");
    await page.click('[data-testid="profile-create"] button[type="submit"]');
    await page.waitForSelector('[data-testid="readiness"]');
    await page.click('nav a[data-section="application"]');
    await page.locator("summary").click();
    await page.fill('input[name="reminderTitle"]', "Call the ISP about the static IP");
    await page.fill('input[name="dueOn"]', "2026-11-20");
    await page.click('button:has-text("Add reminder")');
    const attention = page.locator('[data-testid="attention"]');
    await attention.waitFor();
    expect(await attention.innerText()).toContain("Call the ISP about the static IP");
    await page.screenshot({ path: artifact("application-attention.png"), fullPage: true });
    await page.click('nav a[data-section="overview"]');
    expect(await page.locator('[data-testid="overview-attention"]').innerText()).toContain("Call the ISP");
    await page.click('nav a[data-section="application"]');
    await page.getByRole("button", { name: "Mark “Call the ISP about the static IP” done" }).click();
    await attention.waitFor({ state: "detached" });
    expect(errors).toEqual([]);
  });

  it("Settings saves a backup and asks before restoring one", async () => {
    const { page, errors } = await app.open("#/settings");
    await page.click('button:has-text("Save a backup…")');
    expect(await page.locator('[data-testid="backup-saved"]').innerText()).toContain("3 files, 2.4 MB");
    await page.click('button:has-text("Restore a backup…")');
    expect(await page.locator('[role="alertdialog"]').innerText()).toContain("replaces everything");
    await page.click('button:has-text("Choose the backup…")');
    expect(await page.locator('[data-testid="backup-restored"]').innerText()).toContain("is whole. Restarting into it");
    await page.screenshot({ path: artifact("settings-backup.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("the firm view searches, filters and sorts every application, exports them and reports refused import rows", async () => {
    const { page, errors } = await app.open();
    await page.fill('input[name="name"]', "Indus Soft");
    await page.click('[data-testid="profile-create"] button[type="submit"]');
    await page.waitForSelector('[data-testid="readiness"]');
    await page.click('nav a[data-section="application"]');
    for (const [title, ip] of [["Lahore office", "39.32.10.5"], ["Karachi office", "39.40.1.1"], ["Multan office", "39.50.2.2"]]) {
      if (!(await page.locator('[data-testid="application-new"]').isVisible())) await page.click('button:has-text("New application")');
      const start = page.locator('[data-testid="application-new"]');
      await start.locator('input[name="title"]').fill(title ?? "");
      await start.locator('input[name="registeredIps"]').fill(ip ?? "");
      await start.locator('button[type="submit"]').click();
      await page.waitForFunction((t) => document.querySelector('#app-title')?.textContent === t, title);
    }
    const firm = page.locator('[data-testid="firm-view"]');
    const names = () => firm.locator("tbody tr td:nth-child(2)").allInnerTexts();
    await page.waitForFunction(() => document.querySelector('[data-testid="firm-count"]')?.textContent === "1–3 of 3");
    await firm.getByRole("button", { name: /^Name/ }).click();
    await page.waitForFunction(() => document.querySelector(".firm-table tbody td:nth-child(2)")?.textContent === "Karachi office");
    expect(await names()).toEqual(["Karachi office", "Lahore office", "Multan office"]);
    expect(await firm.locator('th[aria-sort="ascending"]').innerText()).toContain("Name");
    await firm.locator('input[name="firmSearch"]').fill("39.50");
    await page.waitForFunction(() => document.querySelector('[data-testid="firm-count"]')?.textContent === "1–1 of 1");
    expect(await names()).toEqual(["Multan office"]);
    await firm.locator('input[name="firmSearch"]').fill("");
    await firm.locator('select[name="firmStatus"]').selectOption("approved");
    await page.waitForFunction(() => document.querySelector('[data-testid="firm-count"]')?.textContent === "No application matches.");
    await firm.locator('select[name="firmStatus"]').selectOption("");
    await firm.getByRole("button", { name: "Export CSV…" }).click();
    await firm.getByText("/home/test/applications-2026-11-23.csv").waitFor();
    await firm.getByRole("button", { name: "Import sites and IPs from CSV…" }).click();
    const report = firm.locator('[data-testid="import-report"]');
    await report.waitFor();
    expect(await report.innerText()).toContain("line 4: 192.168.1.10 is a private");
    await firm.screenshot({ path: artifact("application-firm-view.png") });
    expect(errors).toEqual([]);
  });

  it("a side ticket that blocks a registration is shown on it until it is done", async () => {
    const { page, errors } = await app.open();
    await page.fill('input[name="name"]', "Ayesha Khan");
    await page.click('[data-testid="profile-create"] button[type="submit"]');
    await page.waitForSelector('[data-testid="readiness"]');
    await page.click('nav a[data-section="application"]');
    const start = page.locator('[data-testid="application-new"]');
    await start.locator('input[name="title"]').fill("Home line");
    await start.locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector("#app-title")?.textContent === "Home line");
    await page.click('button:has-text("New application")');
    await start.locator('select[name="kind"]').selectOption("ispStaticIp");
    await start.locator('input[name="title"]').fill("PTCL static IP");
    await start.locator('select[name="blocksId"]').selectOption({ label: "Home line" });
    await start.locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector("#app-title")?.textContent === "PTCL static IP");
    expect(await page.locator('[data-testid="application-detail"]').innerText()).toContain("Needed for: Home line");
    await page.click('[data-application] >> text=Home line');
    await page.waitForFunction(() => document.querySelector("#app-title")?.textContent === "Home line");
    expect(await page.locator('[data-testid="blocked-by"]').innerText()).toBe("Waiting for: PTCL static IP (Draft)");

    // Details are changed in place.
    await page.locator(".edit-application summary").click();
    const edit = page.locator('[data-testid="application-edit"]');
    await edit.locator('input[name="reference"]').fill("PTA-2026-9");
    await edit.locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="application-detail"]')?.textContent?.includes("PTA-2026-9"));
    await page.screenshot({ path: artifact("application-blocked.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
