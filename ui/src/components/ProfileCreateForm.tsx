// Creates a profile: who is applying (freelancer or firm) and their name.
import { useState } from "preact/hooks";
import type { ProfileKind } from "../bindings/ProfileKind";
import { useForm } from "../hooks/useForm";
import { t } from "../i18n";
import { call } from "../ipc";
import { TextField } from "./Field";

export function ProfileCreateForm({ onCreated }: { onCreated(id: number): void }) {
  const [kind, setKind] = useState<ProfileKind>("freelancer");
  const [name, setName] = useState("");
  const form = useForm();
  return (
    <form
      class="stack"
      data-testid="profile-create"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async () => {
          const profile = await call("create_profile", { input: { kind, name } });
          setName("");
          onCreated(profile.id);
        });
      }}
    >
      <fieldset class="choice">
        <legend>{t("profile.kind")}</legend>
        {(["freelancer", "firm"] as const).map((k) => (
          <label key={k} class="choice-option">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {k === "freelancer" ? t("profile.kindFreelancer") : t("profile.kindFirm")}
          </label>
        ))}
      </fieldset>
      <TextField
        name="name"
        label={t("profile.name")}
        value={name}
        onInput={setName}
        error={form.fieldErrors.name}
        autoComplete={kind === "firm" ? "organization" : "name"}
      />
      <div class="actions">
        <button type="submit" disabled={form.pending}>
          {t("profile.create")}
        </button>
      </div>
    </form>
  );
}
