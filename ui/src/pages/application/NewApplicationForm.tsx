// Starts an application as a draft: what kind, a name, what is registered.
import { useState } from "preact/hooks";
import type { Application } from "../../bindings/Application";
import type { ApplicationKind } from "../../bindings/ApplicationKind";
import { SelectField, TextField } from "../../components/Field";
import { useForm } from "../../hooks/useForm";
import { t, type MessageKey } from "../../i18n";
import { call } from "../../ipc";

const KINDS: readonly ApplicationKind[] = ["registration", "ispStaticIp", "psebRegistration"];

export function NewApplicationForm({
  profileId,
  registrations,
  onStarted,
}: {
  profileId: number;
  registrations: Application[];
  onStarted(id: number): void;
}) {
  const form = useForm();
  const [kind, setKind] = useState<ApplicationKind>("registration");
  const [title, setTitle] = useState("");
  const [ips, setIps] = useState("");
  const [mobile, setMobile] = useState("");
  const [startedOn, setStartedOn] = useState("");
  const [blocks, setBlocks] = useState("");
  return (
    <form
      class="stack"
      data-testid="application-new"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async () => {
          const app = await call("start_application", {
            profileId,
            input: {
              kind,
              title,
              registeredIps: ips.split(/[\s,]+/).filter((x) => x !== ""),
              ...(mobile === "" ? {} : { mobileNumber: mobile }),
              ...(startedOn === "" ? {} : { startedOn }),
              ...(kind === "registration" || blocks === "" ? {} : { blocksId: Number(blocks) }),
            },
          });
          onStarted(app.id);
        });
      }}
    >
      <div class="grid-2">
        <SelectField
          name="kind"
          label={t("application.kind")}
          value={kind}
          options={KINDS.map((k) => ({ value: k, label: t(`application.kind.${k}` as MessageKey) }))}
          onChange={(k) => setKind(k)}
        />
        <TextField name="title" label={t("application.name")} hint={t("application.nameHint")} value={title} onInput={setTitle} error={form.fieldErrors.title} />
        {kind === "registration" ? (
          <>
            <TextField
              name="registeredIps"
              label={t("application.ips")}
              hint={t("application.ipsHint")}
              value={ips}
              onInput={setIps}
              optional
              dir="ltr"
              error={form.fieldErrors.registeredIps}
            />
            <TextField name="mobileNumber" label={t("application.mobile")} value={mobile} onInput={setMobile} optional dir="ltr" />
          </>
        ) : registrations.length > 0 ? (
          <div class="field">
            <label>
              {t("application.blocks")}{" "}
              <select name="blocksId" value={blocks} onChange={(e) => setBlocks(e.currentTarget.value)}>
                <option value="">{t("application.blocksNothing")}</option>
                {registrations.map((r) => (
                  <option key={r.id} value={String(r.id)}>
                    {r.title}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ) : null}
        <div class="field">
          <label>
            {t("application.startedOn")} <span class="muted">{t("app.optional")}</span>
            <input type="date" name="startedOn" value={startedOn} onInput={(e) => setStartedOn(e.currentTarget.value)} />
          </label>
          {form.fieldErrors.startedOn ? (
            <p class="field-error" role="alert">
              {form.fieldErrors.startedOn}
            </p>
          ) : null}
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={form.pending}>
          {t("application.start")}
        </button>
      </div>
    </form>
  );
}
