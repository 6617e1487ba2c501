// Helpers for the load test: a fresh PostgreSQL database, the partnership it loads, a fail-over client and per-kind tallies.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Actor } from "../../src/accounts/actor.ts";
import { connect } from "../../src/db/connect.ts";
import { addPerson } from "../../src/partnerships/people-use-cases.ts";
import { instrumentItems, latestInstrument } from "../../src/surveys/instruments/registry.ts";
import { api, sessionCookie, type Server } from "./process-helpers.ts";

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

export interface Fixture {
  cookie: string;
  partnershipId: string;
  organisationIds: string[];
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

/**
 * Builds the partnership through the API (setup, partnership, organisations, waves, links, answers,
 * publish); the respondents are added with the addPerson use case straight on the database, several
 * at a time, since thousands of HTTP calls would eat most of the time budget.
 */
export async function buildFixture(server: Server, databaseUrl: string, respondents: number): Promise<Fixture> {
  const setup = await api(server, "POST", "/api/v1/setup", { body: { name: "Ada Convenor", email: "ada@example.org", password: "a long enough password" } });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${setup.text}`);
  const cookie = sessionCookie(setup);
  const me = await ok(api(server, "GET", "/api/v1/me", { cookie }), 200);
  const p = await ok(api(server, "POST", "/api/v1/partnerships", { cookie, body: { name: "Load partnership", purpose: "Load test" } }), 201);
  const base = `/api/v1/partnerships/${p.id}`;
  const sectors = ["nhs_trust", "local_authority", "voluntary_community", "primary_care"];
  const organisationIds: string[] = [];
  for (const [i, sector] of sectors.entries()) organisationIds.push((await ok(api(server, "POST", `${base}/organisations`, { cookie, body: { name: `Org ${i}`, sector } }), 201)).id);

  const handle = connect({ databaseUrl });
  try {
    const actor: Actor = { userId: me.id, name: me.name, email: me.email, via: "session" };
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < respondents; i = next++) {
        await addPerson(handle.db, actor, p.id, { name: `Respondent ${i}`, email: `r${i}@load.example.org`, organisationId: organisationIds[i % organisationIds.length]!, role: "member" });
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  } finally {
    await handle.close();
  }

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
  return { cookie, partnershipId: p.id, organisationIds, publishedWaveId: published.id, openWaveId: open.id, tokens };
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
