/** Builds the Hono application: middleware, the /api/v1 routers, OpenAPI document, docs, health and web UI. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { accountRoutes } from "../accounts/routes.ts";
import { demoRoutes } from "../demo/routes.ts";
import { resultsRoutes } from "../surveys/results/routes.ts";
import { waveRoutes } from "../surveys/routes.ts";
import { AppError } from "../errors/app-error.ts";
import { peopleRoutes } from "../partnerships/people-routes.ts";
import { networkRoutes } from "../network/routes.ts";
import { healthRoutes } from "../health/routes.ts";
import { reportRoutes } from "../report/routes.ts";
import { insightRoutes } from "../registers/insight-routes.ts";
import { MAX_IMPORT_BYTES, registerRoutes } from "../registers/routes.ts";
import { partnershipRoutes } from "../partnerships/routes.ts";
import { transferRoutes } from "../transfer/routes.ts";
import { programmeRoutes } from "../programmes/routes.ts";
import { docsRoutes } from "./docs.ts";
import type { AppEnv, Deps } from "./env.ts";
import { JSON_BODY, readBody } from "./body.ts";
import { CSV_BODY } from "./csv-body.ts";
import { csrfGuard, envelope, identify } from "./middleware.ts";
import { refuseUnexpectedBodies } from "./no-body.ts";
import { renderProblem } from "./problem.ts";
import { probeRoutes } from "../server/probes.ts";
import type { RequestObserver } from "../observability/request-observer.ts";
import { webRoutes } from "./web.ts";

export const MAX_BODY_BYTES = 64 * 1024;

export function createApp(deps: Deps, opts: { webDist?: string; observer?: RequestObserver | undefined } = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.use("*", envelope(deps, opts.observer));
  app.onError((err, c) => renderProblem(err, c));
  app.notFound((c) => renderProblem(new AppError("not_found", `Nothing at ${c.req.method} ${c.req.path}.`), c));

  // /livez, /healthz and /readyz (README, "Health checks"): answered within about 2 s whatever the database does.
  app.route("/", probeRoutes(deps));

  // CSV imports may be larger than JSON bodies; every other request is held to 64 KiB. Either way a non-empty body
  // must come as the media type its route reads (415 otherwise) and be UTF-8, and a route that takes no body gets none.
  const importBody = readBody(MAX_IMPORT_BYTES, () => { throw new AppError("payload_too_large", `Imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split the file.`); }, CSV_BODY);
  const jsonBody = readBody(MAX_BODY_BYTES, () => { throw new AppError("payload_too_large", `Bodies are limited to ${MAX_BODY_BYTES / 1024} KiB.`); }, JSON_BODY);
  app.use("/api/v1/*", (c, next) => (c.req.method === "POST" && c.req.path.endsWith("/import") ? importBody(c, next) : jsonBody(c, next)));
  app.use("/api/v1/*", refuseUnexpectedBodies(app));
  app.use("/api/v1/*", csrfGuard);
  app.use("/api/v1/*", identify);

  app.route("/api/v1", accountRoutes);
  app.route("/api/v1", partnershipRoutes);
  app.route("/api/v1", peopleRoutes);
  app.route("/api/v1", demoRoutes);
  app.route("/api/v1", waveRoutes);
  app.route("/api/v1", resultsRoutes);
  app.route("/api/v1", registerRoutes);
  app.route("/api/v1", insightRoutes);
  app.route("/api/v1", networkRoutes);
  app.route("/api/v1", transferRoutes);
  app.route("/api/v1", healthRoutes);
  app.route("/api/v1", reportRoutes);
  app.route("/api/v1", programmeRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", { type: "apiKey", in: "cookie", name: "accord_session" });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", description: "A personal API token (acc_…)" });
  app.doc31("/api/v1/openapi.json", {
    openapi: "3.1.0",
    info: { title: "accord API", version: "1", description: "Partnerships, organisations, people and accounts. Errors are application/problem+json." },
    servers: [{ url: "/" }],
  });

  app.route("/", docsRoutes);
  app.route("/", webRoutes(opts.webDist));
  return app;
}
