/** Restores a partnership export beside whatever the database holds: validates it (422 listing problems: references, register history, figures), refuses any clash (409 listing them), then inserts everything in one transaction, keeping ids and times. */
import { recordAudit } from "../audit/record-audit.ts";
import type { Database, Db, Tx } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError, type FieldProblem } from "../errors/app-error.ts";
import { capProblems, validationError } from "../http/problem.ts";
import { decodeUtf8, positionOf } from "../http/utf8.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { ExportDocumentSchema, EXPORT_FORMAT, type ExportDocument } from "./export-schema.ts";
import { describeConflicts, findConflicts } from "./import-conflicts.ts";
import { historyProblems, publishedProblems, referenceProblems } from "./import-integrity.ts";

export interface ImportSummary {
  partnershipId: string;
  name: string;
  counts: Record<"users" | "organisations" | "people" | "waves" | "publishedFigures" | "registerEntries" | "registerVersions" | "pressureEvents" | "auditEntries", number>;
  /** Accounts created by the import, without a password: they sign in once an operator sets one. */
  accounts: { email: string; name: string }[];
  /** Accounts the database already held under the same id and email: shared with its other partnerships, kept as they are. */
  sharedAccounts: number;
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
  if (problems.length) throw new AppError("validation_failed", `The export refers to rows it does not contain or holds one twice (${problems.length}); the first is ${problems[0]!.path}: ${problems[0]!.message}`, { fields: capProblems(problems) });
  const history = historyProblems(parsed.data);
  if (history.length) throw new AppError("validation_failed", `The register history of ${history.length} entr${history.length === 1 ? "y is" : "ies are"} incomplete or does not match the entry, so nothing was imported; the first: ${history[0]!.message} Export the partnership again from where it lives.`, { fields: capProblems(history) });
  const figures = publishedProblems(parsed.data);
  if (figures.length) throw new AppError("validation_failed", `The published figures do not hold together (${figures.length}); the first is ${figures[0]!.path}: ${figures[0]!.message}`, { fields: capProblems(figures) });
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

/** Refuses (409, listing every clash) unless the file fits beside what the database holds; returns the accounts already here to share. */
async function requireNoConflicts(db: Db | Tx, doc: ExportDocument): Promise<Set<string>> {
  const found = await findConflicts(db, doc);
  if (found.problems.length) throw new AppError("conflict", describeConflicts(doc, found), { fields: capProblems(found.problems) });
  return found.sharedAccounts;
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
  let shared = new Set<string>();
  try {
    await db.transaction().execute(async (tx) => {
      shared = await requireNoConflicts(tx, doc);
      progress("accounts, organisations and people");
      await insertRows(tx, "users", doc.users.filter((u) => !shared.has(u.id)).map((u) => ({ ...u, password_hash: null })));
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
      await tx.insertInto("instance").values({ id: 1, set_up_at: nowIso(), set_up_by: doc.partnership.created_by }).onConflict((oc) => oc.column("id").doNothing()).execute();
      // Recorded outside the partnership's own log, so exporting the restored partnership gives the same file.
      await recordAudit(tx, { partnershipId: null, actorUserId: null, action: "partnership.imported", entityType: "partnership", entityId: doc.partnership.id, summary: `Imported the partnership “${doc.partnership.name}” from an export`, detail: { users: doc.users.length, accountsShared: shared.size, registerEntries: doc.register_entries.length } });
    });
  } catch (err) {
    // Another writer took an id or an email between the check and the insert (the transaction has rolled back).
    if (isUniqueViolation(err)) throw new AppError("conflict", "Something else wrote a row with one of this export's ids or emails while it was being imported, so nothing was imported. Run accord import again to see what clashes.");
    throw err;
  }
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
    accounts: doc.users.filter((u) => u.disabled_at === null && !shared.has(u.id)).map((u) => ({ email: u.email, name: u.name })),
    sharedAccounts: shared.size,
  };
}
