// Backup and restore of everything (profiles, applications, documents) in one file.
import { useState } from "preact/hooks";
import type { BackupReport } from "../../bindings/BackupReport";
import { useForm } from "../../hooks/useForm";
import { formatBytes, formatDateTime, t } from "../../i18n";
import { call } from "../../ipc";

export function BackupSection() {
  const form = useForm();
  const [saved, setSaved] = useState<BackupReport | null>(null);
  const [restored, setRestored] = useState<BackupReport | null>(null);
  const [confirming, setConfirming] = useState(false);
  return (
    <section class="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t("settings.backupTitle")}</h2>
      <p class="muted">{t("settings.backupIntro")}</p>
      <div class="row">
        <button
          type="button"
          disabled={form.pending}
          onClick={() =>
            void form.submit(async () => {
              const r = await call("backup_data");
              if (r !== null) setSaved(r);
            })
          }
        >
          {t("settings.backupSave")}
        </button>
        <button type="button" class="danger" disabled={form.pending} onClick={() => setConfirming(true)}>
          {t("settings.restore")}
        </button>
      </div>
      {confirming ? (
        <div class="notice" role="alertdialog" aria-labelledby="restore-confirm">
          <p id="restore-confirm">{t("settings.restoreConfirm")}</p>
          <div class="row">
            <button
              type="button"
              class="danger"
              disabled={form.pending}
              onClick={() =>
                void form.submit(async () => {
                  setConfirming(false);
                  const r = await call("restore_data");
                  if (r !== null) setRestored(r);
                })
              }
            >
              {t("settings.restoreYes")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t("app.cancel")}
            </button>
          </div>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {saved ? (
          <p data-testid="backup-saved">
            {t("settings.backupSaved", { files: saved.files, size: formatBytes(saved.bytes) })} <code dir="ltr">{saved.path}</code>
          </p>
        ) : null}
        {restored ? (
          <p data-testid="backup-restored">{t("settings.restoring", { when: formatDateTime(restored.createdAt) })}</p>
        ) : null}
      </div>
    </section>
  );
}
