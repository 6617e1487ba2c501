/** Restores a partnership export into an empty database: validates it (422 listing problems), then inserts everything in one transaction, keeping ids and times. */
import { recordAudit } from "../audit/record-audit.ts";
import type { Database, Db, Tx } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError, type FieldProblem } from "../errors/app-error.ts";
import { capProblems, validationError } from "../http/problem.ts";
import { decodeUtf8, positionOf } from "../http/utf8.ts";
import { ExportDocumentSchema, EXPORT_FORMAT, type ExportDocument } from "./export-schema.ts";

export interface ImportSummary {
  partnershipId: string;
  name: string;
  counts: Record<"users" | "organisations" | "people" | "waves" | "publishedFigures" | "registerEntries" | "registerVersions" | "pressureEvents" | "auditEntries", number>;
  /** Accounts restored without a password: they sign in once an operator sets one. */
  accounts: { email: string; name: string }[];
}

/** No export nests arrays and objects nearly this deep (its figures go about ten levels); deeper is refused before parsing. */
export const MAX_JSON_DEPTH = 64;

/** The line where JSON text first nests deeper than `limit`, found by scanning (strings skipped), or null. Parsing such text is fine; walking it later would overflow the stack. */
export function lineNestedBeyond(text: string, limit: number): number | null {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return line;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
    else if (ch === 0x0a) line++;
  }
  return null;
}

/** Every id a row points at must be in the file (a foreign key would refuse it later, less readably). */
function referenceProblems(doc: ExportDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  const users = ids(doc.users);
  const orgs = ids(doc.organisations);
  const people = ids(doc.people);
  const waves = ids(doc.waves);
  const entries = ids(doc.register_entries);
  const pid = doc.partnership.id;
  const need = (set: Set<string>, value: string | null, path: string, what: string) => {
    if (value !== null && !set.has(value)) problems.push({ path, message: `Refers to ${what} ${value}, which is not in the file.` });
  };
  const ours = (value: string, path: string) => {
    if (value !== pid) problems.push({ path, message: `Belongs to partnership ${value}, not to ${pid}, the one this file exports.` });
  };
  const unique = (rows: { id: string }[], table: string) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => (seen.has(r.id) ? problems.push({ path: `${table}[${i}].id`, message: `The id ${r.id} appears twice.` }) : seen.add(r.id)));
  };
  for (const [table, rows] of [["users", doc.users], ["organisations", doc.organisations], ["people", doc.people], ["waves", doc.waves], ["register_entries", doc.register_entries], ["register_versions", doc.register_versions], ["pressure_events", doc.pressure_events], ["audit_log", doc.audit_log]] as const) unique([...rows], table);
  const emails = new Set<string>();
  doc.users.forEach((u, i) => (emails.has(u.email) ? problems.push({ path: `users[${i}].email`, message: `The email ${u.email} appears twice.` }) : emails.add(u.email)));
  need(users, doc.partnership.created_by, "partnership.created_by", "user");
  doc.organisations.forEach((o, i) => (ours(o.partnership_id, `organisations[${i}].partnership_id`), need(users, o.created_by, `organisations[${i}].created_by`, "user")));
  doc.people.forEach((p, i) => {
    ours(p.partnership_id, `people[${i}].partnership_id`);
    need(users, p.user_id, `people[${i}].user_id`, "user");
    need(orgs, p.organisation_id, `people[${i}].organisation_id`, "organisation");
    need(users, p.created_by, `people[${i}].created_by`, "user");
  });
  doc.waves.forEach((w, i) => (ours(w.partnership_id, `waves[${i}].partnership_id`), need(users, w.created_by, `waves[${i}].created_by`, "user"), need(users, w.published_by, `waves[${i}].published_by`, "user")));
  doc.wave_nominees.forEach((n, i) => (need(waves, n.wave_id, `wave_nominees[${i}].wave_id`, "wave"), need(orgs, n.organisation_id, `wave_nominees[${i}].organisation_id`, "organisation"), need(people, n.person_id, `wave_nominees[${i}].person_id`, "person")));
  const kinds = new Set<string>();
  doc.published.forEach((p, i) => {
    need(waves, p.wave_id, `published[${i}].wave_id`, "wave");
    if (kinds.has(`${p.wave_id}|${p.kind}`)) problems.push({ path: `published[${i}].kind`, message: `The wave ${p.wave_id} has two “${p.kind}” figures.` });
    kinds.add(`${p.wave_id}|${p.kind}`);
  });
  doc.register_entries.forEach((e, i) => {
    ours(e.partnership_id, `register_entries[${i}].partnership_id`);
    need(orgs, e.organisation_id, `register_entries[${i}].organisation_id`, "organisation");
    for (const c of ["created_by", "updated_by", "deleted_by"] as const) need(users, e[c], `register_entries[${i}].${c}`, "user");
  });
  doc.register_versions.forEach((v, i) => (ours(v.partnership_id, `register_versions[${i}].partnership_id`), need(entries, v.entry_id, `register_versions[${i}].entry_id`, "register entry"), need(users, v.changed_by, `register_versions[${i}].changed_by`, "user")));
  doc.pressure_events.forEach((e, i) => ours(e.partnership_id, `pressure_events[${i}].partnership_id`));
  doc.audit_log.forEach((a, i) => (ours(a.partnership_id, `audit_log[${i}].partnership_id`), need(users, a.actor_user_id, `audit_log[${i}].actor_user_id`, "user")));
  return problems;
}

