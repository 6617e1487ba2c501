// Process load test (PostgreSQL only, needs TEST_DATABASE_URL): two servers under mixed load, one SIGKILLed halfway; nothing acknowledged is lost or doubled.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { participationHash, responseNullifier } from "../../src/surveys/tokens.ts";
import { ANSWERS, call, freshDatabase, openWaves, seedPartnership, Tally, type Kind, type Outcome } from "./load-helpers.ts";
import { cleanUp, startServe, tempDir, type Server } from "./process-helpers.ts";

const adminUrl = process.env["TEST_DATABASE_URL"];
/** Length of the mixed load (the kill comes halfway); shorten it locally with ACCORD_LOAD_SECONDS. */
const SECONDS = Number(process.env["ACCORD_LOAD_SECONDS"] ?? 60);
/** Personal links in the open wave: the submitters stop early if they use them all (bounded in count too). */
const RESPONDENTS = Number(process.env["ACCORD_LOAD_LINKS"] ?? 1200);
const SUBMITTERS = 6;
const READERS = 3;
const REGISTRARS = 3;

let dropDatabase: (() => Promise<void>) | undefined;
afterAll(async () => {
  await cleanUp(); // the servers go first, so their connections are closed
  await dropDatabase?.();
});

describe.skipIf(!adminUrl)("load on two app servers sharing one PostgreSQL", () => {
  it("stores every acknowledged write exactly once, answers no 5xx, and keeps serving when one server is SIGKILLed", { timeout: (SECONDS + 300) * 1000 }, async () => {
    const setUpFrom = Date.now();
    const database = await freshDatabase(adminUrl ?? "");
    dropDatabase = database.drop;
    // TRUST_PROXY: each simulated respondent sends its own X-Forwarded-For, as behind a real proxy (the per-address submit limit stays in force).
    const settings = () => ({ DATABASE_URL: database.url, DATA_DIR: tempDir(), TRUST_PROXY: "true" });
    let serversUpSeconds = 0;
    const [servers, seed] = await Promise.all([
      Promise.all([startServe(settings()), startServe(settings())]).then((started) => ((serversUpSeconds = (Date.now() - setUpFrom) / 1000), started as Server[])),
      seedPartnership(database.url, RESPONDENTS),
    ]);
    const fx = await openWaves(servers[0]!, seed);
    expect(fx.tokens).toHaveLength(RESPONDENTS + 1); // and the convenor
    const base = `/api/v1/partnerships/${fx.partnershipId}`;

    const tally = new Tally();
    const unexpected: string[] = [];
    let killIssued = false;
    /** A client starts on server (n mod 2) and moves to the other one when a connection fails. */
    const client = (n: number) => {
      let current = n % 2;
      return async (kind: Kind, method: string, path: string, opts: Parameters<typeof call>[3] = {}): Promise<Outcome> => {
        const idx = current;
        const outcome = await call(servers[idx]!, method, path, opts);
        tally.record(kind, idx, killIssued, outcome);
        if (outcome.status === 0) current = 1 - idx;
        return outcome;
      };
    };

    const setUpSeconds = (Date.now() - setUpFrom) / 1000;
    const started = Date.now();
    const end = started + SECONDS * 1000;
    const acknowledged = new Map<string, Record<string, string>>(); // token → the headers of its acknowledged response
    const attempted = new Set<string>();
    const replays = { sameKey: 0, otherKey: 0 };
    let nextToken = 0;
    let linksUsedUpAt: number | undefined;
    const submitter = async (w: number) => {
      const send = client(w);
      while (Date.now() < end) {
        const i = nextToken++;
        if (i >= fx.tokens.length) {
          // Every link used: keep the submission route busy with same-key replays of acknowledged links.
          linksUsedUpAt ??= Date.now();
          const done = [...acknowledged];
          const [token, headers] = done[Math.floor(Math.random() * done.length)]!;
          const again = await send("resubmit", "POST", `/api/v1/respond/${token}/response`, { body: { answers: ANSWERS }, headers });
          if (again.status === 200 && again.body?.status === "already_stored") replays.sameKey++;
          else if (again.status !== 0) unexpected.push(`same-key replay ${again.status} ${JSON.stringify(again.body)}`);
          continue;
        }
        const token = fx.tokens[i]!;
        const key = `load-${i}-${token.slice(0, 8)}`;
        const headers = { "idempotency-key": key, "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
        const path = `/api/v1/respond/${token}/response`;
        attempted.add(token);
        let o: Outcome;
        // A connection failure may or may not have stored the answers: resend with the same key to the other server.
        do {
          o = await send("submit", "POST", path, { body: { answers: ANSWERS }, headers });
        } while (o.status === 0 && Date.now() < end + 30_000);
        if (o.status === 201 || (o.status === 200 && o.body?.status === "already_stored")) acknowledged.set(token, headers);
        else if (o.status !== 0) unexpected.push(`submit ${o.status} ${JSON.stringify(o.body)}`);
        if (i % 10 !== 0 || !acknowledged.has(token)) continue;
        // Re-submitting: the same key gets the stored answers back (200), another key a 409; neither stores anything.
        const same = await send("resubmit", "POST", path, { body: { answers: ANSWERS }, headers });
        if (same.status === 200 && same.body?.status === "already_stored") replays.sameKey++;
        else if (same.status !== 0) unexpected.push(`same-key replay ${same.status} ${JSON.stringify(same.body)}`);
        const other = await send("resubmit", "POST", path, { body: { answers: ANSWERS }, headers: { ...headers, "idempotency-key": `${key}-again` } });
        if (other.status === 409) replays.otherKey++;
        else if (other.status !== 0) unexpected.push(`other-key replay ${other.status} ${JSON.stringify(other.body)}`);
      }
    };

    let resultsRead = 0;
    const reader = async (w: number) => {
      const send = client(w);
      for (let n = 0; Date.now() < end; n++) {
        const breakdown = (["none", "organisation", "sector"] as const)[n % 3];
        const o = await send("results", "GET", `${base}/waves/${fx.publishedWaveId}/results?breakdown=${breakdown}`, { cookie: fx.cookie });
        if (o.status === 200) resultsRead++;
        else if (o.status !== 0) unexpected.push(`results ${o.status} ${JSON.stringify(o.body)}`);
      }
    };

    const titlesTried = new Set<string>();
    const entriesAcked = new Map<string, string>(); // title → entry id
    const registrar = async (w: number) => {
      const send = client(w);
      for (let n = 0; Date.now() < end; n++) {
        // A fresh title every time: a POST that failed at the connection level is not repeated (it may have been stored).
        const title = `load-${w}-${n}`;
        const organisationId = fx.organisationIds[n % fx.organisationIds.length]!;
        const [register, body] =
          n % 3 === 0 ? ["commitments", { title, organisationId, dueOn: "2026-09-01" }] : n % 3 === 1 ? ["decisions", { title, proposal: "Agreed under load" }] : ["offers-asks", { kind: "offer", title, organisationId }];
        titlesTried.add(title);
        const o = await send("register", "POST", `${base}/registers/${register}`, { cookie: fx.cookie, body });
        if (o.status === 201) entriesAcked.set(title, o.body.id);
        else if (o.status !== 0) unexpected.push(`register ${o.status} ${JSON.stringify(o.body)}`);
      }
    };

    // Halfway through, server 1 is SIGKILLed; its clients see connection failures and move to server 0.
    const killer = (async () => {
      await new Promise((r) => setTimeout(r, Math.max(0, started + SECONDS * 500 - Date.now())));
      killIssued = true;
      await servers[1]!.kill9();
    })();
    let w = 0;
    await Promise.all([
      ...Array.from({ length: SUBMITTERS }, () => submitter(w++)),
      ...Array.from({ length: READERS }, () => reader(w++)),
      ...Array.from({ length: REGISTRARS }, () => registrar(w++)),
    ]);
    const elapsed = (Date.now() - started) / 1000;
    await killer;
    expect((await servers[1]!.exited).signal).toBe("SIGKILL");
    expect((await call(servers[0]!, "GET", "/healthz")).status).toBe(200);

    // Straight from the database: each acknowledged write exactly once, nothing stored that was never sent.
    const pgc = new pg.Client({ connectionString: database.url });
    await pgc.connect();
    const q = async <T,>(sql: string, params: unknown[]) => (await pgc.query(sql, params)).rows as T[];
    const responses = await q<{ nullifier: string }>("select nullifier from wave_responses where wave_id = $1", [fx.openWaveId]);
    const participants = await q<{ token_hash: string; responded: number }>("select token_hash, responded from wave_participants where wave_id = $1", [fx.openWaveId]);
    const entries = await q<{ id: string; title: string }>("select id, title from register_entries where partnership_id = $1 and title like 'load-%'", [fx.partnershipId]);
    const versions = await q<{ entry_id: string; n: string }>("select entry_id, count(*) as n from register_versions where partnership_id = $1 group by entry_id", [fx.partnershipId]);
    await pgc.end();

    const byNullifier = new Map([...attempted].map((t) => [responseNullifier(t), t]));
    const storedTokens = responses.map((r) => byNullifier.get(r.nullifier));
    expect(storedTokens.filter((t) => t === undefined)).toHaveLength(0); // nothing stored that no client sent
    expect(new Set(storedTokens).size).toBe(responses.length); // one response per link
    const stored = new Set(storedTokens as string[]);
    const lostResponses = [...acknowledged.keys()].filter((t) => !stored.has(t));
    expect(lostResponses).toEqual([]);
    const respondedRows = new Map(participants.map((p) => [p.token_hash, Number(p.responded)]));
    expect([...acknowledged.keys()].filter((t) => respondedRows.get(participationHash(t)) !== 1)).toEqual([]);
    expect(participants.filter((p) => Number(p.responded) === 1)).toHaveLength(responses.length);

    const entryCount = new Map<string, number>();
    for (const e of entries) entryCount.set(e.title, (entryCount.get(e.title) ?? 0) + 1);
    expect([...entryCount].filter(([, n]) => n > 1)).toEqual([]); // no title twice
    expect(entries.filter((e) => !titlesTried.has(e.title))).toEqual([]);
    const entryIds = new Map(entries.map((e) => [e.title, e.id]));
    expect([...entriesAcked].filter(([title, id]) => entryIds.get(title) !== id)).toEqual([]); // every acknowledged entry, under its id
    const versionCount = new Map(versions.map((v) => [v.entry_id, Number(v.n)]));
    expect([...entriesAcked.values()].filter((id) => versionCount.get(id) !== 1)).toEqual([]);

    const rate = (n: number) => (n / elapsed).toFixed(1);
    const after0 = tally.get("server0:after");
    const after1 = tally.get("server1:after");
    const lines = [
      `load: set-up ${setUpSeconds.toFixed(1)} s (servers up after ${serversUpSeconds.toFixed(1)} s), then ${elapsed.toFixed(1)} s of ${SUBMITTERS} submitters, ${READERS} results readers, ${REGISTRARS} register writers over 2 servers; server 1 SIGKILLed at ${(SECONDS / 2).toFixed(0)} s`,
      `  submissions: ${acknowledged.size} acknowledged (${(acknowledged.size / (((linksUsedUpAt ?? Date.now()) - started) / 1000)).toFixed(1)}/s while links lasted), ${responses.length} stored, ${attempted.size} links used of ${fx.tokens.length}, ${attempted.size - acknowledged.size} in doubt at the end${linksUsedUpAt ? `; links all used at ${((linksUsedUpAt - started) / 1000).toFixed(1)} s (replays after that)` : ""}`,
      `  re-submissions: ${replays.sameKey} same-key replays answered 200, ${replays.otherKey} other-key attempts answered 409`,
      `  results reads: ${resultsRead} (${rate(resultsRead)}/s)`,
      `  register writes: ${entriesAcked.size} acknowledged (${rate(entriesAcked.size)}/s), ${entries.length} stored, ${titlesTried.size} sent`,
      `  5xx: ${tally.serverErrors()}; other unexpected answers: ${unexpected.length}`,
      `  after the kill: survivor ${after0.ok} ok, ${after0.clientErrors} 4xx, ${after0.serverErrors} 5xx, ${after0.connectionFailures} connection failures, ${after0.timeouts} timeouts; killed server ${after1.connectionFailures} connection failures (${[...tally.connectionErrors].map(([k, n]) => `${k} ${n}`).join(", ")})`,
      `  2xx answers per second by kind: ${(["submit", "resubmit", "results", "register"] as const).map((k) => `${k} ${rate(tally.get(k).ok)}`).join(", ")}`,
      `  statuses: ${[...tally.statuses].map(([k, n]) => `${k}: ${n}`).join(", ")}`,
    ];
    console.log(lines.join("\n"));

    expect(tally.serverErrorSamples).toEqual([]);
    expect(tally.serverErrors()).toBe(0);
    expect(unexpected.slice(0, 5)).toEqual([]);
    // The survivor kept serving after the kill: no connection refused or reset, no 5xx (slow answers are printed, not judged).
    expect(after0.ok).toBeGreaterThan(0);
    expect(after0.connectionFailures + after0.serverErrors).toBe(0);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(entriesAcked.size).toBeGreaterThan(0);
    expect(resultsRead).toBeGreaterThan(0);
  });
});
