/** Use cases for pressure events (winter pressures, funding cuts, restructures) that convenors record on the timeline. */
import type { Actor } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db, DbOrTx } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { requireMembership } from "../partnerships/access.ts";
import type { PressureEventsTable, PressureKind } from "./tables.ts";

export interface PressureEventView {
  id: string;
  label: string;
  kind: PressureKind;
  startsOn: string;
  endsOn: string;
  note: string | null;
  createdAt: string;
}

export const pressureView = (r: PressureEventsTable): PressureEventView => ({ id: r.id, label: r.label, kind: r.kind, startsOn: r.starts_on, endsOn: r.ends_on, note: r.note, createdAt: r.created_at });

/** Every live pressure event of the partnership, by start date (no membership check: callers have made it). */
export async function pressureEventsOf(db: DbOrTx, partnershipId: string): Promise<PressureEventView[]> {
  const rows = await db.selectFrom("pressure_events").selectAll().where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).orderBy("starts_on").orderBy("id").execute();
  return rows.map(pressureView);
}

export async function listPressureEvents(db: Db, actor: Actor, partnershipId: string) {
  await requireMembership(db, actor, partnershipId);
  return { items: await pressureEventsOf(db, partnershipId) };
}

async function loadEvent(db: DbOrTx, partnershipId: string, eventId: string): Promise<PressureEventsTable> {
  const row = await db.selectFrom("pressure_events").selectAll().where("id", "=", eventId).where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).executeTakeFirst();
  if (!row) throw notFound("pressure event");
  return row;
}

export interface PressureInput {
  label: string;
  kind: PressureKind;
  startsOn: string;
  endsOn: string;
  note?: string | null | undefined;
}

export async function createPressureEvent(db: Db, actor: Actor, partnershipId: string, input: PressureInput, opts: { at?: Date } = {}) {
  await requireMembership(db, actor, partnershipId, "convenor");
  const now = (opts.at ?? new Date()).toISOString();
  const row: PressureEventsTable = { id: newId(), partnership_id: partnershipId, label: input.label, kind: input.kind, starts_on: input.startsOn, ends_on: input.endsOn, note: input.note ?? null, created_by: actor.userId, created_at: now, updated_at: now, deleted_at: null };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("pressure_events").values(row).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "pressure_event.added", entityType: "pressure_event", entityId: row.id, summary: `Recorded pressure: ${row.label} (${row.starts_on} to ${row.ends_on})`, detail: { label: row.label, kind: row.kind, startsOn: row.starts_on, endsOn: row.ends_on } });
  });
  return pressureView(row);
}

export async function updatePressureEvent(db: Db, actor: Actor, partnershipId: string, eventId: string, input: Partial<PressureInput>) {
  await requireMembership(db, actor, partnershipId, "convenor");
  return db.transaction().execute(async (tx) => {
    const before = await loadEvent(tx, partnershipId, eventId);
    const after: PressureEventsTable = {
      ...before,
      ...(input.label !== undefined ? { label: input.label } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.startsOn !== undefined ? { starts_on: input.startsOn } : {}),
      ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      updated_at: nowIso(),
    };
    if (after.ends_on < after.starts_on) throw new AppError("validation_failed", "The event must end on or after the day it starts.", { fields: [{ path: "endsOn", message: "The event must end on or after the day it starts." }] });
    await tx.updateTable("pressure_events").set({ label: after.label, kind: after.kind, starts_on: after.starts_on, ends_on: after.ends_on, note: after.note, updated_at: after.updated_at }).where("id", "=", eventId).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "pressure_event.updated", entityType: "pressure_event", entityId: eventId, summary: `Changed pressure event ${after.label}`, detail: { before: pressureView(before), after: pressureView(after) } });
    return pressureView(after);
  });
}

export async function removePressureEvent(db: Db, actor: Actor, partnershipId: string, eventId: string): Promise<void> {
  await requireMembership(db, actor, partnershipId, "convenor");
  await db.transaction().execute(async (tx) => {
    const before = await loadEvent(tx, partnershipId, eventId);
    await tx.updateTable("pressure_events").set({ deleted_at: nowIso() }).where("id", "=", eventId).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "pressure_event.removed", entityType: "pressure_event", entityId: eventId, summary: `Removed pressure event ${before.label}` });
  });
}
