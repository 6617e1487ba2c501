/** Reading and writing register entries: the row ↔ view mapping, reference checks, and the version row every change writes. */
import type { Membership } from "../partnerships/access.ts";
import type { DbOrTx } from "../db/database.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { newId } from "../db/ids.ts";
import { AppError, notFound, type FieldProblem } from "../errors/app-error.ts";
import type { RegisterDefinition } from "./definitions/index.ts";
import { mayEdit } from "./edit-rules.ts";
import { organisationIdsIn, type EntryData, type FieldSpec, type OrganisationNote } from "./fields.ts";
import type { RegisterKey } from "./keys.ts";
import type { RegisterEntriesTable, RegisterVersionsTable } from "./tables.ts";

export const NO_DUE = "9999-12-31";
/** Kept here too for the callers that import them from the store (CSV import). */
export { mayEdit, requireEdit } from "./edit-rules.ts";

export interface SignUp {
  organisationId: string;
  signedOn: string;
  signedByUserId: string;
}

export interface EntryView {
  id: string;
  register: RegisterKey;
  title: string;
  status: string | null;
  organisationId: string | null;
  data: EntryData;
  signUps?: SignUp[];
  due: { on: string; done: boolean } | null;
  version: number;
  createdAt: string;
  createdBy: { userId: string; name: string };
  updatedAt: string;
  updatedBy: { userId: string; name: string };
  deletedAt: string | null;
  canEdit: boolean;
}

export type EntryRow = RegisterEntriesTable;
type Stored = { fields: EntryData; signUps?: SignUp[] };

export function parseStored(row: { data: string }): Stored {
  return JSON.parse(row.data) as Stored;
}

export function toView(def: RegisterDefinition, row: EntryRow & { created_by_name: string | null; updated_by_name: string | null }, m: Membership): EntryView {
  const stored = parseStored(row);
  const due = def.due?.(stored.fields) ?? null;
  return {
    id: row.id,
    register: row.register,
    title: row.title,
    status: row.status,
    organisationId: row.organisation_id,
    data: stored.fields,
    ...(stored.signUps ? { signUps: stored.signUps } : {}),
    due: due ? { on: due.on, done: due.done } : null,
    version: row.version,
    createdAt: row.created_at,
    createdBy: { userId: row.created_by, name: row.created_by_name ?? "" },
    updatedAt: row.updated_at,
    updatedBy: { userId: row.updated_by, name: row.updated_by_name ?? "" },
    deletedAt: row.deleted_at,
    canEdit: mayEdit(def, m, stored.fields),
  };
}

/** Entries joined with the names of who created and last changed them. */
export function selectEntries(db: DbOrTx) {
  return db
    .selectFrom("register_entries as e")
    .leftJoin("users as cu", "cu.id", "e.created_by")
    .leftJoin("users as uu", "uu.id", "e.updated_by")
    .selectAll("e")
    .select(["cu.name as created_by_name", "uu.name as updated_by_name"]);
}

export async function loadEntry(db: DbOrTx, partnershipId: string, key: RegisterKey, id: string) {
  const row = await selectEntries(db).where("e.partnership_id", "=", partnershipId).where("e.register", "=", key).where("e.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("entry");
  return row;
}

/** The indexed columns derived from an entry's fields. */
export function derivedColumns(def: RegisterDefinition, fields: EntryData) {
  const owner = def.ownerField ? fields[def.ownerField] : null;
  const status = def.statusField ? fields[def.statusField] : null;
  const due = def.due?.(fields);
  return {
    organisation_id: typeof owner === "string" ? owner : null,
    organisation_ids: `,${organisationIdsIn(def.fields, fields).join(",")},`,
    title: String(fields[def.titleField] ?? ""),
    status: typeof status === "string" ? status : null,
    due_key: due?.on ?? NO_DUE,
  };
}

/** Every organisation, person and entry the given fields point at must exist, live, in this partnership. */
export async function checkReferences(db: DbOrTx, partnershipId: string, specs: readonly FieldSpec[], fields: EntryData, prefix = ""): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const want = { organisation: new Map<string, string>(), person: new Map<string, string>(), entry: new Map<string, { path: string; register: RegisterKey }>() };
  for (const f of specs) {
    const v = fields[f.name];
    if (v === null || v === undefined) continue;
    if (f.kind === "organisation") want.organisation.set(v as string, prefix + f.name);
    if (f.kind === "organisations") for (const id of v as string[]) want.organisation.set(id, prefix + f.name);
    if (f.kind === "organisationNotes") for (const n of v as OrganisationNote[]) want.organisation.set(n.organisationId, prefix + f.name);
    if (f.kind === "person") want.person.set(v as string, prefix + f.name);
    if (f.kind === "entry") want.entry.set(v as string, { path: prefix + f.name, register: f.register });
    if (f.kind === "entries") for (const id of v as string[]) want.entry.set(id, { path: prefix + f.name, register: f.register });
  }
  if (want.organisation.size) {
    const found = new Set((await db.selectFrom("organisations").select("id").where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).where("id", "in", [...want.organisation.keys()]).execute()).map((r) => r.id));
    for (const [id, path] of want.organisation) if (!found.has(id)) problems.push({ path, message: `No organisation ${id} in this partnership.` });
  }
  if (want.person.size) {
    const found = new Set((await db.selectFrom("people").select("id").where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).where("id", "in", [...want.person.keys()]).execute()).map((r) => r.id));
    for (const [id, path] of want.person) if (!found.has(id)) problems.push({ path, message: `No person ${id} in this partnership.` });
  }
  if (want.entry.size) {
    const rows = await db.selectFrom("register_entries").select(["id", "register"]).where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).where("id", "in", [...want.entry.keys()]).execute();
    const found = new Map(rows.map((r) => [r.id, r.register]));
    for (const [id, w] of want.entry) if (found.get(id) !== w.register) problems.push({ path: w.path, message: `No entry ${id} in ${w.register}.` });
  }
  return problems;
}

