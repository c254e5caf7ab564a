import { defineConfig } from "vitest/config";

// UI tests: the built front end (dist/) in headless Chromium, with the IPC answered by a fake backend.
export default defineConfig({
  test: { include: ["tests/ui/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false },
});
