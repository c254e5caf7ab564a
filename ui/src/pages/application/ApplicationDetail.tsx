// One application: where it stands, what to do next, the form to record what happened, and
// its timeline (oldest first, append-only).
import { useState } from "preact/hooks";
import type { ApplicationView } from "../../bindings/ApplicationView";
import type { Status } from "../../bindings/Status";
import { ErrorNotice } from "../../components/ErrorNotice";
import { TextField } from "../../components/Field";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { useLoad } from "../../hooks/useLoad";
import { formatBytes, formatDate, formatDateTime, t, type MessageKey } from "../../i18n";
import { call } from "../../ipc";
import type { Application } from "../../bindings/Application";
import { EditApplicationForm } from "./EditApplicationForm";
import { PortalHelper } from "./PortalHelper";

const statusLabel = (s: Status) => t(`application.status.${s}` as MessageKey);

export function ApplicationDetail({ id, others }: { id: number; others: Application[] }) {
  const shell = useShell();
  const load = useLoad(() => call("application_view", { id }), [id]);
  if (load.state === "loading") return <p aria-busy="true">{t("app.loading")}</p>;
  if (load.state === "failed") return <ErrorNotice error={load.error} onRetry={shell.dataChanged} />;
  const view = load.data;
  const a = view.application;
  const blockers = others.filter((o) => o.blocksId === a.id && o.status !== "approved" && o.status !== "withdrawn");
  const blocks = others.find((o) => o.id === a.blocksId);
  return (
    <section class="card" aria-labelledby="app-title" data-testid="application-detail">
      <div class="slot-head">
        <h2 id="app-title" dir="auto">
          {a.title}
        </h2>
        <span class={`status-badge status-${a.status}`} data-testid="application-status">
          {statusLabel(a.status)}
        </span>
      </div>
      <p class="muted">
        {t(`application.kind.${a.kind}` as MessageKey)} · {t(`application.portal.${a.portal}` as MessageKey)}
        {a.reference ? (
          <>
            {" · "}
            {t("application.reference")} <code dir="ltr">{a.reference}</code>
          </>
        ) : null}
        {a.registeredIps.length > 0 ? (
          <>
            {" · "}
            <span dir="ltr">{a.registeredIps.join(", ")}</span>
          </>
        ) : null}
        {a.mobileNumber ? (
          <>
            {" · "}
            <span dir="ltr">{a.mobileNumber}</span>
          </>
        ) : null}
      </p>
      <p class="next-action" data-testid="next-action">
        <strong>{t("application.next")}</strong> {t(`application.nextAction.${view.nextAction}` as MessageKey)}
      </p>
      {blockers.length > 0 ? (
        <p class="notice" data-testid="blocked-by">
          {t("application.blockedBy", { titles: blockers.map((b) => `${b.title} (${statusLabel(b.status)})`).join(", ") })}
        </p>
      ) : null}
      {blocks ? <p class="muted">{t("application.blocksShown", { title: blocks.title })}</p> : null}
      <EditApplicationForm app={a} others={others} />
      <PortalHelper id={a.id} />
      {view.nextStatuses.length > 0 ? <MoveForm view={view} /> : null}
      <h3>{t("application.timeline")}</h3>
      <ol class="timeline" data-testid="timeline">
        {[...view.timeline].reverse().map((e) => (
          <li key={e.id} class="timeline-entry" data-status={e.to}>
            <span class={`status-badge status-${e.to}`}>{statusLabel(e.to)}</span>{" "}
            <time dateTime={e.at}>{formatDate(e.at)}</time>
            {e.recordedAt.slice(0, 10) !== e.at.slice(0, 10) ? (
              <span class="muted small"> · {t("application.recordedOn", { when: formatDateTime(e.recordedAt) })}</span>
            ) : null}
            {e.reason ? <p class="timeline-reason">{t("application.reasonShown", { reason: e.reason })}</p> : null}
            {e.note ? <p dir="auto">{e.note}</p> : null}
            {e.attachments.map((f) => (
              <p key={f.id} class="muted small">
                📎 <span dir="auto">{f.originalName}</span> · {f.fileType.toUpperCase()} · {formatBytes(f.size)}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function MoveForm({ view }: { view: ApplicationView }) {
  const shell = useShell();
  const form = useForm();
  const [to, setTo] = useState<Status>(view.nextStatuses[0] ?? "withdrawn");
  const [on, setOn] = useState("");
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [reference, setReference] = useState("");
  const [attach, setAttach] = useState(false);
  const asksReference = to === "submitted" || to === "resubmitted";
  const asksReason = to === "rejected" || to === "moreInfoRequested";
  return (
    <form
      class="stack move-form"
      data-testid="move-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async () => {
          const moved = await call("move_application", {
            id: view.application.id,
            change: {
              to,
              on: on === "" ? null : on,
              note: note === "" ? null : note,
              reason: reason === "" ? null : reason,
              reference: reference === "" ? null : reference,
            },
            attach,
          });
          if (moved !== null) shell.dataChanged();
        });
      }}
    >
      <fieldset class="choice">
        <legend>{t("application.whatHappened")}</legend>
        {view.nextStatuses.map((s) => (
          <label key={s} class="choice-option">
            <input type="radio" name="to" value={s} checked={to === s} onChange={() => setTo(s)} />
            {statusLabel(s)}
          </label>
        ))}
      </fieldset>
      {form.fieldErrors.to ? (
        <p class="field-error" role="alert">
          {form.fieldErrors.to}
        </p>
      ) : null}
      <div class="grid-2">
        <div class="field">
          <label>
            {t("application.on")} <span class="muted">{t("application.onHint")}</span>
            <input type="date" name="on" value={on} onInput={(e) => setOn(e.currentTarget.value)} />
          </label>
          {form.fieldErrors.on ? (
            <p class="field-error" role="alert">
              {form.fieldErrors.on}
            </p>
          ) : null}
        </div>
        {asksReference ? (
          <TextField name="reference" label={t("application.reference")} value={reference} onInput={setReference} optional dir="ltr" error={form.fieldErrors.reference} />
        ) : null}
        {asksReason ? (
          <TextField name="reason" label={t("application.reason")} value={reason} onInput={setReason} optional={to !== "rejected"} error={form.fieldErrors.reason} />
        ) : null}
        <TextField name="note" label={t("application.note")} value={note} onInput={setNote} optional />
      </div>
      <label class="choice-option">
        <input type="checkbox" name="attach" checked={attach} onChange={(e) => setAttach(e.currentTarget.checked)} />
        {t("application.attach")}
      </label>
      <div class="actions">
        <button type="submit" class="primary" disabled={form.pending}>
          {t("application.record", { status: statusLabel(to) })}
        </button>
      </div>
    </form>
  );
}
