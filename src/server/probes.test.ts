// The probes in-process on both engines (/livez, /healthz, /readyz with draining), and a database with no room (SQLite: max_page_count; PostgreSQL: a trigger raising 53100 disk_full) answered 507 storage_full, logged once, reported by /healthz, nothing stored lost.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../db/database.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-app.ts";
import { testDialect } from "../testing/test-db.ts";
import { markDraining } from "./draining.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe("probes", () => {
  it("/livez, /healthz and /readyz answer 200 with what they checked, and are never cached", async () => {
    const anon = ctx.anonymous();
    const live = await anon.get("/livez");
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: "ok" });
    const health = await anon.get("/healthz");
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: "ok", checks: { database: "ok", storage: "ok" } });
    expect(health.headers.get("cache-control")).toBe("no-store");
    const ready = await anon.get("/readyz");
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);
    expect(ready.body).toEqual({ status: "ok", checks: { draining: false, database: "ok", migrations: "ok" } });
  });

  it("/readyz says 503 when a migration is missing", async () => {
    const latest = await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(ctx.deps.db);
    const name = latest.rows[0]!.name;
    await sql`update kysely_migration set name = ${`${name}-renamed-away`.replace(/^\d+/, "0000")} where name = ${name}`.execute(ctx.deps.db);
    try {
      const ready = await ctx.anonymous().get("/readyz");
      expect(ready.status).toBe(503);
      expect(ready.body.checks).toMatchObject({ database: "ok", migrations: "pending" });
    } finally {
      await sql`update kysely_migration set name = ${name} where name like ${"0000%"}`.execute(ctx.deps.db);
    }
    expect((await ctx.anonymous().get("/readyz")).status).toBe(200);
  });
});

/** Makes the database refuse new rows for want of room, and gives the room back. */
const noRoom =
  testDialect === "sqlite"
    ? {
        // No page may be added beyond those the file has now.
        start: async (db: Db) => {
          const pages = await sql<{ page_count: number }>`pragma page_count`.execute(db);
          await sql.raw(`pragma max_page_count = ${pages.rows[0]!.page_count}`).execute(db);
        },
        end: (db: Db) => sql.raw(`pragma max_page_count = 1073741823`).execute(db),
      }
    : {
        // PostgreSQL's own disk_full (53100), raised where a full disk would raise it: adding a row.
        start: async (db: Db) => {
          await sql`create function no_room() returns trigger language plpgsql as $$ begin raise exception 'could not extend file: No space left on device' using errcode = '53100'; end $$`.execute(db);
          await sql`create trigger no_room before insert on partnerships for each row execute function no_room()`.execute(db);
        },
        end: async (db: Db) => {
          await sql`drop trigger no_room on partnerships`.execute(db);
          await sql`drop function no_room()`.execute(db);
        },
      };

describe("a database with no room", () => {
  async function newPartnership(client: TestClient, name: string) {
    return client.post("/api/v1/partnerships", { name, purpose: "" });
  }

  it("refuses writes with 507 storage_full (problem+json, no 500), logs it once and the recovery once, /healthz says so, and keeps what was stored", async () => {
    const { client } = await ctx.user("Fay Full");
    const kept = await newPartnership(client, "Stored before");
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await noRoom.start(ctx.deps.db);
      const refusals = [];
      for (let i = 0; i < 300 && refusals.length < 5; i++) {
        const res = await newPartnership(client, `Partnership ${i} ${"x".repeat(150)}`);
        if (res.status !== 201) refusals.push(res);
      }
      expect(refusals).toHaveLength(5);
      for (const res of refusals) {
        expect(res.status, JSON.stringify(res.body)).toBe(507);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(res.body.code).toBe("storage_full");
      }
      const health = await ctx.anonymous().get("/healthz");
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: "unavailable", checks: { database: "ok", storage: "full" } });
      // Reads still work, and what was stored before is there.
      const read = await client.get(`/api/v1/partnerships/${kept.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body.name).toBe("Stored before");
      const logged = errors.mock.calls.map((c) => String(c[0]));
      expect(logged.filter((l) => l.includes("no room to store"))).toHaveLength(1);
      expect(logged.filter((l) => l.startsWith("["))).toEqual([]); // no request logged as an internal error

      // Room again: writes work, /healthz says so once the writes have worked for a while, and that is logged once.
      await noRoom.end(ctx.deps.db);
      expect((await newPartnership(client, "After room was made")).status).toBe(201);
      const deadline = Date.now() + 15_000;
      while ((await ctx.anonymous().get("/healthz")).status !== 200) {
        if (Date.now() > deadline) throw new Error("/healthz did not recover");
        await new Promise((r) => setTimeout(r, 200));
      }
      const after = errors.mock.calls.map((c) => String(c[0]));
      expect(after.filter((l) => l.includes("writes work again"))).toHaveLength(1);
      expect(after.filter((l) => l.includes("no room to store"))).toHaveLength(1);
    } finally {
      errors.mockRestore();
    }
  });
});

// Last: the draining flag is process-wide and never cleared.
it("/readyz says 503 once the process is draining, while /livez still answers 200", async () => {
  markDraining();
  const ready = await ctx.anonymous().get("/readyz");
  expect(ready.status).toBe(503);
  expect(ready.body).toEqual({ status: "unavailable", checks: { draining: true } });
  expect((await ctx.anonymous().get("/livez")).status).toBe(200);
});
