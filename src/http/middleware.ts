/** Cross-cutting request handling: request ids, security headers, CSRF origin checks, and who is calling. */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { actorFromToken } from "../accounts/api-tokens.ts";
import type { Actor } from "../accounts/actor.ts";
import { SESSION_COOKIE, actorFromSession } from "../accounts/sessions.ts";
import { newId } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "./env.ts";

export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("requestId", newId());
  await next();
  c.header("x-request-id", c.get("requestId"));
};

export function isHttps(c: Context<AppEnv>): boolean {
  const { config } = c.get("deps");
  if (config.publicUrl) return config.publicUrl.startsWith("https://");
  if (config.trustProxy && c.req.header("x-forwarded-proto") === "https") return true;
  return new URL(c.req.url).protocol === "https:";
}

export function publicOrigin(c: Context<AppEnv>): string {
  const { config } = c.get("deps");
  return config.publicUrl ? new URL(config.publicUrl).origin : new URL(c.req.url).origin;
}

const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: "no-referrer",
  xFrameOptions: "DENY",
  xContentTypeOptions: "nosniff",
  strictTransportSecurity: false,
  crossOriginResourcePolicy: "same-origin",
});

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await headers(c, next);
  if (isHttps(c)) c.header("strict-transport-security", "max-age=63072000; includeSubDomains");
};

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
