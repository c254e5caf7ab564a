// Settings: appearance and language, the applicant profile, and facts about this installation.
import { PageHeader } from "../components/PageHeader";
import { t } from "../i18n";
import { AboutSection } from "./settings/AboutSection";
import { AppearanceSection } from "./settings/AppearanceSection";
import { BackupSection } from "./settings/BackupSection";
import { ProfileSection } from "./settings/ProfileSection";

export function SettingsPage() {
  return (
    <>
      <PageHeader title={t("settings.title")} intro={t("settings.intro")} />
      <div class="stack">
        <ProfileSection />
        <AppearanceSection />
        <BackupSection />
        <AboutSection />
      </div>
    </>
  );
}