/** Writes the entry's new state to its history and the audit log, in the caller's transaction. */
export async function recordChange(
  tx: DbOrTx,
  row: Pick<RegisterEntriesTable, "id" | "partnership_id" | "register" | "organisation_ids" | "version" | "title" | "data">,
  action: RegisterVersionsTable["action"],
  summary: string,
  userId: string,
  at: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .insertInto("register_versions")
    .values({ id: newId(), entry_id: row.id, partnership_id: row.partnership_id, register: row.register, organisation_ids: row.organisation_ids, version: row.version, action, title: row.title, summary, data: row.data, changed_by: userId, changed_at: at })
    .execute();
  await recordAudit(tx, { partnershipId: row.partnership_id, actorUserId: userId, action: `register.${action}`, entityType: row.register, entityId: row.id, summary, detail: { register: row.register, version: row.version, ...detail } });
}

/**
 * Stores the next version of an entry: every mutable column, only if nobody changed it since `before`
 * was read (otherwise 409, or 412 when the caller checked an If-Match: `staleCode`), then its history row and audit
 * entry. Every change after creation goes through here.
 */
export async function saveChange<R extends EntryRow>(
  tx: DbOrTx,
  before: R,
  next: Pick<EntryRow, "organisation_id" | "organisation_ids" | "title" | "status" | "due_key" | "data" | "deleted_at" | "deleted_by">,
  change: { action: RegisterVersionsTable["action"]; summary: string; userId: string; at: string; detail?: Record<string, unknown>; staleCode?: "conflict" | "precondition_failed" },
): Promise<R> {
  const row: R = { ...before, ...next, version: before.version + 1, updated_by: change.userId, updated_at: change.at };
  const res = await tx
    .updateTable("register_entries")
    .set({ organisation_id: row.organisation_id, organisation_ids: row.organisation_ids, title: row.title, status: row.status, due_key: row.due_key, data: row.data, deleted_at: row.deleted_at, deleted_by: row.deleted_by, version: row.version, updated_by: row.updated_by, updated_at: row.updated_at })
    .where("id", "=", before.id)
    .where("version", "=", before.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError(change.staleCode ?? "conflict", "Someone else changed this entry at the same moment, so nothing was saved; reload it and try again.");
  await recordChange(tx, row, change.action, change.summary, change.userId, change.at, change.detail);
  return row;
}

/** `Commitment “X”: outcome Open → Kept; outcome recorded on` — what changed, with choices shown as before → after. */
export function describeChanges(def: RegisterDefinition, before: EntryData, after: EntryData, title: string): string {
  const changed = def.fields.filter((f) => JSON.stringify(before[f.name] ?? null) !== JSON.stringify(after[f.name] ?? null));
  const parts = changed.map((f) => {
    if (f.kind !== "enum") return f.label.toLowerCase();
    const label = (v: unknown) => (typeof v === "string" ? (f.labels[v] ?? v) : "none");
    return `${f.label.toLowerCase()} ${label(before[f.name])} → ${label(after[f.name])}`;
  });
  const what = def.singular.charAt(0).toUpperCase() + def.singular.slice(1);
  return `${what} “${title}” changed: ${parts.join("; ") || "nothing"}`;
}
