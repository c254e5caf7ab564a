// The Connection section: the public address as independent services see it, how sure
// that is, the registered-IP watch, VPN activity, and every piece of evidence.
import { useEffect, useState } from "preact/hooks";
import type { ConnectionReport } from "../bindings/ConnectionReport";
import { ErrorNotice } from "../components/ErrorNotice";
import { PageHeader } from "../components/PageHeader";
import { useShell } from "../context";
import { useLoad } from "../hooks/useLoad";
import { formatDateTime, t, vpnClue } from "../i18n";
import { type AppError, call, onEvent, toAppError } from "../ipc";
import { AddressCard } from "./connection/AddressCard";
import { InterfaceList, RouterLine } from "./connection/InterfaceList";
import { IpWatch } from "./connection/IpWatch";
import { HistoryTable } from "./connection/HistoryTable";
import { ProviderTable } from "./connection/ProviderTable";
import { VerdictCard } from "./connection/VerdictCard";

export function ConnectionPage() {
  const shell = useShell();
  const id = shell.settings.activeProfileId;
  const latest = useLoad(() => call("latest_report"), []);
  const detail = useLoad(() => (id === null ? Promise.resolve(null) : call("profile_detail", { id })), [id, shell.dataVersion]);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const check = report?.check ?? null;
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (latest.state === "ready" && report === null) setReport(latest.data);
  }, [latest.state]);
  useEffect(() => {
    // An automatic check (schedule, network change) replaces what is shown.
    const stop = onEvent("connection-checked", setReport).catch(() => undefined);
    return () => void stop.then((unlisten) => unlisten?.());
  }, []);

  const run = () => {
    setRunning(true);
    setError(null);
    call("check_connection").then(
      (r) => {
        setReport(r);
        setRunning(false);
        shell.dataChanged();
      },
      (e: unknown) => {
        setError(toAppError(e));
        setRunning(false);
      },
    );
  };

  const recorded = detail.state === "ready" && detail.data !== null ? detail.data.publicIps : [];
  return (
    <>
      <PageHeader title={t("connection.title")} intro={t("connection.intro")} />
      <div class="stack">
        <section class="card" aria-labelledby="public-title" aria-busy={running}>
          <div class="card-head">
            <h2 id="public-title">{t("connection.publicTitle")}</h2>
            <button type="button" onClick={run} disabled={running} data-testid="check-now">
              {t("connection.checkNow")}
            </button>
          </div>
          <div aria-live="polite">
            {running ? <p class="progress-note" data-testid="checking">{t("connection.checking")}</p> : null}
          </div>
          {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
          {latest.state === "failed" ? <ErrorNotice error={latest.error} /> : null}
          {check === null && !running ? <p class="muted">{t("connection.neverChecked")}</p> : null}
          {check ? (
            <>
              <div class="address-grid">
                <AddressCard discovery={check.v4} />
                <AddressCard discovery={check.v6} />
              </div>
              <p class="muted small">{t("connection.lastChecked", { when: formatDateTime(check.checkedAt) })}</p>
              {check.vpn.active ? (
                <div class="notice notice-warn" role="status" data-testid="vpn-active">
                  <p class="notice-title">{t("connection.vpnTitle")}</p>
                  <p>{t("connection.vpnBody")}</p>
                  <ul>
                    {check.vpn.evidence.map((e, i) => (
                      <li key={i}>{vpnClue(e)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </>
          ) : null}
        </section>

        <section class="card" aria-labelledby="verdict-title">
          <h2 id="verdict-title">{t("connection.verdictTitle")}</h2>
          {report ? (
            <VerdictCard report={report} detail={detail.state === "ready" ? detail.data : null} />
          ) : (
            <p class="muted">{t("connection.verdictNone")}</p>
          )}
        </section>

        {check ? (
          <section class="card" aria-labelledby="watch-title">
            <h2 id="watch-title">{t("connection.watchTitle")}</h2>
            <IpWatch check={check} recorded={recorded} />
          </section>
        ) : null}

        {check ? (
          <>
            <section class="card" aria-labelledby="evidence-title">
              <h2 id="evidence-title">{t("connection.evidenceTitle")}</h2>
              <ProviderTable discovery={check.v4} />
              <ProviderTable discovery={check.v6} />
            </section>
            <section class="card" aria-labelledby="history-title">
              <h2 id="history-title">{t("history.title")}</h2>
              {report ? <HistoryTable history={report.history} /> : null}
            </section>
            <section class="card" aria-labelledby="interfaces-title">
              <h2 id="interfaces-title">{t("connection.interfacesTitle")}</h2>
              <RouterLine router={check.router} />
              <InterfaceList interfaces={check.interfaces} />
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
