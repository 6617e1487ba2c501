/** Reserves one use of an expensive route for the calling account before the work (or refuses with 429 naming the limit), then runs the work after the account's others. */
import type { Context } from "hono";
import { consume } from "../accounts/rate-limit.ts";
import type { DbOrTx } from "../db/database.ts";
import type { AppEnv } from "../http/env.ts";
import { requireActor } from "../http/middleware.ts";
import { ProblemSchema } from "../http/openapi.ts";
import { describeLimit, EXPENSIVE_LIMITS, type ExpensiveLimitName } from "./expensive-limits.ts";
import { oneAtATime } from "./one-at-a-time.ts";

export const limitKey = (name: ExpensiveLimitName, userId: string): string => `expensive:${name}:${userId}`;

/**
 * Counts one use against the account's budget (an atomic upsert that returns the new count, so of many parallel
 * requests exactly `max` pass). A refused use stays counted. Throws rate_limited with Retry-After and the limit in words.
 */
export async function limitAccount(db: DbOrTx, userId: string, name: ExpensiveLimitName, now = Date.now()): Promise<void> {
  const limit = EXPENSIVE_LIMITS[name];
  await consume(db, limitKey(name, userId), limit, now, describeLimit(limit));
}

/**
 * For a route: the signed-in caller (401 otherwise) uses one of `name`'s budget, then `work` runs after the account's
 * other expensive requests in this process. With the limits turned off (EXPENSIVE_LIMITS=off) `work` just runs.
 */
export async function limited<T>(c: Context<AppEnv>, name: ExpensiveLimitName, work: () => Promise<T>): Promise<T> {
  const actor = requireActor(c);
  const { db, config } = c.get("deps");
  if (!config.expensiveLimits) return work();
  await limitAccount(db, actor.userId, name);
  return oneAtATime(actor.userId, work);
}

/** The OpenAPI description of a limited route's 429. */
export const rateLimitedResponse = {
  429: {
    description: "Over the account's limit for this route; the problem names the limit",
    headers: { "Retry-After": { description: "Seconds until the limit's window ends", schema: { type: "integer" as const } } },
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
} as const;
