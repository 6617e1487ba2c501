/** Fixed-window counters kept in the database, so every app server sharing it enforces the same limits. */
import { sql } from "kysely";
import { BatchLoader, perDatabase } from "../db/batch.ts";
import type { Db, DbOrTx } from "../db/database.ts";
import { inListParameter, listParameter, preparedStatement } from "../db/prepared.ts";
import { nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";

export interface Limit {
  max: number;
  windowSeconds: number;
}

/**
 * Sign-in limits. Guesses are reserved before the password is checked. A pair (one account from one address, or
 * from one browser that has signed in to it before) gets 10 attempts a window and an address 50 across accounts;
 * after 10 failures on an account from anywhere, new browsers slow to one attempt per 30 seconds for it, while its
 * known browsers keep their own lane — so guessing from many addresses slows the owner down, never shuts them out.
 */
export const SIGN_IN_LIMITS = {
  perPair: { max: 10, windowSeconds: 15 * 60 },
  perAddress: { max: 50, windowSeconds: 15 * 60 },
  accountFailures: { max: 10, windowSeconds: 15 * 60 },
  slowLane: { max: 1, windowSeconds: 30 },
} as const satisfies Record<string, Limit>;

/** Survey submissions per client address (a whole team may share one NHS address). */
export const SUBMIT_LIMIT: Limit = { max: 300, windowSeconds: 15 * 60 };

const countersByKey = preparedStatement((db) => db.selectFrom("rate_limits").selectAll().where(inListParameter(db, "key")).compile(), 1);

/** Counters read for many keys at once (requests arriving together share one query). */
const counters = perDatabase(
  (db) =>
    new BatchLoader(async (keys: string[]) => {
      const rows = await countersByKey(db, [listParameter(db, keys)]);
      return new Map(rows.map((r) => [r.key, r]));
    }),
);

function windowStart(now: number, limit: Limit): number {
  return Math.floor(now / (limit.windowSeconds * 1000)) * limit.windowSeconds * 1000;
}

/** The start of the limit's current window as stored in `rate_limits.window_start`. */
export function windowStartIso(limit: Limit, now = Date.now()): string {
  return nowIso(new Date(windowStart(now, limit)));
}

/** Throws rate_limited (with Retry-After) when the key has used up its window. */
export async function assertUnderLimit(db: DbOrTx, key: string, limit: Limit, now = Date.now()): Promise<void> {
  const start = windowStart(now, limit);
  const row = db.isTransaction ? await db.selectFrom("rate_limits").selectAll().where("key", "=", key).executeTakeFirst() : await counters(db as Db).load(key);
  if (row && Date.parse(row.window_start) === start && row.count >= limit.max) throw rateLimited(start, limit, now);
}

/** Counts one more event against the key in the current window (atomic upsert). */
export async function hit(db: DbOrTx, key: string, limit: Limit, now = Date.now()): Promise<void> {
  await hitMany(db, [{ key, limit }], now);
}

/** Counts one event per entry (a key may repeat) in one upsert: each key's window count rises by its number of entries. */
export async function hitMany(db: DbOrTx, events: ReadonlyArray<{ key: string; limit: Limit }>, now = Date.now()): Promise<void> {
  const counts = new Map<string, { window_start: string; count: number }>();
  for (const { key, limit } of events) {
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { window_start: windowStartIso(limit, now), count: 1 });
  }
  if (counts.size === 0) return;
  await db
    .insertInto("rate_limits")
    .values([...counts].map(([key, c]) => ({ key, ...c })))
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.count + excluded.count else excluded.count end`,
        window_start: sql<string>`excluded.window_start`,
      }),
    )
    .execute();
}

/**
 * Reserves one event against the key before the work it limits is done (atomic upsert returning the new count),
 * so simultaneous requests cannot all pass a check made before any of them was counted. Throws rate_limited
 * (with Retry-After) when the reservation goes over the limit; the over-limit attempt stays counted.
 */
export async function consume(db: DbOrTx, key: string, limit: Limit, now = Date.now(), message?: string): Promise<number> {
  const start = windowStart(now, limit);
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStartIso(limit, now), count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end`,
        window_start: sql<string>`excluded.window_start`,
      }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  if (count > limit.max) throw rateLimited(start, limit, now, message);
  return count;
}

/** Counts one event against the key and returns the window's count, never refusing (for thresholds such as telling the owner). */
export async function count(db: DbOrTx, key: string, limit: Limit, now = Date.now()): Promise<number> {
  return consume(db, key, { ...limit, max: Number.MAX_SAFE_INTEGER }, now);
}

/** Reads the key's count in the current window without changing it. */
export async function peek(db: DbOrTx, key: string, limit: Limit, now = Date.now()): Promise<number> {
  const row = await db.selectFrom("rate_limits").select(["count", "window_start"]).where("key", "=", key).executeTakeFirst();
  return row && row.window_start === windowStartIso(limit, now) ? Number(row.count) : 0;
}

/** Gives back one reserved event (the attempt turned out not to count, such as a right password). */
export async function release(db: DbOrTx, key: string, limit: Limit, now = Date.now()): Promise<void> {
  await db
    .updateTable("rate_limits")
    .set({ count: sql<number>`case when count > 0 then count - 1 else 0 end` })
    .where("key", "=", key)
    .where("window_start", "=", windowStartIso(limit, now))
    .execute();
}

/** The rate_limited error for a window that is used up, with the seconds until it ends. */
export function rateLimited(start: number, limit: Limit, now: number, message = "Too many attempts"): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((start + limit.windowSeconds * 1000 - now) / 1000));
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} second(s)` : `${Math.ceil(retryAfterSeconds / 60)} minute(s)`;
  return new AppError("rate_limited", `${message}. Try again in ${wait}.`, { retryAfterSeconds });
}
