// Tracking an application in the real app: from draft to approved with its timeline, a
// reminder that becomes a desktop notification, and the registered-IP watch raising one when
// the public IP drifts. Notifications go to a real daemon (dunst) on the test's session bus.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDocument,
  answerFileDialog,
  answerWizard,
  ARTIFACTS,
  type Browser,
  createProfile,
  echoService,
  fillDetails,
  fixture,
  notificationDaemon,
  nxdomainResolver,
  openApp,
  png,
  readiness,
  startDriver,
  visit,
} from "./support";

let dir: string;
let dataDir: string;
let stop: () => void;
let notifications: ReturnType<typeof notificationDaemon>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vca-e2e-app-"));
  notifications = notificationDaemon(dir);
  ({ dataDir, stop } = await startDriver());
});

afterAll(() => {
  stop?.();
  notifications?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
/** WebKitGTK's date field takes the digits in the C locale's order: month/day/year. */
const typed = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

async function status(browser: Browser): Promise<string> {
  return browser.$('[data-testid="application-status"]').getText();
}

/** Records the next status through the form and waits until the page shows it. */
async function record(browser: Browser, value: string, shown: string, fields: Record<string, string> = {}): Promise<void> {
  const form = browser.$('[data-testid="move-form"]');
  await form.$(`input[name="to"][value="${value}"]`).click();
  for (const [name, text] of Object.entries(fields)) await form.$(`input[name="${name}"]`).setValue(text);
  await form.$('button[type="submit"]').click();
  await browser.waitUntil(async () => (await status(browser)) === shown, { timeout: 10_000, timeoutMsg: `never became ${shown}` });
}

async function waitForNotification(title: string): Promise<string> {
  let found: string | undefined;
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      found = notifications.shown().find((n) => n.startsWith(title));
      if (found) resolve();
      else if (Date.now() - started > 15_000) reject(new Error(`no notification "${title}"; shown: ${JSON.stringify(notifications.shown())}`));
      else setTimeout(poll, 200);
    };
    poll();
  });
  return found ?? "";
}

