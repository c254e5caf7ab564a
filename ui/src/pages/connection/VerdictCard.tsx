// The verdict as a large card: what the connection is, in words (never colour alone), how
// sure, every piece of evidence, and what to do next.
import type { ConnectionReport } from "../../bindings/ConnectionReport";
import type { ProfileDetail } from "../../bindings/ProfileDetail";
import { say, t } from "../../i18n";
import { StaticIpRequest } from "./StaticIpRequest";

export function VerdictCard({ report, detail }: { report: ConnectionReport; detail: ProfileDetail | null }) {
  const verdict = report.verdict;
  return (
    <div class={`verdict verdict-${verdict.kind}`} data-testid="verdict" data-kind={verdict.kind}>
      <p class="verdict-kind">{t(`verdict.kind.${verdict.kind}`)}</p>
      {verdict.unknownReason ? <p>{t(`verdict.reason.${verdict.unknownReason}`)}</p> : null}
      <p class="muted">{t("verdict.confidence", { level: t(`verdict.confidence.${verdict.confidence}`) })}</p>
      <h3>{t("verdict.evidenceTitle")}</h3>
      <ul class="evidence-list">
        {verdict.evidence.map((e, i) => (
          <li key={i} class={`lean-${e.lean}`}>
            <span class="evidence-source">{t(`verdict.source.${e.source}`)}</span>
            <span>{say(e.finding)}</span>
            <span class="evidence-lean">{t(`verdict.lean.${e.lean}`)}</span>
          </li>
        ))}
      </ul>
      <h3>{t("verdict.nextTitle")}</h3>
      <ol class="next-steps" data-testid="next-steps">
        {verdict.nextSteps.map((step) => (
          <li key={step}>
            {step === "askIspForStatic" && verdict.isp
              ? t("verdict.next.askNamedIspForStatic", { isp: verdict.isp.name })
              : t(`verdict.next.${step}`)}
          </li>
        ))}
      </ol>
      {verdict.nextSteps.includes("askIspForStatic") ? <StaticIpRequest report={report} detail={detail} /> : null}
    </div>
  );
}
