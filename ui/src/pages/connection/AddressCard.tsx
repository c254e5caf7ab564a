// One family's public address, with how sure the check is, in words.
import { useState } from "preact/hooks";
import type { Discovery } from "../../bindings/Discovery";
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
  const [copied, setCopied] = useState(false);
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
        <button
          type="button"
          class="secondary small"
          aria-label={t("connection.copy", { address })}
          onClick={() =>
            void navigator.clipboard?.writeText(address).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t("connection.copied") : t("connection.copy", { address: "" }).trim()}
        </button>
      ) : null}
    </div>
  );
}
