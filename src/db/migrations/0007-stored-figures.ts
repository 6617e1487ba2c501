/** Migration 0007: published_snapshots also keeps figures computed when a wave is published (source "publish", checked against what they depend on), beside those an import kept (source "import"). */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every existing row came from an import.
  await db.schema.alterTable("published_snapshots").addColumn("source", "text", (c) => c.notNull().defaultTo("import")).execute();
  // For "publish" rows: the SHA-256 of everything the figures depend on; null for imported rows, which never change.
  await db.schema.alterTable("published_snapshots").addColumn("depends_on", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Computed rows would otherwise read as an import's.
  await sql`delete from published_snapshots where source <> 'import'`.execute(db);
  await db.schema.alterTable("published_snapshots").dropColumn("depends_on").execute();
  await db.schema.alterTable("published_snapshots").dropColumn("source").execute();
}
