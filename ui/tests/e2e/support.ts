// Shared by the end-to-end tests: tauri-driver, the real app with its own data folder, local
// stand-ins for the network services, and answers to the native GTK file dialogs.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSocket, type Socket } from "node:dgram";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";

const ROOT = resolve(import.meta.dirname, "../../..");
const APP = process.env.VCA_APP_BIN ?? join(ROOT, "target/debug/vpn-compliance-assistant");
export const ARTIFACTS = join(ROOT, "artifacts/e2e");
const PORT = Number(process.env.VCA_DRIVER_PORT ?? 4444);

export type Browser = Awaited<ReturnType<typeof remote>>;

/**
 * tauri-driver on PORT, and a fresh data folder; `stop` ends both. `env` is added to the
 * environment the app starts with (e.g. its own HOME, so its Downloads folder is a temporary one).
 */
export async function startDriver(env: Record<string, string> = {}): Promise<{ dataDir: string; stop: () => void }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "vca-e2e-"));
  const driver: ChildProcess = spawn(
    "tauri-driver",
    ["--port", String(PORT), "--native-port", String(PORT + 1), "--native-driver", "/usr/bin/WebKitWebDriver"],
    { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } },
  );
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/status`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (i === 100) throw new Error("tauri-driver did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    dataDir,
    stop: () => {
      driver.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the real app on `dataDir` and waits until its first page is drawn. */
export async function openApp(dataDir: string, extraArgs: string[] = []): Promise<Browser> {
  const browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "warn",
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: APP, args: ["--data-dir", dataDir, ...extraArgs] },
    } as WebdriverIO.Capabilities,
  });
  await browser.$("main h1").waitForExist({ timeout: 20_000 });
  return browser;
}

export async function heading(browser: Browser): Promise<string> {
  return browser.$("main h1").getText();
}

/** Opens a section through the navigation and waits until it is the current page. */
export async function visit(browser: Browser, section: string): Promise<void> {
  await browser.$(`nav a[data-section="${section}"]`).click();
  await browser.waitUntil(async () => (await browser.$(`nav a[data-section="${section}"]`).getAttribute("aria-current")) === "page");
}

/** An HTTP service on 127.0.0.1 that answers `body` (or what it returns now) to every request. */
export async function echoService(body: string | (() => string)): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(typeof body === "string" ? body : body());
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** A DNS server on 127.0.0.1 that answers every query "no such name" (so reverse DNS stays local). */
export async function nxdomainResolver(): Promise<{ socket: Socket; address: string }> {
  const socket = createSocket("udp4");
  socket.on("message", (query, peer) => {
    if (query.length < 12) return;
    const answer = Buffer.from(query);
    answer[2] = (answer[2] ?? 0) | 0x80; // a response
    answer[3] = ((answer[3] ?? 0) & 0xf0) | 3; // NXDOMAIN
    socket.send(answer, peer.port, peer.address);
  });
  await new Promise<void>((ok) => socket.bind(0, "127.0.0.1", ok));
  return { socket, address: `127.0.0.1:${socket.address().port}` };
}

function xdotool(args: string[]): void {
  const out = spawnSync("xdotool", args, { encoding: "utf8", timeout: 20_000 });
  if (out.status !== 0) throw new Error(`xdotool ${args.join(" ")} failed: ${out.stderr || out.error?.message || `status ${out.status}`}`);
}

/**
 * Answers the native GTK file dialog titled `title` the way a keyboard user would: waits for
 * it, focuses it, types the full path into its location field and presses Enter. Works for
 * both the open and the save dialog (the save dialog's name field takes a full path too).
 */
export async function answerFileDialog(title: string, path: string): Promise<void> {
  xdotool(["search", "--sync", "--onlyvisible", "--name", `^${title}$`, "windowfocus", "--sync", "%1"]);
  await new Promise((r) => setTimeout(r, 500)); // let GTK finish laying the dialog out
  xdotool(["key", "--clearmodifiers", "ctrl+l"]);
  xdotool(["key", "--clearmodifiers", "ctrl+a"]);
  xdotool(["type", "--delay", "5", path]);
  await new Promise((r) => setTimeout(r, 300));
  xdotool(["key", "Return"]);
}

/** The names of the members of a ZIP file (read with Python's zipfile, as another program would). */
export function zipMembers(path: string): string[] {
  const out = spawnSync("python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", path], {
    encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(`not a readable ZIP: ${out.stderr}`);
  return out.stdout.trim().split("\n");
}

/** One member of a ZIP file, as text. */
export function zipText(path: string, member: string): string {
  const out = spawnSync("python3", ["-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", path, member], {
    encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(`cannot read ${member}: ${out.stderr}`);
  return out.stdout;
}

/** A PNG header with the given size in pixels, padded to `len` bytes (enough for the type and size checks). */
export function png(width: number, height: number, len: number, salt: number): Buffer {
  const head = Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "latin1"), Buffer.alloc(8), Buffer.from([8, 2, 0, 0, 0]), Buffer.alloc(8)]);
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  head.writeUInt32BE(salt, 29);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, len - head.length), 7)]);
}

/**
 * A real notification daemon (dunst) on the test's session bus, logging each notification it
 * shows to a file; `shown()` reads them back as "summary<TAB>body" lines.
 */
export function notificationDaemon(dir: string): { shown: () => string[]; stop: () => void } {
  const log = join(dir, "notifications.tsv");
  const script = join(dir, "log-notification.sh");
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\t%s\\n' "$2" "$3" >> '${log}'\n`, { mode: 0o755 });
  const config = join(dir, "dunstrc");
  writeFileSync(config, `[global]\n  timeout = 0\n[log]\n  summary = "*"\n  script = ${script}\n`);
  const daemon = spawn("dunst", ["-config", config], { stdio: "ignore" });
  return {
    shown: () => {
      try {
        return readFileSync(log, "utf8").trim().split("\n").filter((l) => l !== "");
      } catch {
        return [];
      }
    },
    stop: () => daemon.kill(),
  };
}