describe("application tracking in the real app", () => {
  it("takes an application from draft to approved, notifies a reminder, and warns when the public IP drifts", async () => {
    let publicIp = "39.32.10.5";
    const services = await Promise.all([echoService(() => publicIp), echoService(() => `${publicIp}\n`)]);
    const resolver = await nxdomainResolver();
    const config = join(dir, "providers.toml");
    writeFileSync(
      config,
      `timeoutMs = 2000\nupnp = false\ndnsResolver = "${resolver.address}"\nrdapServers = []\n\n` +
        services.map((s, i) => `[[provider]]\nkind = "http"\nname = "local-${i + 1}"\nurl = "${s.url}"\nfamily = "v4"\nformat = "plain"\n`).join("\n"),
    );
    const browser = await openApp(dataDir, ["--net-config", config]);
    try {
      // A freelancer with a complete kit, registering a mobile number and the home IP.
      await createProfile(browser, "freelancer", "Ayesha Khan");
      await answerWizard(browser, "freelancer", "own", "no");
      await fillDetails(browser, { fullName: "Ayesha Khan", cnic: "3520212345671", email: "ayesha@example.pk", mobile: "0300 1234567", purpose: "Client work" });
      await visit(browser, "documents");
      await browser.$('[data-testid="documents-readiness"]').waitForExist();
      await addDocument(browser, "CNIC, front side", fixture(dir, "front.png", png(1000, 630, 2000, 1)));
      await addDocument(browser, "CNIC, back side", fixture(dir, "back.png", png(1000, 630, 2000, 2)));
      await addDocument(browser, "Authentication letter (proof of ongoing freelance work)", fixture(dir, "letter.png", png(1240, 1754, 4000, 3)));
      const issued = browser.$('[data-slot="3"] [data-document] input[type="date"]');
      await issued.setValue(typed(today));
      await browser.$('[data-slot="3"] [data-document]').$("button=Save dates").click();
      await browser.waitUntil(async () => (await readiness(browser)).includes("100%"), { timeout: 10_000 });

      await visit(browser, "application");
      const start = browser.$('[data-testid="application-new"]');
      await start.waitForExist();
      await start.$('input[name="title"]').setValue("Home line");
      await start.$('input[name="registeredIps"]').setValue(publicIp);
      await start.$('input[name="mobileNumber"]').setValue("+923001234567");
      await start.$('button[type="submit"]').click();
      await browser.$('[data-testid="application-detail"]').waitForExist();
      expect(await status(browser)).toBe("Draft");

      await record(browser, "ready", "Ready to submit");
      await record(browser, "submitted", "Submitted", { reference: "PTA-2026-000123", note: "filed on the PTA portal" });
      await browser.$("summary*=Upcoming reminders").click();
      expect(await browser.$('[data-testid="upcoming"]').getText(), "a follow-up is set at submission").toContain("Follow up on Home line");
      await record(browser, "underReview", "Under review");
      await record(browser, "approved", "Approved (whitelisted)");
      const timeline = await browser.$$('[data-testid="timeline"] li').map((li) => li.getAttribute("data-status"));
      expect(timeline).toEqual(["approved", "underReview", "submitted", "ready", "draft"]);
      expect(await browser.$('[data-testid="next-action"]').getText()).toContain("warns if your public IP drifts");
      expect(await browser.$('[data-testid="upcoming"]').getText(), "approval settles the follow-up").not.toContain("Follow up on Home line");
      await browser.saveScreenshot(join(ARTIFACTS, "application-approved.png"));

      // A reminder of the user's own, due already (09:00 yesterday): notified at once, listed
      // as needing attention.
      await browser.$('input[name="reminderTitle"]').setValue("Send the ISP's confirmation letter to the office");
      await browser.$('input[name="dueOn"]').setValue(typed(yesterday));
      await browser.$("button=Add reminder").click();
      await browser.$('[data-testid="attention"]').waitForExist({ timeout: 10_000 });
      await waitForNotification("Send the ISP's confirmation letter to the office");

      // The line's IP changes: the next check warns, on the desktop and in the app.
      publicIp = "39.32.99.1";
      await visit(browser, "connection");
      await browser.$('[data-testid="check-now"]').click();
      await browser.$('[data-testid="address-v4"]').waitForExist({ timeout: 15_000 });
      expect(await browser.$('[data-testid="address-v4"]').getText()).toBe("39.32.99.1");
      const drift = await waitForNotification("Your public IP is not the one registered for Home line");
      expect(drift).toContain("39.32.99.1");
      expect(drift).toContain("39.32.10.5");
      await visit(browser, "overview");
      await browser.$('[data-testid="overview-attention"]').waitForExist();
      expect(await browser.$('[data-testid="overview-attention"]').getText()).toContain("Your public IP is not the one registered for Home line");
      expect(await browser.$('[data-testid="application-line"]').getText()).toContain("Home line: Approved");
      await browser.saveScreenshot(join(ARTIFACTS, "application-drift-overview.png"));
      expect(notifications.shown().filter((n) => n.startsWith("Your public IP")), "announced once").toHaveLength(1);

      // In Urdu the desktop notification is Urdu too: the core words it in the chosen language.
      await visit(browser, "settings");
      await browser.$('select[name="language"]').selectByAttribute("value", "ur");
      await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dir)) === "rtl");
      publicIp = "39.32.88.8";
      await visit(browser, "connection");
      await browser.$('[data-testid="check-now"]').click();
      const urdu = await waitForNotification("آپ کا پبلک IP وہ نہیں جو \u2068Home line\u2069 کے لیے رجسٹر ہے");
      expect(urdu).toContain("39.32.88.8");
      await visit(browser, "settings");
      await browser.$('select[name="language"]').selectByAttribute("value", "en");
      await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dir)) === "ltr");

      // The whole state to one file, through the native save dialog.
      const archive = join(dir, "everything.vcabackup");
      await visit(browser, "settings");
      await browser.$("button=Save a backup…").click();
      await answerFileDialog("Save a backup", archive);
      await browser.$('[data-testid="backup-saved"]').waitForExist({ timeout: 15_000 });
      const members = spawnSync("python3", ["-c", "import sys, tarfile; print('\\n'.join(tarfile.open(sys.argv[1]).getnames()))", archive], { encoding: "utf8" });
      const names = members.stdout.trim().split("\n");
      expect(names[0]).toBe("database.sqlite3");
      expect(names.at(-1)).toBe("vca-backup.json");
      expect(names.filter((n) => n.startsWith("vault/blobs/"))).toHaveLength(3);
    } finally {
      await browser.deleteSession();
      resolver.socket.close();
      for (const s of services) s.server.close();
    }
  }, 150_000);
});
