/** Cross-cutting request handling: request ids, security headers, CSRF origin checks, and who is calling. */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { actorFromToken } from "../accounts/api-tokens.ts";
import type { Actor } from "../accounts/actor.ts";
import { SESSION_COOKIE, actorFromSession } from "../accounts/sessions.ts";
import { newId } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import type { RequestObserver } from "../observability/request-observer.ts";
import type { AppEnv, Deps } from "./env.ts";

/**
 * Adds a header to the response a handler has already made. `c.header()` at that point copies the response
 * and turns its body into a stream (a measurable share of every request's CPU); setting the header on the
 * response's own headers does not. Falls back to `c.header()` when a response's headers are immutable.
 */
export function setResponseHeader(c: Context<AppEnv>, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}

export function isHttps(c: Context<AppEnv>): boolean {
  const { config } = c.get("deps");
  if (config.publicUrl) return config.publicUrl.startsWith("https://");
  if (config.trustProxy && c.req.header("x-forwarded-proto") === "https") return true;
  return new URL(c.req.url).protocol === "https:";
}

/**
 * The origin people use: PUBLIC_URL's when set. Without it (no mail configured: the configuration refuses SMTP_HOST
 * without PUBLIC_URL) the request's own origin, from its Host header, which the caller chose: good enough for the CSRF
 * check and for links shown only to that caller, never for a link that is emailed to someone else.
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const { config } = c.get("deps");
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  if (config.smtp) throw new AppError("internal", "Mail is configured without PUBLIC_URL, so no link can be emailed safely; set PUBLIC_URL.");
  return new URL(c.req.url).origin;
}

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Sent on every response, whatever made it (the set Hono's secureHeaders sends, with our policy). */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["content-security-policy", CONTENT_SECURITY_POLICY],
  ["cross-origin-opener-policy", "same-origin"],
  ["cross-origin-resource-policy", "same-origin"],
  ["origin-agent-cluster", "?1"],
  ["referrer-policy", "no-referrer"],
  ["x-content-type-options", "nosniff"],
  ["x-dns-prefetch-control", "off"],
  ["x-download-options", "noopen"],
  ["x-frame-options", "DENY"],
  ["x-permitted-cross-domain-policies", "none"],
  ["x-xss-protection", "0"],
];

/**
 * Wraps every request: gives it the services and a request id, and on the way out sets the id, the security
 * headers (HSTS over HTTPS) and, under /api/v1, `cache-control: no-store` — on whatever response was made,
 * errors included, and then hands it to the observer if any. One middleware rather than four, so each request waits on fewer promises.
 */
export function envelope(deps: Deps, observe?: RequestObserver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const startedAt = observe ? performance.now() : 0;
    c.set("deps", deps);
    c.set("requestId", newId());
    await next();
    const path = c.req.path;
    if (path === "/api/v1" || path.startsWith("/api/v1/")) setResponseHeader(c, "cache-control", "no-store");
    for (const [name, value] of SECURITY_HEADERS) setResponseHeader(c, name, value);
    if (isHttps(c)) setResponseHeader(c, "strict-transport-security", "max-age=63072000; includeSubDomains");
    setResponseHeader(c, "x-request-id", c.get("requestId"));
    observe?.(c, startedAt); // the access-log line and request metrics (src/observability)
  };
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing browser requests that come from another origin. Requests carrying a
 * bearer token are exempt: a browser never attaches one on its own, so they cannot be forged.
 */
export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method) || c.req.header("authorization")?.startsWith("Bearer ")) return next();
  const site = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    throw new AppError("csrf_rejected", "This request came from another site and was refused.");
  }
  if (origin !== undefined && origin !== publicOrigin(c)) {
    throw new AppError("csrf_rejected", `Requests must come from ${publicOrigin(c)}; this one came from ${origin}.`);
  }
  return next();
};

/** Resolves the actor from a bearer token or the session cookie; never rejects by itself. */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db } = c.get("deps");
  let actor: Actor | undefined;
  const auth = c.req.header("authorization");
  if (auth?.startsWith("Bearer ")) {
    actor = await actorFromToken(db, auth.slice(7).trim());
    if (!actor) throw new AppError("unauthenticated", "This API token is not valid or has been revoked.");
  } else {
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) {
      actor = await actorFromSession(db, secret);
      if (actor) c.set("sessionSecret", secret);
    }
  }
  c.set("actor", actor);
  return next();
};

export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send an API token as Authorization: Bearer ….");
  return actor;
}

/** The caller's address for rate limiting: the socket's, or X-Forwarded-For's first hop behind a trusted proxy. */
export function clientAddress(c: Context<AppEnv>): string {
  const { config } = c.get("deps");
  if (config.trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}
