// Programme leads by consent: inviting an address reveals nothing about it, nobody leads until they accept with
// their own account, invitations can be withdrawn, and held links obey the same proof rules as partnerships'.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TestContext, createTestContext, invitationToken } from "../testing/test-app.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function programmeLedBy(name = "Lena") {
  const lead = await ctx.user(name, `${name.toLowerCase()}@example.org`);
  const made = await lead.client.post("/api/v1/programmes", { name: "Coastal ICS programme", description: "" });
  expect(made.status).toBe(201);
  return { lead, id: made.body.programme.id as string };
}

describe("inviting programme leads", () => {
  it("answers the same whether or not the address has an account, and shows only the typed address", async () => {
    const { lead, id } = await programmeLedBy();
    await ctx.user("Secret Real Name", "known@example.org");
    const known = await lead.client.post(`/api/v1/programmes/${id}/leads`, { email: "known@example.org" });
    const unknown = await lead.client.post(`/api/v1/programmes/${id}/leads`, { email: "nobody@example.org" });
    expect([known.status, unknown.status]).toEqual([201, 201]);
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort());
    const detail = await lead.client.get(`/api/v1/programmes/${id}`);
    expect(detail.body.leads.map((l: { email: string }) => l.email)).toEqual(["lena@example.org"]);
    expect(detail.body.invitations.map((i: { email: string }) => i.email).sort()).toEqual(["known@example.org", "nobody@example.org"]);
    expect(JSON.stringify(detail.body)).not.toContain("Secret Real Name");
  });

  it("makes nobody a lead until they accept with their own account", async () => {
    const { lead, id } = await programmeLedBy();
    const kim = await ctx.user("Kim", "kim@example.org");
    const inv = await lead.client.post(`/api/v1/programmes/${id}/leads`, { email: "kim@example.org" });
    expect((await kim.client.get(`/api/v1/programmes/${id}`)).status).toBe(404);
    const token = invitationToken(inv.body.url);
    expect((await ctx.anonymous().get(`/api/v1/invitations/${token}`)).body).toMatchObject({ kind: "programme", programmeId: id, name: "Coastal ICS programme", email: "kim@example.org" });
    // Someone else, signed in, cannot take it; nobody can sign in to Kim's account through it.
    const other = await ctx.user("Oz", "oz@example.org");
    expect((await other.client.post(`/api/v1/invitations/${token}/accept`, {})).status).toBe(403);
    expect((await ctx.anonymous().post(`/api/v1/invitations/${token}/accept`, { password: "planted by someone" })).status).toBe(409);
    const accepted = await kim.client.post(`/api/v1/invitations/${token}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ kind: "programme", programmeId: id });
    expect((await kim.client.get(`/api/v1/programmes/${id}`)).status).toBe(200);
    expect((await lead.client.get(`/api/v1/programmes/${id}`)).body.invitations).toHaveLength(0);
  });

  it("can be withdrawn, after which the link no longer works", async () => {
    const { lead, id } = await programmeLedBy();
    const kim = await ctx.user("Kim", "kim@example.org");
    const inv = await lead.client.post(`/api/v1/programmes/${id}/leads`, { email: "kim@example.org" });
    expect((await lead.client.delete(`/api/v1/programmes/${id}/lead-invitations/${inv.body.id}`)).status).toBe(204);
    expect((await lead.client.delete(`/api/v1/programmes/${id}/lead-invitations/${inv.body.id}`)).status).toBe(404);
    expect((await kim.client.post(`/api/v1/invitations/${invitationToken(inv.body.url)}/accept`, {})).status).toBe(404);
    expect((await kim.client.get(`/api/v1/programmes/${id}`)).status).toBe(404);
  });

  it("does not let an account made through another partnership's held link lead through a held link", async () => {
    const { lead, id } = await programmeLedBy();
    // Mallory plants an account for vic@ through their own partnership's held link.
    const mallory = await ctx.user("Mallory", "mallory@example.org");
    const pid = (await mallory.client.post("/api/v1/partnerships", { name: "Decoy", purpose: "" })).body.id;
    const person = await mallory.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Vic", email: "vic@example.org", role: "member" });
    const planted = ctx.anonymous();
    const held = await mallory.client.post(`/api/v1/partnerships/${pid}/people/${person.body.id}/invitations`);
    expect((await planted.post(`/api/v1/invitations/${invitationToken(held.body.url)}/accept`, { password: "attacker chosen words" })).status).toBe(200);
    const inv = await lead.client.post(`/api/v1/programmes/${id}/leads`, { email: "vic@example.org" });
    expect((await planted.post(`/api/v1/invitations/${invitationToken(inv.body.url)}/accept`, {})).status).toBe(403);
    expect((await planted.get(`/api/v1/programmes/${id}`)).status).toBe(404);
  });
});
