import { defineConfig } from "vitest/config";

// Unit tests of pure front-end logic (i18n, routing, error normalisation): Node, no browser.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
