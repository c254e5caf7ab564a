// The document kit: the checklist of the chosen category, files added through the native
// dialog or by dropping them on the window, the checks before submitting, and the export.
import { useEffect, useRef, useState } from "preact/hooks";
import type { CheckNote } from "../bindings/CheckNote";
import type { Checklist } from "../bindings/Checklist";
import type { DroppedFile } from "../bindings/DroppedFile";
import type { ExportReport } from "../bindings/ExportReport";
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { PageHeader } from "../components/PageHeader";
import { useShell } from "../context";
import { useForm } from "../hooks/useForm";
import { useLoad } from "../hooks/useLoad";
import { formatList, t, tx, type MessageKey } from "../i18n";
import { call, onEvent } from "../ipc";
import { hashFor } from "../router";
import { SlotCard } from "./documents/SlotCard";

export function DocumentsPage() {
  const shell = useShell();
  const profileId = shell.settings.activeProfileId;
  const load = useLoad(
    async () => (profileId === null ? null : call("checklist", { profileId })),
    [profileId, shell.dataVersion],
  );
  return (
    <>
      <PageHeader title={t("documents.title")} intro={t("documents.intro")} />
      {profileId === null ? <EmptyState title={t("documents.title")} body={t("eligibility.needProfile")} /> : null}
      {load.state === "loading" ? <p aria-busy="true">{t("app.loading")}</p> : null}
      {load.state === "failed" ? <ErrorNotice error={load.error} onRetry={shell.dataChanged} /> : null}
      {load.state === "ready" && load.data !== null && profileId !== null ? (
        <Kit profileId={profileId} checklist={load.data} />
      ) : null}
    </>
  );
}

function Kit({ profileId, checklist }: { profileId: number; checklist: Checklist }) {
  if (checklist.decision === null) {
    return (
      <section class="card">
        <p>{t("documents.needDecision")}</p>
        <a href={hashFor("eligibility")}>{t("documents.goEligibility")}</a>
      </section>
    );
  }
  if (checklist.category === null) {
    return (
      <section class="card">
        <p>
          <strong>{t("documents.notNeeded")}</strong>
        </p>
        <p>{tx(checklist.decision.why)}</p>
      </section>
    );
  }
  return (
    <div class="stack">
      <section class="card readiness" aria-labelledby="kit-title">
        <h2 id="kit-title">{tx(checklist.category.title)}</h2>
        <p class="readiness-value" data-testid="documents-readiness">
          {t("documents.readiness", { percent: checklist.readinessPercent })}
        </p>
        <progress max={100} value={checklist.readinessPercent} aria-label={t("documents.readiness", { percent: checklist.readinessPercent })} />
        <p class="muted small">{t("documents.dropHint")}</p>
      </section>
      <Dropped profileId={profileId} checklist={checklist} />
      <ol class="slots">
        {checklist.slots.map((slot) => (
          <SlotCard key={slot.number} profileId={profileId} slot={slot} />
        ))}
      </ol>
      <Checks checklist={checklist} />
      <Export profileId={profileId} />
    </div>
  );
}

function Dropped({ profileId, checklist }: { profileId: number; checklist: Checklist }) {
  const shell = useShell();
  const form = useForm();
  const [files, setFiles] = useState<DroppedFile[]>([]);
  const requirements = checklist.slots.flatMap((s) => s.requirements);
  const [choice, setChoice] = useState<Record<number, string>>({});
  useEffect(() => {
    const off = onEvent("files-dropped", (dropped) => setFiles((f) => [...f, ...dropped]));
    return () => void off.then((unlisten) => unlisten());
  }, []);
  if (files.length === 0) return null;
  return (
    <section class="card" aria-labelledby="dropped-title" aria-live="polite">
      <h2 id="dropped-title">{t("documents.droppedTitle")}</h2>
      <ul class="plain">
        {files.map((f) => {
          const requirementId = choice[f.index] ?? requirements[0]?.id ?? "";
          return (
            <li key={f.index} class="row">
              <label>
                {t("documents.dropAs", { name: f.name })}{" "}
                <select value={requirementId} onChange={(e) => setChoice({ ...choice, [f.index]: e.currentTarget.value })}>
                  {requirements.map((r) => (
                    <option key={r.id} value={r.id}>
                      {tx(r.title)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={form.pending}
                onClick={() =>
                  void form.submit(async () => {
                    await call("import_dropped", {
                      profileId,
                      index: f.index,
                      requirementId,
                      dates: { issuedOn: null, expiresOn: null },
                    });
                    setFiles((all) => all.filter((x) => x.index !== f.index));
                    shell.dataChanged();
                  })
                }
              >
                {t("app.add")}
              </button>
            </li>
          );
        })}
      </ul>
      {form.fieldErrors.file ? (
        <p class="field-error" role="alert">
          {form.fieldErrors.file}
        </p>
      ) : null}
    </section>
  );
}

/** A check's finding in the current language, from its kind and values. */
function noteText(note: CheckNote): string {
  switch (note.kind) {
    case "scansFix":
    case "expired":
      return t(`documents.note.${note.kind}`, { files: formatList(note.files) });
    case "detailsMissing":
      return t("documents.note.detailsMissing", { fields: formatList(note.fields.map((f) => t(`details.${f}` as MessageKey))) });
    case "mobileRegistered":
      return t("documents.note.mobileRegistered", { number: note.number });
    case "ipsToRegister":
      return t("documents.note.ipsToRegister", { count: note.count });
    case "subscriberMissing":
      return t("documents.note.subscriberMissing", { ips: formatList(note.ips) });
    case "ipNotListed":
    case "ipFixed":
    case "ipUnknown":
    case "ipNotFixed":
      return t(`documents.note.${note.kind}`, { measured: note.measured });
    default:
      return t(`documents.note.${note.kind}`);
  }
}

function Checks({ checklist }: { checklist: Checklist }) {
  return (
    <section class="card" aria-labelledby="checks-title">
      <h2 id="checks-title">{t("documents.checksTitle")}</h2>
      <ul class="checks plain">
        {checklist.checks.map((c) => (
          <li key={c.id} class={`check check-${c.state}`} data-check={c.id}>
            <span class="step-badge">{t(`documents.check.${c.state}` as MessageKey)}</span> {noteText(c.note)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Export({ profileId }: { profileId: number }) {
  const form = useForm();
  const [report, setReport] = useState<ExportReport | null>(null);
  const reportRef = useRef<HTMLDivElement>(null);
  // The report appears below the buttons, often below the fold: bring it into view.
  useEffect(() => reportRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" }), [report]);
  const run = (choose: boolean) =>
    void form.submit(async () => {
      const r = await call("export_package", { profileId, choose });
      if (r !== null) setReport(r);
    });
  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">{t("documents.exportTitle")}</h2>
      <p class="muted">{t("documents.exportIntro")}</p>
      <div class="row">
        <button type="button" class="primary" disabled={form.pending} onClick={() => run(false)}>
          {t("documents.exportQuick")}
        </button>
        <button type="button" disabled={form.pending} onClick={() => run(true)}>
          {t("documents.exportChoose")}
        </button>
      </div>
      {report ? (
        <div role="status" data-testid="export-report" ref={reportRef}>
          <p>
            {t("documents.exported", { path: "" })}
            <code dir="ltr">{report.path}</code>
          </p>
          {report.missing.length > 0 ? <p class="notice">{t("documents.exportIncomplete", { missing: report.missing.join(", ") })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
