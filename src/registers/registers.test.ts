// Integration tests for the registers: edit rights, history, tombstones, lists, derived measures, timeline and attention.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-app.ts";
import { loadEntry, saveChange } from "./store.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function setUp() {
  const convenor = await ctx.user("Cora");
  const p = (await convenor.client.post("/api/v1/partnerships", { name: "Registers Partnership", purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  const trust = (await convenor.client.post(`${base}/organisations`, { name: "Riverside Trust", sector: "nhs_trust" })).body;
  const council = (await convenor.client.post(`${base}/organisations`, { name: "Borough Council", sector: "local_authority" })).body;
  const member = await ctx.user("Mo");
  const viewer = await ctx.user("Vi");
  expect((await ctx.addMember(convenor.client, base, { name: "Mo", email: member.email, role: "member", organisationId: trust.id }, member.client)).status).toBe(201);
  expect((await ctx.addMember(convenor.client, base, { name: "Vi", email: viewer.email, role: "viewer", organisationId: council.id }, viewer.client)).status).toBe(201);
  return { convenor: convenor.client, member: member.client, viewer: viewer.client, base, reg: `${base}/registers`, trust, council };
}

/** The If-Match header naming a version (every write to an existing entry needs one, or a body version). */
const im = (version: number) => ({ "if-match": `"${version}"` });

const commitment = (organisationId: string, extra: Record<string, unknown> = {}) => ({ title: "Share the discharge list daily", organisationId, dueOn: "2026-01-10", ...extra });

describe("edit rights", () => {
  it("lets members add and change their own organisation's entries only, convenors everything, viewers nothing", async () => {
    const { convenor, member, viewer, reg, trust, council } = await setUp();
    const own = await member.post(`${reg}/commitments`, commitment(trust.id));
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ register: "commitments", title: "Share the discharge list daily", organisationId: trust.id, version: 1, canEdit: true, status: "open" });
    expect((await member.post(`${reg}/commitments`, commitment(council.id))).status).toBe(403);
    expect((await viewer.post(`${reg}/commitments`, commitment(council.id))).status).toBe(403);
    const theirs = (await convenor.post(`${reg}/commitments`, commitment(council.id))).body;
    expect((await member.patch(`${reg}/commitments/${theirs.id}`, { note: "x" }, im(1))).status).toBe(403);
    expect((await member.get(`${reg}/commitments/${theirs.id}`)).body.canEdit).toBe(false);
    // A member cannot hand their entry to another organisation.
    expect((await member.patch(`${reg}/commitments/${own.body.id}`, { organisationId: council.id }, im(1))).status).toBe(403);
    // Convenor-only registers.
    expect((await member.post(`${reg}/decisions`, { title: "Adopt", proposal: "p" })).status).toBe(403);
    expect((await convenor.post(`${reg}/decisions`, { title: "Adopt", proposal: "p" })).status).toBe(201);
  });
});

