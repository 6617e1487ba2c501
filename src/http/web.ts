/** Serves the built web UI (web/dist) and falls back to index.html for client-side routes. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import type { AppEnv } from "./env.ts";

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>accord</title></head>
<body><main><h1>accord</h1><p>The web UI has not been built. Run <code>npm run build:web</code>, or start with <code>npm start</code>.</p>
<p>The API is available under <a href="/api/docs/">/api/docs</a>.</p></main></body></html>`;

export function webRoutes(distDir = WEB_DIST): Hono<AppEnv> {
  const web = new Hono<AppEnv>();
  web.get("/assets/:file{.+}", async (c) => {
    const rel = path.normalize(c.req.param("file")).replace(/^(\.\.(\/|\\|$))+/, "");
    const file = path.join(distDir, "assets", rel);
    if (!file.startsWith(path.join(distDir, "assets"))) return c.notFound();
    try {
      const body = await fs.promises.readFile(file);
      const type = TYPES[path.extname(file)] ?? "application/octet-stream";
      return c.body(body, 200, { "content-type": type, "cache-control": "public, max-age=31536000, immutable" });
    } catch {
      return c.notFound();
    }
  });
  web.get("*", async (c) => {
    if (c.req.path.startsWith("/api/")) return c.notFound();
    try {
      const html = await fs.promises.readFile(path.join(distDir, "index.html"), "utf8");
      return c.html(html, 200, { "cache-control": "no-cache" });
    } catch {
      return c.html(NOT_BUILT, 200);
    }
  });
  return web;
}
