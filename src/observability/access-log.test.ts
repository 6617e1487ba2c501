// The access log through the real app in-process: one JSON line per request with its id, route pattern, status and time, and never a path's secret, a query string, a name or an email.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../http/app.ts";
import type { AppEnv } from "../http/env.ts";
import { createTestContext, invitationToken, TestClient, type TestContext } from "../testing/test-app.ts";
import { instrumentItems, latestInstrument } from "../surveys/instruments/registry.ts";
import { createLogger } from "./access-log.ts";
import { requestObserver } from "./request-observer.ts";

const PULSE = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i) => [i.key, { value: 4 }]));

let ctx: TestContext;
let app: ReturnType<typeof createApp>;
const written: string[] = [];
/** The lines written since the last call, parsed. */
const take = (): Array<Record<string, unknown>> => written.splice(0).map((l) => JSON.parse(l) as Record<string, unknown>);
const everything: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  const log = createLogger("info", { write: (line: string) => void (written.push(line), everything.push(line)) });
  // The same services as the test context's app, with an access log added (test apps have none, so test output stays clean).
  app = createApp(ctx.deps, { webDist: "/nonexistent", observer: requestObserver({ log }) });
});
afterAll(async () => {
  await ctx?.close();
});

/** A client of the logging app carrying the given test client's session. */
const logged = (client?: TestClient) => new TestClient(app, client?.cookie ? { cookie: client.cookie } : {});

