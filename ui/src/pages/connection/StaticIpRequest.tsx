// A ready-to-send request for a static IP, filled in from what the app knows: the ISP the
// registry names, the subscriber ID recorded with the IP, the measured address and the name.
import type { ConnectionReport } from "../../bindings/ConnectionReport";
import type { ProfileDetail } from "../../bindings/ProfileDetail";
import { CopyButton } from "../../components/CopyButton";
import { t } from "../../i18n";

export function composeRequest(report: ConnectionReport, detail: ProfileDetail | null): string {
  const address = report.verdict.address ?? "—";
  const isp =
    report.verdict.isp?.name ??
    report.check.registry.find((r) => r.address === report.verdict.address)?.holder ??
    t("request.ispUnknown");
  const subscriber =
    detail?.publicIps.find((ip) => ip.subscriberId && ip.address === address)?.subscriberId ??
    detail?.publicIps.find((ip) => ip.subscriberId)?.subscriberId ??
    t("request.subscriberUnknown");
  return t("request.body", {
    isp,
    subscriber,
    address,
    cgnat: report.verdict.kind === "behindCgnat" ? t("request.cgnatNote") : "",
    name: detail?.profile.name ?? t("request.nameUnknown"),
  });
}

export function StaticIpRequest({ report, detail }: { report: ConnectionReport; detail: ProfileDetail | null }) {
  const text = composeRequest(report, detail);
  return (
    <section class="request" aria-labelledby="request-title">
      <h3 id="request-title">{t("request.title")}</h3>
      <p class="muted">{t("request.intro")}</p>
      <textarea readOnly rows={12} value={text} aria-labelledby="request-title" data-testid="static-ip-request" />
      <CopyButton text={text} label={t("request.copy")} copiedLabel={t("request.copied")} />
    </section>
  );
}
