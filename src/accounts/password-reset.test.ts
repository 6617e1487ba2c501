// Password reset by email against a real SMTP server in the test process: the same answer for any address, links
// that work once, for an hour, stored hashed, limited per address and per mailbox; a reset ends everything else.
import { beforeEach, describe, expect, it } from "vitest";
import { disableUser } from "./disable-user.ts";
import { useMailingContext } from "../testing/mail-context.ts";
import { type TestContext, createTestContext } from "../testing/test-app.ts";
import { type TestSmtp, linkIn } from "../testing/smtp.ts";
import { RESET_LIMITS, settleResetRequests } from "./password-reset.ts";

const mailing = useMailingContext({ trustProxy: true });
let smtp: TestSmtp;
let ctx: TestContext;
beforeEach(() => {
  smtp = mailing.smtp();
  ctx = mailing.ctx();
});

const ask = (email: string, address = "203.0.113.1") => ctx.anonymous().request("POST", "/api/v1/auth/password-reset", { email }, { "x-forwarded-for": address });
const resetPath = (link: string) => `/api/v1/auth${link.replace("/reset-password/", "/password-reset/")}`;

describe("asking for a reset", () => {
  it("answers the same for an address with an account, without one, and for a disabled one; only the live account gets mail", async () => {
    await ctx.user("Olive", "olive@example.org");
    await ctx.user("Dora", "dora@example.org");
    await disableUser(ctx.handle.db, "dora@example.org");
    const answers = [await ask("olive@example.org"), await ask("nobody@example.org"), await ask("dora@example.org")];
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    await settleResetRequests();
    await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.map((m) => m.to)).toEqual([["olive@example.org"]]);
    const rows = await ctx.handle.db.selectFrom("password_resets").select("token_hash").execute();
    const token = linkIn(smtp.received[0], "/reset-password/").split("/").pop()!;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
  });

  it("limits requests per client address with 429, and mails one mailbox at most a few times an hour without saying so", async () => {
    await ctx.user("Olive", "olive@example.org");
    for (let i = 0; i < RESET_LIMITS.perEmail.max + 2; i++) expect((await ask("olive@example.org", `198.51.100.${i + 1}`)).status).toBe(202);
    await settleResetRequests();
    await smtp.waitFor(RESET_LIMITS.perEmail.max);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).toHaveLength(RESET_LIMITS.perEmail.max);
    const burst = await Promise.all(Array.from({ length: RESET_LIMITS.perAddress.max + 5 }, (_, i) => ask(`person${i}@example.org`, "192.0.2.99")));
    expect(burst.filter((r) => r.status === 202)).toHaveLength(RESET_LIMITS.perAddress.max);
    expect(burst.filter((r) => r.status === 429).every((r) => Number(r.headers.get("retry-after")) > 0)).toBe(true);
  });

  it("is refused with a clear 503 when accord sends no email", async () => {
    const noMail = await createTestContext();
    try {
      const res = await noMail.anonymous().post("/api/v1/auth/password-reset", { email: "olive@example.org" });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe("mail_not_configured");
      expect(res.body.detail).toMatch(/accord user password/);
    } finally {
      await noMail.close();
    }
  });
});

describe("using a reset link", () => {
  async function linkFor(email: string) {
    const before = smtp.received.length;
    expect((await ask(email)).status).toBe(202);
    await settleResetRequests();
    const mails = await smtp.waitFor(before + 1);
    return linkIn(mails[mails.length - 1], "/reset-password/");
  }

  it("sets the password once, signs in, proves the address and ends every other session, token and known browser", async () => {
    const olive = await ctx.user("Olive", "olive@example.org");
    await ctx.handle.db.updateTable("users").set({ email_proven_at: null, unproven_scope: "partnership:x" }).where("id", "=", olive.userId).execute();
    const token = (await olive.client.post("/api/v1/me/tokens", { name: "script" })).body.token as string;
    const link = await linkFor("olive@example.org");
    expect((await ctx.anonymous().get(resetPath(link))).body).toEqual({ email: "olive@example.org" });
    expect((await ctx.anonymous().post(resetPath(link), { password: "password1234" })).status).toBe(422);
    const fresh = ctx.anonymous();
    const done = await fresh.post(resetPath(link), { password: "violet kettle harbour" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ email: "olive@example.org", emailProven: true });
    expect((await fresh.get("/api/v1/me")).status).toBe(200);
    expect((await olive.client.get("/api/v1/me")).status).toBe(401);
    expect((await ctx.anonymous().request("GET", "/api/v1/me", undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect(await ctx.handle.db.selectFrom("known_devices").selectAll().where("user_id", "=", olive.userId).execute()).toHaveLength(0);
    // Once only.
    expect((await ctx.anonymous().post(resetPath(link), { password: "another fine phrase" })).status).toBe(404);
    expect((await ctx.anonymous().get(resetPath(link))).status).toBe(404);
    expect((await ctx.anonymous().post("/api/v1/auth/sign-in", { email: "olive@example.org", password: "violet kettle harbour" })).status).toBe(200);
  });

  it("a newer link replaces an older one, and links expire", async () => {
    await ctx.user("Olive", "olive@example.org");
    const older = await linkFor("olive@example.org");
    const newer = await linkFor("olive@example.org");
    expect((await ctx.anonymous().get(resetPath(older))).status).toBe(404);
    expect((await ctx.anonymous().get(resetPath(newer))).status).toBe(200);
    await ctx.handle.db.updateTable("password_resets").set({ expires_at: "2000-01-01T00:00:00.000Z" }).execute();
    expect((await ctx.anonymous().post(resetPath(newer), { password: "violet kettle harbour" })).status).toBe(404);
  });
});
