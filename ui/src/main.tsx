import { render } from "preact";
import { App } from "./app";
import { resolveLocale, setLocale } from "./i18n";
import "./styles.css";

// Until settings load, follow the system language so the first paint is already right.
setLocale(resolveLocale("system", navigator.languages));

const root = document.getElementById("app");
if (root) render(<App />, root);
