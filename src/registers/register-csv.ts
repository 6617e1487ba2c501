/** CSV export and all-or-nothing CSV import of one register, naming organisations, people and linked entries in words. */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Actor } from "../accounts/actor.ts";
import type { Db, DbOrTx } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError, type FieldProblem } from "../errors/app-error.ts";
import { requireMembership } from "../partnerships/access.ts";
import { REGISTERS } from "./definitions/index.ts";
import type { RegisterDefinition } from "./definitions/types.ts";
import type { EntryData, FieldSpec } from "./fields.ts";
import { csvLine, CsvSyntaxError, decodeField, encodeField, repeatedColumn, type Lookup, type Resolver, type Resolvers } from "./csv-codec.ts";
import { parseCsvInTurns } from "./csv-in-turns.ts";
import { insertEntry, prepareNew } from "./entry-use-cases.ts";
import type { RegisterKey } from "./keys.ts";
import { checkReferences, mayEdit, parseStored } from "./store.ts";

export const MAX_IMPORT_ROWS = 5000;
const META = ["id", "version", "created_at", "created_by", "updated_at", "updated_by", "signed_up_by"];

async function lookups(db: DbOrTx, partnershipId: string) {
  const [orgs, people, entries] = await Promise.all([
    db.selectFrom("organisations").select(["id", "name"]).where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).execute(),
    db.selectFrom("people").select(["people.id", "people.email", "people.name"]).where("people.partnership_id", "=", partnershipId).where("people.deleted_at", "is", null).execute(),
    db.selectFrom("register_entries").select(["id", "register", "title"]).where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).execute(),
  ]);
  return { orgs, people, entries };
}

export async function exportRegisterCsv(db: Db, actor: Actor, partnershipId: string, key: RegisterKey): Promise<string> {
  await requireMembership(db, actor, partnershipId);
  const def = REGISTERS[key];
  const { orgs, people, entries } = await lookups(db, partnershipId);
  const names: Lookup = { organisations: new Map(orgs.map((o) => [o.id, o.name])), people: new Map(people.map((p) => [p.id, p.email])), entries: new Map(entries.map((e) => [e.id, e.title])) };
  const rows = await db
    .selectFrom("register_entries as e")
    .leftJoin("users as cu", "cu.id", "e.created_by")
    .leftJoin("users as uu", "uu.id", "e.updated_by")
    .select(["e.id", "e.data", "e.version", "e.created_at", "e.updated_at", "cu.email as created_by", "uu.email as updated_by"])
    .where("e.partnership_id", "=", partnershipId)
    .where("e.register", "=", key)
    .where("e.deleted_at", "is", null)
    .orderBy("e.created_at")
    .orderBy("e.id")
    .execute();
  const signUps = key === "ways-of-working";
  let out = csvLine(["id", ...def.fields.map((f) => f.name), ...(signUps ? ["signed_up_by"] : []), "version", "created_at", "created_by", "updated_at", "updated_by"]);
  for (const r of rows) {
    const stored = parseStored(r);
    const signed = signUps ? [(stored.signUps ?? []).map((s) => names.organisations.get(s.organisationId) ?? s.organisationId).join("; ")] : [];
    out += csvLine([r.id, ...def.fields.map((f) => encodeField(f, stored.fields[f.name] ?? null, names)), ...signed, r.version, r.created_at, r.created_by, r.updated_at, r.updated_by]);
  }
  return out;
}

/** A resolver matching ids exactly or names case-insensitively; a name shared by two candidates is ambiguous. */
function resolver(candidates: { id: string; names: string[] }[], what: string): Resolver {
  const byName = new Map<string, string[]>();
  for (const c of candidates) for (const n of c.names) byName.set(n.toLowerCase(), [...(byName.get(n.toLowerCase()) ?? []), c.id]);
  const ids = new Set(candidates.map((c) => c.id));
  return (text) => {
    if (ids.has(text)) return { id: text };
    const hits = [...new Set(byName.get(text.toLowerCase()) ?? [])];
    if (hits.length === 1) return { id: hits[0]! };
    return { problem: hits.length ? `More than one ${what} is called “${text}”; use its id.` : `No ${what} called “${text}” in this partnership.` };
  };
}

/** Rows checked between turns of the event loop: a 5,000-row file lets other requests in 20 times while it is checked. */
export const ROWS_PER_TURN = 250;

interface CheckedRow {
  line: number;
  fields: EntryData;
}

/**
 * Every row's references checked again inside the write transaction, in one query per kind for the whole file (an
 * organisation, person or entry may have been removed since the names were looked up). The rows go to checkReferences
 * as one entry whose fields are named `<row>␀<field>`, so it stays the one place that knows which kinds refer to what.
 */
async function referencesGone(tx: DbOrTx, partnershipId: string, def: RegisterDefinition, rows: readonly CheckedRow[]): Promise<FieldProblem[]> {
  const specs: FieldSpec[] = [];
  const fields: EntryData = {};
  rows.forEach((row, i) => {
    for (const f of def.fields) {
      const v = row.fields[f.name];
      if (v === null || v === undefined) continue;
      specs.push({ ...f, name: `${i}\u0000${f.name}` });
      fields[`${i}\u0000${f.name}`] = v;
    }
  });
  const problems = await checkReferences(tx, partnershipId, specs, fields);
  return problems.map((p) => {
    const [i, name] = p.path.split("\u0000");
    return { path: `line ${rows[Number(i)]?.line ?? "?"}: ${name}`, message: p.message };
  });
}

