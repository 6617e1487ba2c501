// Integration: published figures are stored at publish, equal what computing from the answers gives, and are computed again whenever something they depend on changes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { createTestContext, type TestClient, type TestContext } from "../../testing/test-app.ts";
import { isImportedWave } from "../../transfer/snapshots.ts";
import { backfillPublished } from "../after-publish.ts";
import { instrumentItems, latestInstrument } from "../instruments/registry.ts";
import { BREAKDOWN_KINDS } from "./compute-results.ts";
import { computeComparison, computeWaveFigures, earlierOf, organisationNames, publishedWavesOf, WaveRows } from "./compute-figures.ts";
import { forgetRemembered } from "./published-cache.ts";

let ctx: TestContext;
let db: Db;
beforeEach(async () => {
  ctx = await createTestContext();
  db = ctx.handle.db;
});
afterEach(async () => {
  await ctx.close();
});

const ITEMS = instrumentItems(latestInstrument("accord-trust"));
const CHOICES = ["a_great_deal", "a_moderate_amount", "a_little", "none_at_all", "other"];
const answersFor = (i: number, shift: number) =>
  Object.fromEntries(ITEMS.map((it) => [it.key, it.key === "baseline_trust" ? { value: CHOICES[(i + shift) % 5]!, ...((i + shift) % 5 === 4 ? { text: `Our own words ${i}` } : {}) } : { value: 1 + ((i * 7 + shift) % 5) }]));

interface Part {
  convenor: TestClient;
  id: string;
  base: string;
  orgs: { id: string; people: string[] }[];
}

/** A partnership of two organisations (7 and 5 people) and its convenor. */
async function partnership(): Promise<Part> {
  const convenor = (await ctx.user("Cora Convenor")).client;
  const p = (await convenor.post("/api/v1/partnerships", { name: "Stored Figures", purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  const orgs: Part["orgs"] = [];
  for (const [o, size] of [7, 5].entries()) {
    const org = (await convenor.post(`${base}/organisations`, { name: `Org ${o}`, sector: o === 0 ? "nhs_trust" : "voluntary_community" })).body;
    const people: string[] = [];
    for (let i = 0; i < size; i++) people.push((await convenor.post(`${base}/people`, { name: `P${o}-${i}`, email: `p${o}-${i}@example.org`, role: "member", organisationId: org.id })).body.id);
    orgs.push({ id: org.id, people });
  }
  return { convenor, id: p.id, base, orgs };
}

/** Opens a wave (k = 3) and has the given number of each organisation's people answer; closes it unless told not to. */
async function answeredWave(part: Part, name: string, perOrg: [number, number], shift: number, close = true): Promise<string> {
  const wave = (await part.convenor.post(`${part.base}/waves`, { name, instrumentKey: "accord-trust", opensOn: "2026-01-01", closesOn: "2099-01-01", k: 3 })).body;
  const wb = `${part.base}/waves/${wave.id}`;
  expect((await part.convenor.post(`${wb}/open`)).status).toBe(200);
  const personIds = part.orgs.flatMap((o, i) => o.people.slice(0, perOrg[i]));
  const links = (await part.convenor.post(`${wb}/links`, { personIds })).body.links as { url: string }[];
  for (const [i, l] of links.entries()) {
    const res = await ctx.anonymous().request("POST", `/api/v1/respond/${l.url.split("/respond/")[1]}/response`, { answers: answersFor(i, shift) }, { "idempotency-key": `k-${wave.id}-${i}` });
    expect(res.status, res.text).toBe(201);
  }
  if (close) expect((await part.convenor.post(`${wb}/close`)).status).toBe(200);
  return wave.id;
}

const publish = async (part: Part, waveId: string) => expect((await part.convenor.post(`${part.base}/waves/${waveId}/publish`)).status).toBe(200);

/** Free text is released in a random order: compare it as a set. */
function normal(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v) => (key === "texts" && Array.isArray(v) ? [...v].sort() : v));
}

async function storedRows(partnershipId: string) {
  const rows = await db.selectFrom("published_snapshots").selectAll().where("partnership_id", "=", partnershipId).execute();
  return new Map(rows.map((r) => [`${r.wave_id}|${r.kind}`, r]));
}

/** Every figure computed afresh from the answers: each wave's results in every breakdown, and its comparison with the previous and the first wave. */
async function fresh(partnershipId: string) {
  const published = await publishedWavesOf(db, partnershipId);
  const rows = new WaveRows(db);
  const names = await organisationNames(db, partnershipId);
  const out = new Map<string, unknown>();
  const results = new Map<string, Awaited<ReturnType<typeof computeWaveFigures>>>();
  for (const wave of published) {
    const figures = await computeWaveFigures(rows, wave, earlierOf(published, wave), names);
    results.set(wave.id, figures);
    for (const b of BREAKDOWN_KINDS) out.set(`${wave.id}|results:${b}`, figures[b]);
    const earlier = earlierOf(published, wave);
    for (const other of new Set([earlier.at(-1), earlier[0]])) {
      if (other) out.set(`${wave.id}|compare:${other.id}`, await computeComparison(rows, other, wave, results.get(other.id)!.none, figures.none));
    }
  }
  return out;
}

/** Every figure a publish stores is stored and exactly the fresh one; `exact`: and nothing else is stored. */
async function expectStoredFresh(partnershipId: string, exact = true) {
  const stored = await storedRows(partnershipId);
  const expected = await fresh(partnershipId);
  if (exact) expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, figures] of expected) {
    const row = stored.get(key)!;
    expect(row.source, key).toBe("publish");
    expect(normal(JSON.parse(row.data)), key).toEqual(normal(figures));
  }
}

