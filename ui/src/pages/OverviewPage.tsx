// Readiness at a glance: who is applying, how far along they are, and the next steps.
import type { Overview } from "../bindings/Overview";
import type { StepKey } from "../bindings/StepKey";
import type { StepState } from "../bindings/StepState";
import { ErrorNotice } from "../components/ErrorNotice";
import { PageHeader } from "../components/PageHeader";
import { ProfileCreateForm } from "../components/ProfileCreateForm";
import { useShell } from "../context";
import { useLoad } from "../hooks/useLoad";
import { formatDate, say, t, type MessageKey } from "../i18n";
import { call } from "../ipc";
import { hashFor, type Section } from "../router";

const STEP_SECTION: Record<StepKey, Section> = {
  profile: "settings",
  publicIp: "settings",
  connection: "connection",
  eligibility: "eligibility",
  documents: "documents",
  application: "application",
};

export function OverviewPage() {
  const shell = useShell();
  const load = useLoad(() => call("overview"), [shell.dataVersion]);
  return (
    <>
      <PageHeader title={t("overview.title")} intro={t("overview.intro")} />
      {load.state === "loading" ? <p aria-busy="true">{t("app.loading")}</p> : null}
      {load.state === "failed" ? <ErrorNotice error={load.error} onRetry={shell.dataChanged} /> : null}
      {load.state === "ready" ? <OverviewBody overview={load.data} /> : null}
    </>
  );
}

function OverviewBody({ overview }: { overview: Overview }) {
  const shell = useShell();
  const { profile } = overview;
  return (
    <div class="stack">
      {profile === null ? (
        <section class="card" aria-labelledby="welcome-title">
          <h2 id="welcome-title">{t("overview.welcomeTitle")}</h2>
          <div class="row language-choice" role="group" aria-label={t("settings.language")}>
            {(["en", "ur"] as const).map((lang) => (
              <button
                key={lang}
                type="button"
                lang={lang}
                aria-pressed={shell.settings.language === lang}
                onClick={() => void shell.updateSettings({ language: lang })}
              >
                {lang === "en" ? t("settings.languageEn") : t("settings.languageUr")}
              </button>
            ))}
          </div>
          <p>{t("overview.welcomeBody")}</p>
          <ProfileCreateForm onCreated={(id) => void shell.updateSettings({ activeProfileId: id }).then(shell.dataChanged)} />
        </section>
      ) : (
        <section class="card readiness" aria-labelledby="readiness-title">
          <div class="readiness-head">
            <div>
              <h2 id="readiness-title">{profile.name}</h2>
              <p class="muted">
                {profile.kind === "firm" ? t("overview.profileFirm") : t("overview.profileFreelancer")} ·{" "}
                {t("overview.ipCount", { count: overview.publicIpCount })}
              </p>
            </div>
            <p class="readiness-value" data-testid="readiness">
              {t("overview.readinessValue", { percent: overview.readinessPercent })}
            </p>
          </div>
          <progress max={100} value={overview.readinessPercent} aria-label={t("overview.readiness")} />
          <p class="muted small">{t("overview.readinessNote")}</p>
        </section>
      )}
      {overview.attention.length > 0 ? (
        <section class="card attention" aria-labelledby="overview-attention-title" data-testid="overview-attention">
          <h2 id="overview-attention-title">{t("overview.attention")}</h2>
          <ul class="plain">
            {overview.attention.map((r) => (
              <li key={r.id} class={`reminder reminder-${r.kind}`}>
                <strong dir="auto">{say(r.title)}</strong>
              </li>
            ))}
          </ul>
          <a href={hashFor("application")}>{t("overview.go", { section: t("nav.application") })}</a>
        </section>
      ) : null}
      <ConnectionLineCard overview={overview} />
      {overview.documents && overview.documents.outcome === "register" ? (
        <section class="card connection-line" data-testid="documents-line">
          <p>
            <strong>
              {t("overview.documentsLine", { percent: overview.documents.readinessPercent, missing: overview.documents.missing })}
            </strong>
          </p>
          <a href={hashFor("documents")}>{t("overview.go", { section: t("nav.documents") })}</a>
        </section>
      ) : null}
      {profile !== null ? (
        <section class="card connection-line" data-testid="application-line">
          <p>
            <strong>
              {overview.application
                ? t("overview.applicationLine", {
                    title: overview.application.title,
                    status: t(`application.status.${overview.application.status}` as MessageKey),
                  })
                : t("overview.applicationNone")}
            </strong>
            {overview.application ? <span class="muted"> · {t(`application.nextAction.${overview.application.nextAction}` as MessageKey)}</span> : null}
          </p>
          <a href={hashFor("application")}>{t("overview.go", { section: t("nav.application") })}</a>
        </section>
      ) : null}
      <section class="card" aria-labelledby="steps-title">
        <h2 id="steps-title">{t("overview.stepsTitle")}</h2>
        <ol class="steps">
          {overview.steps.map((step) => (
            <li key={step.key} class={`step step-${step.state}`} data-step={step.key}>
              <span class="step-badge">{t(`overview.state.${step.state}` as MessageKey)}</span>
              <span class="step-text">{t(`overview.step.${step.key}` as MessageKey)}</span>
              <StepLink step={step.key} state={step.state} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function ConnectionLineCard({ overview }: { overview: Overview }) {
  const c = overview.connection;
  return (
    <section class={`card connection-line verdict-${c?.verdict ?? "none"}`} data-testid="connection-line">
      <p>
        <strong>{c ? t("overview.connectionLine", { verdict: t(`verdict.kind.${c.verdict}`) }) : t("overview.connectionNone")}</strong>
        {c?.address ? (
          <span class="muted">
            {" "}
            · {t("overview.connectionAddress", { address: c.address, when: formatDate(c.checkedAt) })}
          </span>
        ) : null}
      </p>
      <a href={hashFor("connection")}>{t("overview.connectionGo")}</a>
    </section>
  );
}

function StepLink({ step, state }: { step: StepKey; state: StepState }) {
  if (state !== "todo") return null;
  const section = STEP_SECTION[step];
  return (
    <a class="step-link" href={hashFor(section)}>
      {t("overview.go", { section: t(`nav.${section}` as MessageKey) })}
    </a>
  );
}
