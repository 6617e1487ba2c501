// Attacks on sign-in limits: guesses sent in parallel, guesses from many addresses against one account (the owner is
// slowed, never shut out, and told), current-password guesses on a stolen session; tokens ending with the password.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TestClient, type TestContext, createTestContext } from "../testing/test-app.ts";
import { SIGN_IN_LIMITS } from "./rate-limit.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ trustProxy: true, publicUrl: "http://localhost", smtp: { host: "127.0.0.1", port: 1, secure: false, user: undefined, pass: undefined, from: "accord <a@example.org>" } });
});
afterEach(async () => {
  await ctx.close();
});

const from = (address: string) => ({ "x-forwarded-for": address });
const signIn = (client: TestClient, email: string, password: string, address: string) => client.request("POST", "/api/v1/auth/sign-in", { email, password }, from(address));

describe("sign-in limits", () => {
  it("checks no more guesses than the limit when 60 are sent at once", async () => {
    const owner = await ctx.user("Olive", "olive@example.org");
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(ctx.anonymous(), owner.email, `wrong guess number ${i}`, "203.0.113.7")));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_LIMITS.perPair.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - SIGN_IN_LIMITS.perPair.max);
    for (const r of results.filter((r) => r.status === 429)) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("guesses from many addresses slow new browsers down but never lock the owner's known browser out, and the owner is told", async () => {
    const owner = await ctx.user("Olive", "olive@example.org");
    // The owner has signed in from their browser before: it keeps a device cookie.
    const browser = ctx.anonymous();
    const first = await signIn(browser, owner.email, owner.password, "198.51.100.1");
    expect(first.status).toBe(200);
    const device = first.headers.get("set-cookie")?.match(/accord_device=([^;]+)/)?.[1];
    expect(device).toBeTruthy();

    // Ten wrong guesses, each from a different address (no per-address or per-pair limit is reached).
    for (let i = 0; i < SIGN_IN_LIMITS.accountFailures.max; i++) expect((await signIn(ctx.anonymous(), owner.email, `wrong ${i} guess words`, `192.0.2.${i + 1}`)).status).toBe(401);
    // The owner is told once, by email (the capturing mailer) and in the audit log.
    expect(ctx.mailer.sent.filter((m) => m.to === owner.email && /wrong passwords/i.test(m.subject))).toHaveLength(1);

    // New browsers are now slowed to one attempt at a time for this account...
    const slowed = await Promise.all(Array.from({ length: 5 }, (_, i) => signIn(ctx.anonymous(), owner.email, `more wrong ${i} words`, `192.0.2.${100 + i}`)));
    expect(slowed.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(4);
    // ...while the owner's known browser signs in at once with the right password.
    const known = await browser.request("POST", "/api/v1/auth/sign-in", { email: owner.email, password: owner.password }, { ...from("198.51.100.1"), cookie: `accord_device=${device}` });
    expect(known.status).toBe(200);
    expect(ctx.mailer.sent.filter((m) => m.to === owner.email)).toHaveLength(1);
  });

  it("a wrong guess from one address does not use up another address's attempts", async () => {
    const owner = await ctx.user("Olive", "olive@example.org");
    for (let i = 0; i < SIGN_IN_LIMITS.perPair.max; i++) await signIn(ctx.anonymous(), owner.email, `wrong ${i} guess words`, "203.0.113.9");
    expect((await signIn(ctx.anonymous(), owner.email, owner.password, "203.0.113.9")).status).toBe(429);
    // Ten failures reached the account-wide threshold, so a new browser elsewhere is slowed, not shut out: its first attempt goes through.
    expect((await signIn(ctx.anonymous(), owner.email, owner.password, "198.51.100.20")).status).toBe(200);
  });

  it("limits current-password guesses on a password change the same way, in parallel too", async () => {
    const owner = await ctx.user("Olive", "olive@example.org");
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => owner.client.request("POST", "/api/v1/me/password", { currentPassword: `guess ${i} words`, newPassword: "violet kettle harbour" }, from("203.0.113.50"))));
    expect(results.filter((r) => r.status === 422)).toHaveLength(SIGN_IN_LIMITS.perPair.max);
    expect(results.filter((r) => r.status === 429)).toHaveLength(30 - SIGN_IN_LIMITS.perPair.max);
  });
});

describe("API tokens and passwords", () => {
  const bearer = (token: string) => ctx.anonymous().request("GET", "/api/v1/me", undefined, { authorization: `Bearer ${token}` });

  it("changing the password ends every API token and other session, and keeps this one", async () => {
    const owner = await ctx.user("Olive", "olive@example.org");
    const other = ctx.anonymous();
    expect((await signIn(other, owner.email, owner.password, "198.51.100.2")).status).toBe(200);
    const token = (await owner.client.post("/api/v1/me/tokens", { name: "script" })).body.token as string;
    expect((await bearer(token)).status).toBe(200);
    expect((await owner.client.post("/api/v1/me/password", { currentPassword: owner.password, newPassword: "violet kettle harbour" })).status).toBe(204);
    expect((await bearer(token)).status).toBe(401);
    expect((await other.get("/api/v1/me")).status).toBe(401);
    expect((await owner.client.get("/api/v1/me")).status).toBe(200);
    expect((await owner.client.get("/api/v1/me/tokens")).body.items).toHaveLength(0);
  });

  it("refuses a common password or one's own email as the new password", async () => {
    const owner = await ctx.user("Olive", "olive.smith@example.org");
    for (const newPassword of ["password1234", "olive.smith@example.org", "OliveSmith", "olive.smith99"]) {
      const res = await owner.client.post("/api/v1/me/password", { currentPassword: owner.password, newPassword });
      expect(res.status, newPassword).toBe(422);
    }
  });

  it("tokens can expire", async () => {
    const owner = await ctx.user("Olive", "olive@example.org");
    const made = await owner.client.post("/api/v1/me/tokens", { name: "short", expiresInDays: 1 });
    expect(made.status).toBe(201);
    expect(Date.parse(made.body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect((await bearer(made.body.token)).status).toBe(200);
    await ctx.handle.db.updateTable("api_tokens").set({ expires_at: "2000-01-01T00:00:00.000Z" }).where("id", "=", made.body.id).execute();
    expect((await bearer(made.body.token)).status).toBe(401);
    expect((await owner.client.post("/api/v1/me/tokens", { name: "bad", expiresInDays: 0 })).status).toBe(422);
    expect((await owner.client.post("/api/v1/me/tokens", { name: "bad", expiresInDays: 1000 })).status).toBe(422);
  });
});

describe("known browsers", () => {
  it("forgets an account's browsers unused for longer than their cookie lasts when a new one signs in", async () => {
    const owner = await ctx.user("Olive", "olive@example.org");
    expect((await signIn(ctx.anonymous(), owner.email, owner.password, "198.51.100.3")).status).toBe(200);
    await ctx.handle.db.updateTable("known_devices").set({ last_used_at: "2000-01-01T00:00:00.000Z" }).where("user_id", "=", owner.userId).execute();
    expect((await signIn(ctx.anonymous(), owner.email, owner.password, "198.51.100.4")).status).toBe(200);
    const rows = await ctx.handle.db.selectFrom("known_devices").select("last_used_at").where("user_id", "=", owner.userId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.last_used_at > "2000-01-01T00:00:00.000Z").toBe(true);
  });
});
