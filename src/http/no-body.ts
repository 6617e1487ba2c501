/** Routes that declare no request body: what is sent to one must be nothing or `{}`; anything else is refused rather than ignored. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "./env.ts";

/** "POST /api/v1/partnerships/:partnershipId/waves/:waveId/open" → whether its OpenAPI operation declares a body. */
function declaredBodies(app: OpenAPIHono<AppEnv>): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== "route") continue;
    const path = def.route.path.replace(/\{(\w+)\}/g, ":$1");
    out.set(`${def.route.method.toUpperCase()} ${path}`, def.route.request?.body !== undefined);
  }
  return out;
}

/**
 * Runs after the body has been read (so its media type is JSON when it is not empty). A documented route without a
 * body schema would otherwise ignore what it was sent and answer 2xx, as if a field in it had been applied: such a
 * body is refused with 422 naming each field (or the body), unless it is empty or `{}`. Routes with a body schema,
 * and undocumented ones, are left to their own validation.
 */
export function refuseUnexpectedBodies(app: OpenAPIHono<AppEnv>): MiddlewareHandler<AppEnv> {
  let bodies: Map<string, boolean> | undefined;
  return async (c, next) => {
    // Reads carry no body (the body reader skips them too): nothing to check, and no body to read on the hot path.
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    const text = await c.req.text();
    if (text === "") return next();
    // Built on first use: the routes are added after this middleware.
    bodies ??= declaredBodies(app);
    const method = c.req.method;
    const handler = matchedRoutes(c).findLast((r) => r.method === method);
    if (!handler || bodies.get(`${method} ${handler.path}`) !== false) return next();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new AppError("bad_request", "The request body is not valid JSON; this request takes no body, so send none.");
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 0) return next();
      const fields = keys.map((k) => ({ path: k, message: `Unknown field “${k}”; this request takes no body.` }));
      throw new AppError("validation_failed", `This request takes no body, yet it was sent ${keys.length === 1 ? "a field" : `${keys.length} fields`}; send none.`, { fields });
    }
    throw new AppError("validation_failed", "This request takes no body; send none (or {}).", { fields: [{ path: "(body)", message: "This request takes no body." }] });
  };
}
