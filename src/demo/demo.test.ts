// The demo partnership is created through the real use cases: its creator convenes it, and it is audited.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { ComparisonSchema, WaveResultsSchema } from "../surveys/results/contracts.ts";
import { DEMO_ORGANISATIONS, DEMO_PEOPLE } from "./demo-data.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

describe("demo partnership", () => {
  it("creates organisations and people, twice without clashing", async () => {
    const me = await ctx.user("Demo Viewer");
    const first = await me.client.post("/api/v1/demo");
    expect(first.status).toBe(201);
    expect(first.body.myRole).toBe("convenor");
    const orgs = await me.client.get(`/api/v1/partnerships/${first.body.id}/organisations`);
    expect(orgs.body.items).toHaveLength(DEMO_ORGANISATIONS.length);
    const people = await me.client.get(`/api/v1/partnerships/${first.body.id}/people`);
    expect(people.body.items).toHaveLength(DEMO_PEOPLE.length + 1);
    expect(people.body.items.every((p: { email: string }) => p.email === me.email || p.email.endsWith("@demo.example.org"))).toBe(true);
    const second = await me.client.post("/api/v1/demo");
    expect(second.status).toBe(201);
    expect((await me.client.get("/api/v1/partnerships")).body.items).toHaveLength(2);
    const actions: string[] = [];
    for (let cursor: string | null = ""; cursor !== null; ) {
      const page = await me.client.get(`/api/v1/partnerships/${first.body.id}/audit?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      actions.push(...page.body.items.map((e: { action: string }) => e.action));
      cursor = page.body.nextCursor;
    }
    expect(actions.filter((a: string) => a === "organisation.added")).toHaveLength(DEMO_ORGANISATIONS.length);
    expect(actions.filter((a: string) => a === "wave.published")).toHaveLength(2);
    // Last winter, the council's savings round and Eastgate's restructure, recorded by the convenor.
    expect(actions.filter((a: string) => a === "pressure_event.added")).toHaveLength(3);
  });

  it("has a published baseline wave with the article's nine answers, and a larger follow-up", async () => {
    const me = await ctx.user("Demo Viewer");
    const p = (await me.client.post("/api/v1/demo")).body;
    const waves = (await me.client.get(`/api/v1/partnerships/${p.id}/waves`)).body.items;
    expect(waves.map((w: { name: string; status: string }) => [w.name, w.status])).toEqual([["Baseline", "published"], ["Six-month follow-up", "published"]]);
    const rows = await ctx.handle.db.selectFrom("wave_responses").select(["wave_id", "answers"]).execute();
    const baseline = rows.filter((r) => r.wave_id === waves[0].id).map((r) => JSON.parse(r.answers).baseline_trust.value as string);
    const tally = Object.fromEntries(["a_great_deal", "a_moderate_amount", "a_little", "none_at_all", "other"].map((o) => [o, baseline.filter((v) => v === o).length]));
    expect(tally).toEqual({ a_great_deal: 1, a_moderate_amount: 1, a_little: 5, none_at_all: 0, other: 2 });
    expect(rows.filter((r) => r.wave_id === waves[1].id).length).toBeGreaterThan(baseline.length);
    const results = await me.client.get(`/api/v1/partnerships/${p.id}/waves/${waves[0].id}/results`);
    expect(results.body.questions[0].figures.all.options.map((o: { percent: number }) => o.percent)).toEqual([11, 11, 56, 0, 22]);
    const cmp = await me.client.get(`/api/v1/partnerships/${p.id}/waves/${waves[1].id}/compare/${waves[0].id}`);
    expect(() => ComparisonSchema.parse(cmp.body)).not.toThrow();
    expect(() => WaveResultsSchema.parse(results.body)).not.toThrow();
    const overall = cmp.body.scores.find((s: { level: string; dimension: string }) => s.level === "all" && s.dimension === "all");
    expect(overall.change.status).toBe("released");
    expect(overall.change.difference).toBeGreaterThan(0);
  });
});
