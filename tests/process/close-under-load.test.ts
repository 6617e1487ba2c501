// Process test: waves closed one after another while 30 clients submit through distinct links to a real `accord serve` (SQLite; PostgreSQL with WORKERS=2 when TEST_DATABASE_URL is set): every 201 is stored once and flagged, nothing is accepted once a close has been answered, and each close reseals every row.
import { afterAll, describe, expect, it } from "vitest";
import { answersFor, countRows, open, participationHash, readStored, responseNullifier, seedOpenWaves, type Seeded, type Target } from "./close-load-helpers.ts";
import { call, freshDatabase, type Outcome } from "./load-helpers.ts";
import { api, cleanUp, startServe, tempDir, type Server } from "./process-helpers.ts";

const adminUrl = process.env["TEST_DATABASE_URL"];
const engine = adminUrl ? "postgres" : "sqlite";
const CLIENTS = 30;
const WAVES = 8;
/** Submissions sent between one close and the next; every wave has a link for each of PEOPLE people (and the convenor). */
const STEP = 300;
const PEOPLE = 900;

let dropDatabase: (() => Promise<void>) | undefined;
afterAll(async () => {
  await cleanUp();
  await dropDatabase?.();
});

interface Sent {
  wave: number;
  token: string;
  answers: Record<string, { value: number }>;
  sentAt: number;
  answeredAt: number;
  outcome: Outcome;
}

interface Close {
  sentAt: number;
  answeredAt: number;
  status: number;
  /** Rows in the wave just after the close was answered: nothing may be added after that. */
  rowsThen: number;
}

