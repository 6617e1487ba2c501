/** Migration 0009: accounts exist only once an address is proven (or vouched for), people carry the name and email their adder typed, invitations say how they were delivered, password resets, programme lead invitations, token expiry. */
import { SqliteAdapter, sql, type Kysely } from "kysely";

const sqlRef = (column: string) => sql.ref(column);

const isSqlite = (db: Kysely<unknown>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * SQLite cannot drop NOT NULL from a column, so `people` is rebuilt the documented way (foreign keys off, copy,
 * drop, rename, check). Migrations on SQLite run outside a transaction, so the pragma can be switched here.
 */
async function rebuildPeopleOnSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    await sql`create table people_new (
      id text primary key,
      partnership_id text not null references partnerships(id),
      user_id text references users(id),
      organisation_id text references organisations(id),
      role text not null check (role in ('convenor','member','viewer')),
      job_title text,
      created_by text not null references users(id),
      created_at text not null,
      updated_at text not null,
      deleted_at text,
      name text not null,
      email text not null,
      joined_at text
    )`.execute(db);
    await sql`insert into people_new (id, partnership_id, user_id, organisation_id, role, job_title, created_by, created_at, updated_at, deleted_at, name, email, joined_at)
      select p.id, p.partnership_id, p.user_id, p.organisation_id, p.role, p.job_title, p.created_by, p.created_at, p.updated_at, p.deleted_at, u.name, u.email, p.created_at
      from people p join users u on u.id = p.user_id`.execute(db);
    await sql`drop table people`.execute(db);
    await sql`alter table people_new rename to people`.execute(db);
    const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error(`foreign keys broken after rebuilding people: ${JSON.stringify(broken.rows.slice(0, 5))}`);
    await sql`commit`.execute(db);
  } catch (err) {
    await sql`rollback`.execute(db).catch(() => undefined);
    throw err;
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);

  // Accounts: when the address was proven (by mail, or vouched for by the operator), and for an account whose
  // first password came through a link a convenor or lead held, which partnership or programme that was.
  await db.schema.alterTable("users").addColumn("email_proven_at", "text").execute();
  await db.schema.alterTable("users").addColumn("unproven_scope", "text").execute();
  // Accounts set up by the operator (first run, CLI) are vouched for; accounts that joined through an invitation
  // before this migration cannot be told apart from planted ones, so they are unproven, scoped to where they joined.
  await sql`update users set email_proven_at = created_at
    where password_hash is not null and not exists (select 1 from audit_log a where a.actor_user_id = users.id and a.action = 'person.joined')`.execute(db);
  await sql`update users set unproven_scope = 'partnership:' || (
      select a.partnership_id from audit_log a where a.actor_user_id = users.id and a.action = 'person.joined' order by a.at, a.id limit 1)
    where email_proven_at is null and password_hash is not null`.execute(db);

  // People: the name and email their adder typed, when they joined; the account only once they have.
  if (sqlite) {
    await rebuildPeopleOnSqlite(db);
  } else {
    await db.schema.alterTable("people").addColumn("name", "text").execute();
    await db.schema.alterTable("people").addColumn("email", "text").execute();
    await db.schema.alterTable("people").addColumn("joined_at", "text").execute();
    await sql`update people set name = u.name, email = u.email, joined_at = people.created_at from users u where u.id = people.user_id`.execute(db);
    await sql`alter table people alter column name set not null`.execute(db);
    await sql`alter table people alter column email set not null`.execute(db);
    await sql`alter table people alter column user_id drop not null`.execute(db);
    await db.schema.dropIndex("people_partnership_idx").execute();
    await db.schema.dropIndex("people_user_idx").execute();
    await db.schema.dropIndex("people_one_live_membership").execute();
  }
  await db.schema.createIndex("people_partnership_idx").on("people").columns(["partnership_id", "created_at", "id"]).execute();
  await db.schema.createIndex("people_user_idx").on("people").column("user_id").execute();
  await db.schema.createIndex("people_one_live_membership").on("people").columns(["partnership_id", "user_id"]).unique().where(sqlRef("deleted_at"), "is", null).execute();
  await db.schema.createIndex("people_one_live_email").on("people").columns(["partnership_id", "email"]).unique().where(sqlRef("deleted_at"), "is", null).execute();

  // Invitations: the address they were made for, and whether the link went by mail only or was handed to the convenor.
  await db.schema.alterTable("invitations").addColumn("email", "text").execute();
  await db.schema.alterTable("invitations").addColumn("delivery", "text", (c) => c.notNull().defaultTo("held")).execute();
  await sql`update invitations set email = (select people.email from people where people.id = invitations.person_id)`.execute(db);

  await db.schema
    .createTable("password_resets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("password_resets_user_idx").on("password_resets").column("user_id").execute();

  await db.schema
    .createTable("programme_lead_invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("delivery", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("programme_lead_invitations_programme_idx").on("programme_lead_invitations").columns(["programme_id", "created_at"]).execute();

  await db.schema.alterTable("api_tokens").addColumn("expires_at", "text").execute();

  // Browsers that have signed in to an account before: they keep their own lane when someone else is guessing its password.
  await db.schema
    .createTable("known_devices")
    .addColumn("device_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("known_devices_user_idx").on("known_devices").column("user_id").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migration 0009 cannot be undone: accounts proven since then would lose their proof. Restore a backup instead.");
}
