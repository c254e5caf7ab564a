import { render } from "preact";
import { App } from "./app";
import { resolveLocale, setLocale } from "./i18n";
// Urdu's font ships with the app (Naskh, Arabic-script subset), so Urdu never depends on
// what the operating system has installed.
import "@fontsource/noto-naskh-arabic/arabic-400.css";
import "@fontsource/noto-naskh-arabic/arabic-700.css";
import "./styles.css";

// Until settings load, follow the system language so the first paint is already right.
setLocale(resolveLocale("system", navigator.languages));

const root = document.getElementById("app");
if (root) render(<App />, root);
