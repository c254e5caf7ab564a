// What every page may need from the shell: settings, installation facts and error reporting.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { AppInfo } from "./bindings/AppInfo";
import type { Settings } from "./bindings/Settings";
import type { SettingsPatch } from "./bindings/SettingsPatch";
import type { AppError } from "./ipc";

export interface Shell {
  info: AppInfo;
  settings: Settings;
  updateSettings(patch: SettingsPatch): Promise<void>;
  /** Shows an error that is not tied to a form field. */
  reportError(error: AppError): void;
  /** Bumped whenever data changed, so pages reload what they show. */
  dataVersion: number;
  dataChanged(): void;
}

export const ShellContext = createContext<Shell | null>(null);

export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (shell === null) throw new Error("useShell outside ShellContext");
  return shell;
}
