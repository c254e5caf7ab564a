// Track the submission: what needs attention, every application of the profile, and the
// selected one with its timeline and the form to record what happened next.
import { useEffect, useState } from "preact/hooks";
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { PageHeader } from "../components/PageHeader";
import { useShell } from "../context";
import { useLoad } from "../hooks/useLoad";
import { t, type MessageKey } from "../i18n";
import { call, onEvent } from "../ipc";
import { ApplicationDetail } from "./application/ApplicationDetail";
import { FirmView } from "./application/FirmView";
import { NewApplicationForm } from "./application/NewApplicationForm";
import { Reminders } from "./application/Reminders";

export function ApplicationPage() {
  const shell = useShell();
  const profileId = shell.settings.activeProfileId;
  const load = useLoad(
    async () =>
      profileId === null
        ? null
        : { applications: await call("list_applications", { profileId }), reminders: await call("list_reminders", { profileId }) },
    [profileId, shell.dataVersion],
  );
  // A reminder fired in the background (follow-up, drift): show it without a reload.
  useEffect(() => {
    const off = onEvent("reminders-fired", () => shell.dataChanged());
    return () => void off.then((unlisten) => unlisten());
  }, []);
  const [selected, setSelected] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  if (profileId === null) {
    return (
      <>
        <PageHeader title={t("application.title")} intro={t("application.intro")} />
        <EmptyState title={t("application.title")} body={t("eligibility.needProfile")} />
      </>
    );
  }
  const apps = load.state === "ready" && load.data ? load.data.applications : [];
  const current = apps.find((a) => a.id === selected) ?? apps[0] ?? null;
  return (
    <>
      <PageHeader title={t("application.title")} intro={t("application.intro")} />
      {load.state === "loading" ? <p aria-busy="true">{t("app.loading")}</p> : null}
      {load.state === "failed" ? <ErrorNotice error={load.error} onRetry={shell.dataChanged} /> : null}
      {load.state === "ready" && load.data ? (
        <div class="stack">
          <Reminders profileId={profileId} view={load.data.reminders} applications={apps} />
          <section class="card" aria-labelledby="apps-title">
            <div class="slot-head">
              <h2 id="apps-title">{t("application.listTitle")}</h2>
              <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>
                {t("application.new")}
              </button>
            </div>
            {adding || apps.length === 0 ? (
              <NewApplicationForm
                profileId={profileId}
                registrations={apps.filter((a) => a.kind === "registration")}
                onStarted={(id) => {
                  setAdding(false);
                  setSelected(id);
                  shell.dataChanged();
                }}
              />
            ) : null}
            {apps.length === 0 ? <p class="muted">{t("application.none")}</p> : null}
            <ul class="plain app-list">
              {apps.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    class={`app-item ${current?.id === a.id ? "app-item-current" : ""}`}
                    aria-current={current?.id === a.id ? "true" : undefined}
                    data-application={a.id}
                    onClick={() => setSelected(a.id)}
                  >
                    <strong dir="auto">{a.title}</strong>
                    <span class={`status-badge status-${a.status}`}>{t(`application.status.${a.status}` as MessageKey)}</span>
                    {a.reference ? <code dir="ltr">{a.reference}</code> : null}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {current ? <ApplicationDetail key={`${current.id}-${shell.dataVersion}`} id={current.id} others={apps} /> : null}
          <FirmView profileId={profileId} />
        </div>
      ) : null}
    </>
  );
}
