// Adds a credential, or changes one: kind, name, account, and the secret (typed into a
// password field; when editing, an empty secret keeps the stored one).
import { useState } from "preact/hooks";
import type { Credential } from "../../bindings/Credential";
import type { CredentialKind } from "../../bindings/CredentialKind";
import { SelectField, TextField } from "../../components/Field";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { t, type MessageKey } from "../../i18n";
import { call } from "../../ipc";

export const KINDS: readonly CredentialKind[] = ["ptaPortal", "psebPortal", "apiToken", "other"];

export function kindName(kind: CredentialKind): string {
  return t(`credentials.kind.${kind}` as MessageKey);
}

interface Props {
  existing?: Credential;
  onDone(): void;
}

export function CredentialForm({ existing, onDone }: Props) {
  const shell = useShell();
  const form = useForm();
  const [kind, setKind] = useState<CredentialKind>(existing?.kind ?? "ptaPortal");
  const [label, setLabel] = useState(existing?.label ?? "");
  const [account, setAccount] = useState(existing?.account ?? "");
  const [secret, setSecret] = useState("");
  const token = kind === "apiToken";
  return (
    <form
      class="stack"
      data-testid={existing ? `credential-edit-${existing.id}` : "credential-add"}
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit(async () => {
            const input = {
              kind,
              label,
              account: account.trim() === "" ? null : account,
              secret: secret === "" && existing ? null : secret,
            };
            if (existing) await call("update_credential", { id: existing.id, input });
            else await call("add_credential", { input });
          })
          .then((ok) => {
            // The typed secret is not kept in the page once it is in the keychain.
            setSecret("");
            if (ok) {
              shell.dataChanged();
              onDone();
            }
          });
      }}
    >
      <SelectField
        name="kind"
        label={t("credentials.kindLabel")}
        value={kind}
        options={KINDS.map((k) => ({ value: k, label: kindName(k) }))}
        onChange={(v) => setKind(v)}
      />
      <TextField name="label" label={t("credentials.label")} value={label} onInput={setLabel} error={form.fieldErrors.label} />
      <TextField
        name="account"
        label={token ? t("credentials.accountToken") : t("credentials.account")}
        value={account}
        onInput={setAccount}
        error={form.fieldErrors.account}
        optional
        dir="ltr"
        autoComplete="off"
      />
      <TextField
        name="secret"
        type="password"
        label={token ? t("credentials.secretToken") : t("credentials.secret")}
        value={secret}
        onInput={setSecret}
        error={form.fieldErrors.secret}
        optional={existing !== undefined}
        hint={existing ? t("credentials.secretKeep") : t("credentials.secretWhere")}
        dir="ltr"
        autoComplete="new-password"
      />
      <div class="actions">
        <button type="submit" disabled={form.pending}>
          {existing ? t("app.save") : t("credentials.save")}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}
