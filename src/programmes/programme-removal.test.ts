// Integration: removing programme leads (never the last active one, 404 for non-leads, audited) and deleting a programme (confirmed by name; gone from every list, page, join code and partnership; sharing rows kept).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disableUser } from "../accounts/disable-user.ts";
import { createTestContext, invitationToken, type TestClient, type TestContext } from "../testing/test-app.ts";
import { PartnershipProgrammesSchema, ProgrammeDetailSchema } from "./contracts.ts";
import { deleteProgramme, removeLead } from "./programme-removal.ts";
import { addLead, findProgramme, listAllProgrammes } from "./programme-use-cases.ts";

// One database for the file (each test makes its own accounts and programmes): fewer PostgreSQL schemas made and dropped.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const NAME = "North ICS";

async function programme(name = NAME) {
  const lead = await ctx.user("Lena Lead");
  const created = await lead.client.post("/api/v1/programmes", { name });
  expect(created.status, created.text).toBe(201);
  const id = created.body.programme.id as string;
  return { lead, id, joinCode: created.body.joinCode as string, base: `/api/v1/programmes/${id}` };
}

/** Makes `who` a lead as the API does: a lead invites the address, and `who`, signed in as it, accepts. */
async function makeLead(by: TestClient, base: string, who: { client: TestClient; email: string }) {
  const invited = await by.post(`${base}/leads`, { email: who.email });
  expect(invited.status, invited.text).toBe(201);
  const accepted = await who.client.post(`/api/v1/invitations/${invitationToken(invited.body.url)}/accept`, {});
  expect(accepted.status, accepted.text).toBe(200);
}

