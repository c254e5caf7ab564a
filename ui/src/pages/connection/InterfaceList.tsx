// This computer's interfaces, each address with what kind it is.
import type { LocalInterface } from "../../bindings/LocalInterface";
import { t } from "../../i18n";

export function InterfaceList({ interfaces }: { interfaces: LocalInterface[] }) {
  if (interfaces.length === 0) return <p class="muted">{t("connection.interfacesNone")}</p>;
  return (
    <ul class="item-list">
      {interfaces.map((i) => (
        <li key={i.name}>
          <span>
            <strong dir="ltr">{i.name}</strong> {i.vpnHint ? <span class="tag tag-warn">{i.vpnHint}</span> : null}
          </span>
          <span class="addresses">
            {i.addresses.map((a) => (
              <span key={a.address} class="address-line">
                <code dir="ltr">
                  {a.address}/{a.prefix}
                </code>{" "}
                <span class="muted">{t(`connection.class.${a.class}`)}</span>
              </span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
