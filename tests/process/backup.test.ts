// Process test: `accord backup` taken while a real `accord serve` stores submissions and register entries holds every write acknowledged before it began, passes integrity_check, and serves when restored; a plain copy of accord.sqlite taken under the same load (without its -wal) misses acknowledged writes.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { answersFor, responseNullifier, seedOpenWaves } from "./close-load-helpers.ts";
import { call, type Outcome } from "./load-helpers.ts";
import { api, cleanUp, runCli, startServe, tempDir, type Server } from "./process-helpers.ts";

afterAll(cleanUp);

const SUBMITTERS = 16;
const REGISTRARS = 4;

/** What was acknowledged, in order: a submission (by its link token) or a register entry (by id). */
type Ack = { kind: "response"; token: string } | { kind: "entry"; id: string };

/** Which of `acks` a SQLite file lacks; `unreadable` when the file cannot even be read. */
function missingFrom(file: string, acks: Ack[]): { missing: number; unreadable?: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const response = db.prepare("select 1 from wave_responses where nullifier = ?");
    const entry = db.prepare("select 1 from register_entries where id = ?");
    return { missing: acks.filter((a) => (a.kind === "response" ? response.get(responseNullifier(a.token)) : entry.get(a.id)) === undefined).length };
  } catch (err) {
    return { missing: acks.length, unreadable: (err as Error).message };
  } finally {
    db?.close();
  }
}

describe("accord backup under load (SQLite)", () => {
  it("holds every write acknowledged before it began, passes integrity_check and serves when restored; a plain file copy does not", { timeout: 180_000 }, async () => {
    const dataDir = tempDir();
    const fx = await seedOpenWaves({ dataDir }, { people: 600, waves: 2 });
    const server: Server = await startServe({ DATA_DIR: dataDir, TRUST_PROXY: "true" });
    const base = `/api/v1/partnerships/${fx.partnershipId}`;
    const tokens = fx.waves.flatMap((w) => w.tokens);
    const acks: Ack[] = [];
    const failures: string[] = [];
    let stop = false;
    let n = 0;

    const submit = async (token: string) => {
      const i = n++;
      const headers = { "idempotency-key": `backup-${i}-${token.slice(0, 8)}`, "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
      const o: Outcome = await call(server, "POST", `/api/v1/respond/${token}/response`, { body: { answers: answersFor(i) }, headers });
      if (o.status === 201) acks.push({ kind: "response", token });
      else failures.push(`submit ${o.status} ${o.error ?? JSON.stringify(o.body)}`);
    };
    /** Two links kept aside for the plain copy. */
    const aside = tokens.splice(0, 2);
    const submitter = async () => {
      for (let token = tokens.shift(); token && !stop; token = tokens.shift()) await submit(token);
    };
    const registrar = async (r: number) => {
      for (let i = 0; !stop; i++) {
        const o = await call(server, "POST", `${base}/registers/decisions`, { cookie: fx.cookie, body: { title: `Decision ${r}-${i}`, proposal: "Agreed while a backup ran" } });
        if (o.status === 201) acks.push({ kind: "entry", id: o.body.id });
        else failures.push(`register ${o.status} ${o.error ?? JSON.stringify(o.body)}`);
      }
    };
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 20));
    };

    const out = path.join(tempDir(), "accord-backup.sqlite");
    const plainDir = tempDir();
    let ackedBeforePlain: Ack[] = [];
    let ackedBeforeBackup: Ack[] = [];
    let ackedWhileBackingUp = 0;
    const operator = (async () => {
      await until(() => acks.length >= 300);
      // A plain copy of the database file, as a file-level backup tool would take it: right after two submissions
      // answered one after the other (at most one of them can have been checkpointed into the file: the other is only in the WAL).
      await submit(aside[0]!);
      await submit(aside[1]!);
      ackedBeforePlain = [...acks];
      fs.copyFileSync(path.join(dataDir, "accord.sqlite"), path.join(plainDir, "accord.sqlite"));
      ackedBeforeBackup = [...acks];
      const backup = await runCli(["backup", "--out", out], { DATA_DIR: dataDir });
      ackedWhileBackingUp = acks.length - ackedBeforeBackup.length;
      const more = acks.length + 100;
      await until(() => acks.length >= more || tokens.length === 0);
      stop = true;
      return backup;
    })();
    const [backup] = await Promise.all([operator, ...Array.from({ length: SUBMITTERS }, submitter), ...Array.from({ length: REGISTRARS }, (_, r) => registrar(r))]);
    await server.stop();

    const plain = missingFrom(path.join(plainDir, "accord.sqlite"), ackedBeforePlain);
    const copy = missingFrom(out, ackedBeforeBackup);
    console.log(
      [
        `backup under load: ${acks.length} writes acknowledged (${acks.filter((a) => a.kind === "entry").length} register entries), ${ackedWhileBackingUp} of them while \`accord backup\` ran`,
        `  plain copy of accord.sqlite without its -wal: ${plain.missing} of ${ackedBeforePlain.length} acknowledged writes missing${plain.unreadable ? ` (unreadable: ${plain.unreadable})` : ""}`,
        `  accord backup: ${copy.missing} of ${ackedBeforeBackup.length} acknowledged writes missing`,
        `  ${backup.stdout.trim().split("\n")[0]}`,
      ].join("\n"),
    );
    expect(failures.slice(0, 3)).toEqual([]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("integrity check ok");
    expect(ackedWhileBackingUp).toBeGreaterThan(0); // the server really was taking writes during the backup
    expect(copy).toEqual({ missing: 0 });
    expect(plain.missing).toBeGreaterThan(0);
    const check = new Database(out, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();

    // Restore: a fresh data folder holding only the copy, as accord.sqlite. The server serves what it holds.
    const restoredDir = tempDir();
    fs.copyFileSync(out, path.join(restoredDir, "accord.sqlite"));
    const restored = await startServe({ DATA_DIR: restoredDir });
    const lastEntry = ackedBeforeBackup.filter((a): a is Ack & { kind: "entry" } => a.kind === "entry").at(-1)!;
    const entry = await api(restored, "GET", `${base}/registers/decisions/${lastEntry.id}`, { cookie: fx.cookie });
    expect(entry.status, entry.text).toBe(200);
    const waves = await api(restored, "GET", `${base}/waves`, { cookie: fx.cookie });
    expect(waves.status, waves.text).toBe(200);

    // A second backup to the same file is refused unless forced; forced, it is taken beside the restored server.
    const again = await runCli(["backup", "--out", out], { DATA_DIR: restoredDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    const forced = await runCli(["backup", "--out", out, "--force"], { DATA_DIR: restoredDir });
    expect(forced.code, forced.stderr).toBe(0);
    await restored.stop();

    // With PostgreSQL there is nothing for it to copy: it says so and points at pg_dump.
    const pg = await runCli(["backup", "--out", path.join(restoredDir, "x.sqlite")], { DATABASE_URL: "postgres://accord@127.0.0.1:1/accord" });
    expect(pg.code).toBe(1);
    expect(pg.stderr).toContain("pg_dump");
    expect(fs.existsSync(path.join(restoredDir, "x.sqlite"))).toBe(false);
  });
});
