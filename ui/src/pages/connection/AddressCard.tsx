// One family's public address, with how sure the check is, in words.
import type { Discovery } from "../../bindings/Discovery";
import { CopyButton } from "../../components/CopyButton";
import { t } from "../../i18n";

function statusText(d: Discovery): string {
  const agreeing = d.reports.filter((r) => r.outcome.outcome === "answered" && r.outcome.agrees).length;
  const asked = d.reports.length;
  switch (d.status) {
    case "agreed":
      return t("connection.status.agreed", { agreeing, asked });
    case "unconfirmed":
      return t("connection.status.unconfirmed", { agreeing });
    case "disagreement":
      return t("connection.status.disagreement");
    case "noAnswer":
      return t("connection.status.noAnswer");
  }
}

export function AddressCard({ discovery }: { discovery: Discovery }) {
  const v4 = discovery.family === "v4";
  const address = discovery.address;
  return (
    <div class={`address-card status-${discovery.status}`} data-family={discovery.family}>
      <p class="address-family">{v4 ? t("connection.v4") : t("connection.v6")}</p>
      <p class="address-value" dir="ltr" data-testid={`address-${discovery.family}`}>
        {address ?? (v4 ? t("connection.noV4") : t("connection.noV6"))}
      </p>
      <p class="address-status">{statusText(discovery)}</p>
      {address ? (
        <CopyButton
          small
          text={address}
          ariaLabel={t("connection.copy", { address })}
          label={t("connection.copy", { address: "" }).trim()}
          copiedLabel={t("connection.copied")}
        />
      ) : null}
    </div>
  );
}