/** An export file's bytes as text, read strictly: a byte that is not UTF-8 is refused with where it is, never stored as U+FFFD. */
export function decodeExportFile(bytes: Uint8Array): string {
  const decoded = decodeUtf8(bytes);
  if ("text" in decoded) return decoded.text;
  const p = positionOf(bytes, decoded.invalidAt);
  throw new AppError("validation_failed", `The file is not UTF-8: the byte ${p.byte} at line ${p.line}, character ${p.character} is not UTF-8 text. \`accord export\` writes UTF-8, so the file has been changed; nothing was imported.`, { fields: [{ path: "(file)", message: `Not UTF-8 at line ${p.line}, character ${p.character}.` }] });
}

/** Reads an export file's text into a checked document, or throws a 422 listing what is wrong. */
export function parseExport(text: string): ExportDocument {
  const deep = lineNestedBeyond(text, MAX_JSON_DEPTH);
  if (deep !== null) {
    throw new AppError("validation_failed", `The file nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep (first at line ${deep}); an accord export never does, so it was not written by \`accord export\` or has been changed. Nothing was imported.`, { fields: [{ path: "(file)", message: `Nested more than ${MAX_JSON_DEPTH} levels deep at line ${deep}.` }] });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError("validation_failed", `The file is not JSON (${(err as Error).message}). Give the .json file \`accord export\` wrote, not the zip.`, { fields: [{ path: "(file)", message: "Not JSON." }] });
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== EXPORT_FORMAT) {
    throw new AppError("validation_failed", `This is not an accord partnership export: its "format" should be "${EXPORT_FORMAT}".`, { fields: [{ path: "format", message: `Expected "${EXPORT_FORMAT}".` }] });
  }
  const parsed = ExportDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const e = validationError(parsed.error, "file");
    const fields = e.fields ?? [];
    throw new AppError("validation_failed", `The export has ${fields.length} problem${fields.length === 1 ? "" : "s"}; the first is ${e.message}`, { fields: capProblems(fields) });
  }
  const problems = referenceProblems(parsed.data);
  if (problems.length) throw new AppError("validation_failed", `The export refers to rows it does not contain (${problems.length}); the first is ${problems[0]!.path}: ${problems[0]!.message}`, { fields: capProblems(problems) });
  // The figures are kept exactly as given (zod would rebuild their objects), so a later export writes them out unchanged.
  return { ...parsed.data, published: parsed.data.published.map((p, i) => ({ ...p, data: ((raw as { published: { data: unknown }[] }).published[i] as { data: unknown }).data })) };
}

const CHUNK = 100;
const stringifyJson = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v !== null && typeof v === "object" ? JSON.stringify(v) : v]));

