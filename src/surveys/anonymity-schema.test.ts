// Schema test: participation and responses share no key, no time and no insertion order, on SQLite and PostgreSQL alike.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/connect.ts";
import { createTestDb, testDialect } from "../testing/test-db.ts";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h.close();
});

async function columns(table: string): Promise<Array<{ name: string; default: string | null; type: string }>> {
  if (testDialect === "sqlite") {
    const r = await sql<{ name: string; dflt_value: string | null; type: string }>`select name, dflt_value, type from pragma_table_info(${table})`.execute(h.db);
    return r.rows.map((c) => ({ name: c.name, default: c.dflt_value, type: c.type }));
  }
  const r = await sql<{ name: string; def: string | null; type: string }>`
    select column_name as name, column_default as def, data_type as type from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(h.db);
  return r.rows.map((c) => ({ name: c.name, default: c.def, type: c.type }));
}

const TIME_LIKE = /(_at|_on|time|date|created|updated|stamp|seen|ip|agent|address|duration)/i;

describe("anonymous answers are stored apart from participation", () => {
  it("responses carry no time, no person, no address, no device and no sequence", async () => {
    const cols = await columns("wave_responses");
    expect(cols.map((c) => c.name).sort()).toEqual(["answers", "id", "idempotency_hash", "nullifier", "organisation_id", "ratings", "sector", "wave_id"]);
    for (const c of cols) {
      expect(c.name, `wave_responses.${c.name} looks like a time or device column`).not.toMatch(TIME_LIKE);
      expect(c.default, `wave_responses.${c.name} has a default that could number or time rows`).toBeNull();
      expect(c.type.toLowerCase()).not.toMatch(/serial|timestamp|date/);
    }
  });

  it("participation carries no time and nothing that points at a response", async () => {
    const cols = await columns("wave_participants");
    expect(cols.map((c) => c.name).sort()).toEqual(["id", "person_id", "responded", "token_hash", "wave_id"]);
    for (const c of cols) expect(c.name).not.toMatch(TIME_LIKE);
  });

  it("the two tables share only the wave, never a row-level key", async () => {
    const a = new Set((await columns("wave_responses")).map((c) => c.name));
    const shared = (await columns("wave_participants")).map((c) => c.name).filter((n) => a.has(n));
    // `id` is each table's own random key; the only common reference is the wave itself.
    expect(shared.sort()).toEqual(["id", "wave_id"]);
  });

  it("keeps no insertion order: SQLite stores responses WITHOUT ROWID; PostgreSQL has no sequence on them", async () => {
    if (testDialect === "sqlite") {
      const r = await sql<{ sql: string }>`select sql from sqlite_master where name = 'wave_responses'`.execute(h.db);
      expect(r.rows[0]?.sql.toLowerCase()).toContain("without rowid");
    } else {
      const r = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.columns
        where table_schema = current_schema() and table_name = 'wave_responses' and (column_default like 'nextval%' or is_identity = 'YES')`.execute(h.db);
      expect(r.rows[0]?.n).toBe(0);
    }
  });
});

describe("durability settings", () => {
  it("commits synchronously (SQLite synchronous=FULL in WAL; PostgreSQL synchronous_commit=on)", async () => {
    if (testDialect === "sqlite") {
      const r = await sql<{ synchronous: number }>`pragma synchronous`.execute(h.db);
      expect(r.rows[0]?.synchronous).toBe(2); // FULL
    } else {
      const r = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(h.db);
      expect(r.rows[0]?.synchronous_commit).toBe("on");
    }
  });
});
