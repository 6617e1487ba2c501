/** The Hono environment: services and settings every route can reach, and the per-request actor. */
import type { Actor } from "../accounts/actor.ts";
import type { Config } from "../config/config.ts";
import type { Db, Dialect } from "../db/database.ts";
import type { Mailer } from "../mail/mailer.ts";

export interface Deps {
  db: Db;
  dialect: Dialect;
  config: Config;
  mailer: Mailer;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    actor: Actor | undefined;
    /** The raw session secret from the cookie, when the actor came from one. */
    sessionSecret: string | undefined;
  };
}
