// Which public IPv4 address, since when: each stretch of checks that saw the same address.
import type { AddressHistory } from "../../bindings/AddressHistory";
import { formatDate as day, t } from "../../i18n";
import { AddressTimeline } from "./AddressTimeline";

export function HistoryTable({ history }: { history: AddressHistory }) {
  if (history.periods.length === 0) return <p class="muted">{t("history.none")}</p>;
  return (
    <>
      <p>{t("history.changes", { count: history.changesLast30Days })}</p>
      <AddressTimeline history={history} />
      <div class="table-wrap">
        <table class="evidence" data-testid="history">
          <thead>
            <tr>
              <th scope="col">{t("history.address")}</th>
              <th scope="col">{t("history.from")}</th>
              <th scope="col">{t("history.to")}</th>
              <th scope="col">{t("history.checks")}</th>
            </tr>
          </thead>
          <tbody>
            {[...history.periods].reverse().map((p) => (
              <tr key={`${p.address}-${p.from}`}>
                <th scope="row">
                  <code dir="ltr">{p.address}</code>
                </th>
                <td>{day(p.from)}</td>
                <td>{day(p.to)}</td>
                <td>{p.checks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