/** Writes a file to hand to the app. */
export function fixture(dir: string, name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

// Steps through the real UI, shared by the tests that need a profile with a complete kit.

export async function createProfile(browser: Browser, kind: "freelancer" | "firm", name: string): Promise<void> {
  await browser.$(`[data-testid="profile-create"] input[name="kind"][value="${kind}"]`).click();
  await browser.$('[data-testid="profile-create"] input[name="name"]').setValue(name);
  await browser.$('[data-testid="profile-create"] button[type="submit"]').click();
  await browser.$('[data-testid="readiness"]').waitForExist();
}

export async function answerWizard(browser: Browser, applicant: string, provider: string, staticIp: string): Promise<string> {
  await visit(browser, "eligibility");
  await browser.$(`input[name="applicant"][value="${applicant}"]`).waitForExist();
  await browser.$(`input[name="applicant"][value="${applicant}"]`).click();
  await browser.$(`input[name="provider"][value="${provider}"]`).click();
  await browser.$(`input[name="staticIp"][value="${staticIp}"]`).click();
  await browser.$('form[aria-labelledby="questions-title"] button[type="submit"]').click();
  const decision = browser.$('[data-testid="decision"]');
  await decision.waitForExist();
  return decision.getText();
}

export async function fillDetails(browser: Browser, details: Record<string, string>): Promise<void> {
  const form = browser.$('form[aria-labelledby="details-title"]');
  await form.waitForExist();
  for (const [name, value] of Object.entries(details)) await form.$(`input[name="${name}"]`).setValue(value);
  await form.$('button[type="submit"]').click();
  await form.$('[role="status"]').waitForExist();
}

/** Adds `path` for a requirement through the Documents page's button and the native file dialog. */
export async function addDocument(browser: Browser, title: string, path: string): Promise<void> {
  const count = async () => (await browser.$$("[data-document]").getElements()).length;
  const before = await count();
  await browser.$(`button[aria-label="Add file for ${title}"]`).click();
  await answerFileDialog("Add a document", path);
  await browser.waitUntil(async () => (await count()) === before + 1, {
    timeout: 15_000,
    timeoutMsg: `${path} did not appear on the Documents page`,
  });
}

export async function readiness(browser: Browser): Promise<string> {
  return browser.$('[data-testid="documents-readiness"]').getText();
}
