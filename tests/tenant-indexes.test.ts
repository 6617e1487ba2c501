// Every index of a partnership's tables starts with its tenant key (partnership, or the wave / entry / programme inside it), read from the migrated schema on SQLite or PostgreSQL.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../src/db/connect.ts";
import { createTestDb, testDialect } from "../src/testing/test-db.ts";

/**
 * Tables that hold one partnership's data, and the columns allowed to lead their indexes: the
 * partnership itself, or a key that lives inside one partnership (a wave, an entry, a person) where the hot
 * queries reach the rows through it. These would be distributed by partnership_id on Citus.
 */
const TENANT: Record<string, string[]> = {
  organisations: ["partnership_id"],
  people: ["partnership_id"],
  invitations: ["partnership_id", "person_id"],
  audit_log: ["partnership_id"],
  waves: ["partnership_id"],
  wave_participants: ["wave_id"],
  wave_responses: ["wave_id"],
  wave_nominees: ["wave_id"],
  wave_org_ratings: ["wave_id"],
  register_entries: ["partnership_id"],
  register_versions: ["partnership_id", "entry_id"],
  pressure_events: ["partnership_id"],
  published_snapshots: ["partnership_id"],
  wave_summaries: ["partnership_id"],
  // Programmes group partnerships: their own tables are keyed by the programme.
  programmes: ["id"],
  programme_leads: ["programme_id"],
  programme_partnerships: ["programme_id", "partnership_id"],
  programme_lead_invitations: ["programme_id"],
};

/** Indexes of tenant tables that do not start with the tenant key: each serves a point lookup by a globally unique key. */
const POINT_LOOKUPS: Record<string, string> = {
  "organisations(id)": "primary key",
  "people(id)": "primary key",
  "people(user_id)": "a user's own partnerships: sign-in and the partnership list cross partnerships by design",
  "invitations(id)": "primary key",
  "invitations(token_hash)": "opening an invitation link (a 256-bit secret)",
  "audit_log(id)": "primary key",
  "waves(id)": "primary key",
  "wave_participants(id)": "primary key",
  "wave_participants(token_hash)": "opening a personal survey link (a 256-bit secret)",
  "wave_responses(id)": "primary key (random)",
  "wave_responses(nullifier)": "one response per link: the uniqueness that makes submission idempotent",
  "wave_org_ratings(id)": "primary key",
  "register_entries(id)": "primary key",
  "register_versions(id)": "primary key",
  "pressure_events(id)": "primary key",
  "wave_summaries(wave_id)": "primary key (the wave is inside one partnership)",
  "programmes(join_code_hash)": "joining a programme by its code (a secret)",
  "programme_leads(user_id,programme_id)": "a lead's own programmes",
  "programme_lead_invitations(id)": "primary key",
  "programme_lead_invitations(token_hash)": "opening an invitation link (a 256-bit secret)",
};

/** Shared by every partnership (reference tables on Citus). */
const REFERENCE = ["users", "sessions", "api_tokens", "rate_limits", "instance", "password_resets", "known_devices", "partnerships", "kysely_migration", "kysely_migration_lock"];

interface IndexRow {
  table: string;
  index: string;
  columns: string[];
}

async function listIndexes(h: DbHandle): Promise<{ tables: string[]; indexes: IndexRow[] }> {
  if (h.dialect === "sqlite") {
    const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(h.db)).rows.map((r) => r.name);
    const rows = (
      await sql<{ tbl: string; idx: string; col: string }>`
        select m.name as tbl, il.name as idx, ii.name as col
        from sqlite_master m join pragma_index_list(m.name) il join pragma_index_info(il.name) ii
        where m.type = 'table' order by m.name, il.name, ii.seqno`.execute(h.db)
    ).rows;
    const indexes = new Map<string, IndexRow>();
    for (const r of rows) {
      const row = indexes.get(r.idx) ?? { table: r.tbl, index: r.idx, columns: [] };
      row.columns.push(r.col);
      indexes.set(r.idx, row);
    }
    // A rowid table's INTEGER/TEXT primary key without an index entry is still looked up by key: record text primary keys too.
    for (const t of tables) {
      const pk = (await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${t}) where pk > 0 order by pk`.execute(h.db)).rows;
      const cols = pk.map((c) => c.name);
      if (cols.length && ![...indexes.values()].some((i) => i.table === t && i.columns.join() === cols.join())) indexes.set(`${t}:pk`, { table: t, index: `${t}:pk`, columns: cols });
    }
    return { tables, indexes: [...indexes.values()] };
  }
  const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(h.db)).rows.map((r) => r.name);
  const indexes = (
    await sql<IndexRow>`
      select t.relname as "table", i.relname as "index", array_agg(a.attname::text order by k.n) as columns
      from pg_index x
      join pg_class t on t.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace ns on ns.oid = t.relnamespace
      cross join lateral unnest(x.indkey) with ordinality as k(attnum, n)
      join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
      where ns.nspname = current_schema()
      group by t.relname, i.relname`.execute(h.db)
  ).rows;
  return { tables, indexes };
}

describe(`tenant key leads the indexes (${testDialect})`, () => {
  let h: DbHandle;
  let schema: { tables: string[]; indexes: IndexRow[] };
  beforeAll(async () => {
    h = await createTestDb();
    schema = await listIndexes(h);
  });
  afterAll(() => h.close());

  it("knows every table as either a partnership's (tenant) or shared (reference)", () => {
    expect(schema.tables.filter((t) => !(t in TENANT) && !REFERENCE.includes(t))).toEqual([]);
  });

  it("gives every tenant table an index led by its tenant key", () => {
    const missing = schema.tables.filter((t) => t in TENANT && !schema.indexes.some((i) => i.table === t && TENANT[t]!.includes(i.columns[0]!)));
    expect(missing).toEqual([]);
  });

  it("starts every other index of a tenant table with the tenant key, or keeps it to a listed point lookup", () => {
    const offenders = schema.indexes
      .filter((i) => i.table in TENANT && !TENANT[i.table]!.includes(i.columns[0]!))
      .map((i) => `${i.table}(${i.columns.join(",")})`)
      .filter((key) => !(key in POINT_LOOKUPS));
    expect(offenders).toEqual([]);
  });

  it("prints the indexes it read", () => {
    const lines = schema.indexes
      .filter((i) => i.table in TENANT)
      .map((i) => `${i.table}(${i.columns.join(", ")})`)
      .sort();
    console.log(`${testDialect} indexes on tenant tables:\n  ${lines.join("\n  ")}`);
    expect(lines.length).toBeGreaterThan(0);
  });
});
