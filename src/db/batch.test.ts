// Batched reads and group commits: grouping, one bad item failing alone, and nothing acknowledged before its commit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, testDialect } from "../testing/test-db.ts";
import { BatchLoader, BatchWriter, inTransaction } from "./batch.ts";
import { connect, sqliteFileIn, type DbHandle } from "./connect.ts";
import type { Tx } from "./database.ts";

let handle: DbHandle;
beforeEach(async () => {
  handle = await createTestDb();
  await sql`create table batch_probe (id text primary key, v integer not null)`.execute(handle.db);
});
afterEach(async () => {
  await handle.close();
});

const insertAll = async (tx: Tx, items: Array<{ id: string; v: number }>) => {
  const out: string[] = [];
  for (const i of items) {
    if (i.v < 0) throw new Error(`bad item ${i.id}`);
    await sql`insert into batch_probe (id, v) values (${i.id}, ${i.v})`.execute(tx);
    out.push(`stored ${i.id}`);
  }
  return out;
};
const stored = async () => (await sql<{ id: string }>`select id from batch_probe order by id`.execute(handle.db)).rows.map((r) => r.id);

describe("BatchWriter", () => {
  it("puts items that arrive together in one transaction and answers each in order", async () => {
    const writer = new BatchWriter(handle.db, inTransaction(insertAll));
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => writer.store({ id: `k${String(i).padStart(2, "0")}`, v: i })));
    expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => `stored k${String(i).padStart(2, "0")}`));
    expect(writer.stats.transactions).toBe(1);
    expect(writer.stats.items).toBe(40);
    expect(await stored()).toHaveLength(40);
  });

  it("lets one bad item fail alone: the rest of its group is stored", async () => {
    const writer = new BatchWriter(handle.db, inTransaction(insertAll));
    const results = await Promise.allSettled([writer.store({ id: "a", v: 1 }), writer.store({ id: "bad", v: -1 }), writer.store({ id: "c", v: 3 })]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain("bad item bad");
    expect(writer.stats.fallbacks).toBe(1);
    expect(await stored()).toEqual(["a", "c"]);
  });

  it("fails only the item the database refuses (a duplicate key): the others in its group are stored", async () => {
    await sql`insert into batch_probe (id, v) values ('dup', 0)`.execute(handle.db);
    const writer = new BatchWriter(handle.db, inTransaction(insertAll));
    const results = await Promise.allSettled([writer.store({ id: "dup", v: 1 }), writer.store({ id: "fresh", v: 2 })]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
    expect(await stored()).toEqual(["dup", "fresh"]);
  });

  it("keeps taking work after a group fails", async () => {
    const writer = new BatchWriter(handle.db, inTransaction(insertAll));
    await expect(writer.store({ id: "x", v: -1 })).rejects.toThrow("bad item x");
    await expect(writer.store({ id: "y", v: 1 })).resolves.toBe("stored y");
  });
});

describe("BatchLoader", () => {
  it("reads the distinct keys asked for together in one query; unknown keys give undefined", async () => {
    await sql`insert into batch_probe (id, v) values ('a', 1), ('b', 2)`.execute(handle.db);
    const calls: string[][] = [];
    const loader = new BatchLoader(async (keys: string[]) => {
      calls.push(keys);
      const rows = (await sql<{ id: string; v: number }>`select id, v from batch_probe`.execute(handle.db)).rows.filter((r) => keys.includes(r.id));
      return new Map(rows.map((r) => [r.id, Number(r.v)]));
    });
    const got = await Promise.all(["a", "b", "a", "zzz"].map((k) => loader.load(k)));
    expect(got).toEqual([1, 2, 1, undefined]);
    expect(calls).toEqual([["a", "b", "zzz"]]);
  });

  it("rejects everyone waiting when the read fails, and recovers", async () => {
    let fail = true;
    const loader = new BatchLoader(async (keys: string[]) => {
      if (fail) throw new Error("read failed");
      return new Map(keys.map((k) => [k, k.length]));
    });
    const results = await Promise.allSettled([loader.load("a"), loader.load("bb")]);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    fail = false;
    await expect(loader.load("ccc")).resolves.toBe(3);
  });
});

describe.runIf(testDialect === "sqlite")("BatchWriter durability on a file", () => {
  it("answers only after the commit: every acknowledged item is there for a new connection", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-batch-"));
    const first = connect({ sqliteFile: sqliteFileIn(dir) });
    await sql`create table batch_probe (id text primary key, v integer not null)`.execute(first.db);
    const writer = new BatchWriter(first.db, inTransaction(insertAll));
    const seen: number[] = [];
    const second = connect({ sqliteFile: sqliteFileIn(dir) });
    await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        await writer.store({ id: `f${i}`, v: i });
        const row = await sql<{ n: number }>`select count(*) as n from batch_probe where id = ${`f${i}`}`.execute(second.db);
        seen.push(Number(row.rows[0]!.n));
      }),
    );
    expect(seen).toEqual(Array.from({ length: 25 }, () => 1));
    await first.close();
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