describe("field-level rights", () => {
  it("lets the organisation that took up an offer record delivery only, and records take-ups only through the take-up action", async () => {
    const { convenor, member, reg, base, trust, council } = await setUp();
    const third = (await convenor.post(`${base}/organisations`, { name: "Third Sector Hub", sector: "voluntary_community" })).body;
    const offer = (await convenor.post(`${reg}/offers-asks`, { kind: "offer", title: "Two social workers for a week", organisationId: council.id })).body;
    expect((await member.post(`${reg}/offers-asks/${offer.id}/take-up`, { organisationId: trust.id }, im(1))).status).toBe(200);
    // The taker (the trust's member) may not rewrite the offer, hand it to a third organisation, or move the take-up.
    for (const change of [{ title: "Something else" }, { organisationId: third.id }, { takenUpByOrganisationId: third.id }, { kind: "ask" }]) {
      const res = await member.patch(`${reg}/offers-asks/${offer.id}`, change, im(2));
      expect(res.status, JSON.stringify(change)).toBe(403);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(Object.keys(change));
    }
    expect((await member.delete(`${reg}/offers-asks/${offer.id}`, im(2))).status).toBe(403);
    expect((await member.patch(`${reg}/offers-asks/${offer.id}`, { status: "delivered" }, im(2))).body.data).toMatchObject({ status: "delivered", organisationId: council.id, takenUpByOrganisationId: trust.id, title: "Two social workers for a week" });

    // An offering organisation cannot record a take-up by someone else, by creating or by changing.
    const own = (await member.post(`${reg}/offers-asks`, { kind: "offer", title: "Our meeting room", organisationId: trust.id })).body;
    const recorded = await member.patch(`${reg}/offers-asks/${own.id}`, { takenUpByOrganisationId: council.id, status: "taken_up" }, im(1));
    expect(recorded.status).toBe(403);
    expect(recorded.body.detail).toContain("takenUpByOrganisationId");
    expect(recorded.body.detail).toContain(`/registers/offers-asks/{entryId}/take-up`);
    expect((await member.post(`${reg}/offers-asks`, { kind: "offer", title: "Pre-taken", organisationId: trust.id, takenUpByOrganisationId: council.id, status: "taken_up" })).status).toBe(403);
    expect((await member.get(`${reg}/offers-asks/${own.id}`)).body).toMatchObject({ version: 1, data: { takenUpByOrganisationId: null, status: "open" } });
    // Sign-ups are not a field at all: the body names the action to use.
    const statement = (await convenor.post(`${reg}/ways-of-working`, { statement: "We say early when we cannot deliver." })).body;
    const signed = await convenor.patch(`${reg}/ways-of-working/${statement.id}`, { signUps: [{ organisationId: trust.id }] }, im(1));
    expect(signed.status).toBe(422);
    expect(signed.body.errors[0]).toMatchObject({ path: "signUps", message: expect.stringContaining("/sign-ups") });
    // A convenor may still correct a mistaken take-up.
    expect((await convenor.patch(`${reg}/offers-asks/${offer.id}`, { takenUpByOrganisationId: third.id }, im(3))).body.data.takenUpByOrganisationId).toBe(third.id);
  });
});

