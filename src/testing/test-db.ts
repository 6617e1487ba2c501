/** Test databases: in-memory SQLite by default; a fresh PostgreSQL schema per test file when TEST_DATABASE_URL is set. */
import pg from "pg";
import { connect, type DbHandle } from "../db/connect.ts";
import { newSecret } from "../db/ids.ts";
import { migrateToLatest } from "../db/migrate.ts";

export const testDialect: "sqlite" | "postgres" = process.env["TEST_DATABASE_URL"] ? "postgres" : "sqlite";

export async function createTestDb(): Promise<DbHandle> {
  const url = process.env["TEST_DATABASE_URL"];
  if (!url) {
    const handle = connect({ sqliteFile: ":memory:" });
    await migrateToLatest(handle.db);
    return handle;
  }
  const schema = `t_${newSecret(16).toLowerCase().replace(/[^a-z0-9]/g, "")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = connect({ databaseUrl: url, pgSchema: schema });
  // Kysely's migrator first lists the tables of every schema; another test file dropping its own schema during that listing
  // fails it with `schema "t_…" does not exist` (naming theirs, not ours). Nothing was migrated yet then, so try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(handle.db, { schema });
      break;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (attempt >= 5 || message.includes(schema) || !/schema "t_[a-z0-9]+" does not exist/.test(message)) throw err;
    }
  }
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
