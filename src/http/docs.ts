/** Serves Swagger UI from the swagger-ui-dist package (no CDN) at /api/docs, reading /api/v1/openapi.json. */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "./env.ts";

const require = createRequire(import.meta.url);
const distDir = path.dirname(require.resolve("swagger-ui-dist/package.json"));

const INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>accord API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true });`;

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

export const docsRoutes = new Hono<AppEnv>();
docsRoutes.get("/api/docs", (c) => c.redirect("/api/docs/", 301));
docsRoutes.get("/api/docs/", (c) => c.html(INDEX));
docsRoutes.get("/api/docs/init.js", (c) => c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }));
docsRoutes.get("/api/docs/:asset", async (c) => {
  const name = c.req.param("asset");
  const type = ASSETS[name];
  if (!type) return c.notFound();
  const body = await fs.promises.readFile(path.join(distDir, name));
  return c.body(body, 200, { "content-type": type, "cache-control": "public, max-age=86400" });
});
