// Integration tests for setup, sign-in, sessions, password change, API tokens, CSRF and security headers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { disableUser } from "./disable-user.ts";
import { SESSION_COOKIE } from "./sessions.ts";
import { createTestContext, TestClient, type TestContext } from "../testing/test-app.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const ann = { name: "Ann Example", email: "ann@example.org", password: "correct horse battery" };

describe("first-run setup", () => {
  it("creates the first account once, signs it in, then refuses a second setup", async () => {
    const a = ctx.anonymous();
    expect((await a.get("/api/v1/setup")).body).toEqual({ needed: true });
    const res = await a.post("/api/v1/setup", ann);
    expect(res.status).toBe(201);
    expect(res.body.email).toBe(ann.email);
    expect(res.body).not.toHaveProperty("passwordHash");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await a.get("/api/v1/me")).body.email).toBe(ann.email);
    expect((await a.get("/api/v1/setup")).body).toEqual({ needed: false });
    const again = await ctx.anonymous().post("/api/v1/setup", { ...ann, email: "eve@example.org" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already_set_up");
  });

  it("stores the password as an argon2id hash with at least OWASP's cost", async () => {
    await ctx.anonymous().post("/api/v1/setup", ann);
    const row = await ctx.handle.db.selectFrom("users").select("password_hash").executeTakeFirstOrThrow();
    const [, algorithm, , params] = (row.password_hash ?? "").split("$");
    expect(algorithm).toBe("argon2id");
    const p = Object.fromEntries((params ?? "").split(",").map((kv) => kv.split("=")));
    expect(Number(p["m"])).toBeGreaterThanOrEqual(19456);
    expect(Number(p["t"])).toBeGreaterThanOrEqual(2);
  });

  it("rejects a short password naming the field", async () => {
    const res = await ctx.anonymous().post("/api/v1/setup", { ...ann, password: "short" });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.errors[0].path).toBe("password");
  });
});

describe("sign-in and sessions", () => {
  beforeEach(async () => {
    await ctx.anonymous().post("/api/v1/setup", ann);
  });

  it("signs in, issues a fresh ≥128-bit session id each time, and revokes the old one", async () => {
    const browser = ctx.anonymous();
    const first = await browser.post("/api/v1/auth/sign-in", { email: ann.email, password: ann.password });
    expect(first.status).toBe(200);
    const firstCookie = browser.cookie!;
    expect(Buffer.from(firstCookie, "base64url").length).toBeGreaterThanOrEqual(16);
    await browser.post("/api/v1/auth/sign-in", { email: ann.email.toUpperCase(), password: ann.password });
    expect(browser.cookie).not.toBe(firstCookie);
    expect((await new TestClient(ctx.app, { cookie: firstCookie }).get("/api/v1/me")).status).toBe(401);
    expect((await browser.get("/api/v1/me")).status).toBe(200);
  });

  it("answers unknown emails exactly as wrong passwords", async () => {
    const wrong = await ctx.anonymous().post("/api/v1/auth/sign-in", { email: ann.email, password: "not the password" });
    const unknown = await ctx.anonymous().post("/api/v1/auth/sign-in", { email: "nobody@example.org", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: null });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
  });

  it("signs out and the session no longer works", async () => {
    const browser = ctx.anonymous();
    await browser.post("/api/v1/auth/sign-in", { email: ann.email, password: ann.password });
    const cookie = browser.cookie!;
    expect((await browser.post("/api/v1/auth/sign-out")).status).toBe(204);
    expect((await new TestClient(ctx.app, { cookie }).get("/api/v1/me")).status).toBe(401);
  });

  it("rate-limits failed sign-ins per account with 429 and Retry-After, even for the right password", async () => {
    for (let i = 0; i < 10; i++) {
      const r = await ctx.anonymous().post("/api/v1/auth/sign-in", { email: ann.email, password: `wrong ${i}` });
      expect(r.status).toBe(401);
    }
    const limited = await ctx.anonymous().post("/api/v1/auth/sign-in", { email: ann.email, password: ann.password });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body.code).toBe("rate_limited");
  });

  it("rate-limits failed sign-ins per client address across many accounts", async () => {
    const behindProxy = await createTestContext({ trustProxy: true });
    try {
      const from = (ip: string, i: number) =>
        behindProxy.anonymous().request("POST", "/api/v1/auth/sign-in", { email: `user${i}@example.org`, password: "guess" }, { "x-forwarded-for": ip });
      for (let i = 0; i < 50; i++) expect((await from("203.0.113.9", i)).status).toBe(401);
      const limited = await from("203.0.113.9", 99);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await from("198.51.100.7", 99)).status).toBe(401);
    } finally {
      await behindProxy.close();
    }
  });

  it("rate-limits unknown emails the same way", async () => {
    for (let i = 0; i < 10; i++) await ctx.anonymous().post("/api/v1/auth/sign-in", { email: "ghost@example.org", password: `wrong ${i}` });
    expect((await ctx.anonymous().post("/api/v1/auth/sign-in", { email: "ghost@example.org", password: "x" })).status).toBe(429);
  });
});

