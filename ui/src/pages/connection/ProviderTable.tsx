// The evidence behind an address: what each service answered, or why it did not.
import type { Discovery } from "../../bindings/Discovery";
import type { ProviderReport } from "../../bindings/ProviderReport";
import { t } from "../../i18n";

function answer(r: ProviderReport): string {
  switch (r.outcome.outcome) {
    case "answered":
      return r.outcome.agrees
        ? t("connection.outcome.agrees", { address: r.outcome.address })
        : t("connection.outcome.disagrees", { address: r.outcome.address });
    case "failed":
      return r.outcome.reason;
    case "notAwaited":
      return t("connection.outcome.notAwaited");
  }
}

export function ProviderTable({ discovery }: { discovery: Discovery }) {
  const caption = discovery.family === "v4" ? t("connection.v4") : t("connection.v6");
  return (
    <div class="table-wrap">
      <table class="evidence">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("connection.provider")}</th>
            <th scope="col">{t("connection.kind")}</th>
            <th scope="col">{t("connection.answer")}</th>
            <th scope="col">{t("connection.time")}</th>
          </tr>
        </thead>
        <tbody>
          {discovery.reports.map((r) => (
            <tr key={r.name} class={`outcome-${r.outcome.outcome}`}>
              <th scope="row">{r.name}</th>
              <td>{t(`connection.kind.${r.kind}`)}</td>
              <td dir="auto">{answer(r)}</td>
              <td>{t("connection.ms", { ms: r.elapsedMs })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
