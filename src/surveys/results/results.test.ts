// Integration tests for results: only after publishing, suppression by k through the API, coarse figures, CSV, comparison.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";
import { instrumentItems, latestInstrument } from "../instruments/registry.ts";
import { ComparisonSchema, WaveResultsSchema } from "./contracts.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const PULSE_KEYS = instrumentItems(latestInstrument("pulse")).map((i) => i.key);

/** A partnership with two organisations of the given sizes, a pulse wave answered by everyone with the given values. */
async function answeredWave(sizes: [number, number], valueFor: (i: number) => number) {
  const convenor = await ctx.user("Cora");
  const p = (await convenor.client.post("/api/v1/partnerships", { name: "Results Partnership", purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  const orgs = [
    (await convenor.client.post(`${base}/organisations`, { name: "Big Trust", sector: "nhs_trust" })).body,
    (await convenor.client.post(`${base}/organisations`, { name: "Small Charity", sector: "voluntary_community" })).body,
  ];
  const ids: string[] = [];
  for (const [o, size] of sizes.entries()) for (let i = 0; i < size; i++) ids.push((await convenor.client.post(`${base}/people`, { name: `P${o}-${i}`, email: `p${o}-${i}@example.org`, role: "member", organisationId: orgs[o]!.id })).body.id);
  const wave = (await convenor.client.post(`${base}/waves`, { name: "Pulse", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" })).body;
  const waveBase = `${base}/waves/${wave.id}`;
  await convenor.client.post(`${waveBase}/open`);
  const links = (await convenor.client.post(`${waveBase}/links`, { personIds: ids })).body.links as Array<{ url: string }>;
  for (const [i, l] of links.entries()) {
    const answers = Object.fromEntries(PULSE_KEYS.map((k) => [k, { value: valueFor(i) }]));
    const res = await ctx.anonymous().request("POST", `/api/v1/respond/${l.url.split("/respond/")[1]}/response`, { answers }, { "idempotency-key": `key-${i}-results` });
    expect(res.status).toBe(201);
  }
  return { convenor, base, waveBase, orgs };
}

describe("results", () => {
  it("are refused until the wave is closed and published, then shown with k applied to every breakdown", async () => {
    const { convenor, waveBase, orgs } = await answeredWave([7, 2], (i) => 1 + (i % 5));
    expect((await convenor.client.get(`${waveBase}/results`)).status).toBe(409);
    await convenor.client.post(`${waveBase}/close`);
    expect((await convenor.client.get(`${waveBase}/results`)).status).toBe(409);
    await convenor.client.post(`${waveBase}/publish`);

    const all = await convenor.client.get(`${waveBase}/results`);
    expect(all.status).toBe(200);
    expect(all.body.respondents).toEqual({ status: "released", n: 9 });
    const first = all.body.questions[0].figures.all;
    expect(first.status).toBe("released");
    expect(first.options.reduce((s: number, o: { count: number }) => s + o.count, 0)).toBe(9);
    expect(first.mean).toBeCloseTo(((1 + 2 + 3 + 4 + 5) * 1 + 1 + 2 + 3 + 4) / 9, 10);

    expect(() => WaveResultsSchema.parse(all.body)).not.toThrow();
    const byOrg = await convenor.client.get(`${waveBase}/results?breakdown=organisation`);
    expect(() => WaveResultsSchema.parse(byOrg.body)).not.toThrow();
    const groups = Object.fromEntries(byOrg.body.groups.map((g: { key: string; status: string }) => [g.key, g.status]));
    // The charity has 2 respondents, and the trust's complement is those same 2: neither may be shown.
    expect(groups).toEqual({ all: "released", [`organisation:${orgs[0].id}`]: "suppressed", [`organisation:${orgs[1].id}`]: "suppressed" });
    for (const q of byOrg.body.questions) for (const key of Object.keys(q.figures).filter((k) => k !== "all")) expect(q.figures[key].status).toBe("suppressed");
    expect(JSON.stringify(byOrg.body)).not.toMatch(/"count":0,"percent":0\}\],"mean":null/); // suppressed is never a zero distribution
  });

  it("release only a coarse figure when all but one answered alike", async () => {
    const { convenor, waveBase } = await answeredWave([6, 0], (i) => (i === 0 ? 2 : 4));
    await convenor.client.post(`${waveBase}/close`);
    await convenor.client.post(`${waveBase}/publish`);
    const r = await convenor.client.get(`${waveBase}/results`);
    const f = r.body.questions[0].figures.all;
    expect(f).toMatchObject({ status: "coarse", n: 6 });
    expect(f).not.toHaveProperty("options");
    expect(f).not.toHaveProperty("mean");
  });

  it("export aggregates only as CSV, with no response-level data", async () => {
    const { convenor, waveBase } = await answeredWave([6, 0], (i) => 1 + (i % 3));
    await convenor.client.post(`${waveBase}/close`);
    await convenor.client.post(`${waveBase}/publish`);
    const csv = await convenor.client.get(`${waveBase}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.split("\r\n")[0]).toContain("group,group_label");
    const ids = (await ctx.handle.db.selectFrom("wave_responses").select(["id", "nullifier"]).execute()).flatMap((r) => [r.id, r.nullifier]);
    for (const id of ids) expect(csv.text).not.toContain(id);
    const rows = csv.text.trim().split("\r\n").slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /,(released|coarse|suppressed)$/.test(row))).toBe(true);
  });

  it("compare two published waves, earlier to later", async () => {
    const { convenor, base, waveBase } = await answeredWave([6, 0], (i) => 1 + (i % 5));
    await convenor.client.post(`${waveBase}/close`);
    await convenor.client.post(`${waveBase}/publish`);
    const other = (await convenor.client.post(`${base}/waves`, { name: "Later", instrumentKey: "pulse", opensOn: "2026-06-01", closesOn: "2099-01-01" })).body;
    await convenor.client.post(`${base}/waves/${other.id}/open`);
    expect((await convenor.client.get(`${waveBase}/compare/${other.id}`)).status).toBe(409);
    await convenor.client.post(`${base}/waves/${other.id}/close`);
    await convenor.client.post(`${base}/waves/${other.id}/publish`);
    const cmp = await convenor.client.get(`${base}/waves/${other.id}/compare/${waveBase.split("/").pop()}`);
    expect(cmp.status).toBe(200);
    expect(cmp.body.from.name).toBe("Pulse");
    expect(cmp.body.to.name).toBe("Later");
  });
});