/** A partnership (with a member) whose convenor shares it with the programme. */
async function sharingPartnership(name: string, joinCode: string) {
  const convenor = await ctx.user(`Convenor ${name}`);
  const p = (await convenor.client.post("/api/v1/partnerships", { name, purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  const member = await ctx.user(`Member ${name}`);
  expect((await ctx.addMember(convenor.client, base, { name: `Member ${name}`, email: member.email, role: "member" }, member.client)).status).toBe(201);
  expect((await convenor.client.post(`${base}/programmes`, { joinCode })).status).toBe(201);
  return { convenor: convenor.client, member: member.client, id: p.id as string, base };
}

const leadEmails = async (client: TestClient, base: string) => ProgrammeDetailSchema.parse((await client.get(base)).body).leads.map((l) => l.email);
const auditOf = (entityId: string) => ctx.handle.db.selectFrom("audit_log").selectAll().where("entity_id", "=", entityId).orderBy("at").orderBy("id").execute();

describe("removing a programme lead", () => {
  it("is for leads only (404 otherwise), takes effect at once and is audited", async () => {
    const { lead, id, base } = await programme();
    const other = await ctx.user("Olu Other");
    const stranger = await ctx.user("Sam Stranger");
    await makeLead(lead.client, base, other);

    expect((await stranger.client.delete(`${base}/leads/${other.userId}`)).status).toBe(404);
    expect((await ctx.anonymous().delete(`${base}/leads/${other.userId}`)).status).toBe(401);
    expect((await lead.client.delete(`${base}/leads/${stranger.userId}`)).status).toBe(404); // not a lead
    expect((await lead.client.delete(`${base}/leads/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect(await leadEmails(lead.client, base)).toEqual([lead.email, other.email]);

    expect((await lead.client.delete(`${base}/leads/${other.userId}`)).status).toBe(204);
    expect(await leadEmails(lead.client, base)).toEqual([lead.email]);
    expect((await other.client.get(base)).status).toBe(404);
    expect((await other.client.get("/api/v1/programmes")).body.items).toEqual([]);
    expect((await lead.client.delete(`${base}/leads/${other.userId}`)).status).toBe(404);

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["programme.created", "programme.lead_invited", "programme.lead_added", "programme.lead_removed"]);
    expect(audit[3]).toMatchObject({ actor_user_id: lead.userId, partnership_id: null, summary: `Removed ${other.email} as a lead of the programme` });
    expect(JSON.parse(audit[3]!.detail)).toEqual({ userId: other.userId });
  });

  it("refuses to remove the last lead with a 409 that says why; a lead may step down while another remains", async () => {
    const { lead, id, base } = await programme();
    const alone = await lead.client.delete(`${base}/leads/${lead.userId}`);
    expect(alone.status).toBe(409);
    expect(alone.body).toMatchObject({ code: "conflict", detail: expect.stringMatching(/only lead.*Add another lead first, or delete the programme/) });

    const other = await ctx.user("Olu Other");
    await makeLead(lead.client, base, other);
    expect((await lead.client.delete(`${base}/leads/${lead.userId}`)).status).toBe(204);
    expect((await lead.client.get(base)).status).toBe(404);
    expect(await leadEmails(other.client, base)).toEqual([other.email]);
    expect((await other.client.delete(`${base}/leads/${other.userId}`)).status).toBe(409);
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: "programme.lead_removed", actor_user_id: lead.userId, summary: `Stopped being a lead of the programme (${lead.email})` });
  });

  it("counts only leads with an active account as remaining", async () => {
    const { lead, base } = await programme();
    const gone = await ctx.user("Dee Disabled");
    await makeLead(lead.client, base, gone);
    await disableUser(ctx.handle.db, gone.email);
    const res = await lead.client.delete(`${base}/leads/${lead.userId}`);
    expect(res.status).toBe(409);
    // The disabled account can be removed, since the acting lead remains.
    expect((await lead.client.delete(`${base}/leads/${gone.userId}`)).status).toBe(204);
    expect(await leadEmails(lead.client, base)).toEqual([lead.email]);
  });

  it("leaves one lead when two remove each other at the same moment", async () => {
    const other = await ctx.user("Olu Other");
    // Several rounds, so the two requests' statements interleave at least once (on PostgreSQL they run on two connections).
    for (let round = 0; round < 8; round++) {
      const { lead, id, base } = await programme(`Race ${round}`);
      await makeLead(lead.client, base, other);
      const [a, b] = await Promise.all([lead.client.delete(`${base}/leads/${other.userId}`), other.client.delete(`${base}/leads/${lead.userId}`)]);
      // One goes first; the other then finds its own lead role gone (404).
      expect([a.status, b.status].sort(), `round ${round}`).toEqual([204, 404]);
      expect(await ctx.handle.db.selectFrom("programme_leads").select("user_id").where("programme_id", "=", id).execute(), `round ${round}`).toHaveLength(1);
    }
  });

  it("names a bad user id in the path as a 4xx, never a 5xx", async () => {
    const { lead, base } = await programme();
    const res = await lead.client.delete(`${base}/leads/${"x".repeat(65)}`);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(["userId"]);
  });
});

describe("deleting a programme", () => {
  it("needs its name typed as confirmation (422 on confirm), and only a lead may (404 otherwise); nothing changes until then", async () => {
    const { lead, base, joinCode } = await programme();
    const part = await sharingPartnership("Alpha", joinCode);
    const bodies: [unknown, string][] = [
      [{ confirm: "north ics" }, "confirm"],
      [{ confirm: "" }, "confirm"],
      [{ confirm: "   " }, "confirm"],
      [{}, "confirm"],
      [{ confirm: 42 }, "confirm"],
      [{ confirm: NAME, also: true }, "also"],
      [{ confirm: "x".repeat(201) }, "confirm"],
    ];
    for (const [body, field] of bodies) {
      const res = await lead.client.request("DELETE", base, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toContain(field);
    }
    const noBody = await lead.client.delete(base);
    expect(noBody.status).toBe(422);
    expect(noBody.body.errors.map((e: { path: string }) => e.path)).toEqual(["confirm"]);
    expect((await lead.client.request("DELETE", base, JSON.stringify({ confirm: NAME }), { "content-type": "text/plain" })).status).toBe(415);
    expect((await lead.client.request("DELETE", base, "{", { "content-type": "application/json" })).status).toBe(400);
    for (const client of [part.convenor, part.member, (await ctx.user("Sam Stranger")).client]) expect((await client.request("DELETE", base, { confirm: NAME })).status).toBe(404);
    expect((await ctx.anonymous().request("DELETE", base, { confirm: NAME })).status).toBe(401);
    expect((await lead.client.get(base)).status).toBe(200);
    expect(PartnershipProgrammesSchema.parse((await part.member.get(`${part.base}/programmes`)).body).items).toHaveLength(1);
  });

  it("takes it out of every list, page and partnership, stops its join code, keeps the sharing rows and audits it", async () => {
    const { lead, id, base, joinCode } = await programme();
    const other = await ctx.user("Olu Other");
    await makeLead(lead.client, base, other);
    const alpha = await sharingPartnership("Alpha", joinCode);
    const beta = await sharingPartnership("Beta", joinCode);
    expect((await beta.convenor.delete(`${beta.base}/programmes/${id}`)).status).toBe(204); // withdrawn before: no entry for Beta
    const before = await ctx.handle.db.selectFrom("programme_partnerships").selectAll().where("programme_id", "=", id).orderBy("partnership_id").execute();

    expect((await lead.client.request("DELETE", base, { confirm: `  ${NAME} ` })).status).toBe(204);

    for (const client of [lead.client, other.client]) {
      expect((await client.get("/api/v1/programmes")).body.items).toEqual([]);
      for (const path of [base, `${base}/rollup`]) expect((await client.get(path)).status).toBe(404);
      expect((await client.post(`${base}/join-code`)).status).toBe(404);
      expect((await client.post(`${base}/leads`, { email: lead.email })).status).toBe(404);
      expect((await client.delete(`${base}/leads/${other.userId}`)).status).toBe(404);
      expect((await client.request("DELETE", base, { confirm: NAME })).status).toBe(404);
    }
    expect((await listAllProgrammes(ctx.handle.db)).map((p) => p.id)).not.toContain(id);
    expect(PartnershipProgrammesSchema.parse((await alpha.member.get(`${alpha.base}/programmes`)).body).items).toEqual([]);
    expect((await alpha.convenor.delete(`${alpha.base}/programmes/${id}`)).status).toBe(404);
    const again = await beta.convenor.post(`${beta.base}/programmes`, { joinCode });
    expect(again.status).toBe(422);
    expect(again.body.errors.map((e: { path: string }) => e.path)).toEqual(["joinCode"]);

    // The sharing rows stay exactly as they were, for the record.
    expect(await ctx.handle.db.selectFrom("programme_partnerships").selectAll().where("programme_id", "=", id).orderBy("partnership_id").execute()).toEqual(before);
    const row = await ctx.handle.db.selectFrom("programmes").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();

    const audit = (await auditOf(id)).filter((a) => a.action === "programme.deleted");
    expect(audit.map((a) => a.partnership_id)).toEqual([null, alpha.id]);
    expect(audit[0]).toMatchObject({ actor_user_id: lead.userId, summary: `Deleted the programme “${NAME}”` });
    expect(JSON.parse(audit[0]!.detail)).toEqual({ partnershipIds: [alpha.id] });
    const alphaLog = JSON.stringify((await alpha.convenor.get(`${alpha.base}/audit`)).body);
    expect(alphaLog).toContain(`The programme “${NAME}” was deleted by its lead`);
    expect(JSON.stringify((await beta.convenor.get(`${beta.base}/audit`)).body)).not.toContain("programme.deleted");

    // A new programme may take the same name.
    expect((await lead.client.post("/api/v1/programmes", { name: NAME })).status).toBe(201);
  });
});

describe("the operator's programme commands (the use cases the CLI calls)", () => {
  it("find a programme by id or exact name, refusing a name two programmes share", async () => {
    const a = await programme("Shared name");
    expect((await findProgramme(ctx.handle.db, a.id)).id).toBe(a.id);
    expect((await findProgramme(ctx.handle.db, " Shared name ")).id).toBe(a.id);
    await expect(findProgramme(ctx.handle.db, "Nope")).rejects.toMatchObject({ code: "not_found" });
    const b = await programme("Shared name");
    await expect(findProgramme(ctx.handle.db, "Shared name")).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining(b.id) });
    await deleteProgramme(ctx.handle.db, "operator", a.id, "Shared name");
    expect((await findProgramme(ctx.handle.db, "Shared name")).id).toBe(b.id);
    await expect(findProgramme(ctx.handle.db, a.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("add and remove leads and delete, audited as the operator", async () => {
    const { lead, id, base } = await programme();
    const other = await ctx.user("Olu Other");
    expect(await addLead(ctx.handle.db, "operator", id, other.email)).toEqual({ email: other.email, added: true });
    expect(await addLead(ctx.handle.db, "operator", id, other.email)).toEqual({ email: other.email, added: false });
    await expect(removeLead(ctx.handle.db, "operator", id, other.userId)).resolves.toEqual({ email: other.email });
    await expect(removeLead(ctx.handle.db, "operator", id, lead.userId)).rejects.toMatchObject({ code: "conflict" });
    await expect(deleteProgramme(ctx.handle.db, "operator", id, "wrong")).rejects.toMatchObject({ code: "validation_failed", fields: [{ path: "confirm" }] });
    expect(await deleteProgramme(ctx.handle.db, "operator", id, NAME)).toEqual({ name: NAME, partnerships: 0 });
    expect((await lead.client.get(base)).status).toBe(404);
    await expect(removeLead(ctx.handle.db, "operator", id, lead.userId)).rejects.toMatchObject({ code: "not_found" });
    const audit = (await auditOf(id)).slice(1);
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
      ["programme.lead_added", null],
      ["programme.lead_removed", null],
      ["programme.deleted", null],
    ]);
    expect(audit.every((a) => a.summary.endsWith("from the command line"))).toBe(true);
  });
});
