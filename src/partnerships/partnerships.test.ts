// Integration tests for partnerships, organisations, people, roles, invitations, tombstones and the audit log.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, TestClient, type TestContext } from "../testing/test-app.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function partnershipWithConvenor(name = "North Coast ICP") {
  const convenor = await ctx.user("Cora Convenor");
  const p = await convenor.client.post("/api/v1/partnerships", { name, purpose: "Joined-up care for frail older people" });
  expect(p.status).toBe(201);
  return { convenor, pid: p.body.id as string };
}

describe("a convenor builds a partnership", () => {
  it("creates a partnership, adds organisations with sectors and people with roles", async () => {
    const { convenor, pid } = await partnershipWithConvenor();
    const got = await convenor.client.get(`/api/v1/partnerships/${pid}`);
    expect(got.body).toMatchObject({ name: "North Coast ICP", myRole: "convenor" });

    const trust = await convenor.client.post(`/api/v1/partnerships/${pid}/organisations`, { name: "Coast NHS Trust", sector: "nhs_trust" });
    const council = await convenor.client.post(`/api/v1/partnerships/${pid}/organisations`, { name: "Coast Council", sector: "local_authority" });
    expect(trust.status).toBe(201);
    expect(council.body.sector).toBe("local_authority");
    const badSector = await convenor.client.post(`/api/v1/partnerships/${pid}/organisations`, { name: "X", sector: "spaceship" });
    expect(badSector.status).toBe(422);
    expect(badSector.body.errors[0].path).toBe("sector");

    const person = await convenor.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Dev Patel", email: "Dev@Example.org", organisationId: trust.body.id, role: "member" });
    expect(person.status).toBe(201);
    expect(person.body).toMatchObject({ name: "Dev Patel", email: "dev@example.org", role: "member", status: "not_invited", organisationId: trust.body.id, organisationName: "Coast NHS Trust" });

    const dup = await convenor.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Dev", email: "dev@example.org", role: "viewer" });
    expect(dup.status).toBe(409);

    const foreignOrg = await convenor.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Zed", email: "zed@example.org", organisationId: "not-an-org", role: "viewer" });
    expect(foreignOrg.status).toBe(422);
    expect(foreignOrg.body.errors[0].path).toBe("organisationId");

    const people = await convenor.client.get(`/api/v1/partnerships/${pid}/people`);
    expect(people.body.items.map((p: { name: string }) => p.name).sort()).toEqual(["Cora Convenor", "Dev Patel"]);
  });

  it("lets one person hold different roles in different partnerships", async () => {
    const a = await partnershipWithConvenor("A");
    const b = await partnershipWithConvenor("B");
    const sam = await ctx.user("Sam", "sam@example.org");
    await ctx.addMember(a.convenor.client, a.pid, { name: "Sam", email: "sam@example.org", role: "viewer" }, sam.client);
    await ctx.addMember(b.convenor.client, b.pid, { name: "Sam", email: "sam@example.org", role: "convenor" }, sam.client);
    const mine = await sam.client.get("/api/v1/partnerships");
    const roles = Object.fromEntries(mine.body.items.map((p: { name: string; myRole: string }) => [p.name, p.myRole]));
    expect(roles).toEqual({ A: "viewer", B: "convenor" });
    expect((await sam.client.post(`/api/v1/partnerships/${a.pid}/organisations`, { name: "X", sector: "other" })).status).toBe(403);
    expect((await sam.client.post(`/api/v1/partnerships/${b.pid}/organisations`, { name: "X", sector: "other" })).status).toBe(201);
  });

  it("paginates with an opaque cursor and rejects a forged one", async () => {
    const { convenor, pid } = await partnershipWithConvenor();
    for (let i = 0; i < 7; i++) await convenor.client.post(`/api/v1/partnerships/${pid}/organisations`, { name: `Org ${i}`, sector: "other" });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = await convenor.client.get(`/api/v1/partnerships/${pid}/organisations?limit=3${q}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((o: { name: string }) => o.name));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const forged = await convenor.client.get(`/api/v1/partnerships/${pid}/organisations?cursor=garbage`);
    expect(forged.status).toBe(422);
    expect(forged.body.errors[0].path).toBe("cursor");
  });
});

describe("records are never hard-deleted, and every change is audited", () => {
  it("tombstones organisations and people, and the audit log names who did what", async () => {
    const { convenor, pid } = await partnershipWithConvenor();
    const org = (await convenor.client.post(`/api/v1/partnerships/${pid}/organisations`, { name: "Coast Housing", sector: "housing" })).body;
    await convenor.client.patch(`/api/v1/partnerships/${pid}/organisations/${org.id}`, { name: "Coast Homes" });
    const person = (await convenor.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Ola", email: "ola@example.org", role: "viewer" })).body;
    await convenor.client.patch(`/api/v1/partnerships/${pid}/people/${person.id}`, { role: "member" });
    expect((await convenor.client.delete(`/api/v1/partnerships/${pid}/organisations/${org.id}`)).status).toBe(204);
    expect((await convenor.client.delete(`/api/v1/partnerships/${pid}/people/${person.id}`)).status).toBe(204);

    expect((await convenor.client.get(`/api/v1/partnerships/${pid}/organisations/${org.id}`)).status).toBe(404);
    const orgRow = await ctx.handle.db.selectFrom("organisations").selectAll().where("id", "=", org.id).executeTakeFirstOrThrow();
    expect(orgRow.deleted_at).not.toBeNull();
    expect(orgRow.name).toBe("Coast Homes");
    const personRow = await ctx.handle.db.selectFrom("people").selectAll().where("id", "=", person.id).executeTakeFirstOrThrow();
    expect(personRow.deleted_at).not.toBeNull();

    const audit = await convenor.client.get(`/api/v1/partnerships/${pid}/audit`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(["person.removed", "organisation.removed", "person.role_changed", "person.added", "organisation.updated", "organisation.added", "person.added", "partnership.created"]);
    expect(audit.body.items.every((e: { actorName: string }) => e.actorName === "Cora Convenor")).toBe(true);
  });

  it("pages the audit log newest first with a cursor, seeing every entry once", async () => {
    const { convenor, pid } = await partnershipWithConvenor();
    for (let i = 0; i < 5; i++) await convenor.client.post(`/api/v1/partnerships/${pid}/organisations`, { name: `Org ${i}`, sector: "other" });
    const all = (await convenor.client.get(`/api/v1/partnerships/${pid}/audit`)).body.items.map((e: { id: string }) => e.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = await convenor.client.get(`/api/v1/partnerships/${pid}/audit?limit=2${q}`);
      paged.push(...page.body.items.map((e: { id: string }) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor && paged.length < 50);
    expect(all).toHaveLength(7);
    expect(paged).toEqual(all);
  });

  it("keeps at least one convenor", async () => {
    const { convenor, pid } = await partnershipWithConvenor();
    const me = (await convenor.client.get(`/api/v1/partnerships/${pid}/people`)).body.items[0];
    expect((await convenor.client.patch(`/api/v1/partnerships/${pid}/people/${me.id}`, { role: "member" })).status).toBe(409);
    expect((await convenor.client.delete(`/api/v1/partnerships/${pid}/people/${me.id}`)).status).toBe(409);
  });

  it("signs a person out everywhere when they are removed from their last partnership", async () => {
    const a = await partnershipWithConvenor("A");
    const b = await partnershipWithConvenor("B");
    const sam = await ctx.user("Sam", "sam@example.org");
    const inA = (await ctx.addMember(a.convenor.client, a.pid, { name: "Sam", email: "sam@example.org", role: "member" }, sam.client)).body;
    const inB = (await ctx.addMember(b.convenor.client, b.pid, { name: "Sam", email: "sam@example.org", role: "member" }, sam.client)).body;
    await a.convenor.client.delete(`/api/v1/partnerships/${a.pid}/people/${inA.id}`);
    expect((await sam.client.get("/api/v1/me")).status).toBe(200);
    expect((await sam.client.get(`/api/v1/partnerships/${a.pid}`)).status).toBe(404);
    await b.convenor.client.delete(`/api/v1/partnerships/${b.pid}/people/${inB.id}`);
    expect((await sam.client.get("/api/v1/me")).status).toBe(401);
  });
});

describe("invitations (see invitations.test.ts for the attacks)", () => {
  async function invited() {
    const { convenor, pid } = await partnershipWithConvenor();
    const person = (await convenor.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Ike Invitee", email: "ike@example.org", role: "member" })).body;
    const inv = await convenor.client.post(`/api/v1/partnerships/${pid}/people/${person.id}/invitations`);
    expect(inv.status).toBe(201);
    const token = new URL(inv.body.url).pathname.split("/").pop()!;
    return { convenor, pid, person, inv: inv.body, token };
  }

  it("without mail, shows the link to the convenor and lets a new person choose a password once", async () => {
    const { convenor, pid, person, inv, token } = await invited();
    expect(inv.url).toMatch(/^http:\/\/localhost\/invite\//);
    expect(inv.emailed).toBe(false);
    expect(ctx.mailer.sent).toHaveLength(0);
    expect((await convenor.client.get(`/api/v1/partnerships/${pid}/people/${person.id}`)).body.status).toBe("invited");

    const ike = ctx.anonymous();
    const info = await ike.get(`/api/v1/invitations/${token}`);
    expect(info.body).toEqual({ kind: "partnership", partnershipId: pid, programmeId: null, name: "North Coast ICP", personName: "Ike Invitee", email: "ike@example.org", emailed: false });
    const noPassword = await ike.post(`/api/v1/invitations/${token}/accept`, {});
    expect(noPassword.status).toBe(422);
    const accepted = await ike.post(`/api/v1/invitations/${token}/accept`, { password: "ike's own password" });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email: "ike@example.org", name: "Ike Invitee", emailProven: false });
    expect((await ike.get(`/api/v1/partnerships/${pid}`)).body.myRole).toBe("member");
    expect((await convenor.client.get(`/api/v1/partnerships/${pid}/people/${person.id}`)).body).toMatchObject({ status: "active", addressUnproven: true });

    const reuse = await ctx.anonymous().post(`/api/v1/invitations/${token}/accept`, { password: "someone else's pw" });
    expect(reuse.status).toBe(404);
    expect((await ctx.anonymous().get(`/api/v1/invitations/${token}`)).status).toBe(404);
    const signIn = await ctx.anonymous().post("/api/v1/auth/sign-in", { email: "ike@example.org", password: "ike's own password" });
    expect(signIn.status).toBe(200);
  });

  it("expires links, and a new link replaces the old one", async () => {
    const { convenor, pid, person, token } = await invited();
    const again = await convenor.client.post(`/api/v1/partnerships/${pid}/people/${person.id}/invitations`);
    expect((await ctx.anonymous().get(`/api/v1/invitations/${token}`)).status).toBe(404);
    const token2 = new URL(again.body.url).pathname.split("/").pop()!;
    await ctx.handle.db.updateTable("invitations").set({ expires_at: "2000-01-01T00:00:00.000Z" }).where("used_at", "is", null).execute();
    expect((await ctx.anonymous().get(`/api/v1/invitations/${token2}`)).status).toBe(404);
    expect((await ctx.anonymous().post(`/api/v1/invitations/${token2}/accept`, { password: "long enough pw" })).status).toBe(404);
  });

  it("stores only a hash of the invitation token", async () => {
    const { token } = await invited();
    const rows = await ctx.handle.db.selectFrom("invitations").select("token_hash").execute();
    expect(rows.some((r) => r.token_hash.includes(token))).toBe(false);
  });
});

describe("outsiders", () => {
  it("get 404 for everything inside a partnership, without learning its name", async () => {
    const { pid } = await partnershipWithConvenor("Secret Alliance");
    const outsider = await ctx.user("Otto");
    for (const path of [`/api/v1/partnerships/${pid}`, `/api/v1/partnerships/${pid}/people`, `/api/v1/partnerships/${pid}/organisations`, `/api/v1/partnerships/${pid}/audit`]) {
      const res = await outsider.client.get(path);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain("Secret Alliance");
    }
    expect((await outsider.client.get("/api/v1/partnerships")).body.items).toEqual([]);
    expect((await new TestClient(ctx.app).get(`/api/v1/partnerships/${pid}`)).status).toBe(401);
  });
});