describe("disabling an account", () => {
  it("ends its sessions, stops its tokens and refuses sign-in", async () => {
    const me = await ctx.user("Fay");
    const token = (await me.client.post("/api/v1/me/tokens", { name: "t" })).body.token as string;
    await disableUser(ctx.handle.db, me.email);
    expect((await me.client.get("/api/v1/me")).status).toBe(401);
    expect((await new TestClient(ctx.app, { bearer: token }).get("/api/v1/me")).status).toBe(401);
    const signIn = await ctx.anonymous().post("/api/v1/auth/sign-in", { email: me.email, password: me.password });
    expect(signIn.status).toBe(401);
  });
});

describe("password change", () => {
  it("needs the current password and ends every other session", async () => {
    const me = await ctx.user("Bea");
    const other = await ctx.anonymous();
    await other.post("/api/v1/auth/sign-in", { email: me.email, password: me.password });
    expect((await other.get("/api/v1/me")).status).toBe(200);

    const bad = await me.client.post("/api/v1/me/password", { currentPassword: "nope", newPassword: "a brand new password" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("currentPassword");

    const ok = await me.client.post("/api/v1/me/password", { currentPassword: me.password, newPassword: "a brand new password" });
    expect(ok.status).toBe(204);
    expect((await me.client.get("/api/v1/me")).status).toBe(200);
    expect((await other.get("/api/v1/me")).status).toBe(401);
    const signIn = await ctx.anonymous().post("/api/v1/auth/sign-in", { email: me.email, password: "a brand new password" });
    expect(signIn.status).toBe(200);
  });
});

describe("API tokens", () => {
  it("authenticates with Authorization: Bearer until revoked", async () => {
    const me = await ctx.user("Cal");
    const created = await me.client.post("/api/v1/me/tokens", { name: "reporting script" });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token.startsWith("acc_")).toBe(true);
    const script = new TestClient(ctx.app, { bearer: token });
    expect((await script.get("/api/v1/me")).body.name).toBe("Cal");
    const listed = await me.client.get("/api/v1/me/tokens");
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const stored = await ctx.handle.db.selectFrom("api_tokens").select("token_hash").executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await me.client.delete(`/api/v1/me/tokens/${created.body.id}`)).status).toBe(204);
    expect((await script.get("/api/v1/me")).status).toBe(401);
  });

  it("lets a token write without an Origin header (scripts are not browsers)", async () => {
    const me = await ctx.user("Dee");
    const token = (await me.client.post("/api/v1/me/tokens", { name: "t" })).body.token as string;
    const res = await ctx.app.request("http://localhost/api/v1/partnerships", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Via token", purpose: "" }),
    });
    expect(res.status).toBe(201);
  });
});

describe("CSRF and headers", () => {
  it("refuses cookie-authenticated writes from another origin or site", async () => {
    const me = await ctx.user("Eli");
    const evil = await me.client.request("POST", "/api/v1/partnerships", { name: "x", purpose: "" }, { origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(evil.body.code).toBe("csrf_rejected");
    const crossSite = await me.client.request("POST", "/api/v1/partnerships", { name: "x", purpose: "" }, { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const count = await ctx.handle.db.selectFrom("partnerships").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("sends CSP, nosniff, frame-ancestors and Referrer-Policy; HSTS only over https", async () => {
    const res = await ctx.anonymous().get("/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok" });
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const secure = await createTestContext({ publicUrl: "https://accord.example.org" });
    try {
      const r = await secure.app.request("https://accord.example.org/healthz");
      expect(r.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });

  it("marks the session cookie Secure when served over https", async () => {
    const secure = await createTestContext({ publicUrl: "https://accord.example.org" });
    try {
      const res = await secure.app.request("https://accord.example.org/api/v1/setup", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://accord.example.org" },
        body: JSON.stringify(ann),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get("set-cookie")).toMatch(new RegExp(`${SESSION_COOKIE}=.*Secure`, "i"));
    } finally {
      await secure.close();
    }
  });
});