function refused(problems: FieldProblem[]): AppError {
  return new AppError("validation_failed", `Nothing was imported: ${problems.length} problem${problems.length === 1 ? "" : "s"}, first ${problems[0]!.path}: ${problems[0]!.message}`, { fields: problems });
}

/**
 * Imports every row or none: returns how many were added, or throws 422 listing each bad row's line and problem.
 * The file is parsed a piece at a time and every row is checked before anything is written, outside any transaction,
 * giving the event loop a turn between pieces and every ROWS_PER_TURN rows, so a large file that fails holds no
 * write lock and keeps nobody waiting long; only a file with no problems is then written, in one transaction.
 */
export async function importRegisterCsv(db: Db, actor: Actor, partnershipId: string, key: RegisterKey, text: string): Promise<{ imported: number }> {
  const def = REGISTERS[key];
  const m = await requireMembership(db, actor, partnershipId, "member");
  if (!def.ownerField && m.role !== "convenor") throw new AppError("forbidden", `Only convenors can add ${def.label.toLowerCase()}.`);
  let rows;
  try {
    rows = await parseCsvInTurns(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new AppError("validation_failed", `line ${err.line}: ${err.message}`, { fields: [{ path: `line ${err.line}`, message: err.message }] });
    throw err;
  }
  const [header, ...records] = rows;
  if (!header) throw new AppError("validation_failed", "The file is empty; the first line must name the columns.", { fields: [{ path: "line 1", message: "Add a header line naming the columns." }] });
  if (records.length > MAX_IMPORT_ROWS) throw new AppError("validation_failed", `Import at most ${MAX_IMPORT_ROWS} rows at a time.`, { fields: [{ path: "file", message: `${records.length} rows; split the file.` }] });

  const problems: FieldProblem[] = [];
  const columns = header.cells.map((name) => {
    const n = name.trim().toLowerCase();
    const f = def.fields.find((x) => x.name.toLowerCase() === n || x.label.toLowerCase() === n);
    if (!f && !META.includes(n)) problems.push({ path: `line ${header.line}`, message: `Unknown column “${name}”. Use: ${def.fields.map((x) => x.name).join(", ")}.` });
    return f ?? null;
  });
  for (const f of def.fields) if (f.required && !columns.includes(f)) problems.push({ path: `line ${header.line}`, message: `Missing the required column “${f.name}”.` });
  // A field named once by its name and once by its label is the same column twice: refused, never "the second wins".
  const fieldOf = (n: string) => def.fields.find((x) => [x.name, x.label].some((y) => y.toLowerCase() === n.trim().toLowerCase()));
  const twice = repeatedColumn(header.cells, (n) => fieldOf(n)?.name ?? (n.trim().toLowerCase() || null));
  if (twice) problems.push({ path: `line ${header.line}`, message: twice });
  if (problems.length) throw new AppError("validation_failed", `${problems[0]!.path}: ${problems[0]!.message}`, { fields: problems });

  const at = nowIso();
  // Names resolve against the partnership as it is now; the write transaction checks the ids again.
  const { orgs, people, entries } = await lookups(db, partnershipId);
  const r: Resolvers = {
    organisation: resolver(orgs.map((o) => ({ id: o.id, names: [o.name] })), "organisation"),
    person: resolver(people.map((p) => ({ id: p.id, names: [p.email, p.name] })), "person"),
    entry: (register) => resolver(entries.filter((e) => e.register === register).map((e) => ({ id: e.id, names: [e.title] })), REGISTERS[register as RegisterKey]?.singular ?? "entry"),
  };
  const checked: CheckedRow[] = [];
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
    const row = records[i]!;
    const where = (field?: string) => `line ${row.line}${field ? `: ${field}` : ""}`;
    if (row.cells.length !== columns.length) {
      problems.push({ path: where(), message: `Has ${row.cells.length} cells; the header has ${columns.length}.` });
      continue;
    }
    const input: Record<string, unknown> = {};
    const before = problems.length;
    row.cells.forEach((cell, col) => {
      const f = columns[col];
      if (!f) return;
      const out = decodeField(f, cell, r);
      if ("problem" in out) problems.push({ path: where(f.name), message: out.problem });
      else if (out.value !== undefined) input[f.name] = out.value;
    });
    if (problems.length > before) continue;
    try {
      const fields = prepareNew(def, input, at);
      const more = [...(def.check?.(fields) ?? [])];
      if (!mayEdit(def, m, fields)) more.push({ path: def.ownerField ?? "", message: def.ownerField ? "You can import only your own organisation's entries." : `Only convenors can add ${def.label.toLowerCase()}.` });
      for (const p of more) problems.push({ path: where(p.path), message: p.message });
      if (more.length === 0) checked.push({ line: row.line, fields });
    } catch (err) {
      if (!(err instanceof AppError) || !err.fields) throw err;
      for (const p of err.fields) problems.push({ path: where(p.path), message: p.message });
    }
  }
  if (problems.length) throw refused(problems);

  return db.transaction().execute(async (tx) => {
    const gone = await referencesGone(tx, partnershipId, def, checked);
    if (gone.length) throw refused(gone);
    for (const row of checked) await insertEntry(tx, actor, m, def, row.fields, at, "imported");
    return { imported: checked.length };
  });
}
