// Theme and language; each change is saved at once.
import type { Language } from "../../bindings/Language";
import type { Theme } from "../../bindings/Theme";
import { SelectField } from "../../components/Field";
import { useShell } from "../../context";
import { t } from "../../i18n";

export function AppearanceSection() {
  const shell = useShell();
  return (
    <section class="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">{t("settings.appearance")}</h2>
      <div class="grid-2">
        <SelectField<Theme>
          name="theme"
          label={t("settings.theme")}
          value={shell.settings.theme}
          options={[
            { value: "system", label: t("settings.themeSystem") },
            { value: "light", label: t("settings.themeLight") },
            { value: "dark", label: t("settings.themeDark") },
          ]}
          onChange={(theme) => void shell.updateSettings({ theme })}
        />
        <SelectField<Language>
          name="language"
          label={t("settings.language")}
          value={shell.settings.language}
          options={[
            { value: "system", label: t("settings.languageSystem") },
            { value: "en", label: t("settings.languageEn") },
          ]}
          onChange={(language) => void shell.updateSettings({ language })}
        />
      </div>
    </section>
  );
}
