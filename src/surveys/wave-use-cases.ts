/** Use cases for survey waves: create, list, read, change while draft, open, close (resealing answers), publish. */
import { sql } from "kysely";
import type { Actor } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db, DbOrTx } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";
import { afterCursor, decodeCursor, pageLimit, toPage } from "../db/pagination.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { requireMembership } from "../partnerships/access.ts";
import { afterPublish } from "./after-publish.ts";
import type { Role } from "../partnerships/sectors.ts";
import { getInstrument, latestInstrument } from "./instruments/registry.ts";
import { responseBand } from "./response-band.ts";
import type { NetworkMode, WaveStatus, WavesTable } from "./tables.ts";

export interface WaveView {
  id: string;
  name: string;
  instrumentKey: string;
  instrumentVersion: number;
  instrumentTitle: string;
  opensOn: string;
  closesOn: string;
  k: number;
  networkMode: NetworkMode;
  status: WaveStatus;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  invitedCount: number;
  responseBand: string | null;
  createdAt: string;
  updatedAt: string;
}

export async function loadWave(db: DbOrTx, partnershipId: string, waveId: string): Promise<WavesTable> {
  const row = await db.selectFrom("waves").selectAll().where("id", "=", waveId).where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).executeTakeFirst();
  if (!row) throw notFound("wave");
  return row;
}

async function counts(db: DbOrTx, waveId: string) {
  const invited = await db.selectFrom("wave_participants").select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "=", waveId).executeTakeFirstOrThrow();
  const answered = await db.selectFrom("wave_responses").select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "=", waveId).executeTakeFirstOrThrow();
  return { invited: Number(invited.n), answered: Number(answered.n) };
}

async function view(db: DbOrTx, row: WavesTable, role: Role): Promise<WaveView> {
  const c = await counts(db, row.id);
  let title = row.instrument_key;
  try {
    title = getInstrument(row.instrument_key, row.instrument_version).title;
  } catch {
    /* an instrument retired from the registry keeps its key as its title */
  }
  return {
    id: row.id,
    name: row.name,
    instrumentKey: row.instrument_key,
    instrumentVersion: row.instrument_version,
    instrumentTitle: title,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    k: row.k,
    networkMode: row.network_mode,
    status: row.status,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    publishedAt: row.published_at,
    invitedCount: c.invited,
    responseBand: role === "convenor" && row.status !== "draft" ? responseBand(c.answered) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface WaveInput {
  name: string;
  instrumentKey: string;
  opensOn: string;
  closesOn: string;
  k: number;
  networkMode?: NetworkMode | undefined;
}

export async function createWave(db: Db, actor: Actor, partnershipId: string, input: WaveInput): Promise<WaveView> {
  await requireMembership(db, actor, partnershipId, "convenor");
  const instrument = latestInstrument(input.instrumentKey);
  const now = nowIso();
  const row: WavesTable = {
    id: newId(), partnership_id: partnershipId, name: input.name, instrument_key: instrument.key, instrument_version: instrument.version,
    opens_on: input.opensOn, closes_on: input.closesOn, k: input.k, network_mode: input.networkMode ?? "none", status: "draft", opened_at: null, closed_at: null, published_at: null,
    published_by: null, created_by: actor.userId, created_at: now, updated_at: now, deleted_at: null,
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("waves").values(row).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "wave.created", entityType: "wave", entityId: row.id, summary: `Created the wave “${row.name}” (${instrument.title}, k = ${row.k}${row.network_mode === "none" ? "" : `, ${row.network_mode} network ratings`})` });
  });
  return view(db, row, "convenor");
}

export async function listWaves(db: Db, actor: Actor, partnershipId: string, q: { limit?: number | undefined; cursor?: string | undefined }) {
  const m = await requireMembership(db, actor, partnershipId);
  const limit = pageLimit(q.limit);
  const cursor = decodeCursor(q.cursor);
  let query = db.selectFrom("waves").selectAll().where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).orderBy("created_at").orderBy("id").limit(limit + 1);
  if (cursor) query = query.where(afterCursor(cursor, "created_at", "id"));
  const page = toPage(await query.execute(), limit, (r) => r);
  return { items: await Promise.all(page.items.map((r) => view(db, r, m.role))), nextCursor: page.nextCursor };
}

export async function getWave(db: Db, actor: Actor, partnershipId: string, waveId: string): Promise<WaveView> {
  const m = await requireMembership(db, actor, partnershipId);
  return view(db, await loadWave(db, partnershipId, waveId), m.role);
}

