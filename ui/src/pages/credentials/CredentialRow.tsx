// One credential: what it is, where it is kept, and the explicit actions on its secret. A
// revealed secret hides itself again after the time the backend gives (30 s); a copied one is
// cleared from the clipboard by the backend.
import { useEffect, useState } from "preact/hooks";
import type { Credential } from "../../bindings/Credential";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { formatDateTime, t } from "../../i18n";
import { call } from "../../ipc";
import { CredentialForm, kindName } from "./CredentialForm";

interface Shown {
  secret: string;
  secondsLeft: number;
}

export function CredentialRow({ credential: c }: { credential: Credential }) {
  const shell = useShell();
  const form = useForm();
  const [shown, setShown] = useState<Shown | null>(null);
  const [note, setNote] = useState("");
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (shown === null) return;
    if (shown.secondsLeft <= 0) {
      setShown(null);
      setNote(t("credentials.hidden"));
      return;
    }
    const tick = setTimeout(() => setShown({ ...shown, secondsLeft: shown.secondsLeft - 1 }), 1000);
    return () => clearTimeout(tick);
  }, [shown]);

  if (editing) {
    return (
      <li class="card">
        <h2>{t("credentials.editTitle", { label: c.label })}</h2>
        <CredentialForm existing={c} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li class="card credential" data-credential={c.id}>
      <div class="slot-head">
        <h2 class="credential-label" dir="auto">
          {c.label}
        </h2>
        <span class="step-badge">{kindName(c.kind)}</span>
      </div>
      {c.account ? (
        <p>
          {t("credentials.accountShown")} <bdi>{c.account}</bdi>
        </p>
      ) : null}
      <p class="muted small">{t("credentials.changed", { when: formatDateTime(c.changedAt) })}</p>
      <p class="secret-line">
        <span class="muted">{t("credentials.secretShown")}</span>{" "}
        {shown ? (
          <>
            <code class="secret" dir="ltr" data-testid="secret">
              {shown.secret}
            </code>{" "}
            <span class="muted small">{t("credentials.hidesIn", { seconds: shown.secondsLeft })}</span>
          </>
        ) : (
          <span aria-label={t("credentials.secretHidden")}>••••••••</span>
        )}
      </p>
      <p class="muted small" role="status">
        {note}
      </p>
      <div class="actions">
        {shown ? (
          <button
            type="button"
            onClick={() => {
              setShown(null);
              setNote(t("credentials.hidden"));
            }}
          >
            {t("credentials.hide")}
          </button>
        ) : (
          <button
            type="button"
            disabled={form.pending}
            aria-label={t("credentials.revealFor", { label: c.label })}
            onClick={() =>
              void form.submit(async () => {
                const r = await call("reveal_credential", { id: c.id });
                setShown({ secret: r.secret, secondsLeft: r.hideAfterSeconds });
                setNote("");
              })
            }
          >
            {t("credentials.reveal")}
          </button>
        )}
        <button
          type="button"
          disabled={form.pending}
          aria-label={t("credentials.copyFor", { label: c.label })}
          onClick={() =>
            void form.submit(async () => {
              const r = await call("copy_credential", { id: c.id });
              setNote(t("credentials.copied", { seconds: r.clearAfterSeconds }));
            })
          }
        >
          {t("credentials.copy")}
        </button>
        <button type="button" class="secondary" onClick={() => setEditing(true)}>
          {t("credentials.edit")}
        </button>
        {confirming ? (
          <>
            <span role="alert">{t("credentials.deleteConfirm")}</span>
            <button
              type="button"
              class="danger"
              disabled={form.pending}
              onClick={() =>
                void form.submit(async () => {
                  await call("delete_credential", { id: c.id });
                  shell.dataChanged();
                })
              }
            >
              {t("credentials.deleteYes")}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t("app.cancel")}
            </button>
          </>
        ) : (
          <button type="button" class="danger" aria-label={t("credentials.deleteFor", { label: c.label })} onClick={() => setConfirming(true)}>
            {t("credentials.delete")}
          </button>
        )}
      </div>
    </li>
  );
}
