// This computer's interfaces, each address with what kind it is.
import type { LocalInterface } from "../../bindings/LocalInterface";
import type { RouterView } from "../../bindings/RouterView";
import { t } from "../../i18n";

export function RouterLine({ router }: { router: RouterView | null }) {
  if (router === null) return null;
  return (
    <p data-testid="router">
      {router.wanAddress && router.wanClass
        ? t("connection.router", { address: router.wanAddress, kind: t(`connection.class.${router.wanClass}`) })
        : t("connection.routerNone")}
    </p>
  );
}

export function InterfaceList({ interfaces }: { interfaces: LocalInterface[] }) {
  if (interfaces.length === 0) return <p class="muted">{t("connection.interfacesNone")}</p>;
  return (
    <ul class="item-list">
      {interfaces.map((i) => (
        <li key={i.name}>
          <span>
            <strong dir="ltr">{i.name}</strong> {i.vpnHint ? <span class="tag tag-warn">{t(`vpn.tunnel.${i.vpnHint}`)}</span> : null}
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
