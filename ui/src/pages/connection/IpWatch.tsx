// The registered-IP watch: does the measured address match the one the user recorded?
import type { ConnectionCheck } from "../../bindings/ConnectionCheck";
import type { PublicIp } from "../../bindings/PublicIp";
import { t } from "../../i18n";

export function IpWatch({ check, recorded }: { check: ConnectionCheck; recorded: PublicIp[] }) {
  const measured = [check.v4.address, check.v6.address].filter((a): a is string => a !== null);
  if (measured.length === 0) return null;
  if (recorded.length === 0) return <p class="muted">{t("connection.watchNone")}</p>;
  const match = recorded.find((r) => measured.includes(r.address));
  if (match !== undefined) {
    return (
      <div class="notice notice-ok" data-testid="ip-watch">
        <p>{t("connection.watchMatch", { address: match.address })}</p>
        <p data-testid="subscriber-readiness">
          {match.subscriberId
            ? t("connection.watchSubscriber", { id: match.subscriberId, address: match.address })
            : t("connection.watchNoSubscriber")}
        </p>
      </div>
    );
  }
  return (
    <div class="notice notice-warn" role="alert" data-testid="ip-watch">
      {t("connection.watchDrift", {
        measured: measured.join(", "),
        recorded: recorded.map((r) => r.address).join(", "),
      })}
    </div>
  );
}
