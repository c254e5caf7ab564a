import { defineConfig } from "vitest/config";

// End-to-end tests: the real app binary under Xvfb, driven through tauri-driver + WebKitWebDriver.
export default defineConfig({
  test: { include: ["tests/e2e/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 90_000, fileParallelism: false },
});
