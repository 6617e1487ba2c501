// Process test (PostgreSQL only, needs TEST_DATABASE_URL): two `accord serve` processes share one fresh database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, cleanUp, sessionCookie, startServe, tempDir } from "./process-helpers.ts";

const adminUrl = process.env["TEST_DATABASE_URL"];

describe.skipIf(!adminUrl)("two app servers on one PostgreSQL database", () => {
  const dbName = `accord_multi_${randomBytes(6).toString("hex")}`;
  let databaseUrl = "";

  async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin((c) => c.query(`create database ${dbName}`));
    const url = new URL(adminUrl ?? "");
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  });

  afterAll(async () => {
    await cleanUp(); // the servers go first, so their connections are closed
    await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
  });

  it("both migrate the empty database at once, and a session made on one works on the other", { timeout: 120_000 }, async () => {
    // Each gets its own (unused) DATA_DIR, so nothing can fall back to a shared SQLite file.
    const [a, b] = await Promise.all([
      startServe({ DATABASE_URL: databaseUrl, DATA_DIR: tempDir() }),
      startServe({ DATABASE_URL: databaseUrl, DATA_DIR: tempDir() }),
    ]);
    expect(a.output()).toContain("PostgreSQL");
    expect(b.output()).toContain("PostgreSQL");
    // Exactly one of them applied the migrations; the other found them applied.
    const applied = [a, b].filter((s) => s.output().includes("applied migrations"));
    expect(applied).toHaveLength(1);

    const setup = await api(a, "POST", "/api/v1/setup", { body: { name: "Ada Convenor", email: "ada@example.org", password: "a long enough password" } });
    expect(setup.status, setup.text).toBe(201);
    const cookie = sessionCookie(setup);

    // The session cookie from server A is recognised by server B (sessions live in the database).
    const me = await api(b, "GET", "/api/v1/me", { cookie });
    expect(me.status, me.text).toBe(200);
    expect(me.body).toMatchObject({ email: "ada@example.org" });
    expect((await api(b, "GET", "/api/v1/setup")).body).toEqual({ needed: false });

    // Writes through B are read through A.
    const created = await api(b, "POST", "/api/v1/partnerships", { cookie, body: { name: "Shared partnership", purpose: "" } });
    expect(created.status, created.text).toBe(201);
    const read = await api(a, "GET", `/api/v1/partnerships/${created.body.id}`, { cookie });
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ name: "Shared partnership" });

    // Signing out through A ends the session on B too.
    expect((await api(a, "POST", "/api/v1/auth/sign-out", { cookie })).status).toBe(204);
    expect((await api(b, "GET", "/api/v1/me", { cookie })).status).toBe(401);

    await Promise.all([a.stop(), b.stop()]);
  });
});
