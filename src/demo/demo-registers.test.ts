// The demo partnership fills every practice register with a believable year, and the derived figures tell its story:
// uneven promise-keeping, one lopsided give-and-take, an overdue review, a stale statement, a changed decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../accounts/actor.ts";
import { REGISTERS } from "../registers/definitions/index.ts";
import { entryHistory } from "../registers/entry-use-cases.ts";
import { attention, goalProgressFor, intentionsFreshnessFor, keptOnTime, reciprocity } from "../registers/insights.ts";
import { REGISTER_KEYS, type RegisterKey } from "../registers/keys.ts";
import { timeline } from "../registers/timeline.ts";
import { goalProgress, intentionsFreshness, keptOnTimeRate, needsAttention, reciprocityBalance, type AttentionItem, type Commitment, type OfferOrAsk } from "../registers/metrics/index.ts";
import { parseStored, type SignUp } from "../registers/store.ts";
import type { EntryData } from "../registers/fields.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { createDemoPartnership } from "./create-demo-partnership.ts";
import { DEMO_ORGANISATIONS } from "./demo-data.ts";

interface Entry {
  id: string;
  register: RegisterKey;
  title: string;
  status: string | null;
  data: EntryData;
  signUps: SignUp[];
  createdAt: string;
  createdBy: string;
}

let ctx: TestContext;
let actor: Actor;
let partnershipId: string;
let entries: Entry[];
/** Organisation id → demo key (trust, pcn, …). */
let orgKey: Map<string, string>;
const today = new Date().toISOString().slice(0, 10);

async function loadEntries(id: string): Promise<Entry[]> {
  const rows = await ctx.handle.db.selectFrom("register_entries").selectAll().where("partnership_id", "=", id).where("deleted_at", "is", null).orderBy("created_at").orderBy("id").execute();
  return rows.map((r) => {
    const stored = parseStored(r);
    return { id: r.id, register: r.register, title: r.title, status: r.status, data: stored.fields, signUps: stored.signUps ?? [], createdAt: r.created_at, createdBy: r.created_by };
  });
}

const of = (key: RegisterKey) => entries.filter((e) => e.register === key);
const s = (d: EntryData, name: string) => (typeof d[name] === "string" ? (d[name] as string) : null);
/** What falls due, as the register definition says (the same rule the register backend indexes by). */
const dueItems = (list: Entry[], key: RegisterKey): AttentionItem[] =>
  list.flatMap((e) => {
    const due = REGISTERS[key].due?.(e.data);
    return due ? [{ kind: due.kind, id: e.id, dueOn: due.on, done: due.done }] : [];
  });

beforeAll(async () => {
  ctx = await createTestContext();
  const me = await ctx.user("Demo Explorer");
  actor = { userId: me.userId, name: "Demo Explorer", email: me.email, via: "session" };
  // The first-run path, through HTTP.
  const res = await me.client.post("/api/v1/demo");
  expect(res.status).toBe(201);
  partnershipId = res.body.id;
  entries = await loadEntries(partnershipId);
  const orgs = await ctx.handle.db.selectFrom("organisations").select(["id", "name"]).where("partnership_id", "=", partnershipId).execute();
  orgKey = new Map(orgs.map((o) => [o.id, DEMO_ORGANISATIONS.find((d) => d.name === o.name)!.key]));
}, 60_000);

afterAll(async () => {
  await ctx.close();
});

