/** What an export would collide with in a database that already holds other partnerships: ids taken, the partnership itself already here, accounts whose id and email disagree. Accounts already here under the same id and email are shared, not conflicts. */
import type { DbOrTx } from "../db/database.ts";
import type { FieldProblem } from "../errors/app-error.ts";
import type { ExportDocument } from "./export-schema.ts";

const CHUNK = 500;

/** The ids of `table` among `ids` that the database already holds. */
async function present(db: DbOrTx, table: "partnerships" | "organisations" | "people" | "waves" | "register_entries" | "register_versions" | "pressure_events" | "audit_log", ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const r of await db.selectFrom(table).select("id").where("id", "in", ids.slice(i, i + CHUNK)).execute()) found.add(r.id);
  }
  return found;
}

async function usersWhere(db: DbOrTx, column: "id" | "email", values: string[]) {
  const rows: { id: string; email: string }[] = [];
  for (let i = 0; i < values.length; i += CHUNK) rows.push(...(await db.selectFrom("users").select(["id", "email"]).where(column, "in", values.slice(i, i + CHUNK)).execute()));
  return rows;
}

export interface Conflicts {
  problems: FieldProblem[];
  /** True when the partnership's own id is already here (most likely this export was imported before). */
  partnershipPresent: boolean;
  /** Ids of the file's accounts already here with the same email: kept as they are, not inserted. */
  sharedAccounts: Set<string>;
}

/** Everything in the file that clashes with the database, listed by the file's rows; nothing is written. */
export async function findConflicts(db: DbOrTx, doc: ExportDocument): Promise<Conflicts> {
  const problems: FieldProblem[] = [];
  const partnershipPresent = (await present(db, "partnerships", [doc.partnership.id])).size > 0;
  if (partnershipPresent) problems.push({ path: "partnership.id", message: `The partnership ${doc.partnership.id} is already in this database: this export (or another of the same partnership) was imported before.` });

  const sharedAccounts = new Set<string>();
  const byId = new Map((await usersWhere(db, "id", doc.users.map((u) => u.id))).map((u) => [u.id, u.email]));
  const byEmail = new Map((await usersWhere(db, "email", doc.users.map((u) => u.email.toLowerCase()))).map((u) => [u.email.toLowerCase(), u.id]));
  doc.users.forEach((u, i) => {
    const email = u.email.toLowerCase();
    const hereEmail = byId.get(u.id);
    const hereId = byEmail.get(email);
    if (hereEmail !== undefined && hereEmail.toLowerCase() !== email) problems.push({ path: `users[${i}].id`, message: `The account ${u.id} is ${hereEmail} in this database, not ${u.email} as in the file.` });
    else if (hereId !== undefined && hereId !== u.id) problems.push({ path: `users[${i}].email`, message: `The email ${u.email} belongs to another account in this database (${hereId}), not to ${u.id} as in the file.` });
    else if (hereEmail !== undefined) sharedAccounts.add(u.id);
  });

  const tables = [
    ["organisations", "organisation", doc.organisations],
    ["people", "person", doc.people],
    ["waves", "wave", doc.waves],
    ["register_entries", "register entry", doc.register_entries],
    ["register_versions", "register version", doc.register_versions],
    ["pressure_events", "pressure event", doc.pressure_events],
    ["audit_log", "audit entry", doc.audit_log],
  ] as const;
  for (const [table, what, rows] of tables) {
    const taken = await present(db, table, rows.map((r) => r.id));
    rows.forEach((r, i) => taken.has(r.id) && problems.push({ path: `${table}[${i}].id`, message: `This database already holds a${/^[aeiou]/.test(what) ? "n" : ""} ${what} with the id ${r.id}.` }));
  }
  return { problems, partnershipPresent, sharedAccounts };
}

const NOUNS: Record<string, [string, string]> = {
  partnership: ["partnership", "partnerships"],
  users: ["account", "accounts"],
  organisations: ["organisation", "organisations"],
  people: ["person", "people"],
  waves: ["wave", "waves"],
  register_entries: ["register entry", "register entries"],
  register_versions: ["register version", "register versions"],
  pressure_events: ["pressure event", "pressure events"],
  audit_log: ["audit entry", "audit entries"],
};

/** One sentence for the whole refusal, counting what clashes by kind. */
export function describeConflicts(doc: ExportDocument, c: Conflicts): string {
  const counts = new Map<string, number>();
  for (const p of c.problems) {
    const table = p.path.replace(/[[.].*$/, "");
    counts.set(table, (counts.get(table) ?? 0) + 1);
  }
  const what = [...counts].map(([t, n]) => `${n} ${(NOUNS[t] ?? [t, t])[n === 1 ? 0 : 1]}`).join(", ");
  return c.partnershipPresent
    ? `The partnership “${doc.partnership.name}” (${doc.partnership.id}) is already in this database, so it was not imported again (clashing: ${what}). accord import keeps every id as exported and never overwrites or merges; nothing was written.`
    : `This export clashes with what this database already holds (${what}), so nothing was imported: accord import keeps every id as exported and never overwrites or merges. Accounts already here under the same id and email are shared; any other clash needs another database.`;
}
