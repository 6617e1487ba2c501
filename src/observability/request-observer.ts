/** What the `envelope` middleware calls once a request's response is ready: the access-log line and the request metrics. */
import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import type { Logger } from "pino";
import type { AppEnv } from "../http/env.ts";
import { writeAccessLine, type AccessLine } from "./access-log.ts";
import type { HttpMetrics } from "./http-metrics.ts";

export type RequestObserver = (c: Context<AppEnv>, startedAt: number) => void;

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The pattern of the route that answered (`/api/v1/partnerships/:partnershipId/waves`): the handler that made the
 * response, or, when a middleware refused the request first, the handler it was on its way to; the catch-all (`/*`)
 * for a path no route has. Never the path itself: survey links and invitation and reset tokens travel in paths.
 */
export function routePattern(c: Context<AppEnv>): string {
  const routes = matchedRoutes(c);
  const reached = c.req.routeIndex;
  for (let i = reached; i < routes.length; i++) {
    const route = routes[i]!;
    if (route.method !== "ALL") return route.path; // middleware (app.use) is registered for ALL methods; handlers are not
  }
  return routes[reached]?.path ?? "(none)";
}

/** Any method outside the usual ones counts as OTHER, so clients cannot invent metric series or log values. */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : "OTHER";
}

/** Undefined when there is nothing to do, so the middleware does not even read the clock. */
export function requestObserver(opts: { log?: Logger | undefined; metrics?: HttpMetrics | undefined }): RequestObserver | undefined {
  const { log, metrics } = opts;
  if (!log && !metrics) return undefined;
  return (c, startedAt) => {
    try {
      observe(c, startedAt);
    } catch {
      // The response is made; a log or metric that fails must not turn it into an error.
    }
  };
  function observe(c: Context<AppEnv>, startedAt: number): void {
    const elapsedMs = performance.now() - startedAt;
    const method = methodLabel(c.req.method);
    const route = routePattern(c);
    const status = c.res.status;
    metrics?.observe(method, route, status, elapsedMs / 1000);
    if (!log) return;
    const line: AccessLine = { requestId: c.get("requestId"), method, route, status, durationMs: Math.round(elapsedMs * 10) / 10 };
    const length = c.res.headers.get("content-length");
    if (length !== null) line.bytes = Number(length);
    const actor = c.get("actor");
    if (actor) line.userId = actor.userId;
    writeAccessLine(log, line);
  }
}
