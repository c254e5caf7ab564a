// The portal helper: open the official page in the browser, then copy each value in the
// order the portal asks for it. The app never types into or submits the portal's form.
import { CopyButton } from "../../components/CopyButton";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { useLoad } from "../../hooks/useLoad";
import { t } from "../../i18n";
import { call } from "../../ipc";
import { hashFor } from "../../router";

export function PortalHelper({ id }: { id: number }) {
  const shell = useShell();
  const form = useForm();
  const load = useLoad(() => call("portal_helper", { id }), [id]);
  return (
    <details class="portal-helper" data-testid="portal-helper">
      <summary>{t("portal.title")}</summary>
      {load.state === "failed" ? <ErrorNotice error={load.error} onRetry={shell.dataChanged} /> : null}
      {load.state === "ready" ? (
        <div class="stack">
          <p class="muted">{t("portal.intro")}</p>
          {load.data.url ? (
            <div class="row">
              <button type="button" class="primary" disabled={form.pending} onClick={() =>
                  void form.submit(async () => {
                    await call("open_portal", { id });
                  })
                }>
                {t("portal.open")}
              </button>
              <span class="muted small">
                {load.data.pageTitle} · <span dir="ltr">{load.data.url}</span>
              </span>
            </div>
          ) : null}
          <ol class="portal-fields">
            {load.data.fields.map((f) => (
              <li key={f.label} class="portal-field">
                <span class="portal-label">{f.label}</span>
                {f.value !== null ? (
                  <>
                    <code dir="ltr">{f.value}</code>
                    <CopyButton text={f.value} label={t("portal.copy")} copiedLabel={t("portal.copied")} ariaLabel={t("portal.copyField", { field: f.label })} small />
                  </>
                ) : (
                  <a href={hashFor("eligibility")} class="muted">
                    {t("portal.missing")}
                  </a>
                )}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </details>
  );
}
