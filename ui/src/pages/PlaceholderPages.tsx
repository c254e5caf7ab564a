// Sections whose features arrive in later versions: each says what it will hold.
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";
import { t } from "../i18n";

export function ApplicationPage() {
  return (
    <>
      <PageHeader title={t("application.title")} intro={t("application.intro")} />
      <EmptyState title={t("application.emptyTitle")} body={t("application.emptyBody")} />
    </>
  );
}

export function CredentialsPage() {
  return (
    <>
      <PageHeader title={t("credentials.title")} intro={t("credentials.intro")} />
      <EmptyState title={t("credentials.emptyTitle")} body={t("credentials.emptyBody")} />
    </>
  );
}
