// Process test: `accord export` and `accord import` as an operator moves two partnerships of one instance into a new database (SQLite, or PostgreSQL with TEST_DATABASE_URL), restores one beside an unrelated partnership, is refused a second import, then sets a password so people can sign in.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./load-helpers.ts";
import { api, cleanUp, runCli, sessionCookie, startServe, tempDir } from "./process-helpers.ts";

const adminUrl = process.env["TEST_DATABASE_URL"];
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  await cleanUp();
  for (const drop of drops) await drop();
});

/** Where an accord keeps its data: a new data folder, or a new PostgreSQL database next to TEST_DATABASE_URL's. */
async function newStore(): Promise<Record<string, string>> {
  if (!adminUrl) return { DATA_DIR: tempDir() };
  const db = await freshDatabase(adminUrl);
  drops.push(db.drop);
  return { DATABASE_URL: db.url };
}

describe(`accord export / import (${adminUrl ? "PostgreSQL" : "SQLite"})`, () => {
  it("restores two partnerships into one database byte for byte and one beside an unrelated partnership, refuses a second import with what clashes, and sign-in works once a password is set", { timeout: 400_000 }, async () => {
    const from = await newStore();
    const to = await newStore();
    const files = tempDir("accord-export-");
    const demo = await runCli(["demo"], from);
    expect(demo.code, demo.stderr).toBe(0);
    const name = demo.stdout.match(/Created “(.+?)”/)![1]!;
    const email = demo.stdout.match(/email:\s+(\S+)/)![1]!;

    const first = path.join(files, "first.json");
    const exported = await runCli(["export", "--partnership", name, "--out", first], from);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/Exported “.+” to .+first\.json \(\d+ bytes/);
    expect(exported.stderr).toContain("published figures");
    const firstId = (JSON.parse(fs.readFileSync(first, "utf8")) as { partnership: { id: string } }).partnership.id;

    // A second partnership on the same instance, convened by the same account; both are called the same, so the export asks for an id.
    expect((await runCli(["demo", "--email", email], from)).code).toBe(0);
    const ambiguous = await runCli(["export", "--partnership", name, "--out", first], from);
    expect(ambiguous.code).toBe(1);
    const secondId = ambiguous.stderr.match(/give the id instead: (.+)\./)![1]!.split(", ").find((id) => id !== firstId)!;
    const second = path.join(files, "second.json");
    expect((await runCli(["export", "--partnership", secondId, "--out", second], from)).code).toBe(0);

    const imported = await runCli(["import", "--in", first], to);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Restored “.+”/);
    expect(imported.stdout).toContain("accord user password --email");
    const alongside = await runCli(["import", "--in", second], to);
    expect(alongside.code, alongside.stderr).toBe(0);
    expect(alongside.stdout).toMatch(/accounts \([1-9]\d* already here, shared and kept as they are\)/);
    const again = await runCli(["import", "--in", first], to);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is already in this database, so it was not imported again/);
    expect(again.stderr).toMatch(/^\s+partnership\.id: The partnership .+ is already in this database/m);

    for (const [id, original] of [[firstId, first], [secondId, second]] as const) {
      const copy = path.join(files, `copy-${id}.json`);
      expect((await runCli(["export", "--partnership", id, "--out", copy], to)).code).toBe(0);
      expect(fs.readFileSync(copy).equals(fs.readFileSync(original)), `re-export of ${id}`).toBe(true);
    }
    const zip = path.join(files, "export.zip");
    expect((await runCli(["export", "--partnership", firstId, "--out", zip], to)).code).toBe(0);
    expect(fs.readFileSync(zip).subarray(0, 2).toString()).toBe("PK");

    // Beside an unrelated partnership (another demo, with its own account): imported, and the other exports as before.
    const elsewhere = await newStore();
    const theirs = await runCli(["demo"], elsewhere);
    expect(theirs.code).toBe(0);
    const before = path.join(files, "theirs-before.json");
    expect((await runCli(["export", "--partnership", name, "--out", before], elsewhere)).code).toBe(0);
    const theirId = (JSON.parse(fs.readFileSync(before, "utf8")) as { partnership: { id: string } }).partnership.id;
    const beside = await runCli(["import", "--in", first], elsewhere);
    expect(beside.code, beside.stderr).toBe(0);
    const after = path.join(files, "theirs-after.json");
    expect((await runCli(["export", "--partnership", theirId, "--out", after], elsewhere)).code).toBe(0);
    // Each `accord export` records itself in the audit log after building the file; apart from that record, nothing changed.
    const withoutExports = (file: string) => {
      const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { audit_log: { action: string }[] };
      return { ...doc, audit_log: doc.audit_log.filter((a) => a.action !== "partnership.exported") };
    };
    expect(withoutExports(after)).toEqual(withoutExports(before));
    expect(JSON.parse(fs.readFileSync(after, "utf8")).audit_log.length).toBe(JSON.parse(fs.readFileSync(before, "utf8")).audit_log.length + 1);

    // The data folder is locked while a server runs, so the operator sets the password first.
    const password = "a password set after the import";
    const set = await runCli(["user", "password", "--email", email, "--password-stdin"], to, `${password}\n`);
    expect(set.code, set.stderr).toBe(0);
    const others = [...imported.stdout.matchAll(/--email (\S+)/g)].map((m) => m[1]!).filter((e) => e !== email);
    const server = await startServe(to);
    try {
      // Everyone else still has no password, so cannot sign in.
      expect((await api(server, "POST", "/api/v1/auth/sign-in", { body: { email: others[0], password } })).status).toBe(401);
      const signIn = await api(server, "POST", "/api/v1/auth/sign-in", { body: { email, password } });
      expect(signIn.status).toBe(200);
      const mine = await api(server, "GET", "/api/v1/partnerships", { cookie: sessionCookie(signIn) });
      expect((mine.body as { items: { id: string }[] }).items.map((p) => p.id).sort()).toEqual([firstId, secondId].sort());
    } finally {
      await server.stop();
    }
  });
});
