// Portal logins and API tokens: where they are kept (the OS keychain), the list, and a form to
// add one. Secrets reach this page only when the user asks to see one.
import { useState } from "preact/hooks";
import type { KeychainStatus } from "../bindings/KeychainStatus";
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { PageHeader } from "../components/PageHeader";
import { useShell } from "../context";
import { useLoad } from "../hooks/useLoad";
import { t } from "../i18n";
import { call } from "../ipc";
import { CredentialForm } from "./credentials/CredentialForm";
import { CredentialRow } from "./credentials/CredentialRow";

export function CredentialsPage() {
  const shell = useShell();
  const status = useLoad(() => call("keychain_status"), []);
  const list = useLoad(() => call("list_credentials"), [shell.dataVersion]);
  const [adding, setAdding] = useState(false);
  const usable = status.state === "ready" && status.data.backend !== null;
  return (
    <>
      <PageHeader title={t("credentials.title")} intro={t("credentials.intro")} />
      {status.state === "ready" ? <KeychainBanner status={status.data} /> : null}
      {status.state === "failed" ? <ErrorNotice error={status.error} /> : null}
      {list.state === "loading" ? <p aria-busy="true">{t("app.loading")}</p> : null}
      {list.state === "failed" ? <ErrorNotice error={list.error} onRetry={shell.dataChanged} /> : null}
      {list.state === "ready" && list.data.length === 0 && !adding && usable ? (
        <EmptyState title={t("credentials.emptyTitle")} body={t("credentials.emptyBody")} />
      ) : null}
      {list.state === "ready" && list.data.length > 0 ? (
        <ul class="plain stack credential-list" aria-label={t("credentials.listLabel")}>
          {list.data.map((c) => (
            <CredentialRow key={c.id} credential={c} />
          ))}
        </ul>
      ) : null}
      {adding ? (
        <section class="card" aria-labelledby="credential-add-title">
          <h2 id="credential-add-title">{t("credentials.addTitle")}</h2>
          <CredentialForm onDone={() => setAdding(false)} />
        </section>
      ) : (
        <div class="actions credential-actions">
          <button type="button" disabled={!usable} onClick={() => setAdding(true)}>
            {t("credentials.add")}
          </button>
        </div>
      )}
    </>
  );
}

function KeychainBanner({ status }: { status: KeychainStatus }) {
  if (status.backend === null) {
    return (
      <div class="notice notice-error" role="alert" data-testid="keychain-status">
        <p class="notice-title">{t("credentials.noKeychainTitle")}</p>
        <p class="notice-message">{status.description}</p>
        <p>{t("credentials.noKeychainHelp")}</p>
      </div>
    );
  }
  return (
    <div class={`notice ${status.persistent ? "notice-ok" : "notice-warn"}`} data-testid="keychain-status">
      <p>{t("credentials.keptIn", { store: status.description })}</p>
      {status.persistent ? null : <p>{t("credentials.notPersistent")}</p>}
    </div>
  );
}
