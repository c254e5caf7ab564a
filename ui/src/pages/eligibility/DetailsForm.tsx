// The applicant's details, checked by the core (CNIC, mobile, NTN formats) and shown back
// formatted the way the portal expects.
import { useEffect, useState } from "preact/hooks";
import type { ApplicantDetails } from "../../bindings/ApplicantDetails";
import type { Decision } from "../../bindings/Decision";
import { TextField } from "../../components/Field";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { useLoad } from "../../hooks/useLoad";
import { t, type MessageKey } from "../../i18n";
import { call } from "../../ipc";

type Key = keyof ApplicantDetails;

const FIRM_FIELDS: readonly Key[] = ["companyName", "ntn", "secpNumber"];
const BASE_FIELDS: readonly Key[] = ["fullName", "cnic", "email", "mobile"];
const LTR: ReadonlySet<Key> = new Set(["cnic", "email", "mobile", "ntn", "secpNumber", "psebNumber"]);

function fieldsFor(decision: Decision): Key[] {
  const slots = decision.category?.slots.flat() ?? [];
  const firm = slots.includes("incorporation-certificate") || slots.includes("ntn-certificate");
  const staticIp = decision.category?.registers === "staticIp";
  return [
    ...BASE_FIELDS,
    ...(firm ? FIRM_FIELDS : []),
    "psebNumber",
    ...(staticIp ? (["isp"] as Key[]) : []),
    "vpnService",
    "vpnProtocol",
    "purpose",
  ];
}

export function DetailsForm({ profileId, decision }: { profileId: number; decision: Decision }) {
  const shell = useShell();
  const load = useLoad(() => call("get_applicant_details", { profileId }), [profileId]);
  const form = useForm();
  const [details, setDetails] = useState<ApplicantDetails | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (load.state === "ready") setDetails(load.data);
  }, [load]);
  if (details === null) return null;
  return (
    <form
      class="card"
      aria-labelledby="details-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void form.submit(async () => {
          setDetails(await call("save_applicant_details", { profileId, details }));
          setSaved(true);
          shell.dataChanged();
        });
      }}
    >
      <h2 id="details-title">{t("eligibility.detailsTitle")}</h2>
      <p class="muted">{t("eligibility.detailsIntro")}</p>
      <div class="grid-2">
        {fieldsFor(decision).map((key) => (
          <TextField
            key={key}
            name={key}
            label={t(`details.${key}` as MessageKey)}
            value={details[key] ?? ""}
            optional
            type={key === "email" ? "email" : "text"}
            dir={LTR.has(key) ? "ltr" : "auto"}
            error={form.fieldErrors[key]}
            onInput={(v) => setDetails({ ...details, [key]: v === "" ? null : v })}
          />
        ))}
      </div>
      <button type="submit" class="primary" disabled={form.pending}>
        {t("app.save")}
      </button>
      {saved ? (
        <p role="status" class="muted">
          {t("eligibility.detailsSaved")}
        </p>
      ) : null}
    </form>
  );
}
