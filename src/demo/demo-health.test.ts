// The demo partnership's health page shows a flag of each kind, each for a reason its registers and waves explain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../accounts/actor.ts";
import type { Health } from "../health/contracts.ts";
import { getHealth } from "../health/get-health.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { createDemoPartnership } from "./create-demo-partnership.ts";
import { DEMO_ORGANISATIONS } from "./demo-data.ts";
import { lastWinter } from "./demo-pressure.ts";

let ctx: TestContext;
let actor: Actor;
let partnershipId: string;
let today: string;
let health: Health;

/** Organisation id → demo key (trust, pcn, council, care, vcs, housing), from the names in a health response. */
const keys = (h: Health) => new Map(h.organisations.map((o) => [o.id, DEMO_ORGANISATIONS.find((d) => d.name === o.name)!.key]));
const pairKey = (k: Map<string, string>, a: string, b: string) => [k.get(a)!, k.get(b)!].sort().join("–");

/** What the story rests on, by demo key, so two demos (or two days) can be compared. */
function flags(h: Health) {
  const k = keys(h);
  return {
    quadrant: Object.fromEntries(h.quadrant.rows.map((r) => [k.get(r.organisationId)!, r.quadrant])),
    warnings: h.warnings.map((w) => `${w.kind}:${k.get(w.organisationId)}`),
    keyPeople: h.institutions.keyPerson.pairs.filter((p) => p.flagged).map((p) => `${pairKey(k, p.a, p.b)}:${p.carriedBy?.personName}`),
    overdue: h.institutions.overdue.map((o) => o.title),
    practices: [...new Set(h.nextSteps.map((s) => s.practice))].sort(),
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  const me = await ctx.user("Health Explorer");
  actor = { userId: me.userId, name: "Health Explorer", email: me.email, via: "session" };
  partnershipId = (await createDemoPartnership(ctx.handle.db, actor)).id;
  today = new Date().toISOString().slice(0, 10);
  health = await getHealth(ctx.handle.db, actor, partnershipId);
}, 60_000);
afterAll(async () => {
  await ctx.close();
});