describe("the access log", () => {
  it("writes one JSON line per request: time, request id (as in x-request-id), method, route pattern, status, duration, size, level", async () => {
    take();
    const res = await logged().get("/healthz");
    const lines = take();
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", route: "/healthz", status: 200, pid: process.pid });
    expect(line["requestId"]).toBe(res.headers.get("x-request-id"));
    expect(new Date(String(line["time"])).toISOString()).toBe(line["time"]);
    expect(typeof line["durationMs"]).toBe("number");
    expect(line["durationMs"] as number).toBeGreaterThanOrEqual(0);
    expect(line).not.toHaveProperty("userId");
    expect(written).toHaveLength(0);
    expect(everything.at(-1)!.endsWith("\n")).toBe(true);
  });

  it("names the acting account by id only, never by name or email", async () => {
    const cora = await ctx.user("Cora Secretname", "cora.secret@example.org");
    take();
    const res = await logged(cora.client).get("/api/v1/me");
    expect(res.status).toBe(200);
    const [line] = take();
    expect(line).toMatchObject({ route: "/api/v1/me", status: 200, userId: cora.userId });
    expect(JSON.stringify(line)).not.toMatch(/Secretname|cora\.secret|example\.org/);
  });

  it("logs refusals and server errors with their status (errors at level error), under the route they were meant for", async () => {
    take();
    expect((await logged().get("/api/v1/partnerships")).status).toBe(401);
    expect((await logged().get("/api/v1/no/such/thing")).status).toBe(404);
    // Refused by the body reader before the route runs (415): still counted against the submission route.
    expect((await logged().request("POST", "/api/v1/respond/whatever-token/response", "answers", { "content-type": "text/plain" })).status).toBe(415);
    expect((await logged().request("BREW", "/api/v1/partnerships")).status).toBe(404);
    const lines = take();
    expect(lines.map((l) => [l["method"], l["route"], l["status"], l["level"]])).toEqual([
      ["GET", "/api/v1/partnerships", 401, "info"],
      ["GET", "/*", 404, "info"],
      ["POST", "/api/v1/respond/:linkToken/response", 415, "info"],
      // A method nobody uses is logged as OTHER, so clients cannot write what they like into the log.
      ["OTHER", "/api/v1/*", 404, "info"],
    ]);
  });

  it("never writes a survey link, an invitation or reset token, a query string or a body, whatever the route answers", async () => {
    const convenor = await ctx.user("Convenor Hiddenname");
    const p = (await convenor.client.post("/api/v1/partnerships", { name: "Logged partnership", purpose: "" })).body;
    const base = `/api/v1/partnerships/${p.id}`;
    const wave = (await convenor.client.post(`${base}/waves`, { name: "Pulse", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" })).body;
    await convenor.client.post(`${base}/waves/${wave.id}/open`);
    const link: string = (await convenor.client.post(`${base}/waves/${wave.id}/links`, {})).body.links[0].url;
    const surveyToken = link.split("/respond/")[1]!;
    const person = (await convenor.client.post(`${base}/people`, { name: "Invited Personname", email: "invited.person@example.org", role: "viewer" })).body;
    const invited = await convenor.client.post(`${base}/people/${person.id}/invitations`);
    const secrets = [surveyToken, "reset-token-that-must-not-appear", "query-secret-that-must-not-appear", "body-secret-that-must-not-appear"];
    const client = logged();
    take();

    expect((await client.get(`/api/v1/respond/${surveyToken}`)).status).toBe(200);
    expect((await client.request("POST", `/api/v1/respond/${surveyToken}/response`, { answers: PULSE }, { "idempotency-key": "logged-key-0001" })).status).toBe(201);
    expect((await client.request("POST", `/api/v1/respond/${surveyToken}/response`, { answers: PULSE }, { "idempotency-key": "logged-key-0001" })).status).toBe(200);
    expect((await client.get(`/api/v1/respond/${surveyToken}?token=query-secret-that-must-not-appear`)).status).toBe(200);
    expect((await client.get(`/respond/${surveyToken}`)).status).toBe(200); // the web page behind the link
    expect(typeof invited.body.url).toBe("string"); // held, as no mail is configured
    {
      const invitation = invitationToken(invited.body.url);
      secrets.push(invitation);
      expect((await client.get(`/api/v1/invitations/${invitation}`)).status).toBe(200);
      expect((await client.post(`/api/v1/invitations/${invitation}/accept`, { password: "body-secret-that-must-not-appear" })).status).toBeGreaterThanOrEqual(200);
    }
    expect((await client.get("/api/v1/auth/password-reset/reset-token-that-must-not-appear")).status).toBe(404);
    expect((await client.post("/api/v1/auth/password-reset/reset-token-that-must-not-appear", { password: "body-secret-that-must-not-appear" })).status).toBe(404);
    expect((await client.request("POST", `/api/v1/respond/${surveyToken}/response`, "not json", { "content-type": "application/json", "idempotency-key": "logged-key-0002" })).status).toBe(400);

    const lines = take();
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.map((l) => l["route"])).toEqual(expect.arrayContaining(["/api/v1/respond/:linkToken", "/api/v1/respond/:linkToken/response", "/api/v1/invitations/:token", "/api/v1/invitations/:token/accept", "/api/v1/auth/password-reset/:token", "/*"]));
    const text = everything.join("");
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Hiddenname|Personname|invited\.person|example\.org|\?|answers/);
    // Every value is one of the known fields: nothing else can slip in.
    for (const line of lines) expect(Object.keys(line).every((k) => ["level", "time", "pid", "msg", "requestId", "method", "route", "status", "durationMs", "bytes", "userId"].includes(k))).toBe(true);
  });

  it("logs a server error (500) at level error", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const broken = createApp(
        { ...ctx.deps, db: new Proxy(ctx.deps.db, { get: () => { throw new Error("the database went away"); } }) },
        { webDist: "/nonexistent", observer: requestObserver({ log: createLogger("info", { write: (l: string) => void written.push(l) }) }) },
      );
      take();
      const res = await new TestClient(broken, { cookie: "some-session-secret" }).get("/api/v1/me");
      expect(res.status).toBe(500);
      expect(take()).toEqual([expect.objectContaining({ level: "error", route: "/api/v1/me", status: 500, requestId: res.body.requestId })]);
    } finally {
      quiet.mockRestore();
    }
  });

  it("gives the response's size when it has a Content-Length", async () => {
    const lines: string[] = [];
    const observe = requestObserver({ log: createLogger("info", { write: (l: string) => void lines.push(l) }) })!;
    const { Hono } = await import("hono");
    const tiny = new Hono<AppEnv>();
    tiny.use("*", async (c, next) => {
      const startedAt = performance.now();
      c.set("requestId", "id-1");
      await next();
      observe(c, startedAt);
    });
    tiny.get("/files/:name", (c) => new Response("hello", { headers: { "content-length": "5" } }));
    await tiny.request("/files/secret-name.txt");
    expect(JSON.parse(lines[0]!)).toMatchObject({ route: "/files/:name", status: 200, bytes: 5, requestId: "id-1" });
  });

  it("writes nothing from an app built without an observer (the test apps)", async () => {
    take();
    await ctx.anonymous().get("/healthz");
    expect(take()).toHaveLength(0);
  });
});
