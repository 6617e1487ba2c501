/** The base of links accord hands out: PUBLIC_URL when set (always, when mail is configured), otherwise the origin the request came to (links shown on screen only). */
import type { Context } from "hono";
import type { AppEnv } from "../http/env.ts";
import { publicOrigin } from "../http/middleware.ts";

export function linkBaseUrl(c: Context<AppEnv>): string {
  return c.get("deps").config.publicUrl ?? publicOrigin(c);
}

/** The base for links in emails: PUBLIC_URL only, never a Host header an attacker could choose. */
export function emailBaseUrl(c: Context<AppEnv>): string | undefined {
  return c.get("deps").config.publicUrl;
}
