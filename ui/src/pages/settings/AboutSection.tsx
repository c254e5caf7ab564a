// Version and where the data lives: what support will ask for first.
import { useShell } from "../../context";
import { t } from "../../i18n";

export function AboutSection() {
  const { info } = useShell();
  return (
    <section class="card" aria-labelledby="about-title">
      <h2 id="about-title">{t("settings.about")}</h2>
      <dl class="facts">
        <dt>{t("settings.version")}</dt>
        <dd data-testid="app-version">{info.version}</dd>
        <dt>{t("settings.dataDir")}</dt>
        <dd>
          <code dir="ltr">{info.dataDir}</code>
        </dd>
        <dt>{t("settings.database")}</dt>
        <dd>
          <code dir="ltr">{info.databasePath ?? "—"}</code>
        </dd>
        <dt>{t("settings.schema")}</dt>
        <dd>{info.schemaVersion ?? "—"}</dd>
      </dl>
      <p class="muted">{t("settings.localOnly")}</p>
    </section>
  );
}
