// The applicant profile: which one is active, its name and kind, and its sites, IPs and staff.
import { useEffect, useState } from "preact/hooks";
import type { Profile } from "../../bindings/Profile";
import type { ProfileDetail } from "../../bindings/ProfileDetail";
import { ErrorNotice } from "../../components/ErrorNotice";
import { TextField } from "../../components/Field";
import { ProfileCreateForm } from "../../components/ProfileCreateForm";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { useLoad } from "../../hooks/useLoad";
import { t } from "../../i18n";
import { call, toAppError } from "../../ipc";
import { PublicIpsList, SitesList, StaffList } from "./ProfileLists";

export function ProfileSection() {
  const shell = useShell();
  const id = shell.settings.activeProfileId;
  const profiles = useLoad(() => call("list_profiles"), [shell.dataVersion]);
  const detail = useLoad(() => (id === null ? Promise.resolve(null) : call("profile_detail", { id })), [id, shell.dataVersion]);
  const [adding, setAdding] = useState(false);
  const activate = (newId: number) => void shell.updateSettings({ activeProfileId: newId }).then(shell.dataChanged);

  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("settings.profileTitle")}</h2>
      {detail.state === "failed" ? <ErrorNotice error={detail.error} onRetry={shell.dataChanged} /> : null}
      {detail.state === "ready" && detail.data === null ? (
        <>
          <p class="muted">{t("settings.profileNone")}</p>
          <ProfileCreateForm onCreated={activate} />
        </>
      ) : null}
      {detail.state === "ready" && detail.data !== null ? <ProfileEditor detail={detail.data} /> : null}

      {profiles.state === "ready" && profiles.data.length > 0 ? (
        <section class="subsection" aria-labelledby="profiles-title">
          <h3 id="profiles-title">{t("settings.profilesTitle")}</h3>
          <ul class="item-list">
            {profiles.data.map((p) => (
              <ProfileRow key={p.id} profile={p} active={p.id === id} onActivate={() => activate(p.id)} />
            ))}
          </ul>
          {adding ? (
            <ProfileCreateForm
              onCreated={(newId) => {
                setAdding(false);
                activate(newId);
              }}
            />
          ) : (
            <button type="button" class="secondary" onClick={() => setAdding(true)}>
              {t("settings.profileNew")}
            </button>
          )}
        </section>
      ) : null}
    </section>
  );
}

function ProfileRow({ profile, active, onActivate }: { profile: Profile; active: boolean; onActivate(): void }) {
  const shell = useShell();
  const remove = () => {
    if (!window.confirm(t("settings.profileDeleteConfirm", { name: profile.name }))) return;
    call("delete_profile", { id: profile.id }).then(shell.dataChanged, (e: unknown) => shell.reportError(toAppError(e)));
  };
  return (
    <li>
      <span>
        {profile.name} {active ? <strong class="tag">{t("settings.profileActive")}</strong> : null}
      </span>
      <span class="actions">
        {active ? null : (
          <button type="button" class="secondary small" onClick={onActivate}>
            {t("settings.profileSwitch", { name: profile.name })}
          </button>
        )}
        <button type="button" class="danger small" onClick={remove} aria-label={`${t("settings.profileDelete")}: ${profile.name}`}>
          {t("settings.profileDelete")}
        </button>
      </span>
    </li>
  );
}

function ProfileEditor({ detail }: { detail: ProfileDetail }) {
  const shell = useShell();
  const form = useForm();
  const [name, setName] = useState(detail.profile.name);
  useEffect(() => setName(detail.profile.name), [detail.profile.name]);
  const firm = detail.profile.kind === "firm";
  return (
    <div class="stack">
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void form
            .submit(async () => {
              await call("update_profile", { id: detail.profile.id, input: { kind: detail.profile.kind, name } });
            })
            .then((ok) => ok && shell.dataChanged());
        }}
      >
        <TextField name="profileName" label={t("profile.name")} value={name} onInput={setName} error={form.fieldErrors.name} />
        <button type="submit" disabled={form.pending || name === detail.profile.name}>
          {t("app.save")}
        </button>
      </form>
      {firm ? <SitesList detail={detail} /> : null}
      <PublicIpsList detail={detail} />
      {firm ? <StaffList detail={detail} /> : null}
    </div>
  );
}
