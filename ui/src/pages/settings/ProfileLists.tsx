// The parts of a profile: sites (firms), public IPs and staff (firms), each with an add form.
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import type { ProfileDetail } from "../../bindings/ProfileDetail";
import { SelectField, TextField } from "../../components/Field";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { t, type MessageKey } from "../../i18n";
import { call, toAppError } from "../../ipc";

function RemoveButton({ label, onRemove }: { label: string; onRemove(): Promise<unknown> }) {
  const shell = useShell();
  return (
    <button
      type="button"
      class="secondary small"
      aria-label={t("settings.removeItem", { item: label })}
      onClick={() => onRemove().then(shell.dataChanged, (e: unknown) => shell.reportError(toAppError(e)))}
    >
      {t("app.remove")}
    </button>
  );
}

function ItemList({ empty, items }: { empty: MessageKey; items: JSX.Element[] }) {
  return items.length === 0 ? <p class="muted">{t(empty)}</p> : <ul class="item-list">{items}</ul>;
}

export function SitesList({ detail }: { detail: ProfileDetail }) {
  const shell = useShell();
  const form = useForm();
  const [name, setName] = useState("");
  const [city, setCity] = useState("");
  return (
    <section aria-labelledby="sites-title" class="subsection">
      <h3 id="sites-title">{t("settings.sites")}</h3>
      <ItemList empty="settings.sitesNone"
        items={detail.sites.map((s) => (
          <li key={s.id}>
            <span>
              {s.name} {s.city ? <span class="muted">· {s.city}</span> : null}
            </span>
            <RemoveButton label={s.name} onRemove={() => call("remove_site", { id: s.id })} />
          </li>
        ))}
      />
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void form
            .submit(async () => {
              await call("add_site", { profileId: detail.profile.id, input: { name, city } });
            })
            .then((ok) => ok && (setName(""), setCity(""), shell.dataChanged()));
        }}
      >
        <TextField name="siteName" label={t("settings.siteName")} value={name} onInput={setName} error={form.fieldErrors.name} />
        <TextField name="siteCity" label={t("settings.siteCity")} value={city} onInput={setCity} error={form.fieldErrors.city} optional />
        <button type="submit" disabled={form.pending}>
          {t("app.add")}
        </button>
      </form>
    </section>
  );
}

export function PublicIpsList({ detail }: { detail: ProfileDetail }) {
  const shell = useShell();
  const form = useForm();
  const [address, setAddress] = useState("");
  const [label, setLabel] = useState("");
  const [subscriberId, setSubscriberId] = useState("");
  const [siteId, setSiteId] = useState("");
  const siteName = (id: number | null) => detail.sites.find((s) => s.id === id)?.name;
  return (
    <section aria-labelledby="ips-title" class="subsection">
      <h3 id="ips-title">{t("settings.ips")}</h3>
      <ItemList empty="settings.ipsNone"
        items={detail.publicIps.map((ip) => (
          <li key={ip.id}>
            <span>
              <code dir="ltr">{ip.address}</code> {ip.label ? <span class="muted">· {ip.label}</span> : null}{" "}
              {siteName(ip.siteId) ? <span class="muted">· {siteName(ip.siteId)}</span> : null}{" "}
              {ip.subscriberId ? <span class="muted">· {t("settings.ipSubscriberShown", { id: ip.subscriberId })}</span> : null}
            </span>
            <RemoveButton label={ip.address} onRemove={() => call("remove_public_ip", { id: ip.id })} />
          </li>
        ))}
      />
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void form
            .submit(async () => {
              await call("add_public_ip", {
                profileId: detail.profile.id,
                input: { address, label, subscriberId, siteId: siteId === "" ? null : Number(siteId) },
              });
            })
            .then((ok) => ok && (setAddress(""), setLabel(""), setSubscriberId(""), shell.dataChanged()));
        }}
      >
        <TextField
          name="ipAddress"
          label={t("settings.ipAddress")}
          value={address}
          onInput={setAddress}
          error={form.fieldErrors.address}
          inputMode="decimal"
          dir="ltr"
        />
        <TextField name="ipLabel" label={t("settings.ipLabel")} value={label} onInput={setLabel} error={form.fieldErrors.label} optional />
        <TextField
          name="subscriberId"
          label={t("settings.ipSubscriber")}
          value={subscriberId}
          onInput={setSubscriberId}
          error={form.fieldErrors.subscriberId}
          optional
          dir="ltr"
        />
        {detail.sites.length > 0 ? (
          <SelectField
            name="ipSite"
            label={t("settings.ipSite")}
            value={siteId}
            onChange={setSiteId}
            options={[{ value: "", label: t("settings.ipSiteNone") }, ...detail.sites.map((s) => ({ value: String(s.id), label: s.name }))]}
          />
        ) : null}
        <button type="submit" disabled={form.pending}>
          {t("app.add")}
        </button>
      </form>
    </section>
  );
}

export function StaffList({ detail }: { detail: ProfileDetail }) {
  const shell = useShell();
  const form = useForm();
  const [name, setName] = useState("");
  const [role, setRole] = useState("");
  const [email, setEmail] = useState("");
  return (
    <section aria-labelledby="staff-title" class="subsection">
      <h3 id="staff-title">{t("settings.staff")}</h3>
      <ItemList empty="settings.staffNone"
        items={detail.staff.map((s) => (
          <li key={s.id}>
            <span>
              {s.name} {s.role ? <span class="muted">· {s.role}</span> : null} {s.email ? <span class="muted" dir="ltr">· {s.email}</span> : null}
            </span>
            <RemoveButton label={s.name} onRemove={() => call("remove_staff", { id: s.id })} />
          </li>
        ))}
      />
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void form
            .submit(async () => {
              await call("add_staff", { profileId: detail.profile.id, input: { name, role, email, siteId: null } });
            })
            .then((ok) => ok && (setName(""), setRole(""), setEmail(""), shell.dataChanged()));
        }}
      >
        <TextField name="staffName" label={t("settings.staffName")} value={name} onInput={setName} error={form.fieldErrors.name} />
        <TextField name="staffRole" label={t("settings.staffRole")} value={role} onInput={setRole} error={form.fieldErrors.role} optional />
        <TextField
          name="staffEmail"
          type="email"
          label={t("settings.staffEmail")}
          value={email}
          onInput={setEmail}
          error={form.fieldErrors.email}
          optional
          dir="ltr"
        />
        <button type="submit" disabled={form.pending}>
          {t("app.add")}
        </button>
      </form>
    </section>
  );
}
