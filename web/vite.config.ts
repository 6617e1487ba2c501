// Vite build configuration for the accord web UI (root: web/, output: web/dist).
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const webRoot = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: resolve(webRoot, "dist"),
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    // The UI imports the shared sector list from ../src.
    fs: { allow: [resolve(webRoot, "..")] },
    proxy: { "/api": { target: "http://localhost:3999", changeOrigin: false } },
  },
});
