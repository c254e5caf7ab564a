// Theme, language and automatic connection checks; each change is saved at once.
import type { Language } from "../../bindings/Language";
import type { Theme } from "../../bindings/Theme";
import { SelectField } from "../../components/Field";
import { useShell } from "../../context";
import { t } from "../../i18n";

const RECHECK_CHOICES = [0, 1, 3, 6, 12, 24, 72, 168] as const;

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
            { value: "ur", label: t("settings.languageUr") },
          ]}
          onChange={(language) => void shell.updateSettings({ language })}
        />
        <SelectField<string>
          name="recheckHours"
          label={t("settings.recheck")}
          value={String(shell.settings.recheckHours)}
          options={RECHECK_CHOICES.map((h) => ({
            value: String(h),
            label: h === 0 ? t("settings.recheckOff") : t("settings.recheckEvery", { hours: h }),
          }))}
          onChange={(h) => void shell.updateSettings({ recheckHours: Number(h) })}
        />
        <SelectField<string>
          name="followUpDays"
          label={t("settings.followUp")}
          value={String(shell.settings.followUpDays)}
          options={[...new Set([7, 10, 14, 21, 30, shell.settings.followUpDays])]
            .sort((a, b) => a - b)
            .map((d) => ({ value: String(d), label: t("settings.followUpAfter", { days: d }) }))}
          onChange={(d) => void shell.updateSettings({ followUpDays: Number(d) })}
        />
      </div>
      <p class="muted small">{t("settings.recheckNote")}</p>
    </section>
  );
}
