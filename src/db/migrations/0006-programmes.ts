/** Migration 0006: programmes (groups of partnerships), their leads, the partnerships sharing with them, and per-wave published summaries. */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("programmes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    // Only the SHA-256 of the join code is kept, like API tokens; a new code replaces it.
    .addColumn("join_code_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .execute();

  await db.schema
    .createTable("programme_leads")
    .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("programme_leads_pk", ["programme_id", "user_id"])
    .execute();
  await db.schema.createIndex("programme_leads_by_user").on("programme_leads").columns(["user_id", "programme_id"]).execute();

  // One row per programme × partnership: sharing again after withdrawing reopens the same row.
  await db.schema
    .createTable("programme_partnerships")
    .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id"))
    .addColumn("shared_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("shared_at", "text", (c) => c.notNull())
    .addColumn("withdrawn_at", "text")
    .addPrimaryKeyConstraint("programme_partnerships_pk", ["programme_id", "partnership_id"])
    .execute();
  await db.schema.createIndex("programme_partnerships_by_partnership").on("programme_partnerships").columns(["partnership_id", "programme_id"]).execute();

  // What a published wave released at the partnership level, kept so a roll-up over many partnerships reads one small row per wave.
  await db.schema
    .createTable("wave_summaries")
    .addColumn("wave_id", "text", (c) => c.primaryKey().references("waves.id"))
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("k", "integer", (c) => c.notNull())
    .addColumn("invited", "integer")
    .addColumn("respondents", "integer")
    .addColumn("overall", "text")
    .addColumn("baseline", "text")
    .addColumn("change", "text")
    .execute();
  await db.schema.createIndex("wave_summaries_by_partnership").on("wave_summaries").columns(["partnership_id", "published_at", "wave_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("wave_summaries").execute();
  await db.schema.dropTable("programme_partnerships").execute();
  await db.schema.dropTable("programme_leads").execute();
  await db.schema.dropTable("programmes").execute();
}
