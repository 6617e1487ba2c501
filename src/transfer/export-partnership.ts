/** Builds a partnership's full export: every register, published aggregates and the audit log, never row-level answers; deterministic. */
import type { Actor } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/database.ts";
import { notFound } from "../errors/app-error.ts";
import { loadNetwork } from "../network/get-network.ts";
import { requireMembership } from "../partnerships/access.ts";
import { comparePublishedWaves, waveResults } from "../surveys/results/get-results.ts";
import type { WavesTable } from "../surveys/tables.ts";
import { columnsOf, EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument, type Published, type Row, type TableName } from "./export-schema.ts";
import { compareKind, isImportedWave, NETWORK_KIND, RESULT_BREAKDOWNS, resultsKind, snapshotsOf } from "./snapshots.ts";

export const EXPORT_NOTES = [
  "A full export of one accord partnership. Restore it with `accord import --in <file>`, into a new accord or beside other partnerships: ids are kept, and any clash refuses the whole file.",
  "Rows are as stored, with the database's column names; ids and timestamps are kept, so an export of the restored partnership is identical to this file.",
  "Survey answers are never exported: no response rows, no answers, no personal survey links and no record of who took part. Published results, networks and wave comparisons are included only as they were released (every figure under the anonymity rules), in `published`.",
  "Organisational network ratings are included only as the released network (ties with their figures), not as the rows the nominees entered.",
  "Invitations are left out: they carry secrets. Accounts are exported without passwords, sessions or API tokens; restored accounts cannot sign in until an operator sets a password (`accord user password --email <email>`).",
  "Removed organisations, people and register entries are included with their deleted_at, so every reference resolves.",
];

export type Progress = (label: string) => void;

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const byId = byKey((r: { id: string }) => r.id);
const JSON_COLUMNS = new Set(["data", "detail"]);

/** A stored row as an export row: the table's columns in order, JSON columns parsed. */
function toRow<T extends TableName | "partnership">(table: T, row: object): Row<T> {
  const source = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const c of columnsOf(table)) {
    const v = source[c];
    out[c] = JSON_COLUMNS.has(c) && typeof v === "string" ? (JSON.parse(v) as unknown) : (v ?? null);
  }
  return out as Row<T>;
}

/** Free text is released without order; sorting it makes the export deterministic and says nothing more. */
function sortedTexts<R extends { freeText: { figure: { status: string; texts?: string[] } }[] }>(r: R): R {
  return { ...r, freeText: r.freeText.map((f) => (f.figure.texts ? { ...f, figure: { ...f.figure, texts: [...f.figure.texts].sort() } } : f)) };
}

/** The published figures of each published wave: kept ones as they are, otherwise computed through the results and network code. */
async function publishedFigures(db: Db, waves: WavesTable[], progress: Progress): Promise<Published[]> {
  const published = waves.filter((w) => w.status === "published" && w.deleted_at === null).sort(byKey((w) => `${w.opened_at ?? ""}|${w.id}`));
  const out: Published[] = [];
  for (const [i, wave] of published.entries()) {
    progress(`published figures of “${wave.name}”`);
    if (await isImportedWave(db, wave.id)) {
      out.push(...(await snapshotsOf(db, wave.id)).map((s) => ({ wave_id: wave.id, kind: s.kind, data: s.data })));
      continue;
    }
    const figures: Published[] = [];
    for (const b of RESULT_BREAKDOWNS) figures.push({ wave_id: wave.id, kind: resultsKind(b), data: sortedTexts(await waveResults(db, wave, b)) });
    if (wave.network_mode !== "none") figures.push({ wave_id: wave.id, kind: NETWORK_KIND, data: await loadNetwork(db, wave) });
    const others = i === 0 ? [] : [...new Set([published[i - 1]!, published[0]!])];
    for (const other of others) figures.push({ wave_id: wave.id, kind: compareKind(other.id), data: await comparePublishedWaves(db, wave, other) });
    out.push(...figures.sort(byKey((f) => f.kind)));
  }
  return out;
}

/** Every user the partnership's rows point at (people, authors, actors), without passwords. */
async function referencedUsers(db: Db, ids: Set<string>) {
  const all = [...ids].sort();
  const rows = [];
  for (let i = 0; i < all.length; i += 500) {
    rows.push(...(await db.selectFrom("users").select(["id", "email", "name", "disabled_at", "created_at", "updated_at"]).where("id", "in", all.slice(i, i + 500)).execute()));
  }
  return rows.sort(byId).map((r) => toRow("users", r));
}

