// One line of the checklist: the documents that satisfy it, what is wrong with them, and a
// way to add one (native file dialog) with its dates.
import { useEffect, useState } from "preact/hooks";
import type { DocumentView } from "../../bindings/DocumentView";
import type { Issue } from "../../bindings/Issue";
import type { Requirement } from "../../bindings/Requirement";
import type { Slot } from "../../bindings/Slot";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { formatBytes, formatDate, t, tx, type MessageKey } from "../../i18n";
import { call } from "../../ipc";

/** A document's problem in the current language, from its kind and values. */
function findingText(issue: Issue): string {
  switch (issue.kind) {
    case "expired":
      return t("documents.finding.expired", { on: formatDate(issue.on) });
    case "needsExpiryDate":
    case "needsIssueDate":
    case "typeNotAccepted":
    case "missingFromVault":
      return t(`documents.finding.${issue.kind}`);
    case "expiresSoon":
      return t("documents.finding.expiresSoon", { on: formatDate(issue.on), days: issue.days });
    case "tooOld":
      return t("documents.finding.tooOld", { on: formatDate(issue.on), months: issue.months });
    case "tooSmall":
      return t("documents.finding.tooSmall", { width: issue.width, height: issue.height, minWidth: issue.min_width, minHeight: issue.min_height });
    case "tooLarge":
      return t("documents.finding.tooLarge", { size: formatBytes(issue.size), max: formatBytes(issue.max) });
  }
}

export function SlotCard({ profileId, slot }: { profileId: number; slot: Slot }) {
  const titles = slot.requirements.map((r) => tx(r.title)).join(t("documents.or"));
  return (
    <li class={`card slot slot-${slot.state}`} data-slot={slot.number}>
      <div class="slot-head">
        <h3>{t("documents.slot", { number: slot.number, titles })}</h3>
        <span class="step-badge">{t(`documents.state.${slot.state}` as MessageKey)}</span>
      </div>
      {slot.documents.map((d) => (
        <DocumentRow key={d.document.id} view={d} />
      ))}
      {slot.requirements.map((r) => (
        <AddDocument key={r.id} profileId={profileId} requirement={r} />
      ))}
    </li>
  );
}

function Thumbnail({ id, type }: { id: number; type: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call("document_thumbnail", { id }).then(
      (s) => live && setSrc(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id]);
  // A file whose header says image but whose pixels do not decode falls back to its type.
  return src ? <img class="thumb" src={src} alt="" onError={() => setSrc(null)} /> : <span class="thumb thumb-file" aria-hidden="true">{type.toUpperCase()}</span>;
}

function DocumentRow({ view }: { view: DocumentView }) {
  const shell = useShell();
  const form = useForm();
  const d = view.document;
  const [issuedOn, setIssued] = useState(d.issuedOn ?? "");
  const [expiresOn, setExpires] = useState(d.expiresOn ?? "");
  return (
    <div class={`doc ${view.counts ? "doc-ok" : "doc-bad"}`} data-document={d.id}>
      <Thumbnail id={d.id} type={d.fileType} />
      <div class="doc-body">
        <p>
          <strong dir="auto">{d.originalName}</strong>{" "}
          <span class="muted small">
            {d.fileType.toUpperCase()} · {formatBytes(d.size)}
            {d.width !== null && d.height !== null ? ` · ${t("documents.pixels", { width: d.width, height: d.height })}` : ""}
            {d.expiresOn ? ` · ${t("documents.expiresOn")} ${formatDate(d.expiresOn)}` : ""}
          </span>
        </p>
        <ul class="findings plain">
          {view.findings.map((f) => (
            <li key={f.issue.kind} class={`finding finding-${f.severity}`}>
              {findingText(f.issue)}
            </li>
          ))}
        </ul>
        <form
          class="row dates"
          onSubmit={(e) => {
            e.preventDefault();
            void form.submit(async () => {
              await call("update_document_dates", {
                id: d.id,
                dates: { issuedOn: issuedOn === "" ? null : issuedOn, expiresOn: expiresOn === "" ? null : expiresOn },
              });
              shell.dataChanged();
            });
          }}
        >
          <label>
            {t("documents.issuedOn")} <input type="date" value={issuedOn} onInput={(e) => setIssued(e.currentTarget.value)} />
          </label>
          <label>
            {t("documents.expiresOn")} <input type="date" value={expiresOn} onInput={(e) => setExpires(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={form.pending}>
            {t("documents.saveDates")}
          </button>
          <button
            type="button"
            class="danger"
            disabled={form.pending}
            onClick={() =>
              void form.submit(async () => {
                await call("remove_document", { id: d.id });
                shell.dataChanged();
              })
            }
          >
            {t("documents.remove")}
          </button>
        </form>
        {form.fieldErrors.issuedOn || form.fieldErrors.expiresOn ? (
          <p class="field-error" role="alert">
            {form.fieldErrors.issuedOn ?? form.fieldErrors.expiresOn}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function AddDocument({ profileId, requirement }: { profileId: number; requirement: Requirement }) {
  const shell = useShell();
  const form = useForm();
  const types = requirement.fileTypes.map((x) => x.toUpperCase()).join(", ");
  return (
    <div class="add-doc">
      <p class="muted small">
        {tx(requirement.description)} {t("documents.accepts", { types })}
      </p>
      <button
        type="button"
        aria-label={t("documents.addFor", { title: tx(requirement.title) })}
        disabled={form.pending}
        onClick={() =>
          void form.submit(async () => {
            const added = await call("pick_document", {
              profileId,
              requirementId: requirement.id,
              dates: { issuedOn: null, expiresOn: null },
            });
            if (added !== null) shell.dataChanged();
          })
        }
      >
        {t("documents.add")}
      </button>
      {form.fieldErrors.file || form.fieldErrors.requirementId ? (
        <p class="field-error" role="alert">
          {form.fieldErrors.file ?? form.fieldErrors.requirementId}
        </p>
      ) : null}
    </div>
  );
}