describe("demo registers", () => {
  it("fills every register, in plausible numbers", () => {
    const counts = Object.fromEntries(REGISTER_KEYS.map((k) => [k, of(k).length]));
    for (const k of REGISTER_KEYS) expect(counts[k], k).toBeGreaterThan(0);
    expect(counts["priorities"]).toBeGreaterThanOrEqual(3);
    expect(counts["priorities"]).toBeLessThanOrEqual(5);
    expect(counts["ways-of-working"]).toBeGreaterThanOrEqual(5);
    expect(counts["ways-of-working"]).toBeLessThanOrEqual(7);
    expect(counts["actions"]).toBeGreaterThanOrEqual(13);
    expect(counts["commitments"]).toBeGreaterThanOrEqual(30);
    expect(counts["commitments"]).toBeLessThanOrEqual(40);
    expect(counts["offers-asks"]).toBeGreaterThanOrEqual(18);
    expect(counts["opportunities"]).toBeGreaterThanOrEqual(5);
    expect(counts["risks"]).toBeGreaterThanOrEqual(7);
    expect(counts["decisions"]).toBeGreaterThanOrEqual(5);
    expect(counts["procedures"]).toBeGreaterThanOrEqual(3);
    expect(counts["goals"]).toBe(3);
    expect(counts["wins"]).toBeGreaterThanOrEqual(9);
  });

  it("dates the activity over the past year, never in the future", async () => {
    const yearAgo = new Date(Date.now() - 366 * 86_400_000).toISOString();
    const now = new Date().toISOString();
    for (const e of entries) {
      expect(e.createdAt > yearAgo, e.title).toBe(true);
      expect(e.createdAt <= now, e.title).toBe(true);
    }
    const versions = await ctx.handle.db.selectFrom("register_versions").select(["entry_id", "version", "changed_at"]).where("partnership_id", "=", partnershipId).orderBy("entry_id").orderBy("version").execute();
    for (let i = 1; i < versions.length; i++) {
      const [a, b] = [versions[i - 1]!, versions[i]!];
      if (a.entry_id === b.entry_id) expect(b.changed_at >= a.changed_at).toBe(true);
    }
    // Spread over the year, not bunched on one day.
    expect(new Set(versions.map((v) => v.changed_at.slice(0, 7))).size).toBeGreaterThanOrEqual(10);
  });

  it("has people record their own organisation's entries", async () => {
    const people = await ctx.handle.db.selectFrom("people").select(["user_id", "organisation_id", "role"]).where("partnership_id", "=", partnershipId).execute();
    const orgOf = new Map(people.map((p) => [p.user_id, p]));
    for (const c of of("commitments")) {
      const p = orgOf.get(c.createdBy)!;
      expect(p.role === "convenor" || p.organisation_id === s(c.data, "organisationId"), c.title).toBe(true);
    }
    expect(new Set(entries.map((e) => e.createdBy)).size).toBeGreaterThanOrEqual(15);
    expect(entries.some((e) => e.createdBy === actor.userId)).toBe(false);
  });

  it("links the action plan to priorities: most done, some in progress, at least two overdue", () => {
    const actions = of("actions");
    const priorityIds = new Set(of("priorities").map((p) => p.id));
    expect(actions.every((a) => priorityIds.has(s(a.data, "priorityId")!))).toBe(true);
    expect(actions.filter((a) => a.status === "done").length).toBeGreaterThan(actions.length / 2);
    expect(actions.some((a) => a.status === "in_progress")).toBe(true);
    expect(needsAttention(dueItems(actions, "actions"), today).overdue.length).toBeGreaterThanOrEqual(2);
  });

  it("has most organisations sign up to most statements, but not everyone to everything", () => {
    const statements = of("ways-of-working");
    const signUps = statements.reduce((n, w) => n + w.signUps.length, 0);
    expect(signUps).toBeGreaterThan((statements.length * DEMO_ORGANISATIONS.length) / 2);
    expect(signUps).toBeLessThan(statements.length * DEMO_ORGANISATIONS.length);
    expect(statements.some((w) => w.signUps.length === DEMO_ORGANISATIONS.length)).toBe(true);
  });

  it("shows kept-on-time rates that differ clearly between organisations, with every kind of outcome", () => {
    const commitments: Commitment[] = of("commitments").map((c) => ({
      id: c.id,
      organisationId: s(c.data, "organisationId")!,
      toOrganisationId: s(c.data, "toOrganisationId"),
      dueOn: s(c.data, "dueOn")!,
      outcome: s(c.data, "outcome") as Commitment["outcome"],
      outcomeOn: s(c.data, "outcomeOn"),
      renegotiatedDueOn: s(c.data, "renegotiatedDueOn"),
    }));
    const rates = keptOnTimeRate(commitments, today).filter((r) => r.rate !== null);
    expect(rates).toHaveLength(DEMO_ORGANISATIONS.length);
    const byKey = Object.fromEntries(rates.map((r) => [orgKey.get(r.organisationId)!, r]));
    const sorted = rates.map((r) => r.rate!).sort((a, b) => a - b);
    expect(sorted.at(-1)! - sorted[0]!).toBeGreaterThanOrEqual(0.4);
    // Broken promises sit with the trust and the home care provider.
    const broken = rates.reduce((n, r) => n + r.broken, 0);
    expect(broken).toBeGreaterThanOrEqual(4);
    expect(byKey["trust"]!.broken + byKey["care"]!.broken).toBe(broken);
    expect(byKey["trust"]!.rate!).toBeLessThan(0.5);
    expect(byKey["council"]!.rate!).toBeGreaterThan(0.9);
    // Eastgate breaks nothing, but delivers late while it restructures.
    expect(byKey["housing"]!.broken).toBe(0);
    expect(byKey["housing"]!.keptLate).toBeGreaterThanOrEqual(2);
    expect(rates.reduce((n, r) => n + r.keptLate, 0)).toBeGreaterThanOrEqual(2);
    expect(rates.reduce((n, r) => n + r.withdrawn, 0)).toBe(1);
    expect(rates.reduce((n, r) => n + r.open, 0)).toBeGreaterThanOrEqual(2);
    expect(commitments.filter((c) => c.renegotiatedDueOn !== null).length).toBeGreaterThanOrEqual(2);
    expect(commitments.filter((c) => c.outcome === "open" && c.dueOn < today)).toHaveLength(1);
  });

  it("has one clearly unbalanced pair: Age Well gives to the trust with nothing back", () => {
    const items: OfferOrAsk[] = of("offers-asks").map((o) => ({
      id: o.id,
      kind: s(o.data, "kind") as OfferOrAsk["kind"],
      fromOrganisationId: s(o.data, "organisationId")!,
      takenUpByOrganisationId: s(o.data, "takenUpByOrganisationId"),
      status: s(o.data, "status") as OfferOrAsk["status"],
    }));
    expect(items.filter((i) => i.status === "delivered").length).toBeGreaterThanOrEqual(12);
    const { pairs } = reciprocityBalance(items);
    const lopsided = pairs.filter((p) => Math.abs(p.balance) >= 4);
    expect(lopsided).toHaveLength(1);
    const p = lopsided[0]!;
    expect(new Set([orgKey.get(p.a), orgKey.get(p.b)])).toEqual(new Set(["vcs", "trust"]));
    expect(Math.min(p.aGaveToB, p.bGaveToA)).toBe(0);
    expect(orgKey.get(p.aGaveToB > 0 ? p.a : p.b)).toBe("vcs");
  });

  it("has joint opportunities in every status, with benefits per organisation", () => {
    const opportunities = of("opportunities");
    expect(new Set(opportunities.map((o) => o.status))).toEqual(new Set(["idea", "agreed", "in_progress", "won", "dropped"]));
    expect(opportunities.every((o) => (o.data["benefits"] as unknown[]).length >= 2)).toBe(true);
  });

  it("has an intentions statement from every organisation: one stale, one ageing, the rest current", () => {
    const statements = of("intentions").map((i) => ({ organisationId: s(i.data, "organisationId")!, statedOn: s(i.data, "statedOn")! }));
    const bands = intentionsFreshness(statements, today, [...orgKey.keys()]).map((f) => f.band);
    expect(bands.filter((b) => b === "stale")).toHaveLength(1);
    expect(bands.filter((b) => b === "ageing")).toHaveLength(1);
    expect(bands.filter((b) => b === "current")).toHaveLength(DEMO_ORGANISATIONS.length - 2);
  });

  it("shares risks with likelihood, impact and mitigations, some closed", () => {
    const risks = of("risks");
    expect(risks.every((r) => typeof r.data["likelihood"] === "number" && typeof r.data["impact"] === "number" && s(r.data, "mitigations"))).toBe(true);
    expect(risks.filter((r) => r.status === "closed").length).toBeGreaterThanOrEqual(2);
    expect(risks.filter((r) => r.status !== "closed").length).toBeGreaterThanOrEqual(3);
  });

  it("has decisions by each method, one overdue for review, one whose outcome changed", async () => {
    const decisions = of("decisions");
    expect(new Set(decisions.map((d) => s(d.data, "method")))).toEqual(new Set(["consensus", "consent", "vote"]));
    const overdue = needsAttention(dueItems(decisions, "decisions"), today).overdue;
    expect(overdue.filter((o) => o.item.kind === "decision_review").length).toBeGreaterThanOrEqual(1);
    let changed = 0;
    for (const d of decisions) {
      const history = await entryHistory(ctx.handle.db, actor, partnershipId, "decisions", d.id);
      const outcomes = new Set(history.items.map((v) => v.data["outcome"]).filter((o) => o !== null));
      if (outcomes.size >= 2) changed++;
    }
    expect(changed).toBeGreaterThanOrEqual(1);
  });

  it("has procedures adopted by decisions, with owners and review dates", () => {
    const decisionIds = new Set(of("decisions").map((d) => d.id));
    const procedures = of("procedures");
    for (const kind of ["escalation", "data_sharing", "referral_pathway"]) expect(procedures.some((p) => s(p.data, "kind") === kind)).toBe(true);
    const adopted = procedures.filter((p) => p.status === "adopted");
    expect(adopted.length).toBeGreaterThanOrEqual(3);
    expect(adopted.every((p) => decisionIds.has(s(p.data, "adoptedByDecisionId")!) && s(p.data, "ownerPersonId") && s(p.data, "reviewOn"))).toBe(true);
  });

  it("links wins to the three goals, some to two, and every goal makes progress", () => {
    const goals = of("goals");
    const wins = of("wins");
    expect(wins.some((w) => (w.data["goalIds"] as string[]).length >= 2)).toBe(true);
    const progress = goalProgress(
      goals.map((g) => ({ id: g.id, target: g.data["target"] as number })),
      wins.map((w) => ({ id: w.id, goalIds: w.data["goalIds"] as string[], weight: w.data["weight"] as number, achievedOn: s(w.data, "achievedOn")! })),
    );
    expect(progress.every((p) => p.wins >= 3 && p.progress > 0 && p.progress < 1)).toBe(true);
  });

  it("tells the same story through the derived figures the register pages show", async () => {
    const db = ctx.handle.db;
    const rates = (await keptOnTime(db, actor, partnershipId)).items.map((r) => r.rate!);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThanOrEqual(0.4);
    const pairs = (await reciprocity(db, actor, partnershipId)).pairs;
    expect(pairs.filter((p) => Math.abs(p.balance) >= 4).map((p) => [p.aName, p.bName].sort())).toEqual([["Riverside Age Well", "Riverside University Hospitals NHS Trust"]]);
    const fresh = (await intentionsFreshnessFor(db, actor, partnershipId)).items;
    expect(fresh.find((f) => f.band === "stale")?.organisationName).toBe("Riverside University Hospitals NHS Trust");
    expect(fresh.find((f) => f.band === "ageing")?.organisationName).toBe("Willowbank Home Care");
    const due = await attention(db, actor, partnershipId);
    const overdueKinds = due.overdue.map((o) => o.kind);
    expect(overdueKinds.filter((k) => k === "action").length).toBeGreaterThanOrEqual(2);
    expect(overdueKinds.filter((k) => k === "commitment")).toHaveLength(1);
    expect(overdueKinds).toContain("decision_review");
    expect(due.dueSoon.length).toBeGreaterThanOrEqual(1);
    expect((await goalProgressFor(db, actor, partnershipId)).items.every((g) => g.winList.length >= 3)).toBe(true);
    // The activity timeline reaches back most of a year.
    let oldest = "";
    for (let cursor: string | undefined; ; ) {
      const page = await timeline(db, actor, partnershipId, { limit: 200, cursor });
      oldest = page.items.at(-1)?.changedAt ?? oldest;
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(oldest < new Date(Date.now() - 300 * 86_400_000).toISOString()).toBe(true);
  });

  it("is the same every time", async () => {
    const second = await createDemoPartnership(ctx.handle.db, actor);
    const orgs = await ctx.handle.db.selectFrom("organisations").select(["id", "name"]).where("partnership_id", "=", second.id).execute();
    const secondKey = new Map(orgs.map((o) => [o.id, DEMO_ORGANISATIONS.find((d) => d.name === o.name)!.key]));
    const shape = (list: Entry[], keys: Map<string, string>) =>
      list.map((e) => `${e.register}|${e.title}|${e.status}|${e.createdAt}|${s(e.data, "organisationId") ? keys.get(s(e.data, "organisationId")!) : "-"}|${s(e.data, "dueOn") ?? ""}|${e.signUps.map((u) => keys.get(u.organisationId)).join(",")}`);
    expect(shape(await loadEntries(second.id), secondKey)).toEqual(shape(entries, orgKey));
  }, 60_000);
});
