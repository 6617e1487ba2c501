// Helpers for the load test: a fresh PostgreSQL database, the partnership it loads, a fail-over client and per-kind tallies.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Actor } from "../../src/accounts/actor.ts";
import { SESSION_COOKIE } from "../../src/accounts/sessions.ts";
import { setUpInstance } from "../../src/accounts/set-up-instance.ts";
import { connect } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { addOrganisation } from "../../src/partnerships/organisation-use-cases.ts";
import { createPartnership } from "../../src/partnerships/partnership-use-cases.ts";
import { addPerson } from "../../src/partnerships/people-use-cases.ts";
import { instrumentItems, latestInstrument } from "../../src/surveys/instruments/registry.ts";
import { api, type Server } from "./process-helpers.ts";

export const ANSWERS = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i, n) => [i.key, { value: (n % 5) + 1 }]));

/** Creates an empty database next to TEST_DATABASE_URL's; `drop` removes it (after the servers are gone). */
export async function freshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `accord_load_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export interface Fixture extends Seed {
  /** A published wave whose results the readers fetch. */
  publishedWaveId: string;
  /** The open wave the submitters answer, and one personal-link token per respondent. */
  openWaveId: string;
  tokens: string[];
}

async function ok(res: Promise<Awaited<ReturnType<typeof api>>>, want: number) {
  const r = await res;
  if (r.status !== want) throw new Error(`Set-up call answered ${r.status}, expected ${want}: ${r.text}`);
  return r.body;
}

export interface Seed {
  cookie: string;
  partnershipId: string;
  organisationIds: string[];
}

/**
 * Migrates the empty database and seeds it through the use cases, straight on the database (set-up,
 * partnership, organisations, and the respondents, several at a time): thousands of HTTP calls would
 * eat most of the time budget, and this runs while the servers start.
 */
export async function seedPartnership(databaseUrl: string, respondents: number): Promise<Seed> {
  const handle = connect({ databaseUrl });
  try {
    await migrateToLatest(handle.db); // the servers starting meanwhile wait on the migration lock, then find it done
    const { user, session } = await setUpInstance(handle.db, { name: "Ada Convenor", email: "ada@example.org", password: "a long enough password" });
    const actor: Actor = { userId: user.id, name: user.name, email: user.email, via: "session" };
    const p = await createPartnership(handle.db, actor, { name: "Load partnership", purpose: "Load test" });
    const sectors = ["nhs_trust", "local_authority", "voluntary_community", "primary_care"] as const;
    const organisationIds: string[] = [];
    for (const [i, sector] of sectors.entries()) organisationIds.push((await addOrganisation(handle.db, actor, p.id, { name: `Org ${i}`, sector })).id);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < respondents; i = next++) {
        await addPerson(handle.db, actor, p.id, { name: `Respondent ${i}`, email: `r${i}@load.example.org`, organisationId: organisationIds[i % organisationIds.length]!, role: "member" });
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return { cookie: `${SESSION_COOKIE}=${session.secret}`, partnershipId: p.id, organisationIds };
  } finally {
    await handle.close();
  }
}

/** Through the API: a published wave (24 answers, closed, published) and an open wave with a personal link for everyone. */
export async function openWaves(server: Server, seed: Seed): Promise<Fixture> {
  const { cookie } = seed;
  const base = `/api/v1/partnerships/${seed.partnershipId}`;
  // A published wave: 24 people answer, then it is closed and published.
  const wave = (name: string) => ok(api(server, "POST", `${base}/waves`, { cookie, body: { name, instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" } }), 201);
  const people = (await ok(api(server, "GET", `${base}/people?limit=100`, { cookie }), 200)).items as Array<{ id: string; role: string }>;
  const published = await wave("Published pulse");
  await ok(api(server, "POST", `${base}/waves/${published.id}/open`, { cookie }), 200);
  const chosen = people.filter((x) => x.role === "member").slice(0, 24).map((x) => x.id);
  const early = (await ok(api(server, "POST", `${base}/waves/${published.id}/links`, { cookie, body: { personIds: chosen } }), 201)).links as Array<{ url: string }>;
  for (const [i, link] of early.entries()) {
    const token = link.url.split("/respond/")[1]!;
    await ok(api(server, "POST", `/api/v1/respond/${token}/response`, { body: { answers: ANSWERS }, headers: { "idempotency-key": `published-${i}-key`, "x-forwarded-for": `10.200.0.${i}` } }), 201);
  }
  await ok(api(server, "POST", `${base}/waves/${published.id}/close`, { cookie }), 200);
  await ok(api(server, "POST", `${base}/waves/${published.id}/publish`, { cookie }), 200);

  // The open wave under load: a personal link for everyone.
  const open = await wave("Open pulse");
  await ok(api(server, "POST", `${base}/waves/${open.id}/open`, { cookie }), 200);
  const links = await call(server, "POST", `${base}/waves/${open.id}/links`, { cookie, body: {}, timeoutMs: 120_000 });
  if (links.status !== 201) throw new Error(`links: ${links.status} ${JSON.stringify(links.body)}`);
  const tokens = (links.body.links as Array<{ url: string }>).map((l) => l.url.split("/respond/")[1]!);
  return { ...seed, publishedWaveId: published.id, openWaveId: open.id, tokens };
}

/** What one request came to: an HTTP status, or 0 when it failed at the connection level (refused, reset, timed out). */
export interface Outcome {
  status: number;
  body: any;
  error?: string;
}

/** One request with a generous timeout; connection failures are returned, not thrown. */
export async function call(server: Server, method: string, path: string, opts: { body?: unknown; cookie?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Outcome> {
  const headers: Record<string, string> = { origin: server.url, accept: "application/json", ...opts.headers };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (opts.cookie) headers["cookie"] = opts.cookie;
  try {
    const res = await fetch(`${server.url}${path}`, { method, headers, signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000), ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: res.status, body };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { status: 0, body: undefined, error: cause ?? (err as Error).name };
  }
}

export type Kind = "submit" | "resubmit" | "results" | "register";

interface Count {
  ok: number;
  clientErrors: number;
  serverErrors: number;
  /** Refused or reset: the process is gone. */
  connectionFailures: number;
  /** No answer within the client's 30 s (counted apart: a busy CI machine is not a dead server). */
  timeouts: number;
}

/** Counts answers by kind, by server and by phase (before / after the kill). */
export class Tally {
  readonly counts = new Map<string, Count>();
  readonly statuses = new Map<string, number>();
  readonly serverErrorSamples: string[] = [];
  readonly connectionErrors = new Map<string, number>();

  record(kind: Kind, server: number, afterKill: boolean, outcome: Outcome): void {
    for (const key of [`${kind}`, `server${server}:${afterKill ? "after" : "before"}`, `${kind}:server${server}:${afterKill ? "after" : "before"}`]) {
      const c = this.counts.get(key) ?? { ok: 0, clientErrors: 0, serverErrors: 0, connectionFailures: 0, timeouts: 0 };
      if (outcome.status === 0 && outcome.error === "TimeoutError") c.timeouts++;
      else if (outcome.status === 0) c.connectionFailures++;
      else if (outcome.status >= 500) c.serverErrors++;
      else if (outcome.status >= 400) c.clientErrors++;
      else c.ok++;
      this.counts.set(key, c);
    }
    const s = `${kind} ${outcome.status}`;
    this.statuses.set(s, (this.statuses.get(s) ?? 0) + 1);
    if (outcome.status >= 500 && this.serverErrorSamples.length < 5) this.serverErrorSamples.push(`${kind} on server ${server}: ${outcome.status} ${JSON.stringify(outcome.body)}`);
    if (outcome.status === 0) this.connectionErrors.set(outcome.error ?? "?", (this.connectionErrors.get(outcome.error ?? "?") ?? 0) + 1);
  }

  get(key: string): Count {
    return this.counts.get(key) ?? { ok: 0, clientErrors: 0, serverErrors: 0, connectionFailures: 0, timeouts: 0 };
  }

  /** Every 5xx seen, whatever the kind or server. */
  serverErrors(): number {
    return (["submit", "resubmit", "results", "register"] as const).reduce((n, k) => n + this.get(k).serverErrors, 0);
  }
}
