/** CLI command `accord backup --out FILE`: an online, checked copy of the SQLite database, safe beside a running server; for PostgreSQL it points at pg_dump. */
import type { Command } from "commander";
import { loadConfig } from "../config/config.ts";
import { sqliteFileIn } from "../db/connect.ts";
import { backupSqlite, type BackupProgress } from "../db/backup.ts";

/** Backups that take longer than this show their progress. */
const QUIET_MS = 1_000;

export function registerBackupCommand(program: Command): void {
  program
    .command("backup")
    .description("copy the SQLite database to FILE while the server keeps running (online backup, checked with integrity_check)")
    .requiredOption("--out <file>", "where to write the copy, e.g. accord-2026-12-08.sqlite")
    .option("--force", "replace FILE if it exists")
    .action(async (opts: { out: string; force?: boolean }) => {
      const config = loadConfig();
      if (config.databaseUrl) {
        throw new Error(
          "DATABASE_URL is set: the database is PostgreSQL, which accord backup does not copy. Use PostgreSQL's own tools, e.g.\n" +
            "  pg_dump --format=custom --file=accord.dump \"$DATABASE_URL\"\n" +
            "and restore with pg_restore; the README's “Backup and restore” section has the whole procedure.",
        );
      }
      const source = sqliteFileIn(config.dataDir);
      const started = Date.now();
      const result = await backupSqlite(source, opts.out, { force: opts.force === true, onProgress: progressLine(started) });
      const seconds = (Date.now() - started) / 1000;
      console.log(`Backed up ${source} to ${result.out}: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(1)} MB, integrity check ok, in ${seconds.toFixed(1)} s.`);
      console.log("To restore: stop the server, put the file in DATA_DIR as accord.sqlite, delete any accord.sqlite-wal and accord.sqlite-shm there, start the server.");
    });
}

/** Writes "backup: 42% (…)" to stderr once a backup has run for QUIET_MS, on one line in a terminal, at most once a second otherwise. */
function progressLine(started: number): (p: BackupProgress) => void {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return (p) => {
    const now = Date.now();
    const done = p.remainingPages === 0;
    if (now - started < QUIET_MS || (!done && now - last < (tty ? 200 : 1_000))) return;
    if (done && !shown) return;
    last = now;
    shown = true;
    const percent = p.totalPages === 0 ? 100 : Math.floor(((p.totalPages - p.remainingPages) / p.totalPages) * 100);
    const line = `backup: ${percent}% (${p.totalPages - p.remainingPages} of ${p.totalPages} pages)`;
    process.stderr.write(tty ? `\r${line}${done ? "\n" : ""}` : `${line}\n`);
  };
}
