/** Use cases for one register entry: create, read, change, remove (tombstone), restore, and its history. */
import type { Actor } from "../accounts/actor.ts";
import type { Db, DbOrTx } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { validationError } from "../http/problem.ts";
import { requireMembership, type Membership } from "../partnerships/access.ts";
import { REGISTERS, type RegisterDefinition } from "./definitions/index.ts";
import { normalise, type EntryData } from "./fields.ts";
import type { RegisterKey } from "./keys.ts";
import { CREATE_BODIES, UPDATE_BODIES } from "./schemas.ts";
import { requireEdit, requireMayChange, requireMayCreate, requireOwnerOrConvenor } from "./edit-rules.ts";
import { requireExpected } from "./preconditions.ts";
import { checkReferences, derivedColumns, describeChanges, loadEntry, parseStored, recordChange, saveChange, toView, type EntryView, type SignUp } from "./store.ts";
import type { RegisterVersionsTable } from "./tables.ts";

/** Options only the demo and imports use: when it happened. */
export interface WhenOptions {
  at?: Date;
}

/** A write to an existing entry: when (demo and imports), and the If-Match it came with (preconditions.ts). */
export interface WriteOptions extends WhenOptions {
  ifMatch?: string | undefined;
}

const today = (at: string) => at.slice(0, 10);

/** Validates the complete field set: cross-field rules then references. Throws a 422 listing every problem. */
export async function checkFields(db: DbOrTx, partnershipId: string, def: RegisterDefinition, fields: EntryData): Promise<void> {
  const problems = [...(def.check?.(fields) ?? []), ...(await checkReferences(db, partnershipId, def.fields, fields))];
  if (problems.length) throw new AppError("validation_failed", `${problems[0]!.path}: ${problems[0]!.message}`, { fields: problems });
}

/** Parses and completes a new entry's fields (no database access beyond what checkFields does). */
export function prepareNew(def: RegisterDefinition, input: unknown, at: string): EntryData {
  const parsed = CREATE_BODIES[def.key].safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "body");
  const fields = normalise(def.fields, parsed.data);
  return def.complete ? def.complete(fields, today(at)) : fields;
}

/** Inserts a prepared entry with its first version and audit entry, inside the caller's transaction (refusing what this member may not add). */
export async function insertEntry(tx: DbOrTx, actor: Actor, m: Membership, def: RegisterDefinition, fields: EntryData, at: string, action: RegisterVersionsTable["action"] = "created") {
  requireMayCreate(def, m, fields);
  const row = {
    id: newId(),
    partnership_id: m.partnershipId,
    register: def.key,
    ...derivedColumns(def, fields),
    data: JSON.stringify({ fields }),
    version: 1,
    created_by: actor.userId,
    created_at: at,
    updated_by: actor.userId,
    updated_at: at,
    deleted_at: null,
    deleted_by: null,
  };
  await tx.insertInto("register_entries").values(row).execute();
  const summary = `${action === "imported" ? "Imported" : "Added"} ${def.singular} “${row.title}”`;
  await recordChange(tx, row, action, summary, actor.userId, at);
  return row;
}

export async function createEntry(db: Db, actor: Actor, partnershipId: string, key: RegisterKey, input: unknown, opts: WhenOptions = {}): Promise<EntryView> {
  const def = REGISTERS[key];
  const m = await requireMembership(db, actor, partnershipId, "member");
  const at = nowIso(opts.at);
  const fields = prepareNew(def, input, at);
  requireMayCreate(def, m, fields);
  return db.transaction().execute(async (tx) => {
    await checkFields(tx, partnershipId, def, fields);
    const row = await insertEntry(tx, actor, m, def, fields, at);
    return toView(def, { ...row, created_by_name: actor.name, updated_by_name: actor.name }, m);
  });
}

export async function getEntry(db: Db, actor: Actor, partnershipId: string, key: RegisterKey, id: string): Promise<EntryView> {
  const m = await requireMembership(db, actor, partnershipId);
  return toView(REGISTERS[key], await loadEntry(db, partnershipId, key, id), m);
}

