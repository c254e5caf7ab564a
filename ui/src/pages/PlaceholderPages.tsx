// Sections whose features arrive in later versions: each says what it will hold.
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";
import { t } from "../i18n";

export function EligibilityPage() {
  return (
    <>
      <PageHeader title={t("eligibility.title")} intro={t("eligibility.intro")} />
      <EmptyState title={t("eligibility.emptyTitle")} body={t("eligibility.emptyBody")} />
    </>
  );
}

export function DocumentsPage() {
  return (
    <>
      <PageHeader title={t("documents.title")} intro={t("documents.intro")} />
      <EmptyState title={t("documents.emptyTitle")} body={t("documents.emptyBody")} />
    </>
  );
}

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
