// Changes an application's details: name, reference, what is registered, VPN, contact,
// renewal date (a reminder fires 30 days ahead once approved), notes, and what it blocks.
import { useState } from "preact/hooks";
import type { Application } from "../../bindings/Application";
import { TextField } from "../../components/Field";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { t } from "../../i18n";
import { call } from "../../ipc";

export function EditApplicationForm({ app, others }: { app: Application; others: Application[] }) {
  const shell = useShell();
  const form = useForm();
  const [v, setV] = useState({
    title: app.title,
    reference: app.reference ?? "",
    ips: app.registeredIps.join(", "),
    mobile: app.mobileNumber ?? "",
    vpnService: app.vpnService ?? "",
    vpnProtocol: app.vpnProtocol ?? "",
    contact: app.contact ?? "",
    renewalOn: app.renewalOn ?? "",
    notes: app.notes ?? "",
    blocksId: app.blocksId === null ? "" : String(app.blocksId),
  });
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value });
  // An empty field is left out of the input (the backend reads it as "none").
  const some = (key: string, s: string) => (s.trim() === "" ? {} : { [key]: s.trim() });
  return (
    <details class="edit-application">
      <summary>{t("application.edit")}</summary>
      <form
        class="stack"
        data-testid="application-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async () => {
            await call("update_application", {
              id: app.id,
              input: {
                title: v.title,
                registeredIps: v.ips.split(/[\s,]+/).filter((x) => x !== ""),
                ...some("reference", v.reference),
                ...some("mobileNumber", v.mobile),
                ...some("vpnService", v.vpnService),
                ...some("vpnProtocol", v.vpnProtocol),
                ...some("contact", v.contact),
                ...some("renewalOn", v.renewalOn),
                ...some("notes", v.notes),
                ...(v.blocksId === "" ? {} : { blocksId: Number(v.blocksId) }),
              },
            });
            shell.dataChanged();
          });
        }}
      >
        <div class="grid-2">
          <TextField name="title" label={t("application.name")} value={v.title} onInput={set("title")} error={form.fieldErrors.title} />
          <TextField name="reference" label={t("application.reference")} value={v.reference} onInput={set("reference")} optional dir="ltr" error={form.fieldErrors.reference} />
          <TextField name="registeredIps" label={t("application.ips")} value={v.ips} onInput={set("ips")} optional dir="ltr" error={form.fieldErrors.registeredIps} />
          <TextField name="mobileNumber" label={t("application.mobile")} value={v.mobile} onInput={set("mobile")} optional dir="ltr" />
          <TextField name="vpnService" label={t("details.vpnService")} value={v.vpnService} onInput={set("vpnService")} optional />
          <TextField name="vpnProtocol" label={t("details.vpnProtocol")} value={v.vpnProtocol} onInput={set("vpnProtocol")} optional />
          <TextField name="contact" label={t("application.contact")} value={v.contact} onInput={set("contact")} optional />
          <div class="field">
            <label>
              {t("application.renewalOn")} <span class="muted">{t("app.optional")}</span>
              <input type="date" name="renewalOn" value={v.renewalOn} onInput={(e) => set("renewalOn")(e.currentTarget.value)} />
            </label>
          </div>
          {app.kind !== "registration" ? (
            <div class="field">
              <label>
                {t("application.blocks")}{" "}
                <select name="blocksId" value={v.blocksId} onChange={(e) => set("blocksId")(e.currentTarget.value)}>
                  <option value="">{t("application.blocksNothing")}</option>
                  {others
                    .filter((o) => o.id !== app.id && o.kind === "registration")
                    .map((o) => (
                      <option key={o.id} value={String(o.id)}>
                        {o.title}
                      </option>
                    ))}
                </select>
              </label>
              {form.fieldErrors.blocksId ? (
                <p class="field-error" role="alert">
                  {form.fieldErrors.blocksId}
                </p>
              ) : null}
            </div>
          ) : null}
          <TextField name="notes" label={t("application.notes")} value={v.notes} onInput={set("notes")} optional />
        </div>
        <div class="actions">
          <button type="submit" disabled={form.pending}>
            {t("app.save")}
          </button>
        </div>
      </form>
    </details>
  );
}
