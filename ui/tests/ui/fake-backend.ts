// A stand-in for the Rust side, injected into the page before the app loads. It answers the
// same commands with the same shapes (typed by the generated bindings) from memory, so the
// UI can be tested in a real browser without the desktop shell. Must be self-contained:
// Playwright serialises the function's source into the page.
import type { Commands } from "../../src/bindings";

export interface FakeOptions {
  /** Make app_info report a broken data store. */
  storageError?: string;
  /** Make every other command reject with this raw value (not an IpcError). */
  rawRejection?: unknown;
  /** The public IPv4 address check_connection reports (default 39.32.10.5). */
  publicV4?: string;
  /** Make check_connection report an active WireGuard tunnel. */
  vpn?: boolean;
}

type Handler = (args: Record<string, unknown>) => unknown;

export function installFakeBackend(options: FakeOptions): void {
  const now = "2026-11-23T10:00:00Z";
  let nextId = 1;
  const profiles: Commands["list_profiles"]["result"] = [];
  const ips: Commands["add_public_ip"]["result"][] = [];
  const sites: Commands["add_site"]["result"][] = [];
  const staff: Commands["add_staff"]["result"][] = [];
  const settings: Commands["get_settings"]["result"] = { theme: "system", language: "system", activeProfileId: null, recheckHours: 6 };
  const invalid = (field: string, message: string) => ({ code: "invalidInput", message, field });
  const notFound = (what: string) => ({ code: "notFound", message: `${what} was not found; it may have been deleted`, field: null });
  const calls: string[] = [];
  (window as unknown as { __fakeCalls: string[] }).__fakeCalls = calls;

  const findProfile = (id: unknown) => profiles.find((p) => p.id === id);
  let latestReport: Commands["check_connection"]["result"] | null = null;
  const publicV4 = options.publicV4 ?? "39.32.10.5";
  const makeCheck = (): Commands["check_connection"]["result"]["check"] => ({
    checkedAt: now,
    reverseDns: [{ address: publicV4, names: ["dsl-39-32-10-5.dynamic.example.pk"], error: null }],
    registry: [
      {
        address: publicV4,
        source: "https://rdap.apnic.net/ip/" + publicV4,
        handle: "39.32.0.0 - 39.63.255.255",
        name: "PTCL-BB",
        kind: "ALLOCATED PORTABLE",
        country: "PK",
        holder: "Pakistan Telecommunication Company Limited",
        range: ["39.32.0.0", "39.63.255.255"],
        prefixLen: 11,
        error: null,
      },
    ],
    router: { gateway: "192.168.1.1:5000", wanAddress: publicV4, wanClass: "public", error: null },
    v4: {
      family: "v4",
      status: "agreed",
      address: publicV4,
      quorum: 2,
      elapsedMs: 180,
      reports: [
        { name: "ipify", kind: "http", outcome: { outcome: "answered", address: publicV4, agrees: true }, elapsedMs: 120 },
        { name: "opendns", kind: "dns", outcome: { outcome: "answered", address: publicV4, agrees: true }, elapsedMs: 180 },
        { name: "liar", kind: "http", outcome: { outcome: "answered", address: "45.116.232.9", agrees: false }, elapsedMs: 40 },
        { name: "slow", kind: "http", outcome: { outcome: "notAwaited" }, elapsedMs: 180 },
      ],
    },
    v6: {
      family: "v6",
      status: "noAnswer",
      address: null,
      quorum: 2,
      elapsedMs: 3000,
      reports: [{ name: "ipify6", kind: "http", outcome: { outcome: "failed", reason: "could not be reached: Network is unreachable" }, elapsedMs: 3 }],
    },
    interfaces: [
      { name: "eth0", vpnHint: null, addresses: [{ address: "192.168.1.23", prefix: 24, class: "private" }] },
      ...(options.vpn ? [{ name: "wg0", vpnHint: "a WireGuard tunnel", addresses: [{ address: "10.8.0.2", prefix: 32, class: "private" as const }] }] : []),
    ],
    vpn: options.vpn ? { active: true, evidence: ["interface wg0 is a WireGuard tunnel"] } : { active: false, evidence: [] },
  });
  const handlers: Record<keyof Commands, Handler> = {
    app_info: () => ({
      version: "0.1.0",
      dataDir: "/home/test/.local/share/vca",
      databasePath: options.storageError ? null : "/home/test/.local/share/vca/vca.sqlite3",
      schemaVersion: options.storageError ? null : 2,
      storageError: options.storageError ? { code: "storageUnavailable", message: options.storageError, field: null } : null,
    }),
    ui_ready: () => null,
    check_connection: async () => {
      await new Promise((r) => setTimeout(r, 300));
      const check = makeCheck();
      latestReport = {
        check,
        history: {
          periods: [
            { address: "39.32.1.1", from: "2026-10-20T09:00:00Z", to: "2026-11-02T09:00:00Z", checks: 4 },
            { address: publicV4, from: "2026-11-03T09:00:00Z", to: now, checks: 6 },
          ],
          changesLast30Days: 1,
        },
        v6PrefixHistory: { periods: [], changesLast30Days: 0 },
        verdict: options.vpn
          ? {
              kind: "unknown",
              unknownReason: "vpnActive",
              confidence: "low",
              address: publicV4,
              evidence: [{ source: "vpn", lean: "neutral", finding: "interface wg0 is a WireGuard tunnel; the address seen is probably the VPN's" }],
              nextSteps: ["switchOffVpn"],
              isp: null,
            }
          : {
              kind: "likelyDynamic",
              unknownReason: null,
              confidence: "low",
              address: publicV4,
              evidence: [
                { source: "services", lean: "neutral", finding: `2 of 4 independent services see your public address as ${publicV4}` },
                { source: "reverseDns", lean: "dynamic", finding: 'the reverse DNS name dsl-39-32-10-5.dynamic.example.pk contains "dsl", "dynamic", which ISPs use for dynamic addresses' },
              ],
              nextSteps: ["askIspForStatic", "registerMobileNumber", "useLicensedProvider"],
              isp: {
                id: "ptcl",
                name: "PTCL",
                asns: [17557],
                patterns: ["pakistan telecommunication company", "ptcl"],
                kind: "fixed",
                staticIp: "sold",
                mobileCgnat: null,
              },
            },
      };
      return latestReport;
    },
    latest_report: () => latestReport,
    get_settings: () => ({ ...settings }),
    update_settings: ({ patch }) => {
      const p = patch as Partial<typeof settings>;
      if (p.activeProfileId !== undefined && !findProfile(p.activeProfileId)) throw notFound(`profile ${p.activeProfileId}`);
      Object.assign(settings, p);
      return { ...settings };
    },
    list_profiles: () => [...profiles],
    create_profile: ({ input }) => {
      const i = input as { kind: "freelancer" | "firm"; name: string };
      if (i.name.trim() === "") throw invalid("name", "The name is required");
      const p = { id: nextId++, kind: i.kind, name: i.name.trim(), createdAt: now, updatedAt: now };
      profiles.push(p);
      return p;
    },
    update_profile: ({ id, input }) => {
      const p = findProfile(id);
      if (!p) throw notFound(`profile ${String(id)}`);
      const i = input as { kind: "freelancer" | "firm"; name: string };
      if (i.name.trim() === "") throw invalid("name", "The name is required");
      Object.assign(p, { name: i.name.trim(), kind: i.kind });
      return p;
    },
    delete_profile: ({ id }) => {
      const at = profiles.findIndex((p) => p.id === id);
      if (at < 0) throw notFound(`profile ${String(id)}`);
      profiles.splice(at, 1);
      if (settings.activeProfileId === id) settings.activeProfileId = profiles[0]?.id ?? null;
      return null;
    },
    profile_detail: ({ id }) => {
      const p = findProfile(id);
      if (!p) throw notFound(`profile ${String(id)}`);
      return {
        profile: p,
        sites: sites.filter((s) => s.profileId === id),
        publicIps: ips.filter((i) => i.profileId === id),
        staff: staff.filter((s) => s.profileId === id),
      };
    },
    add_site: ({ profileId, input }) => {
      const i = input as { name: string; city: string | null };
      if (i.name.trim() === "") throw invalid("name", "The site name is required");
      const s = { id: nextId++, profileId: profileId as number, name: i.name.trim(), city: i.city || null };
      sites.push(s);
      return s;
    },
    remove_site: ({ id }) => {
      const at = sites.findIndex((s) => s.id === id);
      if (at < 0) throw notFound(`site ${String(id)}`);
      sites.splice(at, 1);
      return null;
    },
    add_public_ip: ({ profileId, input }) => {
      const i = input as { address: string; label: string | null; subscriberId: string | null; siteId: number | null };
      const address = i.address.trim();
      if (!/^\d+\.\d+\.\d+\.\d+$/.test(address)) throw invalid("address", `"${address}" is not an IP address; write it like 39.32.10.5 or 2400:adc0::1`);
      if (/^(10|192\.168)\./.test(address)) throw invalid("address", `${address} is a private (home or office network) address; only a public IP from your ISP can be registered`);
      const ip = { id: nextId++, profileId: profileId as number, siteId: i.siteId, address, label: i.label || null, subscriberId: i.subscriberId?.trim() || null };
      ips.push(ip);
      return ip;
    },
    remove_public_ip: ({ id }) => {
      const at = ips.findIndex((s) => s.id === id);
      if (at < 0) throw notFound(`public IP ${String(id)}`);
      ips.splice(at, 1);
      return null;
    },
    add_staff: ({ profileId, input }) => {
      const i = input as { name: string; role: string | null; email: string | null; siteId: number | null };
      const s = { id: nextId++, profileId: profileId as number, siteId: i.siteId, name: i.name, role: i.role || null, email: i.email || null };
      staff.push(s);
      return s;
    },
    remove_staff: () => null,
    overview: () => {
      const active = findProfile(settings.activeProfileId);
      const count = active ? ips.filter((i) => i.profileId === active.id).length : 0;
      const verdict = latestReport?.verdict ?? null;
      const connectionDone = verdict !== null && (verdict.kind === "static" || verdict.kind === "likelyStatic");
      const done = (active ? 1 : 0) + (count > 0 ? 1 : 0) + (connectionDone ? 1 : 0);
      return {
        profile: active ?? null,
        publicIpCount: count,
        connection:
          latestReport === null
            ? null
            : { verdict: latestReport.verdict.kind, unknownReason: latestReport.verdict.unknownReason, address: latestReport.verdict.address, checkedAt: now },
        readinessPercent: Math.floor((done * 100) / 3),
        steps: [
          { key: "profile", state: active ? "done" : "todo" },
          { key: "publicIp", state: count > 0 ? "done" : "todo" },
          { key: "connection", state: connectionDone ? "done" : "todo" },
          { key: "eligibility", state: "upcoming" },
          { key: "documents", state: "upcoming" },
          { key: "application", state: "upcoming" },
        ],
      };
    },
  };

  // Event listeners the page registered, so a test can emit an event as the backend would.
  const callbacks = new Map<number, (message: unknown) => void>();
  const listeners: { event: string; handler: number }[] = [];
  let nextCallback = 1;
  (window as unknown as { __fakeEmit: (event: string, payload: unknown) => number }).__fakeEmit = (event, payload) => {
    const matching = listeners.filter((l) => l.event === event);
    for (const l of matching) callbacks.get(l.handler)?.({ event, id: l.handler, payload });
    return matching.length;
  };
  (window as unknown as { __fakeNextReport: () => unknown }).__fakeNextReport = () => handlers.check_connection({});
  (window as unknown as { __TAURI_EVENT_PLUGIN_INTERNALS__: unknown }).__TAURI_EVENT_PLUGIN_INTERNALS__ = {
    unregisterListener: () => undefined,
  };
  (window as unknown as { __TAURI_INTERNALS__: unknown }).__TAURI_INTERNALS__ = {
    invoke: async (cmd: string, args: Record<string, unknown>) => {
      calls.push(cmd);
      await new Promise((r) => setTimeout(r, 5));
      if (options.rawRejection !== undefined && cmd !== "app_info" && cmd !== "ui_ready") throw options.rawRejection;
      // The event plugin's own commands (listen/unlisten), used by @tauri-apps/api/event.
      if (cmd === "plugin:event|listen") {
        listeners.push({ event: String(args.event), handler: Number(args.handler) });
        return listeners.length;
      }
      if (cmd === "plugin:event|unlisten") return null;
      const handler = (handlers as Record<string, Handler | undefined>)[cmd];
      if (!handler) throw `unknown command ${cmd}`;
      return handler(args ?? {});
    },
    transformCallback: (callback: (message: unknown) => void) => {
      const id = nextCallback++;
      callbacks.set(id, callback);
      return id;
    },
    unregisterCallback: () => undefined,
    metadata: { currentWindow: { label: "main" }, currentWebview: { windowLabel: "main", label: "main" } },
  };
}
