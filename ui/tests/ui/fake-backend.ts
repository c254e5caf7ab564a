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
  /** Report no reachable keychain (credential commands fail as the backend's would). */
  noKeychain?: boolean;
  /** The saved interface language (default: follow the system). */
  language?: "system" | "en" | "ur";
}

type Handler = (args: Record<string, unknown>) => unknown;

export function installFakeBackend(options: FakeOptions): void {
  const now = "2026-11-23T10:00:00Z";
  let nextId = 1;
  const profiles: Commands["list_profiles"]["result"] = [];
  const ips: Commands["add_public_ip"]["result"][] = [];
  const sites: Commands["add_site"]["result"][] = [];
  const staff: Commands["add_staff"]["result"][] = [];
  const settings: Commands["get_settings"]["result"] = { theme: "system", language: options.language ?? "system", activeProfileId: null, recheckHours: 6, maxDocumentMb: 20, followUpDays: 14 };
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
      ...(options.vpn ? [{ name: "wg0", vpnHint: "wireGuard" as const, addresses: [{ address: "10.8.0.2", prefix: 32, class: "private" as const }] }] : []),
    ],
    vpn: options.vpn ? { active: true, evidence: [{ interface: "wg0", tunnel: "wireGuard" as const }] } : { active: false, evidence: [] },
  });
  // The document kit: a small rules pack, the wizard, details and an in-memory vault.
  const URDU: Record<string, string> = {
    "PTA: registration of VPNs": "PTA: VPN کی رجسٹریشن",
    "CNIC, front side": "CNIC، سامنے کا رخ",
    "CNIC, back side": "CNIC، پچھلا رخ",
    "Authentication letter": "تصدیقی خط",
    "VPN registration for a freelancer": "فری لانسر کے لیے VPN رجسٹریشن",
    "A freelancer registers a fixed IP.": "فری لانسر مستقل IP رجسٹر کراتا ہے۔",
    "You can register your fixed IP.": "آپ اپنا مستقل IP رجسٹر کرا سکتے ہیں۔",
  };
  const text = (en: string) => (URDU[en] ? { en, ur: URDU[en] } : { en });
  const source = { id: "pta", title: text("PTA: registration of VPNs"), url: "https://www.pta.gov.pk/", published: "2024-11-01" };
  const req = (id: string, title: string, notExpired: boolean) => ({
    id,
    title: text(title),
    description: text(`${title}, clearly readable.`),
    fileTypes: ["pdf", "jpeg", "png"],
    exportName: id,
    validity: { notExpired, minWidthPx: 600, minHeightPx: 380 },
    source: "pta",
  });
  const requirements = [req("cnic-front", "CNIC, front side", true), req("cnic-back", "CNIC, back side", true), req("authentication-letter", "Authentication letter", false)];
  const freelancer = {
    id: "freelancer",
    title: text("VPN registration for a freelancer"),
    description: text("A freelancer registers a fixed IP."),
    portal: "pta",
    registers: "staticIp",
    slots: [["cnic-front"], ["cnic-back"], ["authentication-letter"]],
    source: "pta",
  };
  const pack = {
    format: 1,
    version: 1,
    published: "2026-11-23",
    title: text("PTA rules"),
    notes: text("Check the sources."),
    sources: [source],
    requirements,
    categories: [freelancer],
    paths: [],
    licensedProviders: { note: text("First five."), source: "pta", providers: [{ name: "Crest VPN", company: "Zettabyte (Pvt) Ltd" }] },
  };
  const answersBy = new Map<number, { applicant: string; provider: string; staticIp: string }>();
  const detailsBy = new Map<number, Record<string, string | null>>();
  type FakeDoc = { id: number; profileId: number; requirementId: string; sha256: string; size: number; fileType: string; width: number | null; height: number | null; originalName: string; issuedOn: string | null; expiresOn: string | null; addedAt: string };
  const docs: FakeDoc[] = [];
  const decide = (a: { applicant: string; provider: string; staticIp: string }) => {
    const base = { answers: a, source, packVersion: 1, needsStaticIpFirst: false };
    if (a.provider === "licensed") return { ...base, pathId: "licensed-provider", outcome: "nothingNeeded", category: null, why: text("Your licensed provider is registered for you.") };
    if (a.applicant === "individual") return { ...base, pathId: "privacy", outcome: "useLicensedProvider", category: null, why: text("There is no registration for privacy; use a licensed provider.") };
    return { ...base, pathId: "freelancer-ip", outcome: "register", category: freelancer, why: text("You can register your fixed IP."), needsStaticIpFirst: a.staticIp !== "yes" };
  };
  const checklistFor = (profileId: number) => {
    const a = answersBy.get(profileId);
    const decision = a ? decide(a) : null;
    const category = decision?.category ?? null;
    const slots = (category?.slots ?? []).map((ids, i) => {
      const documents = docs.filter((d) => d.profileId === profileId && ids.includes(d.requirementId)).map((d) => ({ document: d, findings: [], counts: true }));
      return { number: i + 1, requirements: requirements.filter((r) => ids.includes(r.id)), state: documents.length > 0 ? "done" : "missing", documents };
    });
    const done = slots.filter((x) => x.state === "done").length;
    const has = (id: string) => docs.some((d) => d.profileId === profileId && d.requirementId === id);
    const checks = category
      ? [
          has("cnic-front") && has("cnic-back")
            ? { id: "cnicBothSides", state: "pass", message: "both sides of the CNIC are here", note: { kind: "cnicBoth" } }
            : { id: "cnicBothSides", state: "fail", message: "add both sides of the CNIC", note: { kind: "cnicNone" } },
          { id: "ipMatchesMeasured", state: "unknown", message: "run a connection check to compare the IP with this connection", note: { kind: "ipNotChecked" } },
        ]
      : [];
    return { decision, category, slots, otherDocuments: [], checks, readinessPercent: slots.length ? Math.floor((done * 100) / slots.length) : 0, complete: false };
  };
  const addDoc = (profileId: number, requirementId: string, name: string) => {
    const d: FakeDoc = { id: nextId++, profileId, requirementId, sha256: "ab".repeat(32), size: 120_000, fileType: "jpeg", width: 1000, height: 630, originalName: name, issuedOn: null, expiresOn: null, addedAt: now };
    docs.unshift(d);
    return d;
  };

  // Credentials: the fake keychain is a map the page can only reach through the commands.
  type FakeCredential = Commands["add_credential"]["result"];
  const credentials: FakeCredential[] = [];
  const secrets = new Map<number, string>();
  (window as unknown as { __fakeClipboard: string[] }).__fakeClipboard = [];
  const keychainMissing = { code: "keychainUnavailable", message: "No keychain is available on this system", field: null };
  const findCredential = (id: unknown) => {
    const c = credentials.find((x) => x.id === id);
    if (!c) throw notFound(`credential ${String(id)}`);
    return c;
  };
  const checkCredential = (input: Commands["add_credential"]["args"]["input"], id: number | null) => {
    if (options.noKeychain) throw keychainMissing;
    if (input.label.trim() === "") throw invalid("label", 'give the credential a name, e.g. "PTA portal"');
    if (credentials.some((c) => c.id !== id && c.label.toLowerCase() === input.label.trim().toLowerCase()))
      throw invalid("label", `a credential named "${input.label.trim()}" already exists; choose another name`);
    if (id === null && !input.secret) throw invalid("secret", "enter the password or token");
  };

  // Applications: a registration's state machine (a copy of the core's table, enough for the UI).
  type FakeApplication = Commands["start_application"]["result"];
  type FakeEvent = Commands["application_view"]["result"]["timeline"][number];
  type Status = FakeApplication["status"];
  const applications: FakeApplication[] = [];
  const events: FakeEvent[] = [];
  const reminders: Commands["add_reminder"]["result"][] = [];
  const NEXT: Record<Status, Status[]> = {
    draft: ["ready", "withdrawn"],
    ready: ["submitted", "draft", "withdrawn"],
    submitted: ["ispVerification", "underReview", "moreInfoRequested", "approved", "rejected", "withdrawn"],
    resubmitted: ["ispVerification", "underReview", "moreInfoRequested", "approved", "rejected", "withdrawn"],
    ispVerification: ["underReview", "moreInfoRequested", "approved", "rejected", "withdrawn"],
    underReview: ["moreInfoRequested", "approved", "rejected", "withdrawn"],
    moreInfoRequested: ["resubmitted", "withdrawn"],
    approved: ["delisted", "renewalDue"],
    rejected: ["resubmitted", "draft", "withdrawn"],
    delisted: ["resubmitted", "withdrawn"],
    renewalDue: ["resubmitted", "withdrawn"],
    withdrawn: [],
  };
  const findApplication = (id: unknown) => {
    const a = applications.find((x) => x.id === id);
    if (!a) throw notFound(`application ${String(id)}`);
    return a;
  };
  const viewOf = (id: unknown): Commands["application_view"]["result"] => {
    const application = findApplication(id);
    return {
      application,
      nextAction: application.status === "draft" ? "completeKit" : application.status === "rejected" ? "fixAndResubmit" : "waitForDecision",
      nextStatuses: NEXT[application.status],
      timeline: events.filter((e) => e.applicationId === application.id),
    };
  };
  const addEvent = (applicationId: number, from: Status | null, to: Status, extra: Partial<FakeEvent> = {}) =>
    events.push({ id: nextId++, applicationId, at: now, recordedAt: now, from, to, note: null, reason: null, attachments: [], ...extra });

  const handlers: Record<keyof Commands, Handler> = {
    list_applications: ({ profileId }) => applications.filter((a) => a.profileId === profileId).reverse(),
    application_view: ({ id }) => viewOf(id),
    start_application: ({ profileId, input }) => {
      const i = input as Commands["start_application"]["args"]["input"];
      if (i.title.trim() === "") throw invalid("title", "give the application a name you will recognise");
      const app: FakeApplication = {
        id: nextId++,
        profileId: profileId as number,
        kind: i.kind ?? "registration",
        blocksId: i.blocksId ?? null,
        portal: i.kind === "ispStaticIp" ? "isp" : i.kind === "psebRegistration" ? "psebOneWindow" : "pta",
        categoryId: null,
        title: i.title.trim(),
        reference: null,
        status: "draft",
        startedAt: now,
        submittedAt: null,
        registeredIps: i.registeredIps,
        mobileNumber: i.mobileNumber ?? null,
        vpnService: null,
        vpnProtocol: null,
        contact: null,
        notes: null,
        renewalOn: null,
        updatedAt: now,
      };
      applications.push(app);
      addEvent(app.id, null, "draft");
      return app;
    },
    update_application: ({ id, input }) => {
      const a = findApplication(id);
      const i = input as Commands["update_application"]["args"]["input"];
      Object.assign(a, { title: i.title, registeredIps: i.registeredIps, reference: i.reference ?? null, renewalOn: i.renewalOn ?? null, notes: i.notes ?? null });
      return a;
    },
    delete_application: ({ id }) => {
      applications.splice(applications.indexOf(findApplication(id)), 1);
      return null;
    },
    move_application: ({ id, change }) => {
      const a = findApplication(id);
      const c = change as Commands["move_application"]["args"]["change"];
      if (!NEXT[a.status].includes(c.to)) throw invalid("to", `an application that is ${a.status} cannot become ${c.to}`);
      if (c.to === "rejected" && !c.reason) throw invalid("reason", "write down the reason the portal gave");
      addEvent(a.id, a.status, c.to, { note: c.note, reason: c.reason });
      a.status = c.to;
      if (c.reference) a.reference = c.reference;
      return viewOf(id);
    },
    list_reminders: ({ profileId }) => ({ due: reminders.filter((r) => r.profileId === profileId && r.doneAt === null), upcoming: [] }),
    add_reminder: ({ profileId, input }) => {
      const i = input as Commands["add_reminder"]["args"]["input"];
      const r = { id: nextId++, kind: "custom" as const, profileId: profileId as number, applicationId: i.applicationId, title: { key: "reminder.said", params: { text: i.title } }, body: null, dueAt: `${i.dueOn}T09:00:00Z`, firedAt: null, doneAt: null };
      reminders.push(r);
      return r;
    },
    firm_page: ({ query }) => {
      const q = query as Commands["firm_page"]["args"]["query"];
      const needle = (q.search ?? "").toLowerCase();
      const rows = applications
        .map((a) => ({ ...a, profileName: findProfile(a.profileId)?.name ?? "" }))
        .filter((a) => (q.status ? a.status === q.status : true))
        .filter((a) => needle === "" || `${a.title} ${a.profileName} ${a.reference ?? ""} ${a.registeredIps.join(" ")}`.toLowerCase().includes(needle))
        .sort((a, b) => {
          const key = { title: a.title.localeCompare(b.title), profile: a.profileName.localeCompare(b.profileName), status: a.status.localeCompare(b.status), reference: (a.reference ?? "").localeCompare(b.reference ?? ""), updated: a.id - b.id }[q.sort];
          return q.descending ? -key : key;
        });
      return { rows: rows.slice(q.offset, q.offset + (q.limit || 50)), total: rows.length };
    },
    export_applications: ({ format }) => `/home/test/applications-2026-11-23.${String(format)}`,
    import_sites: () => ({ imported: 2, sitesAdded: 1, ipsAdded: 2, refused: [{ line: 4, reason: "192.168.1.10 is a private (home or office network) address" }] }),
    portal_helper: ({ id }) => {
      const a = findApplication(id);
      const d = detailsBy.get(a.profileId) ?? {};
      return {
        url: "https://www.pta.gov.pk/",
        pageTitle: "PTA's online VPN registration and IP whitelisting portal",
        fields: [
          { label: "Applicant's full name (as on the CNIC)", value: d.fullName ?? null },
          { label: "CNIC number", value: d.cnic ?? null },
          { label: "IP address(es) to whitelist", value: a.registeredIps.join(", ") || null },
        ],
      };
    },
    open_portal: () => {
      (window as unknown as { __fakeOpened: number }).__fakeOpened = ((window as unknown as { __fakeOpened?: number }).__fakeOpened ?? 0) + 1;
      return null;
    },
    backup_data: () => ({ path: "/home/test/VPN-Compliance-Assistant-backup-2026-11-23.vcabackup", createdAt: now, files: 3, bytes: 2_400_000 }),
    restore_data: () => ({ path: "/home/test/old.vcabackup", createdAt: "2026-11-01T08:00:00Z", files: 3, bytes: 2_400_000 }),
    complete_reminder: ({ id }) => {
      const r = reminders.find((x) => x.id === id);
      if (r) r.doneAt = now;
      return null;
    },
    keychain_status: () =>
      options.noKeychain
        ? { backend: null, description: "No keychain is available on this system (no Secret Service answers)", persistent: false, problem: "missing" }
        : { backend: "secretService", description: "the Secret Service (GNOME Keyring or KWallet)", persistent: true, problem: null },
    list_credentials: () => [...credentials].sort((a, b) => a.label.localeCompare(b.label)),
    add_credential: ({ input }) => {
      const i = input as Commands["add_credential"]["args"]["input"];
      checkCredential(i, null);
      const c: FakeCredential = { id: nextId++, kind: i.kind, label: i.label.trim(), account: i.account?.trim() || null, backend: "secretService", createdAt: now, changedAt: now };
      credentials.push(c);
      secrets.set(c.id, i.secret ?? "");
      return c;
    },
    update_credential: ({ id, input }) => {
      const i = input as Commands["update_credential"]["args"]["input"];
      const c = findCredential(id);
      checkCredential(i, c.id);
      Object.assign(c, { kind: i.kind, label: i.label.trim(), account: i.account?.trim() || null });
      if (i.secret) secrets.set(c.id, i.secret);
      return c;
    },
    delete_credential: ({ id }) => {
      const c = findCredential(id);
      credentials.splice(credentials.indexOf(c), 1);
      secrets.delete(c.id);
      return null;
    },
    reveal_credential: ({ id }) => ({ secret: secrets.get(findCredential(id).id) ?? "", hideAfterSeconds: 30 }),
    copy_credential: ({ id }) => {
      (window as unknown as { __fakeClipboard: string[] }).__fakeClipboard.push(secrets.get(findCredential(id).id) ?? "");
      return { clearAfterSeconds: 30 };
    },
    rules_info: () => ({ info: { version: 1, published: "2026-11-23", title: pack.title, notes: pack.notes, builtIn: true, importedAt: null }, pack }),
    import_rules_pack: () => null,
    get_eligibility: ({ profileId }) => {
      const a = answersBy.get(profileId as number) ?? null;
      return { answers: a, decision: a ? decide(a) : null, measuredStaticIp: latestReport ? "no" : null };
    },
    decide_eligibility: ({ profileId, answers }) => {
      const a = answers as { applicant: string; provider: string; staticIp: string };
      answersBy.set(profileId as number, a);
      return decide(a);
    },
    get_applicant_details: ({ profileId }) => ({ ...(detailsBy.get(profileId as number) ?? {}) }),
    save_applicant_details: ({ profileId, details }) => {
      const d = { ...(details as Record<string, string | null>) };
      if (d.cnic) {
        const digits = d.cnic.replace(/\D/g, "");
        if (digits.length !== 13) throw invalid("cnic", "a CNIC has 13 digits, written like 35202-1234567-1");
        d.cnic = `${digits.slice(0, 5)}-${digits.slice(5, 12)}-${digits.slice(12)}`;
      }
      detailsBy.set(profileId as number, d);
      return d;
    },
    checklist: ({ profileId }) => checklistFor(profileId as number),
    pick_document: ({ profileId, requirementId }) => addDoc(profileId as number, requirementId as string, `${String(requirementId)}.jpg`),
    import_dropped: ({ profileId, requirementId }) => addDoc(profileId as number, requirementId as string, "dropped.jpg"),
    update_document_dates: ({ id, dates }) => {
      const d = docs.find((x) => x.id === id);
      if (!d) throw notFound(`document ${String(id)}`);
      Object.assign(d, dates);
      return d;
    },
    remove_document: ({ id }) => {
      const at = docs.findIndex((x) => x.id === id);
      if (at >= 0) docs.splice(at, 1);
      return null;
    },
    document_thumbnail: () => null,
    export_package: ({ profileId }) => {
      const c = checklistFor(profileId as number);
      return {
        path: "/home/test/Downloads/PTA-application.zip",
        format: "zip",
        files: c.slots.flatMap((x) => x.documents.map((d) => ({ name: `0${x.number}-${d.document.requirementId}.jpg`, requirementId: d.document.requirementId, sha256: d.document.sha256, size: d.document.size }))),
        missing: c.slots.filter((x) => x.state !== "done").map((x) => x.requirements.map((r) => r.title.en).join(" or ")),
        complete: false,
      };
    },
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
              evidence: [{ source: "vpn", lean: "neutral", finding: { key: "evidence.vpn.interface", params: { interface: "wg0", tunnel: { key: "vpn.tunnel.wireGuard" } } } }],
              nextSteps: ["switchOffVpn"],
              isp: null,
            }
          : {
              kind: "likelyDynamic",
              unknownReason: null,
              confidence: "low",
              address: publicV4,
              evidence: [
                { source: "services", lean: "neutral", finding: { key: "evidence.servicesAgree", params: { agreeing: 2, total: 4, address: publicV4 } } },
                { source: "reverseDns", lean: "dynamic", finding: { key: "evidence.ptrDynamic", params: { name: "dsl-39-32-10-5.dynamic.example.pk", words: '"dsl", "dynamic"' } } },
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
        documents: null,
        readinessPercent: Math.floor(((done + (active && answersBy.has(active.id) ? 1 : 0)) * 100) / 6),
        steps: [
          { key: "profile", state: active ? "done" : "todo" },
          { key: "publicIp", state: count > 0 ? "done" : "todo" },
          { key: "connection", state: connectionDone ? "done" : "todo" },
          { key: "eligibility", state: active && answersBy.has(active.id) ? "done" : "todo" },
          { key: "documents", state: "todo" },
          { key: "application", state: "todo" },
        ],
        application: null,
        attention: reminders.filter((r) => r.profileId === active?.id && r.doneAt === null),
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
