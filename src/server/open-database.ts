/** Opens and migrates the configured database; for SQLite, first takes the data-folder lock. */
import { type Config, loadConfig } from "../config/config.ts";
import { connect, sqliteFileIn, type DbHandle } from "../db/connect.ts";
import { lockDataDir } from "../db/lock.ts";
import { migrateToLatest } from "../db/migrate.ts";

export interface OpenedDatabase extends DbHandle {
  describe: string;
  applied: string[];
}

export async function openDatabase(config: Config): Promise<OpenedDatabase> {
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
    const applied = await migrateToLatest(handle.db);
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
