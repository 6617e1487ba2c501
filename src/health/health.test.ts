// Integration tests for partnership health through the real app: access, periods, the organisation view, pressure events, anonymity.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instrumentItems, latestInstrument } from "../surveys/instruments/registry.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-app.ts";
import { HealthSchema, PressureEventSchema } from "./contracts.ts";

let ctx: TestContext;
let convenor: TestClient;
let viewer: TestClient;
let member: TestClient;
let outsider: TestClient;
let base: string;
const today = new Date().toISOString().slice(0, 10);
const dayOffset = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Adds an account to the partnership at `base` with the given role (and organisation). */
async function join(name: string, role: string, at: string, organisationId?: string) {
  const u = await ctx.user(name);
  const res = await ctx.addMember(convenor, at, { name, email: u.email, role, ...(organisationId ? { organisationId } : {}) }, u.client);
  expect(res.status, res.text).toBe(201);
  return u.client;
}

beforeAll(async () => {
  ctx = await createTestContext();
  convenor = (await ctx.user("Health Convenor")).client;
  const demo = await convenor.post("/api/v1/demo");
  expect(demo.status).toBe(201);
  base = `/api/v1/partnerships/${demo.body.id}`;
  viewer = await join("Vera Viewer", "viewer", base);
  const orgs = (await convenor.get(`${base}/organisations`)).body.items as { id: string }[];
  member = await join("Mo Member", "member", base, orgs[0]!.id);
  outsider = (await ctx.user("Otto Outsider")).client;
}, 60_000);
afterAll(async () => {
  await ctx.close();
});

