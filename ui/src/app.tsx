// The shell: loads installation facts and settings, applies theme and language, shows the
// navigation and the current section, and the one place errors without a field appear.
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { AppInfo } from "./bindings/AppInfo";
import type { Settings } from "./bindings/Settings";
import type { SettingsPatch } from "./bindings/SettingsPatch";
import { ErrorNotice } from "./components/ErrorNotice";
import { NavBar } from "./components/NavBar";
import { ShellContext, type Shell } from "./context";
import { resolveLocale, setLocale, t } from "./i18n";
import { type AppError, call, onEvent, toAppError } from "./ipc";
import { ConnectionPage } from "./pages/ConnectionPage";
import { OverviewPage } from "./pages/OverviewPage";
import { DocumentsPage } from "./pages/DocumentsPage";
import { EligibilityPage } from "./pages/EligibilityPage";
import { CredentialsPage } from "./pages/CredentialsPage";
import { ApplicationPage } from "./pages/ApplicationPage";
import { SettingsPage } from "./pages/SettingsPage";
import { navigation, type Section, sectionFromHash } from "./router";
import { applyTheme } from "./theme";

const PAGES: Record<Section, () => preact.JSX.Element> = {
  overview: OverviewPage,
  connection: ConnectionPage,
  eligibility: EligibilityPage,
  documents: DocumentsPage,
  application: ApplicationPage,
  credentials: CredentialsPage,
  settings: SettingsPage,
};

type Boot = { state: "loading" } | { state: "ready"; info: AppInfo; settings: Settings } | { state: "failed"; error: AppError; info?: AppInfo };

function applySettings(settings: Settings): void {
  applyTheme(settings.theme);
  setLocale(resolveLocale(settings.language, navigator.languages));
}

async function boot(): Promise<Boot> {
  const info = await call("app_info");
  if (info.storageError !== null) {
    const e = info.storageError;
    return { state: "failed", error: toAppError(e), info };
  }
  const settings = await call("get_settings");
  applySettings(settings);
  return { state: "ready", info, settings };
}

export function App() {
  const [section, setSection] = useState<Section>(() => sectionFromHash(location.hash));
  const [bootState, setBoot] = useState<Boot>({ state: "loading" });
  const [notice, setNotice] = useState<AppError | null>(null);
  const [dataVersion, setDataVersion] = useState(0);

  const start = useCallback(() => {
    setBoot({ state: "loading" });
    boot().then(setBoot, (e: unknown) => setBoot({ state: "failed", error: toAppError(e) }));
  }, []);

  useEffect(start, [start]);
  useEffect(() => {
    const onHash = () => {
      navigation.count += 1;
      setSection(sectionFromHash(location.hash));
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  useEffect(() => {
    // A check the app ran on its own (schedule, network change) refreshes what pages show.
    const stop = onEvent("connection-checked", () => setDataVersion((v) => v + 1)).catch(() => undefined);
    return () => void stop.then((unlisten) => unlisten?.());
  }, []);
  useEffect(() => {
    // Tell the backend once the first real screen is up (start-up time is measured by this).
    if (bootState.state !== "loading") void call("ui_ready").catch(() => undefined);
  }, [bootState.state]);

  const shell = useMemo<Shell | null>(() => {
    if (bootState.state !== "ready") return null;
    return {
      info: bootState.info,
      settings: bootState.settings,
      dataVersion,
      dataChanged: () => setDataVersion((v) => v + 1),
      reportError: (error) => {
        setNotice(error);
        if (error.code === "notFound") setDataVersion((v) => v + 1);
      },
      updateSettings: async (patch: SettingsPatch) => {
        try {
          const settings = await call("update_settings", { patch });
          applySettings(settings);
          setBoot((b) => (b.state === "ready" ? { ...b, settings } : b));
        } catch (e) {
          setNotice(toAppError(e));
        }
      },
    };
  }, [bootState, dataVersion]);

  const Page = PAGES[section];
  return (
    <div class="layout">
      <a class="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <aside class="sidebar">
        <div class="brand">
          <img src="/icon.svg" alt="" width={32} height={32} />
          <span>{t("app.name")}</span>
        </div>
        <NavBar current={section} />
      </aside>
      <main id="main" class="content" tabIndex={-1}>
        <div aria-live="polite" class="live-region">
          {notice ? <ErrorNotice error={notice} onDismiss={() => setNotice(null)} /> : null}
        </div>
        {bootState.state === "loading" ? <p aria-busy="true">{t("app.loading")}</p> : null}
        {bootState.state === "failed" ? <ErrorNotice error={bootState.error} onRetry={start} /> : null}
        {shell ? (
          <ShellContext.Provider value={shell}>
            <Page />
          </ShellContext.Provider>
        ) : null}
      </main>
    </div>
  );
}
