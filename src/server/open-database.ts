/** Opens and migrates the configured database; for SQLite, first takes the data-folder lock; a server waits for a PostgreSQL that is not up yet. */
import { type Config, loadConfig } from "../config/config.ts";
import { connect, sqliteFileIn, type DbHandle } from "../db/connect.ts";
import { classifyDatabaseError, describeDatabaseError } from "../db/errors.ts";
import { lockDataDir } from "../db/lock.ts";
import { migrateToLatest } from "../db/migrate.ts";

export interface OpenedDatabase extends DbHandle {
  describe: string;
  applied: string[];
}

export interface OpenOptions {
  /**
   * PostgreSQL out of reach (not started yet, restarting, a network gap): try again with growing pauses (0.5 s doubling
   * up to 5 s), saying so each time, instead of failing. `accord serve` waits (containers start in any order, and a
   * worker replacing one that died during an outage must not stop the lot); one-off CLI commands fail at once. Settings
   * that cannot work (wrong password, no such database, a host name that does not resolve) fail at once either way.
   */
  waitForDatabase?: boolean;
  log?: (line: string) => void;
}

/** Pause before the attempt after `failures` failed ones. */
export function retryDelayMs(failures: number): number {
  return Math.min(500 * 2 ** (failures - 1), 5_000);
}

export async function openDatabase(config: Config, opts: OpenOptions = {}): Promise<OpenedDatabase> {
  const log = opts.log ?? ((line: string) => console.error(line));
  let release: (() => void) | undefined;
  let handle: DbHandle;
  let describe: string;
  if (config.databaseUrl) {
    handle = connect({ databaseUrl: config.databaseUrl });
    describe = `PostgreSQL at ${new URL(config.databaseUrl).host}`;
  } else {
    release = lockDataDir(config.dataDir);
    const file = sqliteFileIn(config.dataDir);
    handle = connect({ sqliteFile: file });
    describe = `SQLite at ${file}`;
  }
  try {
    let applied: string[];
    for (let failures = 1; ; failures++) {
      try {
        applied = await migrateToLatest(handle.db);
        break;
      } catch (err) {
        if (!opts.waitForDatabase || handle.dialect !== "postgres" || classifyDatabaseError(err) !== "unreachable") throw err;
        const delay = retryDelayMs(failures);
        log(`accord: waiting for the database (${describe}: ${describeDatabaseError((err as { cause?: unknown }).cause ?? err)}); trying again in ${delay / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    return {
      ...handle,
      describe,
      applied,
      close: async () => {
        await handle.close();
        release?.();
      },
    };
  } catch (err) {
    await handle.close();
    release?.();
    throw err;
  }
}

/** Opens the configured database for one CLI command, runs it, and closes the database whatever happens. */
export async function withDatabase<T>(fn: (db: OpenedDatabase) => Promise<T>, config: Config = loadConfig()): Promise<T> {
  const db = await openDatabase(config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
