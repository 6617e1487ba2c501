// Removing a person or an organisation ends their survey links: opening or submitting answers "not valid", like an unknown link, and stores nothing.
import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { instrumentItems, latestInstrument } from "./instruments/registry.ts";
import { isSqlite } from "../db/database.ts";
import { storeGroup, storeGroupInOneStatement } from "./store-responses.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const PULSE = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i) => [i.key, { value: 4 }]));
const UNKNOWN = "0".repeat(43);

/** Two organisations of two people each, an open wave, and a link for everyone. */
async function setUp() {
  const convenor = await ctx.user("Cora");
  const p = (await convenor.client.post("/api/v1/partnerships", { name: "Links Partnership", purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  const trust = (await convenor.client.post(`${base}/organisations`, { name: "Trust", sector: "nhs_trust" })).body;
  const council = (await convenor.client.post(`${base}/organisations`, { name: "Council", sector: "local_authority" })).body;
  const people: Record<string, { id: string; organisationId: string }> = {};
  for (const [name, org] of [["Tara", trust], ["Tom", trust], ["Cleo", council], ["Cal", council]] as const) {
    const res = await convenor.client.post(`${base}/people`, { name, email: `${name.toLowerCase()}@example.org`, role: "member", organisationId: org.id });
    expect(res.status).toBe(201);
    people[name] = { id: res.body.id, organisationId: org.id };
  }
  const wave = (await convenor.client.post(`${base}/waves`, { name: "Pulse", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" })).body;
  const waveBase = `${base}/waves/${wave.id}`;
  expect((await convenor.client.post(`${waveBase}/open`)).status).toBe(200);
  const issued = await convenor.client.post(`${waveBase}/links`, {});
  expect(issued.status).toBe(201);
  const tokens: Record<string, string> = {};
  for (const l of issued.body.links as Array<{ personId: string; url: string }>) {
    const name = Object.keys(people).find((n) => people[n]!.id === l.personId);
    if (name) tokens[name] = l.url.split("/respond/")[1]!;
  }
  expect(Object.keys(tokens).sort()).toEqual(["Cal", "Cleo", "Tara", "Tom"]);
  return { convenor: convenor.client, base, waveId: wave.id as string, waveBase, trust, council, people, tokens };
}

const open = (token: string) => ctx.anonymous().get(`/api/v1/respond/${token}`);
const submit = (token: string, key = "key-aaaa-1111") => ctx.anonymous().request("POST", `/api/v1/respond/${token}/response`, { answers: PULSE }, { "idempotency-key": key });
const stored = async (waveId: string) => (await ctx.handle.db.selectFrom("wave_responses").select("id").where("wave_id", "=", waveId).execute()).length;
const responded = async (waveId: string) => (await ctx.handle.db.selectFrom("wave_participants").select("id").where("wave_id", "=", waveId).where("responded", "=", 1).execute()).length;

/** The status and words a link is answered with when opened and when submitted to (not the request id or path). */
const answersOf = async (token: string) => {
  const words = (r: { status: number; body: any }) => ({ status: r.status, code: r.body?.code, title: r.body?.title, detail: r.body?.detail });
  return { get: words(await open(token)), post: words(await submit(token)) };
};

/** What an unknown link answers, to compare word for word. */
async function unknownAnswers() {
  const unknown = await answersOf(UNKNOWN);
  expect([unknown.get.status, unknown.post.status]).toEqual([404, 404]);
  return unknown;
}

it("ends a removed person's link (404 on GET and POST, as an unknown link, nothing stored) and leaves the others working", async () => {
  const { convenor, base, waveId, people, tokens } = await setUp();
  expect((await open(tokens["Tara"]!)).status).toBe(200);
  expect((await convenor.delete(`${base}/people/${people["Tara"]!.id}`)).status).toBe(204);
  const unknown = await unknownAnswers();

  expect(await answersOf(tokens["Tara"]!)).toEqual(unknown);
  expect([await stored(waveId), await responded(waveId)]).toEqual([0, 0]);

  for (const name of ["Tom", "Cleo"]) {
    expect((await open(tokens[name]!)).body.status).toBe("open");
    expect((await submit(tokens[name]!)).status).toBe(201);
  }
  expect([await stored(waveId), await responded(waveId)]).toEqual([2, 2]);
});

it("ends the links of a removed organisation's people, and leaves other organisations' links working", async () => {
  const { convenor, base, waveId, council, tokens } = await setUp();
  expect((await convenor.delete(`${base}/organisations/${council.id}`)).status).toBe(204);
  const unknown = await unknownAnswers();

  for (const name of ["Cleo", "Cal"]) expect(await answersOf(tokens[name]!)).toEqual(unknown);
  expect([await stored(waveId), await responded(waveId)]).toEqual([0, 0]);

  for (const name of ["Tara", "Tom"]) {
    expect((await open(tokens[name]!)).body.status).toBe("open");
    expect((await submit(tokens[name]!)).status).toBe(201);
  }
  expect([await stored(waveId), await responded(waveId)]).toEqual([2, 2]);
});

it("ends the link of an answered person too: it no longer says they answered", async () => {
  const { convenor, base, waveId, people, council, tokens } = await setUp();
  expect((await submit(tokens["Tara"]!)).status).toBe(201);
  expect((await submit(tokens["Cleo"]!)).status).toBe(201);
  expect((await convenor.delete(`${base}/people/${people["Tara"]!.id}`)).status).toBe(204);
  expect((await convenor.delete(`${base}/organisations/${council.id}`)).status).toBe(204);
  const unknown = await unknownAnswers();
  expect(await answersOf(tokens["Tara"]!)).toEqual(unknown);
  expect(await answersOf(tokens["Cleo"]!)).toEqual(unknown);
  // The answers given before the removal stay (anonymous; nothing points back at who gave them).
  expect(await stored(waveId)).toBe(2);
});

it("lets a person whose organisation was removed answer with a link issued afterwards", async () => {
  const { convenor, base, waveBase, waveId, people, council, tokens } = await setUp();
  expect((await convenor.delete(`${base}/organisations/${council.id}`)).status).toBe(204);
  const again = await convenor.post(`${waveBase}/links`, { personIds: [people["Cleo"]!.id] });
  expect(again.status).toBe(201);
  const fresh = (again.body.links as Array<{ url: string }>)[0]!.url.split("/respond/")[1]!;
  expect((await open(tokens["Cleo"]!)).status).toBe(404);
  expect((await submit(fresh)).status).toBe(201);
  expect(await stored(waveId)).toBe(1);
});

it("stores nothing for a person removed after their link was opened but before the group was written", async () => {
  const { convenor, base, waveId, people } = await setUp();
  const rows = await ctx.handle.db.selectFrom("wave_participants").select(["id", "person_id", "token_hash"]).where("wave_id", "=", waveId).execute();
  const item = (name: string) => {
    const r = rows.find((x) => x.person_id === people[name]!.id)!;
    return { participantId: r.id, tokenHash: r.token_hash, response: { id: `r-${r.id}`.slice(0, 32), wave_id: waveId, nullifier: `n-${r.id}`, idempotency_hash: "i", organisation_id: null, sector: null, answers: "{}", ratings: null } };
  };
  // Read (as openLink does) before the removals; written after them.
  const first = [item("Tara"), item("Tom"), item("Cleo")];
  const second = [item("Tara"), item("Cal")];
  expect((await convenor.delete(`${base}/people/${people["Tara"]!.id}`)).status).toBe(204);
  expect((await convenor.delete(`${base}/organisations/${people["Cleo"]!.organisationId}`)).status).toBe(204);
  const db = ctx.handle.db;
  // The path each engine takes for an ordinary group, then the transaction path (organisational waves, and SQLite always).
  const outcomes = isSqlite(db) ? await db.transaction().execute((tx) => storeGroup(tx, first)) : await storeGroupInOneStatement(db, first);
  expect(outcomes).toEqual(["already", "stored", "already"]);
  expect(await db.transaction().execute((tx) => storeGroup(tx, second))).toEqual(["already", "already"]);
  expect([await stored(waveId), await responded(waveId)]).toEqual([1, 1]);
});
