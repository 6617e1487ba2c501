/** Use cases for partnerships themselves: create, list mine, read, update, remove (tombstone). */
import type { Actor } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";
import { afterCursor, decodeCursor, pageLimit, toPage } from "../db/pagination.ts";
import { requireMembership } from "./access.ts";
import type { Role } from "./sectors.ts";

export interface PartnershipView {
  id: string;
  name: string;
  purpose: string;
  myRole: Role;
  createdAt: string;
  updatedAt: string;
}

type Row = { id: string; name: string; purpose: string; created_at: string; updated_at: string };
const view = (r: Row, role: Role): PartnershipView => ({
  id: r.id,
  name: r.name,
  purpose: r.purpose,
  myRole: role,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Creates a partnership; its creator becomes its first convenor. */
export async function createPartnership(db: Db, actor: Actor, input: { name: string; purpose: string }): Promise<PartnershipView> {
  const now = nowIso();
  const row = { id: newId(), name: input.name, purpose: input.purpose, created_by: actor.userId, created_at: now, updated_at: now, deleted_at: null };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("partnerships").values(row).execute();
    const personId = newId();
    await tx
      .insertInto("people")
      .values({ id: personId, partnership_id: row.id, user_id: actor.userId, name: actor.name, email: actor.email, joined_at: now, organisation_id: null, role: "convenor", job_title: null, created_by: actor.userId, created_at: now, updated_at: now, deleted_at: null })
      .execute();
    await recordAudit(tx, { partnershipId: row.id, actorUserId: actor.userId, action: "partnership.created", entityType: "partnership", entityId: row.id, summary: `Created the partnership “${row.name}”`, detail: { name: row.name, purpose: row.purpose } });
    await recordAudit(tx, { partnershipId: row.id, actorUserId: actor.userId, action: "person.added", entityType: "person", entityId: personId, summary: `${actor.name} joined as convenor`, detail: { role: "convenor" } });
  });
  return view(row, "convenor");
}

export async function listMyPartnerships(db: Db, actor: Actor, q: { limit?: number | undefined; cursor?: string | undefined }) {
  const limit = pageLimit(q.limit);
  const cursor = decodeCursor(q.cursor);
  let query = db
    .selectFrom("partnerships")
    .innerJoin("people", "people.partnership_id", "partnerships.id")
    .select(["partnerships.id", "partnerships.name", "partnerships.purpose", "partnerships.created_at", "partnerships.updated_at", "people.role"])
    .where("people.user_id", "=", actor.userId)
    .where("people.deleted_at", "is", null)
    .where("partnerships.deleted_at", "is", null)
    .orderBy("partnerships.created_at")
    .orderBy("partnerships.id")
    .limit(limit + 1);
  if (cursor) query = query.where(afterCursor(cursor, "partnerships.created_at", "partnerships.id"));
  return toPage(await query.execute(), limit, (r) => view(r, r.role));
}

async function loadRow(db: Db, partnershipId: string) {
  return db.selectFrom("partnerships").selectAll().where("id", "=", partnershipId).where("deleted_at", "is", null).executeTakeFirstOrThrow();
}

export async function getPartnership(db: Db, actor: Actor, partnershipId: string): Promise<PartnershipView> {
  const m = await requireMembership(db, actor, partnershipId);
  return view(await loadRow(db, partnershipId), m.role);
}

export async function updatePartnership(db: Db, actor: Actor, partnershipId: string, input: { name?: string | undefined; purpose?: string | undefined }) {
  const m = await requireMembership(db, actor, partnershipId, "convenor");
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom("partnerships").selectAll().where("id", "=", partnershipId).executeTakeFirstOrThrow();
    const changes = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.purpose !== undefined ? { purpose: input.purpose } : {}) };
    const now = nowIso();
    await tx.updateTable("partnerships").set({ ...changes, updated_at: now }).where("id", "=", partnershipId).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "partnership.updated", entityType: "partnership", entityId: partnershipId, summary: `Changed the partnership's ${Object.keys(changes).join(" and ") || "details"}`, detail: { before: { name: before.name, purpose: before.purpose }, after: changes } });
    return view({ ...before, ...changes, updated_at: now }, m.role);
  });
}

/** Removal leaves a tombstone: the partnership disappears from every list but nothing is erased. */
export async function removePartnership(db: Db, actor: Actor, partnershipId: string): Promise<void> {
  await requireMembership(db, actor, partnershipId, "convenor");
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    await tx.updateTable("partnerships").set({ deleted_at: now, updated_at: now }).where("id", "=", partnershipId).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "partnership.removed", entityType: "partnership", entityId: partnershipId, summary: "Removed the partnership" });
  });
}
