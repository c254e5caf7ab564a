// The section whose features arrive in a later version: it says what it will hold.
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
