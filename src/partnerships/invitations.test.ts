// Attacks on invitations, as an ordinary account would make them through the API: taking over an existing account,
// planting a password on someone else's address, learning who has an account; with and without a real mail server.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ORIGIN, type TestClient, type TestContext, createTestContext, invitationToken } from "../testing/test-app.ts";
import { hashSecret } from "../db/ids.ts";
import { setPassword } from "../accounts/set-password.ts";
import { type TestSmtp, linkIn } from "../testing/smtp.ts";
import { useMailingContext } from "../testing/mail-context.ts";
import { settleResetRequests } from "../accounts/password-reset.ts";

async function partnership(ctx: TestContext, convenor: TestClient, name = "Attacker's partnership") {
  const p = await convenor.post("/api/v1/partnerships", { name, purpose: "" });
  expect(p.status).toBe(201);
  return p.body.id as string;
}

describe("without a mail server", () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext();
  });
  afterEach(async () => {
    await ctx.close();
  });

  it("accepting an invitation never signs anyone in to an existing account, the first operator's included", async () => {
    const operator = await ctx.user("Olive Operator", "olive@example.org");
    const attacker = await ctx.user("Mallory", "mallory@example.org");
    const pid = await partnership(ctx, attacker.client);
    const person = await attacker.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Olive", email: "olive@example.org", role: "convenor" });
    const inv = await attacker.client.post(`/api/v1/partnerships/${pid}/people/${person.body.id}/invitations`);
    const token = invitationToken(inv.body.url);

    // Signed in as themselves: refused, the link is for another address.
    expect((await attacker.client.post(`/api/v1/invitations/${token}/accept`, {})).status).toBe(403);
    // Not signed in: no session without a password, and no password over an existing account.
    const anon = ctx.anonymous();
    const bare = await anon.post(`/api/v1/invitations/${token}/accept`, {});
    expect(bare.status).toBe(422);
    const planted = await anon.post(`/api/v1/invitations/${token}/accept`, { password: "attacker chosen words" });
    expect(planted.status).toBe(409);
    for (const res of [bare, planted]) expect(res.headers.get("set-cookie") ?? "").not.toMatch(/accord_session=[^;]+/);
    expect((await anon.get("/api/v1/me")).status).toBe(401);
    expect((await ctx.anonymous().post("/api/v1/auth/sign-in", { email: "olive@example.org", password: "attacker chosen words" })).status).toBe(401);
    // Olive's own account is untouched and not a member until she accepts herself.
    expect((await operator.client.get(`/api/v1/partnerships/${pid}`)).status).toBe(404);
    expect((await operator.client.post(`/api/v1/invitations/${token}/accept`, {})).status).toBe(200);
    expect((await operator.client.get(`/api/v1/partnerships/${pid}`)).body.myRole).toBe("convenor");
  });

  it("adding a person answers the same whether or not the address has an account, showing only what was typed", async () => {
    await ctx.user("Real Name Of Known", "known@example.org");
    const convenor = await ctx.user("Cara", "cara@example.org");
    const pid = await partnership(ctx, convenor.client);
    const known = await convenor.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Typed A", email: "known@example.org", role: "member" });
    const unknown = await convenor.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Typed B", email: "nobody@example.org", role: "member" });
    expect(known.status).toBe(201);
    expect(unknown.status).toBe(201);
    const shape = (b: Record<string, unknown>) => ({ ...b, id: "", name: "", email: "", createdAt: "", updatedAt: "" });
    expect(shape(known.body)).toEqual(shape(unknown.body));
    expect(known.body).toMatchObject({ name: "Typed A", email: "known@example.org", userId: null, status: "not_invited" });
    expect(JSON.stringify((await convenor.client.get(`/api/v1/partnerships/${pid}/people`)).body)).not.toContain("Real Name Of Known");
    const links = await Promise.all([known, unknown].map((p) => convenor.client.post(`/api/v1/partnerships/${pid}/people/${p.body.id}/invitations`)));
    const infos = await Promise.all(links.map((l) => ctx.anonymous().get(`/api/v1/invitations/${invitationToken(l.body.url)}`)));
    expect(Object.keys(infos[0]!.body).sort()).toEqual(Object.keys(infos[1]!.body).sort());
    expect(infos[0]!.body.personName).toBe("Typed A");
  });

  it("a password planted through a held link makes an unproven account that another partnership's invitation cannot reach", async () => {
    const attacker = await ctx.user("Mallory", "mallory@example.org");
    const pid = await partnership(ctx, attacker.client);
    const victim = await attacker.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Vic", email: "vic@nhs.example", role: "member" });
    const held = await attacker.client.post(`/api/v1/partnerships/${pid}/people/${victim.body.id}/invitations`);
    const planted = ctx.anonymous();
    const made = await planted.post(`/api/v1/invitations/${invitationToken(held.body.url)}/accept`, { password: "attacker chosen words" });
    expect(made.status).toBe(200);
    expect(made.body.user.emailProven).toBe(false);
    expect((await planted.get("/api/v1/me")).body.emailProven).toBe(false);

    // A real partnership later adds the same address and passes its link on (no mail here either).
    const realConvenor = await ctx.user("Rhea", "rhea@example.org");
    const real = await partnership(ctx, realConvenor.client, "Real partnership");
    const vicThere = await realConvenor.client.post(`/api/v1/partnerships/${real}/people`, { name: "Vic", email: "vic@nhs.example", role: "member" });
    const realLink = await realConvenor.client.post(`/api/v1/partnerships/${real}/people/${vicThere.body.id}/invitations`);
    const token = invitationToken(realLink.body.url);
    // Whoever holds the planted password (signed in as the unproven account) cannot join through it...
    const refused = await planted.post(`/api/v1/invitations/${token}/accept`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/not been proven/);
    expect((await planted.get(`/api/v1/partnerships/${real}`)).status).toBe(404);
    expect((await ctx.anonymous().get(`/api/v1/invitations/${token}`)).status).toBe(200);
    expect((await realConvenor.client.get(`/api/v1/partnerships/${real}/people/${vicThere.body.id}`)).body.status).toBe("invited");
    // Without mail, the operator is the way back in: setting the password vouches for the address and ends the planter's sessions.
    await setPassword(ctx.handle.db, "vic@nhs.example", "vic's operator-set words");
    expect((await planted.get("/api/v1/me")).status).toBe(401);
    const vic = ctx.anonymous();
    expect((await vic.post("/api/v1/auth/sign-in", { email: "vic@nhs.example", password: "vic's operator-set words" })).body.emailProven).toBe(true);
    expect((await vic.post(`/api/v1/invitations/${token}/accept`, {})).status).toBe(200);
    expect((await vic.get(`/api/v1/partnerships/${real}`)).body.myRole).toBe("member");
  });

  it("an invitation whose person was removed, or who already joined, cannot be used", async () => {
    const convenor = await ctx.user("Cara", "cara@example.org");
    const pid = await partnership(ctx, convenor.client);
    const p = await convenor.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Gone", email: "gone@example.org", role: "member" });
    const inv = await convenor.client.post(`/api/v1/partnerships/${pid}/people/${p.body.id}/invitations`);
    expect((await convenor.client.delete(`/api/v1/partnerships/${pid}/people/${p.body.id}`)).status).toBe(204);
    expect((await ctx.anonymous().post(`/api/v1/invitations/${invitationToken(inv.body.url)}/accept`, { password: "gone person's words" })).status).toBe(404);
    const member = await ctx.user("Mo", "mo@example.org");
    const joined = await ctx.addMember(convenor.client, pid, { name: "Mo", email: "mo@example.org", role: "member" }, member.client);
    expect(joined.body.status).toBe("active");
    expect((await convenor.client.post(`/api/v1/partnerships/${pid}/people/${joined.body.id}/invitations`)).status).toBe(409);
  });

  it("common passwords and the invitee's own email are refused for a new account", async () => {
    const convenor = await ctx.user("Cara", "cara@example.org");
    const pid = await partnership(ctx, convenor.client);
    const p = await convenor.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Nia", email: "nia.jones@example.org", role: "member" });
    const token = invitationToken((await convenor.client.post(`/api/v1/partnerships/${pid}/people/${p.body.id}/invitations`)).body.url);
    for (const password of ["password123", "qwertyuiop1", "nia.jones@example.org", "Nia.Jones2024"]) {
      const res = await ctx.anonymous().post(`/api/v1/invitations/${token}/accept`, { password });
      expect(res.status, password).toBe(422);
    }
    expect((await ctx.anonymous().post(`/api/v1/invitations/${token}/accept`, { password: "violet kettle harbour" })).status).toBe(200);
  });
});

