/** The demo quota: at most DEMO_QUOTA live demo partnerships per account, counted in the database and reserved before one is built. */
import { consume, release, type Limit } from "../accounts/rate-limit.ts";
import type { Actor } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db, DbOrTx } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import type { PartnershipView } from "../partnerships/partnership-use-cases.ts";
import { DEMO_QUOTA } from "../limits/expensive-limits.ts";
import { yieldingDb } from "../limits/yielding-db.ts";
import { createDemoPartnership } from "./create-demo-partnership.ts";

/** The audit action that marks a partnership as a demo; written, with the partnership's id, once it is built. */
export const DEMO_CREATED = "demo.created";

/**
 * Demo partnerships being built for an account (a counter in `rate_limits` that never refuses by itself). Counting
 * them keeps parallel requests from all passing the quota while none is finished; a build whose process died is
 * forgotten when the window ends.
 */
const BUILDING: Limit = { max: Number.MAX_SAFE_INTEGER, windowSeconds: 15 * 60 };
const buildingKey = (userId: string) => `demo:building:${userId}`;

/** The account's live demo partnerships: ones it created, marked as demos, not deleted. */
export async function liveDemoCount(db: DbOrTx, userId: string): Promise<number> {
  const row = await db
    .selectFrom("partnerships as p")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("p.created_by", "=", userId)
    .where("p.deleted_at", "is", null)
    .where((eb) => eb.exists(eb.selectFrom("audit_log as a").select("a.id").whereRef("a.partnership_id", "=", "p.id").where("a.action", "=", DEMO_CREATED)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function quotaReached(live: number, building: number): AppError {
  const inProgress = building > 0 ? ` and ${building} being made` : "";
  return new AppError("rate_limited", `At most ${DEMO_QUOTA} live demo partnerships for each account; you have ${live}${inProgress}. Delete one to make another.`, { retryAfterSeconds: 60 });
}

/**
 * Reserves a place for one more demo or refuses with 429. One transaction: the counter's upsert comes first, so on
 * PostgreSQL it holds the account's counter row until commit and another reservation (or a finishing build, which
 * gives its place back on the same row) waits for it; SQLite runs one transaction at a time anyway.
 */
export async function reserveDemo(db: Db, userId: string, now = Date.now()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const building = await consume(tx, buildingKey(userId), BUILDING, now);
    const live = await liveDemoCount(tx, userId);
    if (live + building > DEMO_QUOTA) throw quotaReached(live, building - 1);
  });
}

/** Marks a built partnership as a demo and gives the reservation back, together, so it is never counted twice or not at all. */
export async function markDemo(db: Db, actor: Actor, partnershipId: string, reserved: boolean): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: DEMO_CREATED, entityType: "partnership", entityId: partnershipId, summary: `Made as a demo partnership; it counts towards ${actor.name}'s ${DEMO_QUOTA} live demos until it is deleted` });
    if (reserved) await release(tx, buildingKey(actor.userId), BUILDING);
  });
}

/**
 * The web route's path: reserve a place, build the demo through the ordinary use cases, mark it (or give the place
 * back if building failed). With `quota: false` (EXPENSIVE_LIMITS=off) nothing is reserved, but the demo is still marked.
 */
export async function createDemoWithinQuota(db: Db, actor: Actor, opts: { quota: boolean } = { quota: true }): Promise<PartnershipView> {
  if (opts.quota) await reserveDemo(db, actor.userId);
  let partnership: PartnershipView;
  try {
    // Hundreds of statements: other requests get a turn every few milliseconds of them.
    partnership = await createDemoPartnership(yieldingDb(db), actor);
  } catch (err) {
    if (opts.quota) await release(db, buildingKey(actor.userId), BUILDING);
    throw err;
  }
  await markDemo(db, actor, partnership.id, opts.quota);
  return partnership;
}
