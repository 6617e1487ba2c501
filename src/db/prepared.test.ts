// Statements built once: one SQL text whatever the list's length, the right rows for awkward values, and named statements on PostgreSQL.
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect } from "../testing/test-db.ts";
import type { DbHandle } from "./connect.ts";
import { inListParameter, listParameter, preparedStatement } from "./prepared.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  await sql`create table prepared_probe (k text primary key, n integer not null)`.execute(handle.db);
});
afterAll(async () => {
  await handle.close();
});

const byKeys = preparedStatement((db) => db.selectFrom("prepared_probe" as never).select(["k", "n"] as never).where(inListParameter(db, "k")).compile() as never, 1) as (
  db: DbHandle["db"],
  parameters: readonly unknown[],
) => Promise<Array<{ k: string; n: number }>>;

describe("preparedStatement with a list parameter", () => {
  it("finds exactly the rows whose key is in the list, for any keys (quotes, commas, braces, non-ASCII, empty)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.string({ maxLength: 12 }), { minLength: 0, maxLength: 12 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 12 }), async (stored, asked) => {
        // PostgreSQL text cannot hold NUL; such keys are not ours to store.
        const clean = (s: string) => s.replaceAll("\u0000", "");
        const keys = [...new Set(stored.map(clean))];
        await sql`delete from prepared_probe`.execute(handle.db);
        for (const [n, k] of keys.entries()) await sql`insert into prepared_probe (k, n) values (${k}, ${n})`.execute(handle.db);
        const ask = asked.map(clean).concat(keys.slice(0, 3));
        const rows = await byKeys(handle.db, [listParameter(handle.db, ask)]);
        expect(rows.map((r) => r.k).sort()).toEqual(keys.filter((k) => ask.includes(k)).sort());
      }),
      { numRuns: 40 },
    );
  });

  it("refuses a call with the wrong number of parameters instead of running it", async () => {
    await expect(byKeys(handle.db, [])).rejects.toThrow(/expected 1 parameters, got 0/);
    const wrongBuild = preparedStatement((db) => sql`select 1 as one`.compile(db), 1);
    await expect(wrongBuild(handle.db, [1])).rejects.toThrow(/the built query has 0/);
  });

  it.runIf(testDialect === "postgres")("runs as one named statement on the connection, whatever the list's length", async () => {
    const names = await handle.db.transaction().execute(async (tx) => {
      for (const size of [1, 5, 40]) await byKeys(tx as never, [listParameter(tx, Array.from({ length: size }, (_, i) => `k${i}`))]);
      return (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(tx)).rows;
    });
    const ours = names.filter((r) => r.name.startsWith("accord_") && r.statement.includes("prepared_probe"));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.statement).toContain("= any(");
  });
});