/** Only a draft can change; once a wave opens, its k and instrument are fixed. */
export async function updateWave(db: Db, actor: Actor, partnershipId: string, waveId: string, input: Partial<WaveInput>): Promise<WaveView> {
  await requireMembership(db, actor, partnershipId, "convenor");
  return db.transaction().execute(async (tx) => {
    const before = await loadWave(tx, partnershipId, waveId);
    if (before.status !== "draft") throw new AppError("conflict", "This wave has opened, so its settings (including k) are locked.");
    const instrument = input.instrumentKey ? latestInstrument(input.instrumentKey) : undefined;
    const next = {
      name: input.name ?? before.name,
      opens_on: input.opensOn ?? before.opens_on,
      closes_on: input.closesOn ?? before.closes_on,
      k: input.k ?? before.k,
      network_mode: input.networkMode ?? before.network_mode,
      instrument_key: instrument?.key ?? before.instrument_key,
      instrument_version: instrument?.version ?? before.instrument_version,
    };
    if (next.closes_on < next.opens_on) throw new AppError("validation_failed", "The close date must be on or after the open date.", { fields: [{ path: "closesOn", message: "Must be on or after the open date." }] });
    const now = nowIso();
    await tx.updateTable("waves").set({ ...next, updated_at: now }).where("id", "=", waveId).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "wave.updated", entityType: "wave", entityId: waveId, summary: `Changed the wave “${next.name}”`, detail: { before: { name: before.name, k: before.k, opensOn: before.opens_on, closesOn: before.closes_on }, after: input } });
    return view(tx, { ...before, ...next, updated_at: now }, "convenor");
  });
}

const TRANSITIONS: Record<"open" | "close" | "publish", { from: WaveStatus; to: WaveStatus; stamp: "opened_at" | "closed_at" | "published_at"; verb: string }> = {
  open: { from: "draft", to: "open", stamp: "opened_at", verb: "Opened" },
  close: { from: "open", to: "closed", stamp: "closed_at", verb: "Closed" },
  publish: { from: "closed", to: "published", stamp: "published_at", verb: "Published the results of" },
};

/**
 * Moves a wave on. Closing also reseals its answers: they are rewritten in one transaction in
 * random order, so neither the storage order nor (on PostgreSQL) the writing transaction of a
 * response says anything about when, or right after whom, it was given.
 */
export async function transitionWave(
  db: Db,
  actor: Actor,
  partnershipId: string,
  waveId: string,
  action: keyof typeof TRANSITIONS,
  /** When it happened; only the demo, replaying a past year, sets this. */
  at?: Date,
): Promise<WaveView> {
  await requireMembership(db, actor, partnershipId, "convenor");
  const t = TRANSITIONS[action];
  const moved = await db.transaction().execute(async (tx) => {
    const before = await loadWave(tx, partnershipId, waveId);
    if (before.status !== t.from) throw new AppError("conflict", `Only a ${t.from} wave can be ${t.to === "open" ? "opened" : t.to}; this one is ${before.status}.`);
    const now = nowIso(at);
    const changed = await tx.updateTable("waves").set({ status: t.to, [t.stamp]: now, updated_at: now, ...(action === "publish" ? { published_by: actor.userId } : {}) }).where("id", "=", waveId).where("status", "=", t.from).executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new AppError("conflict", "Someone else changed this wave at the same moment; reload and try again.");
    if (action === "close") await resealResponses(tx, waveId);
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: `wave.${t.to === "open" ? "opened" : t.to}`, entityType: "wave", entityId: waveId, summary: `${t.verb} the wave “${before.name}”` });
    return view(tx, { ...before, status: t.to, [t.stamp]: now, updated_at: now }, "convenor");
  });
  // The released figures stored once, and the partnership-level summary a programme may see (after the commit: the results code reads through db).
  if (action === "publish") await afterPublish(db, partnershipId, waveId);
  return moved;
}

async function resealResponses(tx: DbOrTx, waveId: string): Promise<void> {
  const rows = await tx.selectFrom("wave_responses").selectAll().where("wave_id", "=", waveId).orderBy(sql`random()`).execute();
  if (rows.length === 0) return;
  await tx.deleteFrom("wave_responses").where("wave_id", "=", waveId).execute();
  for (const row of rows) await tx.insertInto("wave_responses").values(row).execute();
}
