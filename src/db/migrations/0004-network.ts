/** Migration 0004: organisation-to-organisation ratings — a wave's network mode, nominees, and where ratings are kept. */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("waves")
    .addColumn("network_mode", "text", (c) => c.notNull().defaultTo("none").check(sql`network_mode in ('none','organisational','personal')`))
    .execute();
  // Personal mode: a respondent's ratings travel with their anonymous response (same row, same protections).
  await db.schema.alterTable("wave_responses").addColumn("ratings", "text").execute();

  // Organisational mode: one nominated person answers for each organisation; ratings are attributed.
  await db.schema
    .createTable("wave_nominees")
    .addColumn("wave_id", "text", (c) => c.notNull().references("waves.id"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addPrimaryKeyConstraint("wave_nominees_pk", ["wave_id", "organisation_id"])
    .execute();
  await db.schema
    .createTable("wave_org_ratings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("wave_id", "text", (c) => c.notNull().references("waves.id"))
    .addColumn("rater_organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("rated_organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("competence", "integer")
    .addColumn("benevolence", "integer")
    .addColumn("integrity", "integer")
    .addColumn("no_tie", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addUniqueConstraint("wave_org_ratings_one_per_pair", ["wave_id", "rater_organisation_id", "rated_organisation_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["wave_org_ratings", "wave_nominees"]) await db.schema.dropTable(t).execute();
  await db.schema.alterTable("wave_responses").dropColumn("ratings").execute();
  await db.schema.alterTable("waves").dropColumn("network_mode").execute();
}
