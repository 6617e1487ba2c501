/** Migration 0005: pressure events on the partnership timeline, and published aggregates kept when a partnership is imported. */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Winter pressures, funding cuts, restructures: recorded by convenors so early-warning flags can be read against them.
  await db.schema
    .createTable("pressure_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema.createIndex("pressure_events_by_partnership").on("pressure_events").columns(["partnership_id", "starts_on"]).execute();

  // A partnership restored by `accord import` has no row-level answers: its published figures are kept as they were released.
  await db.schema
    .createTable("published_snapshots")
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id"))
    .addColumn("wave_id", "text", (c) => c.notNull().references("waves.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("published_snapshots_pk", ["partnership_id", "wave_id", "kind"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("published_snapshots").execute();
  await db.schema.dropTable("pressure_events").execute();
}
