// Tests for the online SQLite backup: a copy holds what is committed only in the WAL (a plain copy of the file does not), writes during the copy neither stop it nor leak into it, and an existing file is kept unless forced.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupSqlite, BackupError } from "./backup.ts";

let dir: string;
let writer: BetterSqlite3.Database;
const file = () => path.join(dir, "accord.sqlite");

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-backup-"));
  // Like the server's connection: WAL, synchronous=FULL.
  writer = new BetterSqlite3(file());
  writer.pragma("journal_mode = WAL");
  writer.pragma("synchronous = FULL");
  writer.exec("create table rows (id integer primary key, body text not null)");
  const insert = writer.prepare("insert into rows (body) values (?)");
  writer.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${"x".repeat(200)}`);
  })();
  writer.pragma("wal_checkpoint(TRUNCATE)");
});

afterEach(() => {
  writer.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (f: string) => {
  const db = new BetterSqlite3(f, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from rows").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("backupSqlite", () => {
  it("copies what is committed only in the WAL, which a plain copy of the database file misses", async () => {
    writer.pragma("wal_autocheckpoint = 0"); // nothing moves from the WAL into the file during this test
    const insert = writer.prepare("insert into rows (body) values (?)");
    for (let i = 0; i < 100; i++) insert.run(`acknowledged ${i}`); // 100 commits, each one durable (in the WAL)

    fs.mkdirSync(path.join(dir, "plain"));
    const plain = path.join(dir, "plain", "accord.sqlite");
    fs.copyFileSync(file(), plain); // the file alone, without accord.sqlite-wal
    expect(count(plain)).toBe(2000);

    const out = path.join(dir, "backup.sqlite");
    const result = await backupSqlite(file(), out);
    expect(result.out).toBe(out);
    expect(count(out)).toBe(2100);
    // One self-contained file: not in WAL mode, nothing beside it, and sound.
    const copy = new BetterSqlite3(out, { readonly: true });
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("backup"))).toEqual(["backup.sqlite"]);
  });

  it("finishes while another connection writes between its steps, holding exactly what was committed when it began", async () => {
    const insert = writer.prepare("insert into rows (body) values (?)");
    const seen: number[] = [];
    const out = path.join(dir, "backup.sqlite");
    await backupSqlite(file(), out, {
      pagesPerStep: 10,
      onProgress: (p) => {
        seen.push(p.remainingPages);
        insert.run("written during the backup");
      },
    });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(0);
    expect(count(out)).toBe(2000);
    expect(count(file())).toBe(2000 + seen.length);
  });

  it("keeps an existing file unless forced, and leaves nothing behind when refused", async () => {
    const out = path.join(dir, "backup.sqlite");
    fs.writeFileSync(out, "an earlier backup");
    await expect(backupSqlite(file(), out)).rejects.toThrow(new BackupError(`${out} already exists. Choose another file, or add --force to replace it.`));
    expect(fs.readFileSync(out, "utf8")).toBe("an earlier backup");
    await backupSqlite(file(), out, { force: true });
    expect(count(out)).toBe(2000);
    expect(fs.readdirSync(dir).filter((f) => f.includes("partial"))).toEqual([]);
    await expect(backupSqlite(path.join(dir, "nothing.sqlite"), path.join(dir, "x.sqlite"))).rejects.toThrow(/There is no database at/);
    await expect(backupSqlite(file(), file(), { force: true })).rejects.toThrow(/over the database itself/);
  });
});
