/** An exclusive lock on a SQLite data folder, held as an OS file lock for the life of the process, so a second process refuses to start instead of sharing the folder. */
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";

/** The file whose OS lock decides who owns the folder. It is never deleted (see below) and stays empty. */
export const LOCK_DB = "accord.lock.db";
/** A note naming the owner's pid, for people and for the refusal message; it decides nothing. */
export const OWNER_NOTE = "accord.lock";

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    /** The owner's pid as its note says, when there is a note. */
    readonly pid: number | undefined,
  ) {
    super(
      `The data folder ${path.dirname(lockFile)} is in use by another accord process${pid === undefined ? "" : ` (pid ${pid})`}. ` +
        `Stop that process first, or point DATA_DIR at another folder. ` +
        `To run several app servers on one database, use DATABASE_URL=postgres://…`,
    );
    this.name = "DataDirLockedError";
  }
}

/** Connections holding a lock, kept reachable so that nothing closes them before the process ends or releases them. */
const held = new Set<BetterSqlite3.Database>();

/**
 * Takes the lock: opens `accord.lock.db` through SQLite and holds a write reservation on it (`BEGIN IMMEDIATE`,
 * never committed) for as long as the process lives. SQLite takes that reservation as a POSIX fcntl lock, which
 * the kernel drops when the process ends however it ends (kill -9, a crash, a container stopped), so nothing is
 * ever stale and nothing depends on pids, which containers reuse (accord is often pid 1 every time) and which
 * other programs may have taken since. Processes in other containers sharing the volume on the same host see the
 * same lock. Within one process SQLite refuses a second connection's reservation too.
 *
 * The lock file is never deleted: a process waiting on the old file while a new one replaced it would think it
 * owned the folder. Nothing in this process may open it other than through SQLite either: closing any other
 * descriptor of the file would drop the process's fcntl locks on it.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, LOCK_DB);
  const noteFile = path.join(dataDir, OWNER_NOTE);
  const conn = new BetterSqlite3(lockFile, { timeout: 0 });
  try {
    conn.exec("BEGIN IMMEDIATE");
  } catch (err) {
    conn.close();
    if ((err as { code?: string }).code?.startsWith("SQLITE_BUSY")) throw new DataDirLockedError(lockFile, ownerPid(noteFile));
    throw err;
  }
  held.add(conn);
  // The note of a previous owner (killed, or an earlier version's pid lock file) is simply replaced.
  fs.writeFileSync(noteFile, `${process.pid}\n`);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    try {
      if (ownerPid(noteFile) === process.pid) fs.unlinkSync(noteFile);
    } catch {
      /* already gone */
    }
    held.delete(conn);
    conn.close(); // ends the never-committed transaction, which releases the lock
  };
  process.once("exit", release);
  return release;
}

function ownerPid(noteFile: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(noteFile, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
