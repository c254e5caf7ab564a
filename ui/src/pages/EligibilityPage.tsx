// The eligibility wizard: three plain questions lead, through the rules pack, to the
// applicant's path; then the applicant's details as the portal asks for them.
import { useEffect, useState } from "preact/hooks";
import type { Answers } from "../bindings/Answers";
import type { Applicant } from "../bindings/Applicant";
import type { Decision } from "../bindings/Decision";
import type { EligibilityView } from "../bindings/EligibilityView";
import type { VpnProvider } from "../bindings/VpnProvider";
import type { RulesView } from "../bindings/RulesView";
import type { StaticIpAnswer } from "../bindings/StaticIpAnswer";
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { PageHeader } from "../components/PageHeader";
import { RadioGroup } from "../components/RadioGroup";
import { useShell } from "../context";
import { useForm } from "../hooks/useForm";
import { useLoad } from "../hooks/useLoad";
import { formatDate, t, tx, type MessageKey } from "../i18n";
import { call } from "../ipc";
import { DetailsForm } from "./eligibility/DetailsForm";

const APPLICANTS: readonly Applicant[] = ["freelancer", "company", "callCenter", "videoConferencing", "individual"];
const PROVIDERS: readonly VpnProvider[] = ["licensed", "own", "other"];
const STATIC: readonly StaticIpAnswer[] = ["yes", "no", "unknown"];

export function EligibilityPage() {
  const shell = useShell();
  const profileId = shell.settings.activeProfileId;
  const load = useLoad(
    async () =>
      profileId === null
        ? null
        : { view: await call("get_eligibility", { profileId }), rules: await call("rules_info") },
    [profileId, shell.dataVersion],
  );
  return (
    <>
      <PageHeader title={t("eligibility.title")} intro={t("eligibility.intro")} />
      {profileId === null ? <EmptyState title={t("eligibility.title")} body={t("eligibility.needProfile")} /> : null}
      {load.state === "loading" ? <p aria-busy="true">{t("app.loading")}</p> : null}
      {load.state === "failed" ? <ErrorNotice error={load.error} onRetry={shell.dataChanged} /> : null}
      {load.state === "ready" && load.data !== null && profileId !== null ? (
        <Wizard profileId={profileId} view={load.data.view} rules={load.data.rules} />
      ) : null}
    </>
  );
}

function Wizard({ profileId, view, rules }: { profileId: number; view: EligibilityView; rules: RulesView }) {
  const shell = useShell();
  const form = useForm();
  const [applicant, setApplicant] = useState<Applicant | null>(view.answers?.applicant ?? null);
  const [provider, setProvider] = useState<VpnProvider | null>(view.answers?.provider ?? null);
  const [staticIp, setStaticIp] = useState<StaticIpAnswer | null>(view.answers?.staticIp ?? view.measuredStaticIp);
  const [decision, setDecision] = useState<Decision | null>(view.decision);
  useEffect(() => setDecision(view.decision), [view]);
  const names = rules.pack.licensedProviders.providers.map((p) => p.name).join(", ");
  return (
    <div class="stack">
      <form
        class="card"
        aria-labelledby="questions-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (applicant === null || provider === null || staticIp === null) return;
          const answers: Answers = { applicant, provider, staticIp };
          void form.submit(async () => {
            setDecision(await call("decide_eligibility", { profileId, answers }));
            shell.dataChanged();
          });
        }}
      >
        <h2 id="questions-title">{t("eligibility.questions")}</h2>
        <RadioGroup
          legend={t("eligibility.who")}
          name="applicant"
          value={applicant}
          options={APPLICANTS.map((v) => ({ value: v, label: t(`eligibility.who.${v}` as MessageKey) }))}
          onChange={(v) => setApplicant(v)}
        />
        <RadioGroup
          legend={t("eligibility.provider")}
          name="provider"
          value={provider}
          options={PROVIDERS.map((v) => ({ value: v, label: t(`eligibility.provider.${v}` as MessageKey) }))}
          onChange={(v) => setProvider(v)}
          hint={t("eligibility.licensedList", { names })}
        />
        <RadioGroup
          legend={t("eligibility.staticIp")}
          name="staticIp"
          value={staticIp}
          options={STATIC.map((v) => ({ value: v, label: t(`eligibility.staticIp.${v}` as MessageKey) }))}
          onChange={(v) => setStaticIp(v)}
          hint={
            view.measuredStaticIp
              ? t("eligibility.measured", { answer: t(`eligibility.staticIp.${view.measuredStaticIp}` as MessageKey) })
              : undefined
          }
        />
        <button type="submit" class="primary" disabled={form.pending}>
          {t("eligibility.submit")}
        </button>
        <p class="muted small">{t("eligibility.pack", { version: rules.info.version, date: formatDate(rules.info.published) })}</p>
      </form>
      {decision ? <DecisionCard decision={decision} rules={rules} /> : null}
      {decision?.outcome === "register" ? <DetailsForm profileId={profileId} decision={decision} /> : null}
    </div>
  );
}

function DecisionCard({ decision, rules }: { decision: Decision; rules: RulesView }) {
  const title =
    decision.outcome === "register"
      ? t("eligibility.outcome.register", { category: decision.category ? tx(decision.category.title) : "" })
      : t(`eligibility.outcome.${decision.outcome}` as MessageKey);
  const requirementTitle = (id: string) => {
    const r = rules.pack.requirements.find((x) => x.id === id);
    return r ? tx(r.title) : id;
  };
  return (
    <section class="card decision" aria-labelledby="decision-title" aria-live="polite" data-testid="decision">
      <h2 id="decision-title">{t("eligibility.resultTitle")}</h2>
      <p class="decision-outcome">
        <strong>{title}</strong>
      </p>
      <p>{tx(decision.why)}</p>
      {decision.needsStaticIpFirst ? <p class="notice">{t("eligibility.staticFirst")}</p> : null}
      {decision.category ? (
        <>
          <h3>{t("eligibility.needs")}</h3>
          <ul>
            {decision.category.slots.map((slot) => (
              <li key={slot.join("|")}>{slot.map(requirementTitle).join(t("documents.or"))}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="muted small">
        {t("eligibility.source", { title: tx(decision.source.title) })} · <span dir="ltr">{decision.source.url}</span>
      </p>
    </section>
  );
}
