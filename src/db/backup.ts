/** Online backup of the SQLite database through SQLite's backup API: a read-only connection (no data-folder lock, so beside a running server), one read snapshot, `integrity_check` on the copy, then the copy put in place. */
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export interface BackupOptions {
  /** Replace `out` if it exists; without it an existing file is refused. */
  force?: boolean;
  /** Called after each step of the copy. */
  onProgress?: (progress: BackupProgress) => void;
  /** Pages copied per step (the event loop turns between steps); 4,096 by default, about 16 MB. */
  pagesPerStep?: number;
}

export interface BackupResult {
  out: string;
  pages: number;
  bytes: number;
}

/** The copy could not be made or did not pass its check; nothing was left at `out`. */
export class BackupError extends Error {
  override name = "BackupError";
}

/**
 * Copies the SQLite database `source` to `out`. A server may be running and writing meanwhile: SQLite's WAL lets
 * this connection read while it writes, and the whole copy is read inside one read transaction, so it is the
 * database as it stood when the copy began — every write committed (and so acknowledged) before then, none
 * half-made. (Without that transaction the backup API starts over whenever another connection writes, and under
 * steady load might never finish.) The copy is written beside `out` under a temporary name, switched to a
 * rollback journal so it is one self-contained file, checked with `PRAGMA integrity_check`, synced, and only
 * then given its name.
 */
export async function backupSqlite(source: string, out: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source}. Check DATA_DIR.`);
  const target = path.resolve(out);
  if (target === path.resolve(source)) throw new BackupError("The backup cannot be written over the database itself.");
  if (!options.force && fs.existsSync(target)) throw new BackupError(`${out} already exists. Choose another file, or add --force to replace it.`);
  if (!fs.existsSync(path.dirname(target))) throw new BackupError(`The folder ${path.dirname(target)} does not exist.`);
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });

  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  let pages: number;
  try {
    db.exec("BEGIN");
    db.prepare("SELECT count(*) FROM sqlite_schema").get(); // the read snapshot starts here, and holds to the end
    const step = options.pagesPerStep ?? 4096;
    const done = await db.backup(partial, {
      progress: (p) => {
        options.onProgress?.(p);
        return step;
      },
    });
    pages = done.totalPages;
    options.onProgress?.(done);
    db.exec("COMMIT");
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`The backup failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    db.close();
  }

  try {
    checkCopy(partial);
    syncFile(partial);
    if (options.force) fs.renameSync(partial, target);
    else {
      try {
        fs.linkSync(partial, target); // never replaces a file that appeared meanwhile
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") throw new BackupError(`${out} already exists. Choose another file, or add --force to replace it.`);
        throw err;
      }
      fs.rmSync(partial);
    }
    syncFile(path.dirname(target));
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { out: target, pages, bytes: fs.statSync(target).size };
}

/** Makes the copy a single file (rollback journal, not WAL) and runs `integrity_check` on it. */
function checkCopy(file: string): void {
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const rows = copy.pragma("integrity_check") as Array<{ integrity_check: string }>;
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
    if (problems.length > 0) throw new BackupError(`The copy failed its integrity check: ${problems.slice(0, 5).join("; ")}`);
  } finally {
    copy.close();
  }
  for (const extra of ["-wal", "-shm"]) fs.rmSync(file + extra, { force: true });
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