/** The whole export document of a partnership. No access check: callers check (convenor) or are the operator. */
export async function buildExport(db: Db, partnershipId: string, progress: Progress = () => {}): Promise<ExportDocument> {
  const p = await db.selectFrom("partnerships").selectAll().where("id", "=", partnershipId).executeTakeFirst();
  if (!p) throw notFound("partnership");
  const of = { partnership_id: partnershipId };
  progress("organisations, people and waves");
  const organisations = (await db.selectFrom("organisations").selectAll().where("partnership_id", "=", of.partnership_id).execute()).sort(byId);
  const people = (await db.selectFrom("people").selectAll().where("partnership_id", "=", of.partnership_id).execute()).sort(byId);
  const waves = (await db.selectFrom("waves").selectAll().where("partnership_id", "=", of.partnership_id).execute()).sort(byId);
  const nominees = waves.length
    ? (await db.selectFrom("wave_nominees").select(["wave_id", "organisation_id", "person_id"]).where("wave_id", "in", waves.map((w) => w.id)).execute()).sort(byKey((n) => `${n.wave_id}|${n.organisation_id}|${n.person_id}`))
    : [];
  progress("registers and their history");
  const entries = (await db.selectFrom("register_entries").selectAll().where("partnership_id", "=", of.partnership_id).execute()).sort(byId);
  const versions = (await db.selectFrom("register_versions").selectAll().where("partnership_id", "=", of.partnership_id).execute()).sort(byId);
  const pressure = (await db.selectFrom("pressure_events").selectAll().where("partnership_id", "=", of.partnership_id).execute()).sort(byId);
  progress("audit log");
  const audit = (await db.selectFrom("audit_log").selectAll().where("partnership_id", "=", of.partnership_id).execute()).sort(byId);
  const published = await publishedFigures(db, waves, progress);

  const userIds = new Set<string>([p.created_by]);
  const add = (...ids: (string | null)[]) => ids.forEach((u) => u && userIds.add(u));
  organisations.forEach((o) => add(o.created_by));
  people.forEach((r) => add(r.user_id, r.created_by));
  waves.forEach((w) => add(w.created_by, w.published_by));
  entries.forEach((e) => {
    add(e.created_by, e.updated_by, e.deleted_by);
    const signUps = (JSON.parse(e.data) as { signUps?: { signedByUserId?: string }[] }).signUps ?? [];
    signUps.forEach((s) => add(s.signedByUserId ?? null));
  });
  versions.forEach((v) => add(v.changed_by));
  pressure.forEach((e) => add(e.created_by));
  audit.forEach((a) => add(a.actor_user_id));

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    notes: EXPORT_NOTES,
    partnership: toRow("partnership", p),
    users: await referencedUsers(db, userIds),
    organisations: organisations.map((r) => toRow("organisations", r)),
    people: people.map((r) => toRow("people", r)),
    waves: waves.map((r) => toRow("waves", r)),
    wave_nominees: nominees.map((r) => toRow("wave_nominees", r)),
    published,
    register_entries: entries.map((r) => toRow("register_entries", r)),
    register_versions: versions.map((r) => toRow("register_versions", r)),
    pressure_events: pressure.map((r) => toRow("pressure_events", r)),
    audit_log: audit.map((r) => toRow("audit_log", r)),
  };
}

/** The export as the bytes of a JSON file (two-space indent, final newline). */
export function exportJson(doc: ExportDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `accord-<name>-<YYYY-MM-DD>.<ext>`: the date lives in the file name only, never inside the file. */
export function exportFileName(partnershipName: string, ext: "json" | "zip", date = new Date()): string {
  const slug = partnershipName.normalize("NFKD").replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "partnership";
  return `accord-${slug.slice(0, 80)}-${date.toISOString().slice(0, 10)}.${ext}`;
}

/** Records that a full export left accord (after it was built, so the file never contains its own record). */
export async function recordExport(db: Db, partnershipId: string, actorUserId: string | null, format: "json" | "zip", by: string): Promise<void> {
  await recordAudit(db, { partnershipId, actorUserId, action: "partnership.exported", entityType: "partnership", entityId: partnershipId, summary: `${by} downloaded a full export (${format.toUpperCase()})`, detail: { format } });
}

/** A convenor's export through the API: checks the role, builds the document, records the download. */
export async function exportForConvenor(db: Db, actor: Actor, partnershipId: string, format: "json" | "zip"): Promise<ExportDocument> {
  await requireMembership(db, actor, partnershipId, "convenor");
  const doc = await buildExport(db, partnershipId);
  await recordExport(db, partnershipId, actor.userId, format, actor.name);
  return doc;
}
