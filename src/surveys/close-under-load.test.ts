// Closing a wave while answers arrive: every 201 is a stored response and a set participation flag (the close's reseal
// keeps it), and nothing is accepted once the close has been answered. Run on SQLite and on PostgreSQL.
import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { isSqlite } from "../db/database.ts";
import { instrumentItems, latestInstrument } from "./instruments/registry.ts";
import { storeGroup, storeGroupInOneStatement } from "./store-responses.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const PULSE = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i) => [i.key, { value: 3 }]));

async function openWaveWithLinks(people: number) {
  const convenor = await ctx.user("Cora");
  const p = (await convenor.client.post("/api/v1/partnerships", { name: "Load partnership", purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  for (let i = 0; i < people; i++) expect((await convenor.client.post(`${base}/people`, { name: `Person ${i}`, email: `p${i}@example.org`, role: "member" })).status).toBe(201);
  const wave = (await convenor.client.post(`${base}/waves`, { name: "Pulse", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" })).body;
  const waveBase = `${base}/waves/${wave.id}`;
  expect((await convenor.client.post(`${waveBase}/open`)).status).toBe(200);
  const issued = await convenor.client.post(`${waveBase}/links`, {});
  const tokens = (issued.body.links as Array<{ url: string }>).map((l) => l.url.split("/respond/")[1]!);
  expect(tokens).toHaveLength(people + 1); // the convenor is one of the people too
  return { convenor: convenor.client, waveId: wave.id as string, waveBase, tokens };
}

it("keeps every acknowledged answer and accepts none after the close is answered, over several rounds", { timeout: 120_000 }, async () => {
  for (let round = 0; round < 3; round++) {
    const { convenor, waveId, waveBase, tokens } = await openWaveWithLinks(40);
    let closedAt = Number.POSITIVE_INFINITY;
    const results: Array<{ status: number; startedAt: number }> = [];
    const submit = async (token: string, i: number) => {
      // Spread the submissions so some are in flight when the close runs.
      await new Promise((r) => setTimeout(r, (i % 10) * 3));
      const startedAt = performance.now();
      const res = await ctx.anonymous().request("POST", `/api/v1/respond/${token}/response`, { answers: PULSE }, { "idempotency-key": `key-${round}-${i}-abcdef` });
      results.push({ status: res.status, startedAt });
    };
    const close = (async () => {
      await new Promise((r) => setTimeout(r, 10 + round * 5));
      const res = await convenor.post(`${waveBase}/close`);
      expect(res.status).toBe(200);
      closedAt = performance.now();
    })();
    await Promise.all([...tokens.map(submit), close]);

    const accepted = results.filter((r) => r.status === 201).length;
    expect(results.every((r) => r.status === 201 || r.status === 409), JSON.stringify(results.map((r) => r.status))).toBe(true);
    const stored = await ctx.handle.db.selectFrom("wave_responses").select("id").where("wave_id", "=", waveId).execute();
    const flagged = await ctx.handle.db.selectFrom("wave_participants").select("id").where("wave_id", "=", waveId).where("responded", "=", 1).execute();
    expect(stored.length).toBe(accepted);
    expect(flagged.length).toBe(accepted);
    // Whatever was sent after the close was answered was refused.
    expect(results.filter((r) => r.startedAt > closedAt && r.status === 201)).toEqual([]);
    // And a late submission gets the closed message, not "not valid".
    const late = await ctx.anonymous().request("POST", `/api/v1/respond/${tokens[0]}/response`, { answers: PULSE }, { "idempotency-key": `late-${round}-abcdef` });
    expect([409]).toContain(late.status);
  }
});

/** A group item for each participant of the wave, as a submission validated while the wave was open would make it. */
async function itemsOf(waveId: string) {
  const rows = await ctx.handle.db.selectFrom("wave_participants").select(["id", "token_hash"]).where("wave_id", "=", waveId).orderBy("id").execute();
  return rows.map((r) => ({ participantId: r.id, tokenHash: r.token_hash, response: { id: `r-${r.id}`.slice(0, 32), wave_id: waveId, nullifier: `n-${r.id}`, idempotency_hash: "i", organisation_id: null, sector: null, answers: "{}", ratings: null } }));
}
const counts = async (waveId: string) => [
  (await ctx.handle.db.selectFrom("wave_responses").select("id").where("wave_id", "=", waveId).execute()).length,
  (await ctx.handle.db.selectFrom("wave_participants").select("id").where("wave_id", "=", waveId).where("responded", "=", 1).execute()).length,
];

it("stores nothing into a wave closed after the submission was checked, on either store path", async () => {
  const { convenor, waveId, waveBase } = await openWaveWithLinks(3);
  const [a, b, c] = await itemsOf(waveId);
  expect((await convenor.post(`${waveBase}/close`)).status).toBe(200);
  const db = ctx.handle.db;
  expect(await db.transaction().execute((tx) => storeGroup(tx, [a!, b!]))).toEqual(["already", "already"]);
  if (!isSqlite(db)) expect(await storeGroupInOneStatement(db, [c!])).toEqual(["already"]);
  expect(await counts(waveId)).toEqual([0, 0]);
});

it("makes a close wait for a group being stored, and reseals what it stored (PostgreSQL's row locks)", async () => {
  const db = ctx.handle.db;
  if (isSqlite(db)) return; // one writer: SQLite cannot interleave the two
  const { convenor, waveId, waveBase } = await openWaveWithLinks(3);
  const [a] = await itemsOf(waveId);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let stored!: () => void;
  const didStore = new Promise<void>((r) => (stored = r));
  // A group's transaction stores and holds its wave lock until released.
  const group = db.transaction().execute(async (tx) => {
    const outcome = await storeGroup(tx, [a!]);
    stored();
    await held;
    return outcome;
  });
  await didStore;
  let closed = false;
  const close = convenor.post(`${waveBase}/close`).then((r) => {
    closed = true;
    return r;
  });
  await new Promise((r) => setTimeout(r, 300));
  expect(closed).toBe(false);
  release();
  expect(await group).toEqual(["stored"]);
  expect((await close).status).toBe(200);
  expect(await counts(waveId)).toEqual([1, 1]);
});