describe("history, tombstones and concurrency", () => {
  it("keeps every version, refuses a stale version, removes to a tombstone and restores", async () => {
    const { convenor, reg, trust, base } = await setUp();
    const c = (await convenor.post(`${reg}/commitments`, commitment(trust.id))).body;
    const kept = await convenor.patch(`${reg}/commitments/${c.id}`, { outcome: "kept", version: 1 });
    expect(kept.status).toBe(200);
    expect(kept.body.data.outcomeOn).toBe(new Date().toISOString().slice(0, 10));
    expect(kept.body.version).toBe(2);
    const stale = await convenor.patch(`${reg}/commitments/${c.id}`, { note: "late", version: 1 });
    expect(stale.status).toBe(409);
    expect((await convenor.delete(`${reg}/commitments/${c.id}`, im(2))).status).toBe(204);
    expect((await convenor.get(`${reg}/commitments`)).body.items).toHaveLength(0);
    expect((await convenor.get(`${reg}/commitments?deleted=only`)).body.items).toHaveLength(1);
    expect((await convenor.patch(`${reg}/commitments/${c.id}`, { note: "x" }, im(3))).status).toBe(409);
    expect((await convenor.post(`${reg}/commitments/${c.id}/restore`, {}, im(3))).body.deletedAt).toBeNull();
    const history = (await convenor.get(`${reg}/commitments/${c.id}/history`)).body.items;
    expect(history.map((v: { action: string }) => v.action)).toEqual(["created", "updated", "removed", "restored"]);
    expect(history[0].data.outcome).toBe("open");
    expect(history[1].data.outcome).toBe("kept");
    const audit = (await convenor.get(`${base}/audit`)).body.items.map((a: { action: string }) => a.action);
    expect(audit).toEqual(expect.arrayContaining(["register.created", "register.updated", "register.removed", "register.restored"]));
  });

  it("refuses to store a change made from a stale read, whatever the change (remove and restore too)", async () => {
    const { convenor, reg, trust, base } = await setUp();
    const c = (await convenor.post(`${reg}/commitments`, commitment(trust.id))).body;
    const partnershipId = base.split("/").pop()!;
    const stale = await loadEntry(ctx.handle.db, partnershipId, "commitments", c.id);
    expect((await convenor.patch(`${reg}/commitments/${c.id}`, { note: "first" }, im(1))).status).toBe(200);
    const removeFromStale = saveChange(ctx.handle.db, stale, { ...stale, deleted_at: "2026-01-01T00:00:00.000Z", deleted_by: stale.created_by }, { action: "removed", summary: "x", userId: stale.created_by, at: "2026-01-01T00:00:00.000Z" });
    await expect(removeFromStale).rejects.toMatchObject({ code: "conflict" });
    const history = (await convenor.get(`${reg}/commitments/${c.id}/history`)).body.items;
    expect(history.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([[1, "created"], [2, "updated"]]);
  });

  it("dates an outcome afresh when it changes, and says what changed in words", async () => {
    const { convenor, reg, trust } = await setUp();
    const c = (await convenor.post(`${reg}/commitments`, commitment(trust.id, { outcome: "renegotiated", outcomeOn: "2026-01-08", renegotiatedDueOn: "2026-02-01" }))).body;
    expect(c.data.outcomeOn).toBe("2026-01-08");
    const kept = (await convenor.patch(`${reg}/commitments/${c.id}`, { outcome: "kept" }, im(1))).body;
    expect(kept.data.outcomeOn).toBe(new Date().toISOString().slice(0, 10));
    const backdated = (await convenor.patch(`${reg}/commitments/${c.id}`, { outcome: "broken", outcomeOn: "2026-01-20" }, im(2))).body;
    expect(backdated.data.outcomeOn).toBe("2026-01-20");
    const history = (await convenor.get(`${reg}/commitments/${c.id}/history`)).body.items;
    expect(history[1].summary).toBe("Commitment “Share the discharge list daily” changed: outcome Renegotiated → Kept; outcome recorded on");
  });

  it("checks rules across fields and references, naming the field", async () => {
    const { convenor, reg, trust } = await setUp();
    const self = await convenor.post(`${reg}/commitments`, commitment(trust.id, { toOrganisationId: trust.id }));
    expect(self.status).toBe(422);
    expect(self.body.errors[0].path).toBe("toOrganisationId");
    const reneg = await convenor.post(`${reg}/commitments`, commitment(trust.id, { outcome: "renegotiated" }));
    expect(reneg.body.errors[0].path).toBe("renegotiatedDueOn");
    const ghost = await convenor.post(`${reg}/commitments`, commitment("0190-not-an-org"));
    expect(ghost.status).toBe(422);
    expect(ghost.body.errors[0].path).toBe("organisationId");
    const badDate = await convenor.post(`${reg}/commitments`, commitment(trust.id, { dueOn: "2026-02-30" }));
    expect(badDate.body.errors[0].path).toBe("dueOn");
    const unknown = await convenor.post(`${reg}/commitments`, commitment(trust.id, { colour: "red" }));
    expect(unknown.status).toBe(422);
    const wrongRegister = await convenor.post(`${reg}/actions`, { title: "a", ownerOrganisationId: trust.id, dueOn: "2026-01-01", priorityId: (await convenor.post(`${reg}/goals`, { title: "g" })).body.id });
    expect(wrongRegister.body.errors[0].path).toBe("priorityId");
  });
});

describe("lists", () => {
  it("filters by organisation, status and text, sorts by due date and pages with cursors", async () => {
    const { convenor, reg, trust, council } = await setUp();
    for (let i = 0; i < 5; i++) await convenor.post(`${reg}/commitments`, commitment(i % 2 ? council.id : trust.id, { title: `Promise ${i}`, dueOn: `2026-0${9 - i}-01`, toOrganisationId: i % 2 ? null : council.id }));
    await convenor.post(`${reg}/commitments`, commitment(trust.id, { title: "100% of referrals", outcome: "kept" }));
    expect((await convenor.get(`${reg}/commitments?organisationId=${council.id}`)).body.items).toHaveLength(5);
    expect((await convenor.get(`${reg}/commitments?status=kept`)).body.items.map((e: { title: string }) => e.title)).toEqual(["100% of referrals"]);
    expect((await convenor.get(`${reg}/commitments?q=${encodeURIComponent("100%")}`)).body.items).toHaveLength(1);
    expect((await convenor.get(`${reg}/commitments?q=${encodeURIComponent("_")}`)).body.items).toHaveLength(0);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { data: { dueOn: string } }[]; nextCursor: string | null } } = await convenor.get(`${reg}/commitments?sort=due&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((e) => e.data.dueOn));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toHaveLength(6);
  });
});

describe("derived measures", () => {
  it("kept-on-time rate changes when a commitment is marked kept", async () => {
    const { convenor, member, reg, base, trust } = await setUp();
    const c = (await member.post(`${reg}/commitments`, commitment(trust.id, { dueOn: "2099-01-01" }))).body;
    const rate = async () => (await convenor.get(`${base}/kept-on-time`)).body.items.find((r: { organisationId: string }) => r.organisationId === trust.id);
    expect(await rate()).toMatchObject({ organisationName: "Riverside Trust", total: 1, due: 0, rate: null });
    expect((await member.patch(`${reg}/commitments/${c.id}`, { outcome: "kept" }, im(1))).status).toBe(200);
    expect(await rate()).toMatchObject({ due: 1, keptOnTime: 1, rate: 1 });
  });

  it("derives the give/take balance from delivered offers and asks, via take-up", async () => {
    const { convenor, member, viewer, reg, base, trust, council } = await setUp();
    const offer = (await convenor.post(`${reg}/offers-asks`, { kind: "offer", title: "Two social workers for a week", organisationId: council.id })).body;
    expect((await viewer.post(`${reg}/offers-asks/${offer.id}/take-up`, { organisationId: council.id }, im(1))).status).toBe(403);
    expect((await member.post(`${reg}/offers-asks/${offer.id}/take-up`, { organisationId: council.id }, im(1))).status).toBe(403);
    const taken = await member.post(`${reg}/offers-asks/${offer.id}/take-up`, { organisationId: trust.id }, im(1));
    expect(taken.body).toMatchObject({ status: "taken_up", canEdit: true });
    expect((await member.post(`${reg}/offers-asks/${offer.id}/take-up`, { organisationId: trust.id }, im(2))).status).toBe(409);
    // The taker may now record delivery.
    expect((await member.patch(`${reg}/offers-asks/${offer.id}`, { status: "delivered" }, im(2))).status).toBe(200);
    const balance = (await convenor.get(`${base}/reciprocity`)).body;
    expect(balance.pairs).toHaveLength(1);
    const pair = balance.pairs[0];
    const councilGave = pair.a === council.id ? pair.aGaveToB : pair.bGaveToA;
    expect(councilGave).toBe(1);
  });

  it("records sign-ups once per organisation, rolls goals up from wins, and lists what needs attention", async () => {
    const { convenor, member, reg, base, trust } = await setUp();
    const statement = (await convenor.post(`${reg}/ways-of-working`, { statement: "We say early when we cannot deliver." })).body;
    expect((await member.post(`${reg}/ways-of-working/${statement.id}/sign-ups`, { organisationId: trust.id }, im(1))).body.signUps).toHaveLength(1);
    expect((await member.post(`${reg}/ways-of-working/${statement.id}/sign-ups`, { organisationId: trust.id }, im(2))).status).toBe(409);
    const goal = (await convenor.post(`${reg}/goals`, { title: "Fewer delayed discharges", target: 2 })).body;
    await member.post(`${reg}/wins`, { title: "Joint discharge huddle started", organisationId: trust.id, achievedOn: "2026-03-01", goalIds: [goal.id] });
    const progress = (await convenor.get(`${base}/goal-progress`)).body.items[0];
    expect(progress).toMatchObject({ goalId: goal.id, wins: 1, progress: 0.5 });
    await member.post(`${reg}/actions`, { title: "Map the pathway", ownerOrganisationId: trust.id, dueOn: "2026-01-05" });
    const decision = (await convenor.post(`${reg}/decisions`, { title: "Pool the budget", proposal: "p", status: "decided", outcome: "Agreed", reviewOn: "2026-02-01" })).body;
    const att = (await convenor.get(`${base}/attention?asOf=2026-02-10`)).body;
    expect(att.overdue.map((a: { kind: string; days: number }) => [a.kind, a.days])).toEqual([["action", 36], ["decision_review", 9]]);
    expect(att.overdue[1].entryId).toBe(decision.id);
  });
});

describe("timeline", () => {
  it("shows register events newest first, filtered by register and organisation", async () => {
    const { convenor, reg, base, trust, council } = await setUp();
    await convenor.post(`${reg}/commitments`, commitment(trust.id));
    await convenor.post(`${reg}/risks`, { title: "Winter staffing", organisationId: council.id });
    const all = (await convenor.get(`${base}/timeline`)).body.items;
    expect(all.map((t: { register: string }) => t.register)).toEqual(["risks", "commitments"]);
    expect((await convenor.get(`${base}/timeline?register=commitments`)).body.items).toHaveLength(1);
    expect((await convenor.get(`${base}/timeline?organisationId=${council.id}`)).body.items.map((t: { register: string }) => t.register)).toEqual(["risks"]);
  });
});

async function importCsv(client: TestClient, path: string, csv: string) {
  return client.request("POST", path, csv, { "content-type": "text/csv" });
}

describe("CSV", () => {
  it("round-trips an export, and refuses a file with any bad row, naming every line", async () => {
    const { convenor, reg, trust, council } = await setUp();
    await convenor.post(`${reg}/commitments`, commitment(trust.id, { title: "=SUM(A1) looks like a formula", toOrganisationId: council.id, note: 'Says "hi",\non two lines' }));
    const csv = (await convenor.get(`${reg}/commitments.csv`)).text;
    expect(csv.split("\r\n")[0]).toContain("id,title,organisationId,toOrganisationId,dueOn");
    expect(csv).toContain("'=SUM(A1)");
    expect(csv).toContain("Riverside Trust");
    const imported = await importCsv(convenor, `${reg}/commitments/import`, csv);
    expect(imported.status).toBe(201);
    expect(imported.body.imported).toBe(1);
    const items = (await convenor.get(`${reg}/commitments`)).body.items;
    expect(items).toHaveLength(2);
    expect(items[0].data).toEqual(items[1].data);

    const bad = ["title,organisationId,dueOn,outcome", "Fine,Riverside Trust,2026-01-01,open", "No org,Nowhere Ltd,2026-01-01,open", '"Bad date",Borough Council,2026-13-01,kept', "Bad outcome,Borough Council,2026-01-01,maybe"].join("\n");
    const refused = await importCsv(convenor, `${reg}/commitments/import`, bad);
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(["line 3: organisationId", "line 4: dueOn", "line 5: outcome"]);
    expect((await convenor.get(`${reg}/commitments`)).body.items).toHaveLength(2);
    expect((await importCsv(convenor, `${reg}/commitments/import`, "title,colour\nx,red")).body.errors[0].message).toContain("Unknown column");
    expect((await convenor.request("POST", `${reg}/commitments/import`, "{}", { "content-type": "application/json" })).status).toBe(415);
  });
});
