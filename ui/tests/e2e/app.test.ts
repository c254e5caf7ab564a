// The real app binary, in a real window under Xvfb, driven through tauri-driver and
// WebKitWebDriver. Each test file starts the app with its own data folder.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, echoService, heading, nxdomainResolver, openApp as open, startDriver, visit } from "./support";

const SECTIONS = ["overview", "connection", "eligibility", "documents", "application", "credentials", "settings"] as const;

let dataDir: string;
let stop: () => void;
const openApp = (extraArgs: string[] = []) => open(dataDir, extraArgs);

beforeAll(async () => {
  ({ dataDir, stop } = await startDriver());
});

afterAll(() => stop?.());

describe("the real app", () => {
  it("opens, visits every section, and saves a screenshot of each", async () => {
    const browser = await openApp();
    try {
      for (const [i, section] of SECTIONS.entries()) {
        await visit(browser, section);
        const title = await heading(browser);
        expect(title.toLowerCase()).toBe(section);
        const text = await browser.$("main").getText();
        expect(text).not.toMatch(/\[object Object\]|undefined/);
        await browser.saveScreenshot(join(ARTIFACTS, `${String(i + 1).padStart(2, "0")}-${section}.png`));
      }
    } finally {
      await browser.deleteSession();
    }
  });

  it("creates a profile and an IP through the real backend, refuses a private IP, and keeps it all after a restart", async () => {
    let browser = await openApp();
    try {
      await browser.$('input[name="name"]').setValue("Ayesha Khan");
      await browser.$('[data-testid="profile-create"] button[type="submit"]').click();
      await browser.$('[data-testid="readiness"]').waitForExist();
      expect(await browser.$('[data-testid="readiness"]').getText()).toBe("16% of checkable steps done");

      await visit(browser, "settings");
      const ip = browser.$('input[name="ipAddress"]');
      await ip.waitForExist();
      await ip.setValue("192.168.1.10");
      await browser.$('form:has(input[name="ipAddress"]) button[type="submit"]').click();
      const fieldError = browser.$(".field-error");
      await fieldError.waitForExist();
      expect(await fieldError.getText()).toContain("private (home or office network) address");

      await ip.clearValue();
      await ip.setValue("39.32.10.5");
      await browser.$('form:has(input[name="ipAddress"]) button[type="submit"]').click();
      await browser.waitUntil(async () => (await browser.$("main").getText()).includes("39.32.10.5"));
      await browser.saveScreenshot(join(ARTIFACTS, "08-settings-with-profile.png"));
    } finally {
      await browser.deleteSession();
    }

    browser = await openApp();
    try {
      await browser.$('[data-testid="readiness"]').waitForExist();
      expect(await browser.$('[data-testid="readiness"]').getText()).toBe("33% of checkable steps done");
      expect(await browser.$("main").getText()).toContain("Ayesha Khan");
      await browser.saveScreenshot(join(ARTIFACTS, "09-overview-after-restart.png"));
    } finally {
      await browser.deleteSession();
    }
  });
});

describe("Urdu in the real app", () => {
  it("switches to Urdu, mirrors every page, renders it in the shipped font and fits 800×600", async () => {
    const browser = await openApp();
    try {
      await browser.setWindowSize(800, 600);
      await visit(browser, "settings");
      await browser.$('select[name="language"]').selectByAttribute("value", "ur");
      await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dir)) === "rtl");
      for (const [i, section] of SECTIONS.entries()) {
        await visit(browser, section);
        const state = await browser.execute(async () => {
          await document.fonts.ready;
          const nav = document.querySelector("nav")?.getBoundingClientRect();
          const main = document.querySelector("main")?.getBoundingClientRect();
          return {
            lang: document.documentElement.lang,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            navOnTheRight: nav !== undefined && main !== undefined && nav.left > main.left,
            font: document.fonts.check('16px "Noto Naskh Arabic"', "اردو"),
            width: window.innerWidth,
          };
        });
        expect(state.lang).toBe("ur-PK");
        expect(state.width, "the window is 800 px wide").toBeLessThanOrEqual(800);
        expect(state.overflow, `${section} fits`).toBeLessThanOrEqual(0);
        expect(state.navOnTheRight, "mirrored").toBe(true);
        expect(state.font, "the Naskh font the app ships is loaded").toBe(true);
        expect(await heading(browser)).not.toMatch(/[A-Za-z]/);
        await browser.saveScreenshot(join(ARTIFACTS, `urdu-${String(i + 1).padStart(2, "0")}-${section}.png`));
      }
      // Back to English for the other tests, which share this data folder.
      await visit(browser, "settings");
      await browser.$('select[name="language"]').selectByAttribute("value", "en");
      await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dir)) === "ltr");
    } finally {
      await browser.deleteSession();
    }
  });
});

