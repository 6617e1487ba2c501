/** Runs the one set of migrations (SQLite and PostgreSQL alike) to the latest version. */
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import type { Db } from "./database.ts";
import * as m0001 from "./migrations/0001-foundation.ts";
import * as m0002 from "./migrations/0002-surveys.ts";
import * as m0003 from "./migrations/0003-registers.ts";
import * as m0004 from "./migrations/0004-network.ts";
import * as m0005 from "./migrations/0005-health.ts";
import * as m0006 from "./migrations/0006-programmes.ts";
import * as m0007 from "./migrations/0007-stored-figures.ts";
import * as m0008 from "./migrations/0008-rollup-reads.ts";
import * as m0009 from "./migrations/0009-account-proof.ts";

/** Listed here, in order, so migrations work the same from source, tests and the CLI. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-foundation": m0001,
  "0002-surveys": m0002,
  "0003-registers": m0003,
  "0004-network": m0004,
  "0005-health": m0005,
  "0006-programmes": m0006,
  "0007-stored-figures": m0007,
  "0008-rollup-reads": m0008,
  "0009-account-proof": m0009,
};

/** The newest migration this code knows (readiness waits until the database has it). */
export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? "";

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** `schema` names the PostgreSQL schema holding the migration tables (tests use one schema each). */
export async function migrateToLatest(db: Db, opts: { schema?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(),
    ...(opts.schema ? { migrationTableSchema: opts.schema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const where = failed ? ` in ${failed.migrationName}` : "";
    throw new Error(`Migration failed${where}: ${String((result.error as Error).message ?? result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
