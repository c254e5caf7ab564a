// Serves the built front end on 127.0.0.1 and opens it in Debian's headless Chromium.
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { installFakeBackend, type FakeOptions } from "./fake-backend";

const DIST = resolve(import.meta.dirname, "../../dist");
export const ARTIFACTS = resolve(import.meta.dirname, "../../../artifacts/ui");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

export async function serveDist(): Promise<{ url: string; server: Server }> {
  if (!existsSync(join(DIST, "index.html"))) throw new Error("ui/dist is missing: run `npm run build` first");
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/"));
    let file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, "index.html");
    res.setHeader("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
    // The same policy the app ships with, so a violation fails here too.
    res.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'");
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface Opened {
  page: Page;
  errors: string[];
}

/** Opens the app with a fake backend; collects page errors so tests can assert there were none. */
export async function openApp(
  browser: Browser,
  url: string,
  options: FakeOptions = {},
  viewport = { width: 1100, height: 760 },
  colorScheme: "light" | "dark" = "light",
): Promise<Opened> {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript(installFakeBackend, options);
  await page.goto(url);
  return { page, errors };
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/**
 * Serves dist/ and launches Chromium once for the calling test file (registered as its
 * beforeAll/afterAll); `open("#/section", …)` opens the app at that hash with a fake backend.
 */
export function servedApp() {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let url = "";
  beforeAll(async () => {
    ({ server, url } = await serveDist());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  return {
    open(hash = "", ...rest: Parameters<typeof openApp> extends [Browser, string, ...infer R] ? R : never): Promise<Opened> {
      if (!browser) throw new Error("the browser is not running yet");
      return openApp(browser, `${url}${hash}`, ...rest);
    },
  };
}