describe("the connection check in the real app", () => {
  it("asks the configured services, shows the address and matches it against the recorded IP", async () => {
    const services = await Promise.all([echoService("39.32.10.5\n"), echoService("39.32.10.5")]);
    const resolver = await nxdomainResolver();
    const registry = await echoService(
      JSON.stringify({
        objectClassName: "ip network",
        name: "PTCL-BB-DYNAMIC",
        country: "PK",
        cidr0_cidrs: [{ v4prefix: "39.32.0.0", length: 11 }],
        entities: [{ roles: ["registrant"], vcardArray: ["vcard", [["fn", {}, "text", "Pakistan Telecommunication Company Limited"]]] }],
      }),
    );
    const config = join(dataDir, "test-providers.toml");
    writeFileSync(
      config,
      `timeoutMs = 2000\nupnp = false\ndnsResolver = "${resolver.address}"\nrdapServers = [{ prefix = "0.0.0.0/0", url = "${registry.url}" }]\n\n` +
      services
        .map((s, i) => `[[provider]]\nkind = "http"\nname = "local-${i + 1}"\nurl = "${s.url}"\nfamily = "v4"\nformat = "plain"\n`)
        .join("\n"),
    );
    const browser = await openApp(["--net-config", config]);
    try {
      await visit(browser, "connection");
      await browser.$('[data-testid="check-now"]').click();
      const address = browser.$('[data-testid="address-v4"]');
      await address.waitForExist({ timeout: 15_000 });
      expect(await address.getText()).toBe("39.32.10.5");
      expect(await browser.$('[data-family="v4"]').getText()).toContain("Confirmed by 2 of 2 services");
      const watch = browser.$('[data-testid="ip-watch"]');
      await watch.waitForExist();
      expect(await watch.getText()).toContain("39.32.10.5 is the IP you recorded");
      const verdict = browser.$('[data-testid="verdict"]');
      await verdict.waitForExist();
      expect(await verdict.getAttribute("data-kind")).toBe("likelyDynamic");
      const why = await verdict.getText();
      expect(why).toContain("has no reverse DNS name");
      expect(why).toContain("the registry names the network PTCL-BB-DYNAMIC");
      await browser.saveScreenshot(join(ARTIFACTS, "10-connection-checked.png"));
    } finally {
      await browser.deleteSession();
      resolver.socket.close();
      registry.server.close();
      for (const s of services) s.server.close();
    }
  });
});

/** What libsecret's own client finds under the app's keychain service (another program's view). */
function secretToolSearch(): string {
  const out = spawnSync("secret-tool", ["search", "--all", "--unlock", "service", "pk.vca.assistant"], { encoding: "utf8" });
  return `${out.stdout}${out.stderr}`;
}

/** The X clipboard's text, or null when it holds none. */
function clipboardText(): string | null {
  const out = spawnSync("xclip", ["-selection", "clipboard", "-o"], { encoding: "utf8", timeout: 5_000 });
  return out.status === 0 ? out.stdout : null;
}

describe("credentials in the real app", () => {
  it("keeps a login in the Secret Service across a restart, clears the clipboard after 30 s and deletes it from the keychain", async () => {
    const secret = `e2e-${randomBytes(12).toString("hex")}`;
    let browser = await openApp();
    try {
      await visit(browser, "credentials");
      await browser.$('[data-testid="keychain-status"]').waitForExist();
      expect(await browser.$('[data-testid="keychain-status"]').getText()).toContain("Secret Service");
      await browser.$("button=Add a credential").click();
      const form = browser.$('[data-testid="credential-add"]');
      await form.$('input[name="label"]').setValue("PTA portal");
      await form.$('input[name="account"]').setValue("ayesha@example.pk");
      await form.$('input[name="secret"]').setValue(secret);
      await form.$('button[type="submit"]').click();
      await browser.$("[data-credential]").waitForExist();
      const found = secretToolSearch();
      expect(found).toContain(`secret = ${secret}`);
      expect(found).toContain("VPN Compliance Assistant: PTA portal");
      await browser.saveScreenshot(join(ARTIFACTS, "credentials-saved.png"));
    } finally {
      await browser.deleteSession();
    }

    browser = await openApp();
    try {
      await visit(browser, "credentials");
      const row = browser.$("[data-credential]");
      await row.waitForExist();
      expect(await row.getText()).toContain("ayesha@example.pk");
      expect(await browser.$("main").getHTML(), "hidden until asked for").not.toContain(secret);
      await row.$('button[aria-label="Show the secret of PTA portal"]').click();
      await row.$('[data-testid="secret"]').waitForExist();
      expect(await row.$('[data-testid="secret"]').getText()).toBe(secret);
      await row.$("button=Hide").click();

      await row.$('button[aria-label="Copy the secret of PTA portal"]').click();
      await browser.waitUntil(async () => (await row.getText()).includes("The clipboard is cleared in 30 seconds"));
      expect(clipboardText()).toBe(secret);
      await browser.saveScreenshot(join(ARTIFACTS, "credentials-copied.png"));
      await browser.waitUntil(async () => clipboardText() !== secret, { timeout: 40_000, interval: 1_000, timeoutMsg: "the clipboard still holds the secret after 40 s" });
      expect(clipboardText() ?? "").toBe("");

      await row.$('button[aria-label="Delete PTA portal"]').click();
      await row.$("button=Yes, delete").click();
      await browser.$("h2=No credentials yet").waitForExist();
      expect(secretToolSearch()).not.toContain(secret);
    } finally {
      await browser.deleteSession();
    }
  }, 90_000);
});
