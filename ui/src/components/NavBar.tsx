// The section list: real links (keyboard and screen-reader friendly), the current one marked.
import { t, type MessageKey } from "../i18n";
import { SECTIONS, hashFor, type Section } from "../router";

export function NavBar({ current }: { current: Section }) {
  return (
    <nav class="nav" aria-label={t("nav.label")}>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section}>
            <a
              href={hashFor(section)}
              aria-current={section === current ? "page" : undefined}
              data-section={section}
            >
              {t(`nav.${section}` as MessageKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