describe(`closing waves under submission load (${engine})`, () => {
  it("stores each acknowledged answer once and flagged, refuses everything sent after a close was answered, and reseals every row", { timeout: 180_000 }, async () => {
    let target: Target;
    let server: Server;
    let fx: Seeded;
    if (adminUrl) {
      const database = await freshDatabase(adminUrl);
      dropDatabase = database.drop;
      target = { databaseUrl: database.url };
      const [seeded, started] = await Promise.all([
        seedOpenWaves(target, { people: PEOPLE, waves: WAVES }),
        startServe({ DATABASE_URL: database.url, DATA_DIR: tempDir(), TRUST_PROXY: "true", WORKERS: "2" }),
      ]);
      server = started;
      fx = seeded;
      const deadline = Date.now() + 60_000; // the second worker starts once the first serves (slow on a busy machine)
      while (!server.output().includes("2 worker processes") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(server.output()).toContain("2 worker processes");
    } else {
      const dataDir = tempDir();
      target = { dataDir };
      fx = await seedOpenWaves(target, { people: PEOPLE, waves: WAVES });
      server = await startServe({ DATA_DIR: dataDir, TRUST_PROXY: "true" });
    }
    const base = `/api/v1/partnerships/${fx.partnershipId}`;
    const observer = open(target);

    const next = fx.waves.map(() => 0);
    const closes: Array<Close | undefined> = fx.waves.map(() => undefined);
    const sent: Sent[] = [];
    let sending = 0;
    let n = 0;
    /** A link not yet used: mostly from a wave not known to be closed, sometimes (1 in 10) from one whose close was answered. */
    const pick = (): { wave: number; token: string } | undefined => {
      const left = (w: number) => next[w]! < fx.waves[w]!.tokens.length;
      const openOnes = fx.waves.map((_, w) => w).filter((w) => closes[w] === undefined && left(w));
      const closedOnes = fx.waves.map((_, w) => w).filter((w) => closes[w] !== undefined && left(w));
      if (openOnes.length === 0) return undefined;
      const from = closedOnes.length > 0 && Math.random() < 0.1 ? closedOnes : openOnes;
      const wave = from[Math.floor(Math.random() * from.length)]!;
      return { wave, token: fx.waves[wave]!.tokens[next[wave]!++]! };
    };
    const client = async () => {
      for (let p = pick(); p; p = pick()) {
        const i = n++;
        sending++;
        const answers = answersFor(i);
        const headers = { "idempotency-key": `close-load-${i}-${p.token.slice(0, 8)}`, "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
        const sentAt = performance.now();
        const outcome = await call(server, "POST", `/api/v1/respond/${p.token}/response`, { body: { answers }, headers });
        sent.push({ ...p, answers, sentAt, answeredAt: performance.now(), outcome });
      }
    };
    const closer = async () => {
      for (let w = 0; w < WAVES; w++) {
        while (sending < (w + 1) * STEP) await new Promise((r) => setTimeout(r, 5));
        const sentAt = performance.now();
        const res = await api(server, "POST", `${base}/waves/${fx.waves[w]!.id}/close`, { cookie: fx.cookie });
        const answeredAt = performance.now();
        closes[w] = { sentAt, answeredAt, status: res.status, rowsThen: await countRows(observer, fx.waves[w]!.id) };
      }
    };
    const started = performance.now();
    await Promise.all([closer(), ...Array.from({ length: CLIENTS }, client)]);
    const seconds = (performance.now() - started) / 1000;
    await observer.close();
    await server.kill9(); // everything answered has been committed; read the database with the server gone
    const stored = await readStored(target, fx.waves.map((w) => w.id));

    const acked = sent.filter((s) => s.outcome.status === 201);
    const refused = sent.filter((s) => s.outcome.status === 409);
    const closeOf = (s: Sent) => closes[s.wave]!;
    const afterClose = sent.filter((s) => s.sentAt > closeOf(s).answeredAt);
    const overlapping = sent.filter((s) => s.sentAt < closeOf(s).answeredAt && s.answeredAt > closeOf(s).sentAt);
    const lost = acked.filter((s) => (stored.rows.get(responseNullifier(s.token)) ?? []).length === 0);
    const doubled = [...stored.rows.values()].filter((r) => r.length > 1).length;
    const altered = acked.filter((s) => {
      const rows = stored.rows.get(responseNullifier(s.token)) ?? [];
      return rows.length === 1 && JSON.stringify(JSON.parse(rows[0]!)) !== JSON.stringify(s.answers);
    });
    const refusedButStored = refused.filter((s) => stored.rows.has(responseNullifier(s.token)));
    const refusedButFlagged = refused.filter((s) => stored.flagged.has(participationHash(s.token)));
    const ackedUnflagged = acked.filter((s) => !stored.flagged.has(participationHash(s.token)));
    const rowCount = [...stored.rows.values()].reduce((a, r) => a + r.length, 0);
    console.log(
      [
        `close under load (${engine}${adminUrl ? ", WORKERS=2" : ""}): ${sent.length} submissions from ${CLIENTS} clients in ${seconds.toFixed(1)} s, ${WAVES} closes`,
        `  acknowledged 201: ${acked.length}; refused 409: ${refused.length}; other: ${sent.length - acked.length - refused.length}`,
        `  stored rows: ${rowCount}; participation flags set: ${stored.flagged.size}; lost ${lost.length}, doubled ${doubled}, altered ${altered.length}`,
        `  sent after a close was answered: ${afterClose.length} (201: ${afterClose.filter((s) => s.outcome.status === 201).length}); in flight across a close: ${overlapping.length} (201: ${overlapping.filter((s) => s.outcome.status === 201).length}, 409: ${overlapping.filter((s) => s.outcome.status === 409).length})`,
        `  per wave rows at close → at end: ${fx.waves.map((w, i) => `${closes[i]?.rowsThen}→${stored.perWave.get(w.id)?.rows}`).join(", ")}${adminUrl ? `; rows not resealed: ${[...stored.perWave.values()].reduce((a, p) => a + (p.notResealed ?? 0), 0)}` : ""}`,
      ].join("\n"),
    );

    expect(closes.map((c) => c?.status)).toEqual(fx.waves.map(() => 200));
    const others = sent.filter((s) => s.outcome.status !== 201 && s.outcome.status !== 409);
    expect(others.slice(0, 3).map((s) => `${s.outcome.status} ${s.outcome.error ?? JSON.stringify(s.outcome.body)}`)).toEqual([]);
    // A refusal says the survey closed (not "already answered" or "not valid").
    expect(refused.filter((s) => !/closed/.test(String(s.outcome.body?.detail))).slice(0, 3).map((s) => s.outcome.body)).toEqual([]);
    // Every 201 is stored exactly once, with the answers sent, and its flag is set; refusals store and flag nothing.
    expect(lost.length).toBe(0);
    expect(doubled).toBe(0);
    expect(altered.length).toBe(0);
    expect(ackedUnflagged.length).toBe(0);
    expect(refusedButStored.length).toBe(0);
    expect(refusedButFlagged.length).toBe(0);
    expect(rowCount).toBe(acked.length);
    expect(stored.flagged.size).toBe(acked.length);
    // Nothing sent after the close was answered was accepted, and nothing was added to a wave after its close.
    expect(afterClose.filter((s) => s.outcome.status === 201).length).toBe(0);
    expect(fx.waves.map((w, i) => stored.perWave.get(w.id)?.rows === closes[i]!.rowsThen)).toEqual(fx.waves.map(() => true));
    // PostgreSQL: every row was last written by its wave's close (the reseal covered it).
    if (adminUrl) expect([...stored.perWave.values()].map((p) => p.notResealed)).toEqual(fx.waves.map(() => 0));
    // The closes really happened under load: submissions overlapped them, some refused after, some accepted into every wave.
    expect(overlapping.length).toBeGreaterThan(0);
    expect(afterClose.length).toBeGreaterThan(0);
    expect(fx.waves.every((_, w) => acked.some((s) => s.wave === w))).toBe(true);
  });
});
