// Helpers for load runs over many open waves (the close-under-load test, bench/chaos.ts): seeding straight on the database, varied answers, and reading back what was stored.
import { sql } from "kysely";
import type { Actor } from "../../src/accounts/actor.ts";
import { SESSION_COOKIE } from "../../src/accounts/sessions.ts";
import { setUpInstance } from "../../src/accounts/set-up-instance.ts";
import { connect, sqliteFileIn, type DbHandle } from "../../src/db/connect.ts";
import { newId, nowIso } from "../../src/db/ids.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { noMailer } from "../../src/mail/mailer.ts";
import { createPartnership } from "../../src/partnerships/partnership-use-cases.ts";
import { SECTORS } from "../../src/partnerships/sectors.ts";
import { instrumentItems, latestInstrument } from "../../src/surveys/instruments/registry.ts";
import { issueLinks } from "../../src/surveys/issue-links.ts";
import { participationHash, responseNullifier } from "../../src/surveys/tokens.ts";
import { createWave, transitionWave } from "../../src/surveys/wave-use-cases.ts";

/** Where the database is: a PostgreSQL URL, or the SQLite file in a data folder. */
export type Target = { databaseUrl: string } | { dataDir: string };

export function open(target: Target): DbHandle {
  return "databaseUrl" in target ? connect({ databaseUrl: target.databaseUrl }) : connect({ sqliteFile: sqliteFileIn(target.dataDir) });
}

const PULSE_KEYS = instrumentItems(latestInstrument("pulse")).map((i) => i.key);

/** Pulse answers that differ from one submission to the next (so a response stored under the wrong link would show). */
export function answersFor(n: number): Record<string, { value: number }> {
  return Object.fromEntries(PULSE_KEYS.map((key, i) => [key, { value: ((n * 7 + i * 3) % 5) + 1 }]));
}

export interface OpenWave {
  id: string;
  /** One personal link token for every person in the partnership. */
  tokens: string[];
}

export interface Seeded {
  /** The convenor's session, as a Cookie header value. */
  cookie: string;
  partnershipId: string;
  waves: OpenWave[];
}

/**
 * Migrates the empty database and fills it through the use cases: the first account (with a session), one partnership
 * of `people` members over six organisations (inserted in batches), and `waves` open pulse waves with a link for everyone.
 * Run it before a SQLite server starts (the server holds the data folder) or while a PostgreSQL one starts.
 */
export async function seedOpenWaves(target: Target, opts: { people: number; waves: number }): Promise<Seeded> {
  const handle = open(target);
  try {
    const db = handle.db;
    await migrateToLatest(db);
    const { user, session } = await setUpInstance(db, { name: "Cora Convenor", email: "cora@example.org", password: "a long enough password" });
    const actor: Actor = { userId: user.id, name: user.name, email: user.email, via: "session" };
    const p = await createPartnership(db, actor, { name: "Load partnership", purpose: "Closing waves under load" });
    const now = nowIso();
    const orgs = SECTORS.slice(0, 6).map((sector, i) => ({ id: newId(), partnership_id: p.id, name: `Organisation ${i + 1}`, sector, created_by: user.id, created_at: now, updated_at: now, deleted_at: null }));
    await db.insertInto("organisations").values(orgs).execute();
    for (let start = 0; start < opts.people; start += 500) {
      const n = Math.min(500, opts.people - start);
      const users = Array.from({ length: n }, (_, i) => ({ id: newId(), email: `person${start + i}@load.example`, name: `Person ${String(start + i).padStart(6, "0")}`, password_hash: null, disabled_at: null, created_at: now, updated_at: now }));
      await db.insertInto("users").values(users).execute();
      await db
        .insertInto("people")
        .values(users.map((u, i) => ({ id: newId(), partnership_id: p.id, user_id: u.id, name: u.name, email: u.email, joined_at: now, organisation_id: orgs[(start + i) % orgs.length]!.id, role: "member" as const, job_title: null, created_by: user.id, created_at: now, updated_at: now, deleted_at: null })))
        .execute();
    }
    const today = now.slice(0, 10);
    const later = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const waves: OpenWave[] = [];
    for (let w = 0; w < opts.waves; w++) {
      const wave = await createWave(db, actor, p.id, { name: `Pulse ${w + 1}`, instrumentKey: "pulse", opensOn: today, closesOn: later, k: 5 });
      await transitionWave(db, actor, p.id, wave.id, "open");
      const { links } = await issueLinks(db, noMailer, actor, p.id, wave.id, undefined, "http://load");
      waves.push({ id: wave.id, tokens: links.map((l) => l.url.slice("http://load/respond/".length)) });
    }
    return { cookie: `${SESSION_COOKIE}=${session.secret}`, partnershipId: p.id, waves };
  } finally {
    await handle.close();
  }
}

export interface StoredState {
  /** nullifier → the stored answers (JSON text), one entry per row (a nullifier twice shows as a longer list). */
  rows: Map<string, string[]>;
  /** Participation hashes whose `responded` flag is set. */
  flagged: Set<string>;
  /** Per wave: rows stored, and (PostgreSQL) how many rows were last written by a transaction other than the one that last wrote the wave row. */
  perWave: Map<string, { rows: number; notResealed: number | null }>;
}

/** Everything stored for the given waves, read straight from the database. */
export async function readStored(target: Target, waveIds: string[]): Promise<StoredState> {
  const handle = open(target);
  try {
    const db = handle.db;
    const responses = await db.selectFrom("wave_responses").select(["wave_id", "nullifier", "answers"]).where("wave_id", "in", waveIds).execute();
    const rows = new Map<string, string[]>();
    for (const r of responses) rows.set(r.nullifier, [...(rows.get(r.nullifier) ?? []), r.answers]);
    const flaggedRows = await db.selectFrom("wave_participants").select("token_hash").where("wave_id", "in", waveIds).where("responded", "=", 1).execute();
    const perWave = new Map<string, { rows: number; notResealed: number | null }>();
    for (const id of waveIds) {
      const n = responses.filter((r) => r.wave_id === id).length;
      let notResealed: number | null = null;
      if (handle.dialect === "postgres") {
        // The close updates the wave row and rewrites its responses in one transaction: after it, every response's
        // xmin is the wave row's. A response stored by a transaction that committed after the close's read differs.
        const r = await sql<{ n: string }>`select count(*) as n from wave_responses r, waves w where w.id = ${id} and r.wave_id = w.id and r.xmin::text <> w.xmin::text`.execute(db);
        notResealed = Number(r.rows[0]?.n ?? 0);
      }
      perWave.set(id, { rows: n, notResealed });
    }
    return { rows, flagged: new Set(flaggedRows.map((r) => r.token_hash)), perWave };
  } finally {
    await handle.close();
  }
}

/** Rows stored in one wave right now. */
export async function countRows(handle: DbHandle, waveId: string): Promise<number> {
  const r = await handle.db.selectFrom("wave_responses").select((eb) => eb.fn.countAll<string | number>().as("n")).where("wave_id", "=", waveId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export { participationHash, responseNullifier };
