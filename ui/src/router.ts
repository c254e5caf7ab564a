// Sections of the app and the URL hash that selects one (`#/connection`). Hash routing keeps
// the app working from tauri:// and file-less origins, and makes each section linkable in tests.
export const SECTIONS = [
  "overview",
  "connection",
  "eligibility",
  "documents",
  "application",
  "credentials",
  "settings",
] as const;

export type Section = (typeof SECTIONS)[number];

export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? "";
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : "overview";
}

export function hashFor(section: Section): string {
  return `#/${section}`;
}

/** How many in-app navigations happened; the first screen does not steal focus, later ones do. */
export const navigation = { count: 0 };
