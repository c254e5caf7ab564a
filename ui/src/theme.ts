// Applies the theme setting: "system" follows prefers-color-scheme (pure CSS), the others pin it.
import type { Theme } from "./bindings/Theme";

export function applyTheme(theme: Theme, doc: Document = document): void {
  if (theme === "system") delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = theme;
}