describe("demo partnership health", () => {
  it("rates the council low though it keeps every commitment, and Eastgate highly though it delivers late", () => {
    const k = keys(health);
    const row = (key: string) => health.quadrant.rows.find((r) => k.get(r.organisationId) === key)!;
    const council = row("council");
    expect(council.quadrant).toBe("perception_to_revisit");
    expect(council.perceived!).toBeLessThan(2.5);
    expect(council.behaviour!).toBeGreaterThanOrEqual(0.7);
    const councilKept = health.behaviour.organisations.find((o) => k.get(o.organisationId) === "council")!.commitments;
    expect(councilKept.kept).toBe(councilKept.due);
    const eastgate = row("housing");
    expect(eastgate.quadrant).toBe("warning");
    expect(eastgate.perceived!).toBeGreaterThanOrEqual(2.5);
    expect(eastgate.behaviour!).toBeLessThan(0.7);
    expect(flags(health).quadrant).toEqual({ trust: "both_low", pcn: "both_high", council: "perception_to_revisit", care: "both_low", vcs: "both_high", housing: "warning" });
    // The quadrant reads the latest network wave's competence and integrity received.
    const latest = health.perceived.network.at(-1)!;
    expect(health.quadrant.waveId).toBe(latest.waveId);
    expect(latest.organisations.find((o) => o.organisationId === council.organisationId)!.competenceIntegrity).toBeCloseTo(council.perceived!, 12);
  });

  it("flags Willowbank's outward activity falling against its own year, with the council's savings round beside it", () => {
    const k = keys(health);
    const drops = health.warnings.filter((w) => w.kind === "activity_drop");
    expect(drops.map((w) => k.get(w.organisationId))).toEqual(["care"]);
    const drop = drops[0]!;
    if (drop.kind !== "activity_drop") throw new Error("unreachable");
    expect(drop.activity.baseline).toBeGreaterThanOrEqual(4);
    expect(drop.activity.current.count).toBeLessThan(drop.activity.baseline / 2);
    expect(drop.activity.current.to).toBe(today);
    expect(drop.pressure.map((p) => p.label)).toContain("Council in-year savings round");
    for (const p of drop.pressure) expect(p.from <= drop.activity.current.to && p.to >= drop.activity.current.from, p.label).toBe(true);
    expect(drop.evidence).toContain(`${drop.activity.current.count} outward acts`);
    // Every other organisation keeps at least half its usual activity, or has too little to judge.
    for (const a of health.activity.filter((x) => k.get(x.organisationId) !== "care")) expect(a.baseline < 4 || a.current.count >= a.baseline / 2).toBe(true);
  });

  it("flags Willowbank's trust received falling by at least half a point between the two waves, and no one else's", () => {
    const k = keys(health);
    const drops = health.warnings.filter((w) => w.kind === "trust_drop");
    expect(drops.map((w) => k.get(w.organisationId))).toEqual(["care"]);
    const drop = drops[0]!;
    if (drop.kind !== "trust_drop") throw new Error("unreachable");
    const [baseline, followUp] = health.perceived.network;
    const received = (w: typeof baseline, id: string) => w!.organisations.find((o) => o.organisationId === id)!.received!;
    expect(drop.previous.score).toBeCloseTo(received(baseline, drop.organisationId), 12);
    expect(drop.latest.score).toBeCloseTo(received(followUp, drop.organisationId), 12);
    expect(drop.drop).toBeGreaterThanOrEqual(0.5);
    // The council loses some trust too, but less than half a point: a perception, not yet a fall.
    const council = health.organisations.find((o) => k.get(o.id) === "council")!.id;
    expect(received(baseline, council) - received(followUp, council)).toBeGreaterThan(0);
    expect(received(baseline, council) - received(followUp, council)).toBeLessThan(0.5);
  });

  it("flags the trust–Age Well pair, carried by the discharge lead the story names; a side seen in too few entries is not flagged", () => {
    const pairs = health.institutions.keyPerson.pairs;
    expect(pairs).toHaveLength(15);
    const flagged = pairs.filter((p) => p.flagged);
    expect(flagged.length).toBeGreaterThanOrEqual(1);
    expect(flagged.length).toBeLessThanOrEqual(3);
    expect(flags(health).keyPeople.sort()).toEqual(["trust–vcs:Amara Okafor"]);
    for (const p of flagged) {
      expect(p.share!).toBeGreaterThan(health.institutions.keyPerson.threshold);
      expect(p.joint).toBeGreaterThanOrEqual(health.institutions.keyPerson.minJoint);
    }
    // Willowbank–Eastgate: Chloe Wright is Willowbank's only recorded person, but in two entries: too few to call.
    const careHousing = pairs.find((p) => p.carriedBy?.personName === "Chloe Wright");
    expect(careHousing?.share).toBe(1);
    expect(careHousing?.flagged).toBe(false);
    for (const p of pairs.filter((x) => !x.flagged && x !== careHousing)) expect(p.share === null || p.share <= 0.7).toBe(true);
  });

  it("keeps one decision overdue for review", () => {
    expect(health.institutions.overdue).toHaveLength(1);
    const overdue = health.institutions.overdue[0]!;
    expect(overdue).toMatchObject({ register: "decisions", title: "Adopt the ways-of-working agreement" });
    expect(overdue.reviewOn! < today).toBe(true);
    expect(health.institutions.decisions.overdue).toBe(1);
  });

  it("suggests next steps from at least three practices, naming the organisations concerned", () => {
    const k = keys(health);
    const practices = new Set(health.nextSteps.map((s) => s.practice));
    expect(practices.size).toBeGreaterThanOrEqual(3);
    for (const p of ["communicate_directly", "commitment", "structures"]) expect(practices).toContain(p);
    const talk = health.nextSteps.find((s) => s.text.startsWith("Talk directly"))!;
    expect(talk.organisationIds.map((id) => k.get(id))).toEqual(["care"]);
    const warning = health.nextSteps.find((s) => s.text.includes("high trust but"))!;
    expect(warning.organisationIds.map((id) => k.get(id))).toEqual(["housing"]);
  });

  it("records last winter, the council's savings round and Eastgate's restructure as pressure events", () => {
    expect(health.pressureEvents.map((e) => [e.label, e.kind])).toEqual([
      ["Winter pressures", "winter_pressures"],
      ["Eastgate Housing restructure", "restructure"],
      ["Council in-year savings round", "funding_cut"],
    ]);
    for (const e of health.pressureEvents) expect(e.startsOn <= e.endsOn && e.startsOn < today).toBe(true);
  });

  it("moves nothing silently when asOf or the default period is given explicitly", async () => {
    expect(await getHealth(ctx.handle.db, actor, partnershipId, { asOf: today })).toEqual(health);
    expect(await getHealth(ctx.handle.db, actor, partnershipId, { from: health.period.from, to: today, asOf: today })).toEqual(health);
  });

  it("tells the same story whenever the demo is generated: midwinter and midsummer", async () => {
    for (const when of ["2026-01-20T15:30:00Z", "2026-07-15T08:00:00Z"]) {
      const now = new Date(when);
      const id = (await createDemoPartnership(ctx.handle.db, actor, undefined, now)).id;
      const h = await getHealth(ctx.handle.db, actor, id, { asOf: when.slice(0, 10) });
      expect(flags(h), when).toEqual(flags(health));
      const drop = h.warnings.find((w) => w.kind === "activity_drop")!;
      expect(drop.pressure.map((p) => p.label), when).toContain("Council in-year savings round");
      const winter = h.pressureEvents.find((e) => e.kind === "winter_pressures")!;
      expect(winter, when).toMatchObject(lastWinter(now));
    }
  }, 60_000);
});

describe("lastWinter", () => {
  it("is the latest 1 December to 31 March that began at least a month ago", () => {
    expect(lastWinter(new Date("2026-11-28T12:00:00Z"))).toEqual({ startsOn: "2025-12-01", endsOn: "2026-03-31" });
    expect(lastWinter(new Date("2026-12-20T12:00:00Z"))).toEqual({ startsOn: "2025-12-01", endsOn: "2026-03-31" });
    expect(lastWinter(new Date("2026-12-31T12:00:00Z"))).toEqual({ startsOn: "2026-12-01", endsOn: "2027-03-31" });
    expect(lastWinter(new Date("2027-02-14T12:00:00Z"))).toEqual({ startsOn: "2026-12-01", endsOn: "2027-03-31" });
    expect(lastWinter(new Date("2027-07-01T12:00:00Z"))).toEqual({ startsOn: "2026-12-01", endsOn: "2027-03-31" });
  });
});
