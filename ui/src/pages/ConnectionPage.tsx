// The connection section: for now, the IPs on record and what the check will show.
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { PageHeader } from "../components/PageHeader";
import { useShell } from "../context";
import { useLoad } from "../hooks/useLoad";
import { t } from "../i18n";
import { call } from "../ipc";

export function ConnectionPage() {
  const shell = useShell();
  const id = shell.settings.activeProfileId;
  const load = useLoad(() => (id === null ? Promise.resolve(null) : call("profile_detail", { id })), [id, shell.dataVersion]);
  return (
    <>
      <PageHeader title={t("connection.title")} intro={t("connection.intro")} />
      <div class="stack">
        <EmptyState title={t("connection.emptyTitle")} body={t("connection.emptyBody")} />
        <section class="card" aria-labelledby="recorded-title">
          <h2 id="recorded-title">{t("connection.recordedTitle")}</h2>
          {load.state === "failed" ? <ErrorNotice error={load.error} /> : null}
          {load.state === "ready" && (load.data === null || load.data.publicIps.length === 0) ? (
            <p class="muted">{t("connection.recordedNone")}</p>
          ) : null}
          {load.state === "ready" && load.data !== null && load.data.publicIps.length > 0 ? (
            <ul class="plain-list">
              {load.data.publicIps.map((ip) => (
                <li key={ip.id}>
                  <code dir="ltr">{ip.address}</code> {ip.label ? <span class="muted">— {ip.label}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
    </>
  );
}