/** Changes the given fields; the body's `version` or `opts.ifMatch` must name the stored version (preconditions.ts). */
export async function updateEntry(db: Db, actor: Actor, partnershipId: string, key: RegisterKey, id: string, input: unknown, opts: WriteOptions = {}): Promise<EntryView> {
  const def = REGISTERS[key];
  const parsed = UPDATE_BODIES[key].safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "body");
  const { version: expected, ...changes } = parsed.data as EntryData & { version?: number };
  const m = await requireMembership(db, actor, partnershipId, "member");
  const at = nowIso(opts.at);
  return db.transaction().execute(async (tx) => {
    const before = await loadEntry(tx, partnershipId, key, id);
    if (before.deleted_at) throw new AppError("conflict", `This ${def.singular} was removed; restore it before changing it.`);
    const stored = parseStored(before);
    // Who may change it at all comes before which version they changed; which fields they may change, after.
    requireEdit(def, m, stored.fields);
    const staleCode = requireExpected(def.singular, before.version, { ifMatch: opts.ifMatch, version: expected }, true);
    const merged = normalise(def.fields, { ...stored.fields, ...changes });
    const differs = (name: string, next: EntryData) => JSON.stringify(stored.fields[name] ?? null) !== JSON.stringify(next[name] ?? null);
    // Field by field: only what this member may change (an owner's members all but the owner and participations; a co-editor its declared few).
    requireMayChange(def, m, stored.fields, Object.keys(changes).filter((name) => differs(name, merged)));
    // A date that records when a choice was made starts again when the choice changes, unless it was given.
    for (const [dateField, trigger] of Object.entries(def.datedBy ?? {})) {
      if (trigger in changes && changes[trigger] !== stored.fields[trigger] && !(dateField in changes)) merged[dateField] = null;
    }
    const fields = def.complete ? def.complete(merged, today(at)) : merged;
    const changedSpecs = def.fields.filter((f) => differs(f.name, fields));
    requireMayChange(def, m, stored.fields, changedSpecs.map((f) => f.name));
    const problems = [...(def.check?.(fields) ?? []), ...(await checkReferences(tx, partnershipId, changedSpecs, fields))];
    if (problems.length) throw new AppError("validation_failed", `${problems[0]!.path}: ${problems[0]!.message}`, { fields: problems });
    if (changedSpecs.length === 0) return toView(def, before, m);
    const next = { ...before, ...derivedColumns(def, fields), data: JSON.stringify({ ...stored, fields }) };
    const row = await saveChange(tx, before, next, { action: "updated", summary: describeChanges(def, stored.fields, fields, next.title), userId: actor.userId, at, staleCode });
    return toView(def, { ...row, updated_by_name: actor.name }, m);
  });
}

async function setRemoved(db: Db, actor: Actor, partnershipId: string, key: RegisterKey, id: string, remove: boolean, opts: WriteOptions): Promise<EntryView> {
  const def = REGISTERS[key];
  const m = await requireMembership(db, actor, partnershipId, "member");
  const at = nowIso(opts.at);
  return db.transaction().execute(async (tx) => {
    const before = await loadEntry(tx, partnershipId, key, id);
    requireOwnerOrConvenor(def, m, parseStored(before).fields);
    if (remove === (before.deleted_at !== null)) throw new AppError("conflict", remove ? `This ${def.singular} is already removed.` : `This ${def.singular} is not removed.`);
    const staleCode = requireExpected(def.singular, before.version, { ifMatch: opts.ifMatch }, false);
    const summary = `${remove ? "Removed" : "Restored"} ${def.singular} “${before.title}”`;
    const row = await saveChange(tx, before, { ...before, deleted_at: remove ? at : null, deleted_by: remove ? actor.userId : null }, { action: remove ? "removed" : "restored", summary, userId: actor.userId, at, staleCode });
    return toView(def, { ...row, updated_by_name: actor.name }, m);
  });
}

/** Tombstones an entry: it leaves lists and metrics but stays readable and can be restored. `opts.ifMatch` must name the stored version. */
export const removeEntry = (db: Db, actor: Actor, partnershipId: string, key: RegisterKey, id: string, opts: WriteOptions = {}) => setRemoved(db, actor, partnershipId, key, id, true, opts);
export const restoreEntry = (db: Db, actor: Actor, partnershipId: string, key: RegisterKey, id: string, opts: WriteOptions = {}) => setRemoved(db, actor, partnershipId, key, id, false, opts);

export interface VersionView {
  version: number;
  action: RegisterVersionsTable["action"];
  summary: string;
  title: string;
  data: EntryData;
  signUps?: SignUp[];
  changedAt: string;
  changedBy: { userId: string; name: string };
}

/** Every version of an entry, oldest first: past outcomes stay readable. */
export async function entryHistory(db: Db, actor: Actor, partnershipId: string, key: RegisterKey, id: string): Promise<{ items: VersionView[] }> {
  await requireMembership(db, actor, partnershipId);
  await loadEntry(db, partnershipId, key, id);
  const rows = await db
    .selectFrom("register_versions as v")
    .leftJoin("users as u", "u.id", "v.changed_by")
    .selectAll("v")
    .select("u.name as changed_by_name")
    .where("v.entry_id", "=", id)
    .where("v.partnership_id", "=", partnershipId)
    .orderBy("v.version")
    .execute();
  return {
    items: rows.map((r) => {
      const stored = parseStored(r);
      return { version: r.version, action: r.action, summary: r.summary, title: r.title, data: stored.fields, ...(stored.signUps ? { signUps: stored.signUps } : {}), changedAt: r.changed_at, changedBy: { userId: r.changed_by, name: r.changed_by_name ?? "" } };
    }),
  };
}
