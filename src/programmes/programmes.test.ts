// Integration: a programme's journey (create, join by code, roll-up, withdraw), suppression kept, pooled figures and percentiles, access, summaries at publish, backfilled and rewritten, the row's waves picked in SQL as the pure roll-up picks them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSession } from "../accounts/sessions.ts";
import { createTestContext, invitationToken, TestClient, type TestContext } from "../testing/test-app.ts";
import { buildExport, exportJson } from "../transfer/export-partnership.ts";
import { importPartnership } from "../transfer/import-partnership.ts";
import { instrumentItems, latestInstrument } from "../surveys/instruments/registry.ts";
import { PartnershipProgrammesSchema, ProgrammeDetailSchema, RollupSchema } from "./contracts.ts";
import { programmeRows } from "./programme-rollup.ts";
import { buildRow } from "./rollup/index.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const ITEMS = instrumentItems(latestInstrument("accord-trust"));
const BASELINE = ["a_great_deal", "a_moderate_amount", "a_little", "none_at_all"];
const answersFor = (i: number, shift: number, items = ITEMS) => Object.fromEntries(items.map((it) => [it.key, { value: it.key === "baseline_trust" ? BASELINE[(i + shift) % 4]! : 1 + ((i + shift) % 5) }]));

/** A partnership of `people` members whose convenor runs and publishes waves of the accord instrument. */
export async function partnershipWithPeople(c: TestContext, name: string, people: number) {
  const convenor = await c.user(`Convenor ${name}`);
  const p = (await convenor.client.post("/api/v1/partnerships", { name, purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  const org = (await convenor.client.post(`${base}/organisations`, { name: `${name} Trust`, sector: "nhs_trust" })).body;
  for (let i = 0; i < people; i++) await convenor.client.post(`${base}/people`, { name: `${name} ${i}`, email: `p${i}.${p.id.slice(-8)}@example.org`, role: "member", organisationId: org.id });
  return { convenor: convenor.client, id: p.id as string, base };
}

/** Runs one wave (the accord instrument unless told) with k and `answering` respondents; publishes it unless told not to. */
export async function runWave(c: TestContext, part: { convenor: TestClient; base: string }, opts: { name: string; k: number; answering: number; shift?: number; publish?: boolean; instrument?: string }) {
  const instrumentKey = opts.instrument ?? "accord-trust";
  const items = instrumentItems(latestInstrument(instrumentKey));
  const wave = (await part.convenor.post(`${part.base}/waves`, { name: opts.name, instrumentKey, opensOn: "2026-01-01", closesOn: "2099-01-01", k: opts.k })).body;
  const wb = `${part.base}/waves/${wave.id}`;
  expect((await part.convenor.post(`${wb}/open`)).status).toBe(200);
  const links = (await part.convenor.post(`${wb}/links`, {})).body.links as { url: string }[];
  for (const [i, l] of links.slice(0, opts.answering).entries()) {
    const res = await c.anonymous().request("POST", `/api/v1/respond/${l.url.split("/respond/")[1]}/response`, { answers: answersFor(i, opts.shift ?? 0, items) }, { "idempotency-key": `k-${wave.id}-${i}` });
    expect(res.status, res.text).toBe(201);
  }
  await part.convenor.post(`${wb}/close`);
  if (opts.publish !== false) expect((await part.convenor.post(`${wb}/publish`)).status).toBe(200);
  return wave.id as string;
}

/** The row the pure roll-up builds from every summary of the partnership (what the roll-up's query must agree with). */
async function rowFromAllSummaries(c: TestContext, partnershipId: string) {
  const db = c.handle.db;
  const all = await db.selectFrom("wave_summaries as ws").innerJoin("waves as w", "w.id", "ws.wave_id").selectAll("ws").select("w.name").where("ws.partnership_id", "=", partnershipId).execute();
  const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));
  const summaries = all.map((s) => ({ waveId: s.wave_id, waveName: s.name, publishedAt: s.published_at, k: s.k, invited: s.invited, respondents: s.respondents, overall: parse(s.overall), baseline: parse(s.baseline), change: parse(s.change) }));
  return (partial: { name: string; sharedSince: string }) => buildRow({ partnershipId, ...partial, summaries, behaviour: null });
}

async function programmeWithLead() {
  const lead = await ctx.user("Lena Lead");
  const created = await lead.client.post("/api/v1/programmes", { name: "North ICS", description: "Integrated care system" });
  expect(created.status, created.text).toBe(201);
  return { lead: lead.client, programmeId: created.body.programme.id as string, joinCode: created.body.joinCode as string };
}

describe("programmes", () => {
  it("carry the journey: create, join by code, the roll-up shows the row as released, stop sharing hides it at once", async () => {
    const { lead, programmeId, joinCode } = await programmeWithLead();
    expect(joinCode).toMatch(/^prg_/);
    const part = await partnershipWithPeople(ctx, "Alpha", 6);
    const spring = await runWave(ctx, part, { name: "Spring", k: 3, answering: 6 });
    await runWave(ctx, part, { name: "Autumn", k: 3, answering: 5, shift: 1 });

    expect((await part.convenor.post(`${part.base}/programmes`, { joinCode: "prg_wrong" })).status).toBe(422);
    const shared = await part.convenor.post(`${part.base}/programmes`, { joinCode });
    expect(shared.status, shared.text).toBe(201);
    expect(shared.body.shares.length).toBeGreaterThan(0);

    const detail = await lead.get(`/api/v1/programmes/${programmeId}`);
    expect(ProgrammeDetailSchema.parse(detail.body).partnerships.map((p) => p.name)).toEqual(["Alpha"]);
    const roll = await lead.get(`/api/v1/programmes/${programmeId}/rollup?sort=headline&order=desc`);
    expect(roll.status, roll.text).toBe(200);
    const r = RollupSchema.parse(roll.body);
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0]!;
    // The headline and baseline question are exactly what the results page shows for the latest wave.
    const results = (await part.convenor.get(`${part.base}/waves/${row.latestWave!.id}/results`)).body;
    expect(row.latestWave?.name).toBe("Autumn");
    expect(row.headline).toEqual(results.scores.find((s: { level: string; dimension: string }) => s.level === "all" && s.dimension === "all").figures.all);
    expect(row.baseline?.figure).toEqual(results.questions.find((q: { itemKey: string }) => q.itemKey === "baseline_trust").figures.all);
    const comparison = (await part.convenor.get(`${part.base}/waves/${row.latestWave!.id}/compare/${spring}`)).body;
    const change = comparison.scores.find((s: { level: string; dimension: string }) => s.level === "all" && s.dimension === "all").change;
    expect(row.change).toEqual(change.status === "released" ? { ...change, since: { id: spring, name: "Spring" } } : change);
    expect(row.responseRate).toMatchObject({ status: "released", invited: 7, respondents: 5 }); // the convenor is invited too
    expect(row.wavesPublished).toBe(2);
    expect(r.distribution.status).toBe("suppressed");
    expect(r.pooledBaseline.status).toBe("suppressed");

    const audit = (await part.convenor.get(`${part.base}/audit`)).body;
    expect(JSON.stringify(audit)).toContain("programme.shared");

    expect((await part.convenor.delete(`${part.base}/programmes/${programmeId}`)).status).toBe(204);
    expect(RollupSchema.parse((await lead.get(`/api/v1/programmes/${programmeId}/rollup`)).body).rows).toHaveLength(0);
    expect((await part.convenor.delete(`${part.base}/programmes/${programmeId}`)).status).toBe(404);
    // Sharing again with the same code works; a new code stops the old one.
    expect((await part.convenor.post(`${part.base}/programmes`, { joinCode })).status).toBe(201);
    const fresh = await lead.post(`/api/v1/programmes/${programmeId}/join-code`);
    expect(fresh.status).toBe(201);
    const other = await partnershipWithPeople(ctx, "Beta", 0);
    expect((await other.convenor.post(`${other.base}/programmes`, { joinCode })).status).toBe(422);
    expect((await other.convenor.post(`${other.base}/programmes`, { joinCode: fresh.body.joinCode })).status).toBe(201);
  });

  it("keep a figure suppressed when k is not met, and pool or rank only over at least 3 partnerships", async () => {
    const { lead, programmeId, joinCode } = await programmeWithLead();
    const parts = [];
    for (const [i, name] of ["Ash", "Birch", "Cedar", "Damson"].entries()) {
      const part = await partnershipWithPeople(ctx, name, 5);
      // Damson's wave asks for k = 5 but only 4 answer: every figure is suppressed.
      await runWave(ctx, part, { name: "Baseline", k: i === 3 ? 5 : 3, answering: i === 3 ? 4 : 5, shift: i });
      expect((await part.convenor.post(`${part.base}/programmes`, { joinCode })).status).toBe(201);
      parts.push(part);
    }
    const damson = parts[3]!;
    const r = RollupSchema.parse((await lead.get(`/api/v1/programmes/${programmeId}/rollup?sort=headline`)).body);
    const d = r.rows.find((x) => x.name === "Damson")!;
    expect(d.headline?.status).toBe("suppressed");
    expect(d.baseline?.figure.status).toBe("suppressed");
    expect(d.responseRate?.status).toBe("suppressed");
    expect(JSON.stringify(d)).not.toMatch(/"mean"|"n":|"count"|"respondents"/);
    expect(r.rows.at(-1)?.name).toBe("Damson"); // no figure sorts last
    const released = r.rows.filter((x) => x.headline?.status === "released");
    expect(released.length).toBe(3);
    expect(r.distribution).toMatchObject({ status: "released", partnerships: 3 });
    expect(r.pooledBaseline).toMatchObject({ status: "released", partnerships: 3, n: 15 });

    // Members see their percentile; Damson (suppressed) gets none.
    const viewer = await ctx.user("Val Viewer");
    const ash = parts[0]!;
    expect((await ctx.addMember(ash.convenor, ash.base, { name: "Val Viewer", email: viewer.email, role: "viewer" }, viewer.client)).status).toBe(201);
    const mine = PartnershipProgrammesSchema.parse((await viewer.client.get(`${ash.base}/programmes`)).body);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.percentile).toMatchObject({ status: "released", partnerships: 3 });
    const dp = PartnershipProgrammesSchema.parse((await damson.convenor.get(`${damson.base}/programmes`)).body);
    expect(dp.items[0]!.percentile.status).toBe("suppressed");

    // With one of three withdrawn, pooled figures and percentiles are suppressed.
    await parts[2]!.convenor.delete(`${parts[2]!.base}/programmes/${programmeId}`);
    const r2 = RollupSchema.parse((await lead.get(`/api/v1/programmes/${programmeId}/rollup`)).body);
    expect(r2.distribution.status).toBe("suppressed");
    expect(r2.pooledBaseline.status).toBe("suppressed");
    expect(PartnershipProgrammesSchema.parse((await viewer.client.get(`${ash.base}/programmes`)).body).items[0]!.percentile.status).toBe("suppressed");
  });

  it("are seen only by leads: everyone else gets 404; leads can add leads; sharing is convenor-only", async () => {
    const { lead, programmeId, joinCode } = await programmeWithLead();
    const stranger = await ctx.user("Sam Stranger");
    for (const path of [`/api/v1/programmes/${programmeId}`, `/api/v1/programmes/${programmeId}/rollup`]) expect((await stranger.client.get(path)).status).toBe(404);
    expect((await stranger.client.post(`/api/v1/programmes/${programmeId}/join-code`)).status).toBe(404);
    expect((await stranger.client.post(`/api/v1/programmes/${programmeId}/leads`, { email: stranger.email })).status).toBe(404);
    expect((await stranger.client.get("/api/v1/programmes")).body.items).toEqual([]);
    // Adding a lead invites the address, with the same answer whether or not it has an account.
    const nobody = await lead.post(`/api/v1/programmes/${programmeId}/leads`, { email: "nobody@example.org" });
    expect(nobody.status).toBe(201);
    const invited = await lead.post(`/api/v1/programmes/${programmeId}/leads`, { email: stranger.email });
    expect(invited.status).toBe(201);
    expect(Object.keys(invited.body).sort()).toEqual(Object.keys(nobody.body).sort());
    // Only accepting, signed in as that address, makes a lead.
    expect((await stranger.client.get(`/api/v1/programmes/${programmeId}/rollup`)).status).toBe(404);
    expect((await stranger.client.post(`/api/v1/invitations/${invitationToken(invited.body.url)}/accept`, {})).status).toBe(200);
    expect((await stranger.client.get(`/api/v1/programmes/${programmeId}/rollup`)).status).toBe(200);

    const part = await partnershipWithPeople(ctx, "Gamma", 0);
    const member = await ctx.user("Mo Member");
    expect((await ctx.addMember(part.convenor, part.base, { name: "Mo Member", email: member.email, role: "member" }, member.client)).status).toBe(201);
    expect((await member.client.post(`${part.base}/programmes`, { joinCode })).status).toBe(403);
    expect((await lead.post(`${part.base}/programmes`, { joinCode })).status).toBe(404);
    expect((await lead.get(`${part.base}/programmes`)).status).toBe(404);
  });

  it("write a summary when a wave is published, and backfill waves published before", async () => {
    const part = await partnershipWithPeople(ctx, "Delta", 5);
    const first = await runWave(ctx, part, { name: "One", k: 3, answering: 5 });
    const db = ctx.handle.db;
    expect(await db.selectFrom("wave_summaries").select("wave_id").where("wave_id", "=", first).executeTakeFirst()).toBeDefined();
    const closed = await runWave(ctx, part, { name: "Two", k: 3, answering: 5, shift: 2, publish: false });
    expect(await db.selectFrom("wave_summaries").select("wave_id").where("wave_id", "=", closed).executeTakeFirst()).toBeUndefined();
    await part.convenor.post(`${part.base}/waves/${closed}/publish`);
    const second = await db.selectFrom("wave_summaries").selectAll().where("wave_id", "=", closed).executeTakeFirstOrThrow();
    expect(JSON.parse(second.change ?? "null")).toMatchObject({ since: { id: first } });
    // As if published before programmes existed: the roll-up backfills.
    await db.deleteFrom("wave_summaries").where("partnership_id", "=", part.id).execute();
    const { lead, programmeId, joinCode } = await programmeWithLead();
    await part.convenor.post(`${part.base}/programmes`, { joinCode });
    const r = RollupSchema.parse((await lead.get(`/api/v1/programmes/${programmeId}/rollup`)).body);
    expect(r.rows[0]!.wavesPublished).toBe(2);
    expect(r.rows[0]!.headline?.status).toBe("released");
    const again = await db.selectFrom("wave_summaries").selectAll().where("wave_id", "=", closed).executeTakeFirstOrThrow();
    expect(again).toEqual(second);
  });

  it("take the headline from the latest wave with a score and the baseline question from the latest wave asking it, as the pure roll-up does from every summary", async () => {
    const { lead, programmeId, joinCode } = await programmeWithLead();
    const part = await partnershipWithPeople(ctx, "Epsilon", 6);
    const spring = await runWave(ctx, part, { name: "Spring", k: 3, answering: 6 });
    const quick = await runWave(ctx, part, { name: "Quick question", k: 3, answering: 5, shift: 2, instrument: "baseline" });
    await runWave(ctx, part, { name: "Meeting pulse", k: 3, answering: 5, instrument: "pulse" });
    await runWave(ctx, part, { name: "Not yet published", k: 3, answering: 5, publish: false });
    // A register entry: the row then carries a behavioural summary.
    const organisationId = (await part.convenor.get(`${part.base}/organisations`)).body.items[0].id as string;
    expect((await part.convenor.post(`${part.base}/registers/commitments`, { title: "Share the discharge data", organisationId, dueOn: "2026-03-01" })).status).toBe(201);
    expect((await part.convenor.post(`${part.base}/programmes`, { joinCode })).status).toBe(201);
    const quiet = await partnershipWithPeople(ctx, "Zeta", 0); // shares, has published nothing, records nothing
    expect((await quiet.convenor.post(`${quiet.base}/programmes`, { joinCode })).status).toBe(201);

    const r = RollupSchema.parse((await lead.get(`/api/v1/programmes/${programmeId}/rollup`)).body);
    const row = r.rows.find((x) => x.name === "Epsilon")!;
    expect(row.wavesPublished).toBe(3);
    expect(row.latestWave?.id).toBe(spring);
    expect(row.baseline?.wave.id).toBe(quick);
    const results = (await part.convenor.get(`${part.base}/waves/${quick}/results`)).body;
    expect(row.baseline?.figure).toEqual(results.questions.find((q: { itemKey: string }) => q.itemKey === "baseline_trust").figures.all);
    const expected = (await rowFromAllSummaries(ctx, part.id))({ name: "Epsilon", sharedSince: row.sharedSince });
    expect(row.behaviour?.commitments).toBeDefined();
    expect({ ...row, behaviour: null }).toEqual(expected);
    expect(r.rows.find((x) => x.name === "Zeta")).toMatchObject({ wavesPublished: 0, latestWave: null, headline: null, change: null, baseline: null, responseRate: null, behaviour: null });
    // The same rows without behaviour (what a partnership's percentile is computed from).
    const plain = await programmeRows(ctx.handle.db, programmeId, { behaviour: false });
    expect(plain.find((x) => x.partnershipId === part.id)).toEqual(expected);
  });

  it("write the summaries of later-opened waves again when an earlier-opened wave is published after them", async () => {
    const part = await partnershipWithPeople(ctx, "Eta", 5);
    const db = ctx.handle.db;
    const open = async (name: string) => {
      const wave = (await part.convenor.post(`${part.base}/waves`, { name, instrumentKey: "accord-trust", opensOn: "2026-01-01", closesOn: "2099-01-01", k: 3 })).body;
      expect((await part.convenor.post(`${part.base}/waves/${wave.id}/open`)).status).toBe(200);
      const links = (await part.convenor.post(`${part.base}/waves/${wave.id}/links`, {})).body.links as { url: string }[];
      return { id: wave.id as string, links };
    };
    const first = await open("Opened first");
    const second = await open("Opened second");
    for (const [w, shift] of [[first, 0], [second, 2]] as const) {
      for (const [i, l] of w.links.slice(0, 5).entries()) {
        const res = await ctx.anonymous().request("POST", `/api/v1/respond/${l.url.split("/respond/")[1]}/response`, { answers: answersFor(i, shift) }, { "idempotency-key": `k-${w.id}-${i}` });
        expect(res.status, res.text).toBe(201);
      }
      await part.convenor.post(`${part.base}/waves/${w.id}/close`);
    }
    expect((await part.convenor.post(`${part.base}/waves/${second.id}/publish`)).status).toBe(200);
    const before = await db.selectFrom("wave_summaries").selectAll().where("wave_id", "=", second.id).executeTakeFirstOrThrow();
    expect(before.change).toBeNull(); // it was the first published wave
    expect((await part.convenor.post(`${part.base}/waves/${first.id}/publish`)).status).toBe(200);
    const after = await db.selectFrom("wave_summaries").selectAll().where("wave_id", "=", second.id).executeTakeFirstOrThrow();
    expect(JSON.parse(after.change ?? "null")).toMatchObject({ since: { id: first.id } });
    // Exactly what writing it afresh gives.
    await db.deleteFrom("wave_summaries").where("wave_id", "=", second.id).execute();
    const { lead, programmeId, joinCode } = await programmeWithLead();
    await part.convenor.post(`${part.base}/programmes`, { joinCode });
    expect((await lead.get(`/api/v1/programmes/${programmeId}/rollup`)).status).toBe(200);
    expect(await db.selectFrom("wave_summaries").selectAll().where("wave_id", "=", second.id).executeTakeFirstOrThrow()).toEqual(after);
  });

  it("roll up an imported partnership from the figures its import kept", async () => {
    const part = await partnershipWithPeople(ctx, "Imported", 5);
    const first = await runWave(ctx, part, { name: "Baseline", k: 3, answering: 5 });
    const second = await runWave(ctx, part, { name: "Follow-up", k: 3, answering: 5, shift: 3 });
    const json = exportJson(await buildExport(ctx.handle.db, part.id));
    const b = await createTestContext();
    try {
      await importPartnership(b.handle.db, json);
      const convenorRow = await b.handle.db.selectFrom("people").select("user_id").where("partnership_id", "=", part.id).where("role", "=", "convenor").executeTakeFirstOrThrow();
      const convenor = new TestClient(b.app, { cookie: (await createSession(b.handle.db, convenorRow.user_id!)).secret });
      const lead = await b.user("Imported Lead");
      const created = (await lead.client.post("/api/v1/programmes", { name: "Imports" })).body;
      expect((await convenor.post(`${part.base}/programmes`, { joinCode: created.joinCode })).status).toBe(201);
      const r = RollupSchema.parse((await lead.client.get(`/api/v1/programmes/${created.programme.id}/rollup`)).body);
      const row = r.rows[0]!;
      const results = (await convenor.get(`${part.base}/waves/${second}/results`)).body;
      expect(row.wavesPublished).toBe(2);
      expect(row.latestWave?.id).toBe(second);
      expect(row.headline).toEqual(results.scores.find((s: { level: string; dimension: string }) => s.level === "all" && s.dimension === "all").figures.all);
      expect(row.baseline?.figure).toEqual(results.questions.find((q: { itemKey: string }) => q.itemKey === "baseline_trust").figures.all);
      const kept = (await convenor.get(`${part.base}/waves/${second}/compare/${first}`)).body.scores.find((s: { level: string; dimension: string }) => s.level === "all" && s.dimension === "all").change;
      expect(row.change).toEqual(kept.status === "released" ? { ...kept, since: { id: first, name: "Baseline" } } : kept);
      expect(row.responseRate).toBeNull(); // an import keeps no participation rows, so nobody knows how many were invited
    } finally {
      await b.close();
    }
  });
});