async function insertRows(tx: Tx, table: keyof Database, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => stringifyJson(r as Record<string, unknown>));
    if (chunk.length) await tx.insertInto(table).values(chunk as never).execute();
  }
}

/** Refuses unless the database holds no partnership and no account: an import never merges into live data. */
async function requireEmpty(db: Db | Tx): Promise<void> {
  const p = Number((await db.selectFrom("partnerships").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const u = Number((await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  if (p > 0 || u > 0) {
    throw new AppError("conflict", `This database already holds ${p} partnership${p === 1 ? "" : "s"} and ${u} account${u === 1 ? "" : "s"}. accord import restores into an empty database only, and imported nothing. Point DATA_DIR (or DATABASE_URL) at a new, empty database and run it again.`);
  }
}

/** People as stored: files from before people kept their own name and email take their account's (and count as joined). */
function peopleRows(doc: ReturnType<typeof parseExport>) {
  const users = new Map(doc.users.map((u) => [u.id, u]));
  return doc.people.map((p) => {
    const account = p.user_id === null ? undefined : users.get(p.user_id);
    const name = p.name ?? account?.name;
    const email = p.email ?? account?.email;
    if (name === undefined || email === undefined) throw new AppError("validation_failed", `Person ${p.id} has no name or email, and no account to take them from.`);
    return { ...p, name, email, joined_at: p.joined_at === undefined ? (p.user_id === null ? null : p.created_at) : p.joined_at };
  });
}

export async function importPartnership(db: Db, text: string, progress: (label: string) => void = () => {}): Promise<ImportSummary> {
  const doc = parseExport(text);
  await requireEmpty(db);
  await db.transaction().execute(async (tx) => {
    await requireEmpty(tx);
    progress("accounts, organisations and people");
    await insertRows(tx, "users", doc.users.map((u) => ({ ...u, password_hash: null })));
    await insertRows(tx, "partnerships", [doc.partnership]);
    await insertRows(tx, "organisations", doc.organisations);
    await insertRows(tx, "people", peopleRows(doc));
    progress("waves and published figures");
    await insertRows(tx, "waves", doc.waves);
    await insertRows(tx, "wave_nominees", doc.wave_nominees);
    await insertRows(tx, "published_snapshots", doc.published.map((p) => ({ partnership_id: doc.partnership.id, wave_id: p.wave_id, kind: p.kind, data: JSON.stringify(p.data), source: "import", depends_on: null })));
    progress("registers and their history");
    await insertRows(tx, "register_entries", doc.register_entries);
    await insertRows(tx, "register_versions", doc.register_versions);
    await insertRows(tx, "pressure_events", doc.pressure_events);
    progress("audit log");
    await insertRows(tx, "audit_log", doc.audit_log);
    // The instance counts as set up: first-run setup would otherwise let anyone claim an accord that holds this data.
    if (!(await tx.selectFrom("instance").select("id").executeTakeFirst())) await tx.insertInto("instance").values({ id: 1, set_up_at: nowIso(), set_up_by: doc.partnership.created_by }).execute();
    // Recorded outside the partnership's own log, so exporting the restored partnership gives the same file.
    await recordAudit(tx, { partnershipId: null, actorUserId: null, action: "partnership.imported", entityType: "partnership", entityId: doc.partnership.id, summary: `Imported the partnership “${doc.partnership.name}” from an export`, detail: { users: doc.users.length, registerEntries: doc.register_entries.length } });
  });
  return {
    partnershipId: doc.partnership.id,
    name: doc.partnership.name,
    counts: {
      users: doc.users.length,
      organisations: doc.organisations.length,
      people: doc.people.length,
      waves: doc.waves.length,
      publishedFigures: doc.published.length,
      registerEntries: doc.register_entries.length,
      registerVersions: doc.register_versions.length,
      pressureEvents: doc.pressure_events.length,
      auditEntries: doc.audit_log.length,
    },
    accounts: doc.users.filter((u) => u.disabled_at === null).map((u) => ({ email: u.email, name: u.name })),
  };
}
