/** Migration 0002: survey waves, participation, and anonymous responses kept apart from participation. */
import { SqliteAdapter, sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema
    .createTable("waves")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("instrument_key", "text", (c) => c.notNull())
    .addColumn("instrument_version", "integer", (c) => c.notNull())
    .addColumn("opens_on", "text", (c) => c.notNull())
    .addColumn("closes_on", "text", (c) => c.notNull())
    .addColumn("k", "integer", (c) => c.notNull().check(sql`k >= 3`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft','open','closed','published')`))
    .addColumn("opened_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("published_at", "text")
    .addColumn("published_by", "text", (c) => c.references("users.id"))
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema.createIndex("waves_partnership_idx").on("waves").columns(["partnership_id", "created_at", "id"]).execute();

  await db.schema
    .createTable("wave_participants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("wave_id", "text", (c) => c.notNull().references("waves.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("responded", "integer", (c) => c.notNull().defaultTo(0).check(sql`responded in (0, 1)`))
    .addUniqueConstraint("wave_participants_one_per_person", ["wave_id", "person_id"])
    .execute();

  // WITHOUT ROWID on SQLite: rows are stored in order of their random id, so the file keeps no insertion order.
  let responses = db.schema
    .createTable("wave_responses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("wave_id", "text", (c) => c.notNull().references("waves.id"))
    .addColumn("nullifier", "text", (c) => c.notNull().unique())
    .addColumn("idempotency_hash", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text")
    .addColumn("sector", "text")
    .addColumn("answers", "text", (c) => c.notNull());
  if (sqlite) responses = responses.modifyEnd(sql`without rowid`);
  await responses.execute();
  await db.schema.createIndex("wave_responses_wave_idx").on("wave_responses").column("wave_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["wave_responses", "wave_participants", "waves"]) await db.schema.dropTable(t).execute();
}
