/** Migration 0008: what the programme roll-up reads, kept where an index can serve it — each summary's wave name and the status of its two figures, and an index of live published waves. */
import { sql, type Kysely } from "kysely";

/**
 * The status of a stored figure, from its JSON text: the summaries are written by JSON.stringify with `status`
 * first. Anything else counts as suppressed, as the roll-up reads it; what matters is that a figure is there.
 */
const statusOf = (column: string) =>
  sql.raw(`case when ${column} is null then null when ${column} like '{"status":"released"%' then 'released' when ${column} like '{"status":"coarse"%' then 'coarse' else 'suppressed' end`);

export async function up(db: Kysely<unknown>): Promise<void> {
  // The published waves of a partnership, without reading the wave rows (a published wave's status never changes again).
  await db.schema
    .createIndex("waves_published_by_partnership")
    .on("waves")
    .columns(["partnership_id", "id"])
    .where(sql.ref("status"), "=", "published")
    .where(sql.ref("deleted_at"), "is", null)
    .execute();

  // A wave's name is fixed once it opens, so its summary keeps it; the figures' statuses say which figures a summary holds.
  await db.schema.alterTable("wave_summaries").addColumn("wave_name", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("wave_summaries").addColumn("overall_status", "text").execute();
  await db.schema.alterTable("wave_summaries").addColumn("baseline_status", "text").execute();
  await sql`update wave_summaries set wave_name = (select waves.name from waves where waves.id = wave_summaries.wave_id), overall_status = ${statusOf("overall")}, baseline_status = ${statusOf("baseline")}`.execute(db);

  // Joining a partnership's published waves to their summaries reads this index alone (the roll-up's per-wave work).
  await db.schema.createIndex("wave_summaries_by_wave").on("wave_summaries").columns(["partnership_id", "wave_id", "published_at", "overall_status", "baseline_status"]).execute();
  // Statistics for the new indexes (SQLite otherwise keeps choosing by older ones); two small tables, so quick.
  await sql`analyze waves`.execute(db);
  await sql`analyze wave_summaries`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("wave_summaries_by_wave").execute();
  await db.schema.alterTable("wave_summaries").dropColumn("baseline_status").execute();
  await db.schema.alterTable("wave_summaries").dropColumn("overall_status").execute();
  await db.schema.alterTable("wave_summaries").dropColumn("wave_name").execute();
  await db.schema.dropIndex("waves_published_by_partnership").execute();
}