describe("stored published figures", () => {
  it("are written at publish for every breakdown and the comparisons with the previous and the first wave, equal to figures computed afresh; the pages answer with them", async () => {
    const part = await partnership();
    const waves: string[] = [];
    for (const [i, sizes] of ([[7, 5], [6, 5], [7, 4]] as [number, number][]).entries()) {
      waves.push(await answeredWave(part, `Wave ${i + 1}`, sizes, i));
      await publish(part, waves[i]!);
    }
    await expectStoredFresh(part.id);
    // Nothing stored at publish makes the wave look imported.
    for (const w of waves) expect(await isImportedWave(db, w)).toBe(false);

    forgetRemembered(db);
    const stored = await storedRows(part.id);
    for (const w of waves) {
      for (const b of BREAKDOWN_KINDS) {
        const page = await part.convenor.get(`${part.base}/waves/${w}/results?breakdown=${b}`);
        expect(page.status).toBe(200);
        expect(normal(page.body)).toEqual(normal(JSON.parse(stored.get(`${w}|results:${b}`)!.data)));
      }
    }
    const [first, second, third] = waves as [string, string, string];
    for (const [from, to] of [[second, third], [first, third], [first, second]]) {
      const page = await part.convenor.get(`${part.base}/waves/${to}/compare/${from}`);
      expect(page.body).toEqual(JSON.parse(stored.get(`${to}|compare:${from}`)!.data));
    }
  });

  it("are what the first view reads: a stored figure answers while it is current", async () => {
    const part = await partnership();
    const w = await answeredWave(part, "Spring", [7, 5], 0);
    await publish(part, w);
    const marked = { marker: "stored" };
    await db.updateTable("published_snapshots").set({ data: JSON.stringify(marked) }).where("wave_id", "=", w).where("kind", "=", "results:none").execute();
    forgetRemembered(db);
    expect((await part.convenor.get(`${part.base}/waves/${w}/results`)).body).toEqual(marked);
  });

  it("are computed again, and overwritten, when stored by other code (their dependency key differs)", async () => {
    const part = await partnership();
    const w = await answeredWave(part, "Spring", [7, 5], 0);
    await publish(part, w);
    await db.updateTable("published_snapshots").set({ data: JSON.stringify({ marker: "old code" }), depends_on: "0".repeat(64) }).where("wave_id", "=", w).execute();
    forgetRemembered(db);
    const page = await part.convenor.get(`${part.base}/waves/${w}/results?breakdown=sector`);
    expect(page.body.wave.id).toBe(w);
    await expectStoredFresh(part.id);
  });

  it("of later waves follow an earlier-opened wave published after them, whether the publish refreshes them or the first view does", async () => {
    const part = await partnership();
    // Spring opens first, Autumn second; Autumn is published first. Org 0 answers 7 then 6: a change of 1 < k.
    const spring = await answeredWave(part, "Spring", [7, 5], 0);
    const autumn = await answeredWave(part, "Autumn", [6, 5], 1);
    await publish(part, autumn);
    const org0 = `organisation:${part.orgs[0]!.id}`;
    const groupOf = async (w: string) => (await part.convenor.get(`${part.base}/waves/${w}/results?breakdown=organisation`)).body.groups.find((g: { key: string }) => g.key === org0);
    expect((await groupOf(autumn)).status).toBe("released");

    await publish(part, spring);
    await expectStoredFresh(part.id);
    expect(await groupOf(autumn)).toMatchObject({ status: "suppressed", reason: "wave_difference" });

    // The same change made behind the publish hook's back (no refresh): the first view sees the key changed.
    const other = await partnership();
    const early = await answeredWave(other, "Spring", [7, 5], 0);
    const late = await answeredWave(other, "Autumn", [6, 5], 1);
    await publish(other, late);
    await db.updateTable("waves").set({ status: "published", published_at: new Date().toISOString() }).where("id", "=", early).execute();
    const lateGroup = (await other.convenor.get(`${other.base}/waves/${late}/results?breakdown=organisation`)).body.groups.find((g: { key: string }) => g.key === `organisation:${other.orgs[0]!.id}`);
    expect(lateGroup).toMatchObject({ status: "suppressed", reason: "wave_difference" });
    const row = (await storedRows(other.id)).get(`${late}|results:organisation`)!;
    const expected = (await fresh(other.id)).get(`${late}|results:organisation`);
    expect(normal(JSON.parse(row.data))).toEqual(normal(expected));
  });

  it("of later waves are computed again when an earlier published wave is deleted", async () => {
    const part = await partnership();
    const spring = await answeredWave(part, "Spring", [7, 5], 0);
    await publish(part, spring);
    const autumn = await answeredWave(part, "Autumn", [6, 5], 1);
    await publish(part, autumn);
    const org0 = `organisation:${part.orgs[0]!.id}`;
    const groupOf = async () => (await part.convenor.get(`${part.base}/waves/${autumn}/results?breakdown=organisation`)).body.groups.find((g: { key: string }) => g.key === org0);
    expect(await groupOf()).toMatchObject({ status: "suppressed", reason: "wave_difference" });
    await db.updateTable("waves").set({ deleted_at: new Date().toISOString() }).where("id", "=", spring).execute();
    expect((await groupOf()).status).toBe("released");
    // The deleted wave's own rows stay behind, unread.
    await expectStoredFresh(part.id, false);
  });

  it("by organisation follow a renamed organisation; the other breakdowns are kept as stored", async () => {
    const part = await partnership();
    const w = await answeredWave(part, "Spring", [7, 5], 0);
    await publish(part, w);
    const before = await storedRows(part.id);
    expect((await part.convenor.patch(`${part.base}/organisations/${part.orgs[0]!.id}`, { name: "Renamed Trust" })).status).toBe(200);
    const page = await part.convenor.get(`${part.base}/waves/${w}/results?breakdown=organisation`);
    expect(page.body.groups.map((g: { label: string }) => g.label)).toContain("Renamed Trust");
    for (const b of ["none", "sector"]) await part.convenor.get(`${part.base}/waves/${w}/results?breakdown=${b}`);
    const after = await storedRows(part.id);
    expect(after.get(`${w}|results:organisation`)!.depends_on).not.toBe(before.get(`${w}|results:organisation`)!.depends_on);
    for (const b of ["none", "sector"]) expect(after.get(`${w}|results:${b}`)).toEqual(before.get(`${w}|results:${b}`));
    await expectStoredFresh(part.id);
  });

  it("are stored once by concurrent first views, and backfilled (with the programme summaries) for waves published before they were kept", async () => {
    const part = await partnership();
    const spring = await answeredWave(part, "Spring", [7, 5], 0);
    await publish(part, spring);
    const autumn = await answeredWave(part, "Autumn", [7, 4], 1);
    await publish(part, autumn);
    await db.deleteFrom("published_snapshots").where("partnership_id", "=", part.id).execute();
    forgetRemembered(db);
    const views = await Promise.all([0, 1, 2, 3].map(() => part.convenor.get(`${part.base}/waves/${autumn}/compare/${spring}`)));
    for (const v of views) expect(v.status).toBe(200);
    expect(new Set(views.map((v) => v.text)).size).toBe(1);

    await db.deleteFrom("published_snapshots").where("partnership_id", "=", part.id).execute();
    await db.deleteFrom("wave_summaries").where("partnership_id", "=", part.id).execute();
    const progress: number[] = [];
    expect(await backfillPublished(db, (done) => progress.push(done))).toEqual({ figures: 7, summaries: 2 });
    expect(progress).toEqual([1]);
    await expectStoredFresh(part.id);
    expect(await backfillPublished(db)).toEqual({ figures: 0, summaries: 0 });
  });

  it("hold only released figures: no response id, nullifier or suppressed free text", async () => {
    const part = await partnership();
    const w = await answeredWave(part, "Spring", [7, 5], 0);
    await publish(part, w);
    const responses = await db.selectFrom("wave_responses").select(["id", "nullifier", "answers"]).where("wave_id", "=", w).execute();
    const texts = responses.map((r) => (JSON.parse(r.answers) as Record<string, { text?: string }>)["baseline_trust"]?.text).filter((t): t is string => !!t);
    expect(texts.length).toBeGreaterThan(0);
    const stored = [...(await storedRows(part.id)).values()].map((r) => r.data).join("\n");
    for (const r of responses) {
      expect(stored).not.toContain(r.id);
      expect(stored).not.toContain(r.nullifier);
    }
    // Fewer than 10 texts: free text is suppressed, so none of it is stored.
    for (const t of texts) expect(stored).not.toContain(t);
  });
});
