/** Use cases for a partnership's member organisations: add, list, read, update, remove (tombstone). */
import { sql } from "kysely";
import type { Actor } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db, DbOrTx } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";
import { afterCursor, decodeCursor, pageLimit, toPage } from "../db/pagination.ts";
import { notFound } from "../errors/app-error.ts";
import { requireMembership } from "./access.ts";
import { SECTOR_LABELS, type Sector } from "./sectors.ts";

export interface OrganisationView {
  id: string;
  name: string;
  sector: Sector;
  createdAt: string;
  updatedAt: string;
}

type Row = { id: string; name: string; sector: Sector; created_at: string; updated_at: string };
const view = (r: Row): OrganisationView => ({ id: r.id, name: r.name, sector: r.sector, createdAt: r.created_at, updatedAt: r.updated_at });

/** A live organisation of this partnership, or a 404. */
export async function loadOrganisation(db: DbOrTx, partnershipId: string, organisationId: string) {
  const row = await db
    .selectFrom("organisations")
    .selectAll()
    .where("id", "=", organisationId)
    .where("partnership_id", "=", partnershipId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound("organisation");
  return row;
}

export async function addOrganisation(db: Db, actor: Actor, partnershipId: string, input: { name: string; sector: Sector }) {
  await requireMembership(db, actor, partnershipId, "convenor");
  const now = nowIso();
  const row = { id: newId(), partnership_id: partnershipId, name: input.name, sector: input.sector, created_by: actor.userId, created_at: now, updated_at: now, deleted_at: null };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("organisations").values(row).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "organisation.added", entityType: "organisation", entityId: row.id, summary: `Added ${row.name} (${SECTOR_LABELS[row.sector]})`, detail: { name: row.name, sector: row.sector } });
  });
  return view(row);
}

export async function listOrganisations(db: Db, actor: Actor, partnershipId: string, q: { limit?: number | undefined; cursor?: string | undefined }) {
  await requireMembership(db, actor, partnershipId);
  const limit = pageLimit(q.limit);
  const cursor = decodeCursor(q.cursor);
  let query = db
    .selectFrom("organisations")
    .selectAll()
    .where("partnership_id", "=", partnershipId)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit + 1);
  if (cursor) query = query.where(afterCursor(cursor, "created_at", "id"));
  return toPage(await query.execute(), limit, view);
}

export async function getOrganisation(db: Db, actor: Actor, partnershipId: string, organisationId: string) {
  await requireMembership(db, actor, partnershipId);
  return view(await loadOrganisation(db, partnershipId, organisationId));
}

export async function updateOrganisation(db: Db, actor: Actor, partnershipId: string, organisationId: string, input: { name?: string | undefined; sector?: Sector | undefined }) {
  await requireMembership(db, actor, partnershipId, "convenor");
  return db.transaction().execute(async (tx) => {
    const before = await loadOrganisation(tx, partnershipId, organisationId);
    const changes = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.sector !== undefined ? { sector: input.sector } : {}) };
    const now = nowIso();
    await tx.updateTable("organisations").set({ ...changes, updated_at: now }).where("id", "=", organisationId).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "organisation.updated", entityType: "organisation", entityId: organisationId, summary: `Changed ${before.name}`, detail: { before: { name: before.name, sector: before.sector }, after: changes } });
    return view({ ...before, ...changes, updated_at: now });
  });
}

/**
 * Tombstones the organisation; its people stay, no longer attached to it. Their survey links end (each link's hash is
 * replaced by a value no token hashes to, so it answers like an unknown link); a link issued afterwards works.
 */
export async function removeOrganisation(db: Db, actor: Actor, partnershipId: string, organisationId: string): Promise<void> {
  await requireMembership(db, actor, partnershipId, "convenor");
  await db.transaction().execute(async (tx) => {
    const before = await loadOrganisation(tx, partnershipId, organisationId);
    const now = nowIso();
    await tx.updateTable("organisations").set({ deleted_at: now, updated_at: now }).where("id", "=", organisationId).execute();
    await tx
      .updateTable("wave_participants")
      .set({ token_hash: sql<string>`${"ended:"} || id` })
      .where("person_id", "in", (eb) => eb.selectFrom("people").select("id").where("organisation_id", "=", organisationId).where("partnership_id", "=", partnershipId))
      .execute();
    await tx.updateTable("people").set({ organisation_id: null, updated_at: now }).where("organisation_id", "=", organisationId).where("deleted_at", "is", null).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "organisation.removed", entityType: "organisation", entityId: organisationId, summary: `Removed ${before.name}` });
  });
}