describe("with a real mail server", () => {
  const mailing = useMailingContext();
  let smtp: TestSmtp;
  let ctx: TestContext;
  beforeEach(() => {
    smtp = mailing.smtp();
    ctx = mailing.ctx();
  });

  it("sends the link only to the invitee, and using it proves the address", async () => {
    const attacker = await ctx.user("Mallory", "mallory@example.org");
    const pid = await partnership(ctx, attacker.client);
    const victim = await attacker.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Vic", email: "vic@nhs.example", role: "member" });
    const inv = await attacker.client.post(`/api/v1/partnerships/${pid}/people/${victim.body.id}/invitations`);
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ url: null, emailed: true });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(["vic@nhs.example"]);
    const path = linkIn(mail, "/invite/");
    expect(mail?.text).toContain(`${ORIGIN}/invite/`);

    // The real Vic uses the emailed link: a new account, proven.
    const vic = ctx.anonymous();
    const accepted = await vic.post(`/api/v1${path.replace("/invite/", "/invitations/")}/accept`, { password: "vic's own passphrase" });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.emailProven).toBe(true);
  });

  it("a password reset proves the address and ends the planter's sessions and tokens", async () => {
    // Planted while the instance had no mail (a held link), then mail was configured.
    const attacker = await ctx.user("Mallory", "mallory@example.org");
    const pid = await partnership(ctx, attacker.client);
    const victim = await attacker.client.post(`/api/v1/partnerships/${pid}/people`, { name: "Vic", email: "vic@nhs.example", role: "member" });
    const planted = ctx.anonymous();
    await ctx.handle.db.insertInto("invitations").values({ id: "planted-invitation", partnership_id: pid, person_id: victim.body.id, token_hash: hashSecret("planted-token"), email: "vic@nhs.example", delivery: "held", created_by: attacker.userId, created_at: new Date().toISOString(), expires_at: "2999-01-01T00:00:00.000Z", used_at: null }).execute();
    expect((await planted.post("/api/v1/invitations/planted-token/accept", { password: "attacker chosen words" })).status).toBe(200);
    const token = await planted.post("/api/v1/me/tokens", { name: "keep" });
    expect(token.status).toBe(201);

    expect((await ctx.anonymous().post("/api/v1/auth/password-reset", { email: "vic@nhs.example" })).status).toBe(202);
    await settleResetRequests();
    const [mail] = await smtp.waitFor(1);
    const resetPath = linkIn(mail, "/reset-password/");
    const vic = ctx.anonymous();
    const reset = await vic.post(`/api/v1/auth${resetPath.replace("/reset-password/", "/password-reset/")}`, { password: "vic's own passphrase" });
    expect(reset.status).toBe(200);
    expect(reset.body.emailProven).toBe(true);
    expect((await planted.get("/api/v1/me")).status).toBe(401);
    expect((await ctx.anonymous().request("GET", "/api/v1/me", undefined, { authorization: `Bearer ${token.body.token}` })).status).toBe(401);
    expect((await ctx.anonymous().post("/api/v1/auth/sign-in", { email: "vic@nhs.example", password: "attacker chosen words" })).status).toBe(401);
  });
});
