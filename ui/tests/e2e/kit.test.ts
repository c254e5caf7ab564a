// From the eligibility wizard to a complete exported package, in the real app: the files go in
// through the native GTK file dialog (answered with the keyboard through xdotool), the package
// comes out through the one-click export and through the native save dialog.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDocument,
  answerFileDialog,
  answerWizard,
  ARTIFACTS,
  createProfile,
  echoService,
  fillDetails,
  fixture,
  nxdomainResolver,
  openApp,
  png,
  readiness,
  startDriver,
  visit,
  zipMembers,
  zipText,
} from "./support";

let home: string;
let files: string;
let dataDir: string;
let stop: () => void;

const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "vca-e2e-home-"));
  mkdirSync(join(home, "Downloads"));
  files = mkdtempSync(join(tmpdir(), "vca-e2e-files-"));
  ({ dataDir, stop } = await startDriver({ HOME: home }));
});

afterAll(() => {
  stop?.();
  rmSync(home, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

describe("the document kit in the real app", () => {
  it("takes a freelancer from the wizard to a complete package in the Downloads folder", async () => {
    const browser = await openApp(dataDir);
    try {
      await createProfile(browser, "freelancer", "Ayesha Khan");
      const decision = await answerWizard(browser, "freelancer", "own", "no");
      expect(decision).toContain("by mobile number");
      await fillDetails(browser, {
        fullName: "Ayesha Khan",
        cnic: "3520212345671",
        email: "ayesha@example.pk",
        mobile: "0300 1234567",
        purpose: "Client work",
      });

      await visit(browser, "documents");
      await browser.$('[data-testid="documents-readiness"]').waitForExist();
      expect(await readiness(browser)).toContain("0%");
      await addDocument(browser, "CNIC, front side", fixture(files, "cnic front.png", png(1000, 630, 2000, 1)));
      await addDocument(browser, "CNIC, back side", fixture(files, "cnic-back.png", png(1000, 630, 2000, 2)));
      await addDocument(browser, "Authentication letter (proof of ongoing freelance work)", fixture(files, "letter.pdf", "%PDF-1.4\n%%EOF\n"));

      const letter = browser.$('[data-slot="3"] [data-document]');
      // WebKitGTK's date field takes the digits in the order of the C locale: month/day/year.
      const issued = letter.$('input[type="date"]');
      await issued.setValue(`${today.slice(5, 7)}/${today.slice(8, 10)}/${today.slice(0, 4)}`);
      expect(await issued.getValue()).toBe(today);
      await letter.$("button=Save dates").click();
      await browser.waitUntil(async () => (await readiness(browser)).includes("100%"), {
        timeout: 10_000,
        timeoutMsg: `still ${await readiness(browser)}`,
      });
      await browser.saveScreenshot(join(ARTIFACTS, "kit-freelancer-ready.png"));

      await browser.$("button=Export to Downloads").click();
      const report = browser.$('[data-testid="export-report"]');
      await report.waitForExist({ timeout: 15_000 });
      const zip = await report.$("code").getText();
      expect(zip.startsWith(join(home, "Downloads"))).toBe(true);
      expect(await report.getText(), "nothing missing").not.toContain("missing");
      expect(zipMembers(zip)).toEqual([
        "01-CNIC-front.png",
        "02-CNIC-back.png",
        "03-Authentication-letter.pdf",
        "manifest.json",
        "SHA256SUMS",
        "summary.html",
      ]);
      expect(zipText(zip, "summary.html")).toContain("35202-1234567-1");
      await browser.saveScreenshot(join(ARTIFACTS, "kit-freelancer-exported.png"));
    } finally {
      await browser.deleteSession();
    }
  }, 120_000);

  it("takes a company with a checked static IP to a complete package saved where the user chooses", async () => {
    const companyDir = mkdtempSync(join(tmpdir(), "vca-e2e-company-"));
    const services = await Promise.all([echoService("39.32.10.5\n"), echoService("39.32.10.5")]);
    const resolver = await nxdomainResolver();
    const registry = await echoService(
      JSON.stringify({
        objectClassName: "ip network",
        name: "PTCL-STATIC-CORPORATE",
        country: "PK",
        cidr0_cidrs: [{ v4prefix: "39.32.0.0", length: 16 }],
        entities: [{ roles: ["registrant"], vcardArray: ["vcard", [["fn", {}, "text", "Pakistan Telecommunication Company Limited"]]] }],
      }),
    );
    const config = join(companyDir, "providers.toml");
    writeFileSync(
      config,
      `timeoutMs = 2000\nupnp = false\ndnsResolver = "${resolver.address}"\nrdapServers = [{ prefix = "0.0.0.0/0", url = "${registry.url}" }]\n\n` +
        services.map((s, i) => `[[provider]]\nkind = "http"\nname = "local-${i + 1}"\nurl = "${s.url}"\nfamily = "v4"\nformat = "plain"\n`).join("\n"),
    );
    const browser = await openApp(companyDir, ["--net-config", config]);
    try {
      await createProfile(browser, "firm", "Indus Soft");
      await visit(browser, "settings");
      await browser.$('input[name="ipAddress"]').setValue("39.32.10.5");
      await browser.$('input[name="subscriberId"]').setValue("4455667");
      await browser.$('form:has(input[name="ipAddress"]) button[type="submit"]').click();
      await browser.waitUntil(async () => (await browser.$("main").getText()).includes("4455667"));

      await visit(browser, "connection");
      await browser.$('[data-testid="check-now"]').click();
      const verdict = browser.$('[data-testid="verdict"]');
      await verdict.waitForExist({ timeout: 15_000 });
      expect(await verdict.getAttribute("data-kind")).toBe("likelyStatic");

      const decision = await answerWizard(browser, "company", "own", "yes");
      expect(decision).toContain("VPN registration for a company");
      await fillDetails(browser, {
        fullName: "Bilal Ahmed",
        cnic: "35202-1234567-1",
        email: "it@indus.pk",
        mobile: "+923001234567",
        companyName: "Indus Soft (Pvt) Ltd",
        ntn: "12345678",
        isp: "PTCL",
        purpose: "Remote access to client networks",
      });

      await visit(browser, "documents");
      await browser.$('[data-testid="documents-readiness"]').waitForExist();
      await addDocument(browser, "CNIC, front side", fixture(files, "front.png", png(1000, 630, 2000, 3)));
      await addDocument(browser, "CNIC, back side", fixture(files, "back.png", png(1000, 630, 2000, 4)));
      await addDocument(browser, "Proof of active-taxpayer status (NTN certificate)", fixture(files, "ntn.png", png(1240, 1754, 4000, 5)));
      await browser.waitUntil(async () => (await readiness(browser)).includes("100%"), { timeout: 10_000 });
      for (const check of await browser.$$("[data-check]")) {
        expect(await check.getAttribute("class"), await check.getText()).toContain("check-pass");
      }
      await browser.saveScreenshot(join(ARTIFACTS, "kit-company-ready.png"));

      const target = join(companyDir, "Indus package.zip");
      await browser.$("button=Save as…").click();
      await answerFileDialog("Save the submission package", target);
      const report = browser.$('[data-testid="export-report"]');
      await report.waitForExist({ timeout: 15_000 });
      expect(await report.$("code").getText()).toBe(target);
      expect(zipMembers(target)).toContain("03-NTN-certificate.png");
      const summary = zipText(target, "summary.html");
      expect(summary).toContain("1234567-8");
      expect(summary).toContain("4455667");
    } finally {
      await browser.deleteSession();
      resolver.socket.close();
      registry.server.close();
      for (const s of services) s.server.close();
      rmSync(companyDir, { recursive: true, force: true });
    }
  }, 120_000);
});
