// The Connection section in headless Chromium: progress while checking, the address with
// its confidence in words, the evidence, the registered-IP watch and the VPN warning.
import { describe, expect, it } from "vitest";
import { artifact, servedApp } from "./harness";

const app = servedApp();

async function createProfileWithIp(page: import("playwright-core").Page, ip: string, subscriberId = "") {
  await page.fill('input[name="name"]', "Ayesha Khan");
  await page.click('[data-testid="profile-create"] button[type="submit"]');
  await page.waitForSelector('[data-testid="readiness"]');
  await page.click('nav a[data-section="settings"]');
  await page.fill('input[name="ipAddress"]', ip);
  await page.fill('input[name="subscriberId"]', subscriberId);
  await page.click('form:has(input[name="ipAddress"]) button[type="submit"]');
  await page.waitForSelector(`text=${ip}`);
}

describe("connection check", () => {
  it("shows progress, then the address with its confidence and every service's answer", async () => {
    const { page, errors } = await app.open("#/connection");
    await page.waitForSelector('[data-testid="check-now"]');
    expect(await page.innerText("main")).toContain("Not checked yet");
    await page.click('[data-testid="check-now"]');
    await page.waitForSelector('[data-testid="checking"]');
    expect(await page.isDisabled('[data-testid="check-now"]')).toBe(true);
    await page.waitForSelector('[data-testid="address-v4"]');
    expect(await page.innerText('[data-testid="address-v4"]')).toBe("39.32.10.5");
    expect(await page.innerText('[data-family="v4"]')).toContain("Confirmed by 2 of 4 services");
    expect(await page.innerText('[data-family="v6"]')).toContain("No service answered");
    const evidence = await page.innerText("table.evidence");
    expect(evidence).toContain("45.116.232.9 (disagrees)");
    expect(evidence).toContain("Not waited for");
    expect(await page.innerText("main")).toContain("192.168.1.23/24");
    expect(await page.innerText('[data-testid="router"]')).toContain("Your router's internet-side address: 39.32.10.5 (public)");
    const verdict = page.locator('[data-testid="verdict"]');
    expect(await verdict.getAttribute("data-kind")).toBe("likelyDynamic");
    const verdictText = await verdict.innerText();
    expect(verdictText).toContain("Probably dynamic");
    expect(verdictText).toContain("Confidence: low");
    expect(verdictText).toContain("points to dynamic");
    expect(verdictText).toContain("2 of 4 independent services see your public address as 39.32.10.5");
    expect(verdictText).toContain('the reverse DNS name dsl-39-32-10-5.dynamic.example.pk contains "dsl", "dynamic", which ISPs use for dynamic addresses');
    expect(await page.innerText('[data-testid="next-steps"]')).toContain("register your mobile number instead of an IP");
    expect(await page.innerText('[data-testid="next-steps"]')).toContain("Ask PTCL for a static IP");
    expect(await page.innerText('[data-testid="history"]')).toContain("39.32.10.5");
    const timeline = page.locator('[data-testid="timeline"]');
    expect(await timeline.locator("rect").count(), "one bar per stretch").toBe(2);
    expect(await timeline.getAttribute("aria-label")).toContain("Timeline of 2 address(es)");
    await page.screenshot({ path: artifact("connection-checked.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("words the verdict's evidence and a VPN's signs in Urdu, values kept left to right", async () => {
    const { page, errors } = await app.open("#/connection", { language: "ur", vpn: true });
    await page.click('[data-testid="check-now"]');
    await page.locator('[data-testid="vpn-active"]').waitFor();
    const signs = await page.innerText('[data-testid="vpn-active"]');
    expect(signs, "the interface name is isolated").toContain("انٹرفیس \u2068wg0\u2069،");
    const plain = (s: string) => s.replace(/[\u2068\u2069]/g, "");
    expect(plain(signs)).toContain("انٹرفیس wg0، WireGuard ٹنل ہے");
    const verdict = await page.innerText('[data-testid="verdict"]');
    expect(plain(verdict)).toContain("انٹرفیس wg0، WireGuard ٹنل ہے؛ جو ایڈریس نظر آ رہا ہے وہ غالباً VPN کا ہے");
    expect(verdict).not.toMatch(/[a-z]+\.[a-z]+[A-Z]\w*/); // no bare catalogue key such as evidence.servicesAgree
    expect(await page.innerText("main")).toContain("WireGuard ٹنل");
    // The address chart mirrors: its labels stand on the right, the bars to their left.
    const chart = page.locator('[data-testid="timeline"]');
    const label = await chart.locator("text.timeline-label").first().boundingBox();
    const bar = await chart.locator("rect").first().boundingBox();
    expect(label && bar && label.x > bar.x + bar.width, `label ${JSON.stringify(label)} right of bar ${JSON.stringify(bar)}`).toBe(true);
    await page.screenshot({ path: artifact("connection-urdu.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("warns prominently when the measured IP drifts from the recorded one", async () => {
    const { page } = await app.open("", { publicV4: "39.32.77.1" });
    await createProfileWithIp(page, "39.32.10.5");
    await page.click('nav a[data-section="connection"]');
    await page.click('[data-testid="check-now"]');
    const watch = page.locator('[data-testid="ip-watch"]');
    await watch.waitFor();
    expect(await watch.getAttribute("role")).toBe("alert");
    expect(await watch.innerText()).toContain("Your public IP is now 39.32.77.1, but you recorded 39.32.10.5");
  });

  it("says so when the measured IP is the recorded one, and whether the ISP can verify it", async () => {
    const { page } = await app.open();
    await createProfileWithIp(page, "39.32.10.5", "0421778812");
    expect(await page.innerText("main")).toContain("subscriber 0421778812");
    await page.click('nav a[data-section="connection"]');
    await page.click('[data-testid="check-now"]');
    await page.locator('[data-testid="ip-watch"]').waitFor();
    expect(await page.innerText('[data-testid="ip-watch"]')).toContain("39.32.10.5 is the IP you recorded");
    expect(await page.innerText('[data-testid="subscriber-readiness"]')).toContain("subscriber ID 0421778812, your CNIC and 39.32.10.5");
  });

  it("explains that an active VPN's address is not the ISP's", async () => {
    const { page } = await app.open("#/connection", { vpn: true });
    await page.click('[data-testid="check-now"]');
    const vpn = page.locator('[data-testid="vpn-active"]');
    await vpn.waitFor();
    const text = await vpn.innerText();
    expect(text).toContain("probably your VPN's, not your ISP's");
    expect(text).toContain("interface wg0 is a WireGuard tunnel");
    expect(await page.innerText('[data-testid="verdict"]')).toContain("A VPN is active, so the address seen belongs to the VPN.");
    await page.screenshot({ path: artifact("connection-vpn.png"), fullPage: true });
  });

  it("the overview shows the verdict in one line once a check has run", async () => {
    const { page } = await app.open();
    await page.waitForSelector('[data-testid="connection-line"]');
    expect(await page.innerText('[data-testid="connection-line"]')).toContain("Connection: not checked yet.");
    await page.click('nav a[data-section="connection"]');
    await page.click('[data-testid="check-now"]');
    await page.waitForSelector('[data-testid="verdict"]');
    await page.click('nav a[data-section="overview"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="connection-line"]')?.textContent?.includes("Probably dynamic"));
    expect(await page.innerText('[data-testid="connection-line"]')).toContain("Connection: Probably dynamic · 39.32.10.5");
    await page.screenshot({ path: artifact("overview-with-verdict.png") });
  });

  it("a check the app ran on its own updates the page through the connection-checked event", async () => {
    const { page, errors } = await app.open("#/connection");
    await page.waitForSelector('[data-testid="check-now"]');
    expect(await page.innerText("main")).toContain("Not checked yet");
    const delivered = await page.evaluate(async () => {
      const w = window as unknown as { __fakeNextReport: () => Promise<unknown>; __fakeEmit: (e: string, p: unknown) => number };
      return w.__fakeEmit("connection-checked", await w.__fakeNextReport());
    });
    expect(delivered, "the page listens for the event").toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="address-v4"]');
    expect(await page.innerText('[data-testid="address-v4"]')).toBe("39.32.10.5");
    expect(errors).toEqual([]);
  });

  it("the automatic-check interval is a setting", async () => {
    const { page } = await app.open("#/settings");
    const select = page.locator('select[name="recheckHours"]');
    await select.waitFor();
    expect(await select.inputValue()).toBe("6");
    await select.selectOption("0");
    await page.waitForFunction(() => (document.querySelector('select[name="recheckHours"]') as HTMLSelectElement).value === "0");
    expect(await page.innerText("main")).toContain("Automatic checks start only after you have run the first check yourself");
  });

  it("a dynamic verdict comes with a ready-to-send request to the ISP, filled in", async () => {
    const { page } = await app.open();
    await createProfileWithIp(page, "39.32.10.5", "0421778812");
    await page.click('nav a[data-section="connection"]');
    await page.click('[data-testid="check-now"]');
    const request = page.locator('[data-testid="static-ip-request"]');
    await request.waitFor();
    const text = await request.inputValue();
    expect(text).toContain("Dear PTCL customer service");
    expect(text).toContain("subscriber/customer ID 0421778812");
    expect(text).toContain("as 39.32.10.5");
    expect(text.trim().endsWith("Ayesha Khan")).toBe(true);
    expect(text).not.toMatch(/\{\w+\}/);
  });
});
