/** Migration 0003: the practice registers (one entries table for all twelve) and their version history. */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("register_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id"))
    .addColumn("register", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.references("organisations.id"))
    .addColumn("organisation_ids", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text")
    .addColumn("due_key", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .addColumn("deleted_by", "text", (c) => c.references("users.id"))
    .execute();
  // The partnership leads every index: every query is scoped to one partnership.
  await db.schema.createIndex("register_entries_list_idx").on("register_entries").columns(["partnership_id", "register", "created_at", "id"]).execute();
  await db.schema.createIndex("register_entries_due_idx").on("register_entries").columns(["partnership_id", "due_key"]).execute();

  await db.schema
    .createTable("register_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("entry_id", "text", (c) => c.notNull().references("register_entries.id"))
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id"))
    .addColumn("register", "text", (c) => c.notNull())
    .addColumn("organisation_ids", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("changed_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addUniqueConstraint("register_versions_entry_version", ["entry_id", "version"])
    .execute();
  await db.schema.createIndex("register_versions_timeline_idx").on("register_versions").columns(["partnership_id", "changed_at", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["register_versions", "register_entries"]) await db.schema.dropTable(t).execute();
}