describe("partnership health", () => {
  it("answers a viewer with figures that match the contract, over the year to today", async () => {
    const res = await viewer.get(`${base}/health`);
    expect(res.status, res.text).toBe(200);
    const h = HealthSchema.parse(res.body);
    expect(h.period).toEqual({ from: dayOffset(-364), to: today });
    expect(h.organisations).toHaveLength(6);
    expect(h.warnings.map((w) => w.kind).sort()).toEqual(["activity_drop", "trust_drop"]);
    expect(Object.keys(h.explanations)).toEqual(expect.arrayContaining(["perceived", "network", "behaviour", "quadrant", "keyPerson", "warnings"]));
    const custom = await viewer.get(`${base}/health?from=${dayOffset(-180)}&to=${dayOffset(-30)}`);
    expect(custom.status).toBe(200);
    expect(custom.body.period).toEqual({ from: dayOffset(-180), to: dayOffset(-30) });
  });

  it("refuses a malformed or backwards period with 422, and outsiders with 404", async () => {
    for (const q of ["from=2026-02-30", "from=yesterday", "to=20260101", "from=1850-01-01", `from=${dayOffset(10)}&to=${dayOffset(-10)}`, `from=${dayOffset(30)}`]) {
      const res = await viewer.get(`${base}/health?${q}`);
      expect(res.status, q).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await outsider.get(`${base}/health`)).status).toBe(404);
    expect((await ctx.anonymous().get(`${base}/health`)).status).toBe(401);
    expect((await viewer.get(`/api/v1/partnerships/01890000-0000-7000-8000-000000000000/health`)).status).toBe(404);
  });

  it("answers any period bounds with 200 or 422, never 500", async () => {
    const day = fc.tuple(fc.integer({ min: 1880, max: 2220 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    const bound = fc.oneof(day, fc.constant(today), fc.string({ maxLength: 12 }), fc.constant(undefined));
    await fc.assert(
      fc.asyncProperty(bound, bound, async (from, to) => {
        const q = new URLSearchParams();
        if (from !== undefined) q.set("from", from);
        if (to !== undefined) q.set("to", to);
        const res = await viewer.get(`${base}/health?${q}`);
        expect([200, 422], `${q} → ${res.text.slice(0, 200)}`).toContain(res.status);
        if (res.status === 200) expect(res.body.period.from <= res.body.period.to).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("narrows the organisation view to the rows about that organisation", async () => {
    const full = (await viewer.get(`${base}/health`)).body;
    const willowbank = full.organisations.find((o: { name: string }) => o.name === "Willowbank Home Care").id as string;
    const res = await viewer.get(`${base}/health/organisations/${willowbank}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.organisation).toMatchObject({ id: willowbank, name: "Willowbank Home Care", sector: "social_care" });
    const h = HealthSchema.parse(res.body.health);
    const about = (id: string) => id === willowbank;
    for (const rows of [h.behaviour.organisations, h.quadrant.rows, h.warnings, h.activity]) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => about(r.organisationId))).toBe(true);
    }
    for (const w of h.perceived.network) expect(w.organisations.map((o) => o.organisationId)).toEqual([willowbank]);
    expect(h.behaviour.pairs.every((p) => about(p.a) || about(p.b))).toBe(true);
    expect(h.institutions.keyPerson.pairs).toHaveLength(5);
    expect(h.institutions.keyPerson.pairs.every((p) => about(p.a) || about(p.b))).toBe(true);
    expect(h.nextSteps.every((s) => s.organisationIds.includes(willowbank))).toBe(true);
    expect(h.warnings.map((w) => w.kind).sort()).toEqual(["activity_drop", "trust_drop"]);
    // What is not about organisations is the partnership's, unchanged.
    expect(h.institutions.overdue).toEqual(full.institutions.overdue);
    expect(h.pressureEvents).toEqual(full.pressureEvents);
    expect((await viewer.get(`${base}/health/organisations/01890000-0000-7000-8000-000000000000`)).status).toBe(404);
    expect((await outsider.get(`${base}/health/organisations/${willowbank}`)).status).toBe(404);
  });

  it("lets only convenors record, change and remove pressure events, audits each, and shows them beside overlapping flags", async () => {
    const list = await viewer.get(`${base}/pressure-events`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    const body = { label: "Care workers' strike ballot", kind: "other", startsOn: dayOffset(-30), endsOn: dayOffset(-5), note: "Ballot at two providers." };
    expect((await member.post(`${base}/pressure-events`, body)).status).toBe(403);
    expect((await viewer.post(`${base}/pressure-events`, body)).status).toBe(403);
    expect((await outsider.post(`${base}/pressure-events`, body)).status).toBe(404);
    expect((await convenor.post(`${base}/pressure-events`, { ...body, endsOn: dayOffset(-40) })).status).toBe(422);
    expect((await convenor.post(`${base}/pressure-events`, { ...body, label: "  " })).status).toBe(422);
    expect((await convenor.post(`${base}/pressure-events`, { ...body, kind: "earthquake" })).status).toBe(422);
    const created = await convenor.post(`${base}/pressure-events`, body);
    expect(created.status, created.text).toBe(201);
    const event = PressureEventSchema.parse(created.body);
    expect(event).toMatchObject({ label: body.label, kind: "other", startsOn: body.startsOn, endsOn: body.endsOn, note: body.note });
    const health = (await viewer.get(`${base}/health`)).body;
    const drop = health.warnings.find((w: { kind: string }) => w.kind === "activity_drop");
    expect(drop.pressure.map((p: { id: string }) => p.id)).toContain(event.id);

    const path = `${base}/pressure-events/${event.id}`;
    expect((await member.patch(path, { label: "x" })).status).toBe(403);
    const backwards = await convenor.patch(path, { endsOn: dayOffset(-31) });
    expect(backwards.status).toBe(422);
    expect(backwards.body.fields?.[0]?.path ?? backwards.body.errors?.[0]?.path).toBe("endsOn");
    const changed = await convenor.patch(path, { label: "Care workers' strike", endsOn: dayOffset(-2) });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ id: event.id, label: "Care workers' strike", startsOn: body.startsOn, endsOn: dayOffset(-2) });
    expect((await member.delete(path)).status).toBe(403);
    expect((await convenor.delete(path)).status).toBe(204);
    expect((await convenor.delete(path)).status).toBe(404);
    expect((await convenor.patch(path, { label: "again" })).status).toBe(404);
    expect((await viewer.get(`${base}/pressure-events`)).body.items.map((e: { id: string }) => e.id)).not.toContain(event.id);

    const audit: { action: string; entityId: string }[] = [];
    for (let cursor: string | null = ""; cursor !== null; ) {
      const page = await convenor.get(`${base}/audit?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      audit.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    const mine = audit.filter((a) => a.entityId === event.id).map((a) => a.action).sort();
    expect(mine).toEqual(["pressure_event.added", "pressure_event.removed", "pressure_event.updated"]);
    expect(audit.filter((a) => a.action === "pressure_event.added")).toHaveLength(4);
  });
});

describe("anonymity on the health page", () => {
  const ITEMS = instrumentItems(latestInstrument("accord-trust"));
  /** Varied answers; in `suppress` mode only the first two people answer the system-integrity items, so that score covers fewer than k. */
  const answers = (i: number, suppress: boolean) =>
    Object.fromEntries(
      ITEMS.map((item, j) => {
        if (item.response.kind === "choice") return [item.key, { value: ["a_great_deal", "a_moderate_amount", "a_little"][i % 3] }];
        if (suppress && item.key.startsWith("sys_integrity") && i >= 2) return [item.key, { value: "dont_know" }];
        return [item.key, { value: 1 + ((i * 2 + j) % 5) }];
      }),
    );
  const rate = (c: number, b: number, i: number) => ({ competence: c, benevolence: b, integrity: i });

  it("shows only figures the results and network pages release, with trust received over released ties only", async () => {
    const p = (await convenor.post("/api/v1/partnerships", { name: "Small Partnership", purpose: "" })).body;
    const at = `/api/v1/partnerships/${p.id}`;
    const orgs: { id: string; people: string[] }[] = [];
    for (const [name, sector, size] of [["Alpha Trust", "nhs_trust", 4], ["Beta Council", "local_authority", 3], ["Gamma Charity", "voluntary_community", 2]] as const) {
      const org = (await convenor.post(`${at}/organisations`, { name, sector })).body;
      const people: string[] = [];
      for (let i = 0; i < size; i++) people.push((await convenor.post(`${at}/people`, { name: `${name} ${i}`, email: `${name.split(" ")[0]!.toLowerCase()}${i}.${p.id.slice(-6)}@example.org`, role: "member", organisationId: org.id })).body.id);
      orgs.push({ id: org.id, people });
    }
    const [a, b, c] = orgs as [(typeof orgs)[0], (typeof orgs)[0], (typeof orgs)[0]];
    // Alpha's four rate Beta (benevolence all alike); Beta's three rate Alpha; Gamma's two rate both (too few); nobody rates Gamma.
    const ratingsOf = (personId: string) => {
      const ia = a.people.indexOf(personId);
      if (ia >= 0) return { [b.id]: rate([2, 3, 3, 4][ia]!, 3, [1, 2, 3, 4][ia]!) };
      const ib = b.people.indexOf(personId);
      if (ib >= 0) return { [a.id]: rate([2, 3, 4][ib]!, [2, 3, 4][ib]!, [3, 3, 4][ib]!) };
      if (c.people.includes(personId)) return { [a.id]: rate(1, 1, 1), [b.id]: rate(1, 2, 1) };
      return undefined;
    };
    const waveIds: string[] = [];
    for (const [name, networkMode, suppress] of [["Spring", "personal", false], ["Autumn", "none", true]] as const) {
      const wave = (await convenor.post(`${at}/waves`, { name, instrumentKey: "accord-trust", opensOn: "2026-01-01", closesOn: "2099-01-01", k: 3, networkMode })).body;
      const wb = `${at}/waves/${wave.id}`;
      expect((await convenor.post(`${wb}/open`)).status).toBe(200);
      const links = (await convenor.post(`${wb}/links`, {})).body.links as { personId: string; url: string }[];
      for (const [i, l] of links.entries()) {
        const ratings = networkMode === "personal" ? ratingsOf(l.personId) : undefined;
        const res = await ctx.anonymous().request("POST", `/api/v1/respond/${l.url.split("/respond/")[1]}/response`, { answers: answers(i, suppress), ...(ratings ? { ratings } : {}) }, { "idempotency-key": `anon-${name}-${i}` });
        expect(res.status, res.text).toBe(201);
      }
      await convenor.post(`${wb}/close`);
      expect((await convenor.post(`${wb}/publish`)).status).toBe(200);
      waveIds.push(wave.id);
    }
    const [spring, autumn] = waveIds as [string, string];
    const reader = await join("Rita Reader", "viewer", at);
    const res = await reader.get(`${at}/health`);
    expect(res.status, res.text).toBe(200);
    const h = HealthSchema.parse(res.body);

    // Survey figures: the latest wave's scores, each wave's headline and baseline question, and the change since baseline, as released.
    const results = { [spring]: (await reader.get(`${at}/waves/${spring}/results`)).body, [autumn]: (await reader.get(`${at}/waves/${autumn}/results`)).body };
    expect(h.perceived.latestWave?.id).toBe(autumn);
    expect(h.perceived.baselineWave?.id).toBe(spring);
    expect(h.perceived.scores).toEqual(results[autumn].scores.map((s: { level: string; dimension: string; figures: Record<string, unknown> }) => ({ level: s.level, dimension: s.dimension, figure: s.figures["all"] })));
    const sysIntegrity = h.perceived.scores.find((s) => s.level === "system" && s.dimension === "integrity")!;
    expect(sysIntegrity.figure.status).toBe("suppressed");
    for (const t of h.perceived.trend) {
      const r = results[t.waveId];
      expect(t.overall).toEqual(r.scores.find((s: { level: string; dimension: string }) => s.level === "all" && s.dimension === "all").figures.all);
      expect(t.baseline).toEqual(r.questions.find((q: { itemKey: string }) => q.itemKey === "baseline_trust").figures.all);
    }
    expect(h.perceived.sinceBaseline).toEqual((await reader.get(`${at}/waves/${autumn}/compare/${spring}`)).body);
    const change = h.perceived.sinceBaseline!.scores.find((s) => s.level === "system" && s.dimension === "integrity")!;
    expect(change.change.status).toBe("suppressed");
    // Anything suppressed carries its status and reason, never a number.
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(walk);
      if (x && typeof x === "object") {
        if ((x as { status?: unknown }).status === "suppressed") expect(Object.keys(x).sort()).toEqual(["reason", "status"]);
        Object.values(x).forEach(walk);
      }
    };
    walk(h.perceived);

    // Network: trust received over released ties only, as the network page computes it.
    expect(h.perceived.network.map((w) => w.waveId)).toEqual([spring]);
    const net = (await reader.get(`${at}/waves/${spring}/network`)).body;
    expect(net.counts.suppressed).toBeGreaterThanOrEqual(3);
    const byDim = async (d: string) => new Map(((await reader.get(`${at}/waves/${spring}/network?dimension=${d}`)).body.organisations as { id: string; meanTrustReceived: number | null }[]).map((o) => [o.id, o.meanTrustReceived]));
    const competence = await byDim("competence");
    const integrity = await byDim("integrity");
    for (const o of h.perceived.network[0]!.organisations) {
      const page = net.organisations.find((x: { id: string }) => x.id === o.organisationId);
      expect(o.received).toBe(page.meanTrustReceived);
      expect(o.inDegree).toBe(page.inDegree);
      const released = net.ties.filter((t: { to: string; status: string }) => t.to === o.organisationId && t.status === "released").map((t: { mean: number }) => t.mean);
      if (released.length === 0) expect(o.received).toBeNull();
      else expect(o.received!).toBeCloseTo(released.reduce((s: number, m: number) => s + m, 0) / released.length, 12);
      const ci = [competence.get(o.organisationId), integrity.get(o.organisationId)].filter((v): v is number => typeof v === "number");
      if (ci.length === 0) expect(o.competenceIntegrity).toBeNull();
      else expect(o.competenceIntegrity!).toBeCloseTo(ci.reduce((s, v) => s + v, 0) / ci.length, 12);
    }
    const received = (id: string) => h.perceived.network[0]!.organisations.find((o) => o.organisationId === id)!.received;
    // Alpha: only Beta's released tie (2⅓, 3, 4 → 28/9); Gamma's hidden ratings of 1 are left out, not averaged in.
    expect(received(a.id)!).toBeCloseTo(28 / 9, 12);
    expect(received(c.id)).toBeNull();
    expect(h.quadrant.rows.find((r) => r.organisationId === c.id)!.quadrant).toBe("not_enough_data");
    expect(h.warnings).toEqual([]);
  }, 60_000);
});
