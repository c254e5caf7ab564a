import { defineConfig } from "vite";

// Preact through Vite's built-in JSX transform: no framework plugin needed.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK 2.4x / Safari 15+ and WebView2 all run ES2021.
    target: ["es2021", "safari15"],
    // No inline scripts or styles: the CSP allows only 'self'.
    assetsInlineLimit: 0,
  },
  // The domain catalogue is shared with the core crate (src-tauri/crates/core/locales).
  server: { port: 1420, strictPort: true, fs: { allow: [".."] } },
  clearScreen: false,
});
