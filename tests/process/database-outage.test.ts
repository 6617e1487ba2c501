// Process test (PostgreSQL, a cluster of its own): `accord serve`, alone and with WORKERS=2, rides out PostgreSQL stopping for ~15 s and stalling — 503 database_unavailable with Retry-After meanwhile, never a hang or an exit — works again once it is back, waits for it at a first start, and still stops at once on settings that cannot work.
import http from "node:http";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ownPostgres, postgresBinDir, type OwnPostgres } from "./own-postgres.ts";
import { api, type ApiResponse, cleanUp, freePort, type Server, sessionCookie, spawnServe, startServe, tempDir, workersOf } from "./process-helpers.ts";

/** How long PostgreSQL stays down: the outage that ended WORKERS=2 for good. */
const OUTAGE_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** GET a probe on a new connection, giving up (status 0) after `ms`: a probe that hangs is a failure here. */
function probe(port: number, path: string, ms = 5_000): Promise<{ status: number; body: any }> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent: false, timeout: ms }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    });
    req.on("error", () => resolve({ status: 0, body: undefined }));
    req.on("timeout", () => req.destroy());
  });
}


function expectUnavailable(res: ApiResponse): void {
  expect(res.status, res.text).toBe(503);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body.code).toBe("database_unavailable");
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
}

/** Signs up the first account and makes a partnership: the work that must still be there afterwards. */
async function setUp(server: Server): Promise<{ cookie: string; partnershipId: string }> {
  const setup = await api(server, "POST", "/api/v1/setup", { body: { name: "Ada Convenor", email: "ada@example.org", password: "a long enough password" } });
  expect(setup.status, setup.text).toBe(201);
  const cookie = sessionCookie(setup);
  const created = await api(server, "POST", "/api/v1/partnerships", { cookie, body: { name: "Before the outage", purpose: "" } });
  expect(created.status, created.text).toBe(201);
  return { cookie, partnershipId: created.body.id };
}

/** PostgreSQL stops for OUTAGE_MS: every request meanwhile gets 503 + Retry-After (none hangs, none is a 500), the probes say so, and `during` runs in the middle. */
async function rideOutStop(own: OwnPostgres, server: Server, cookie: string, during?: () => Promise<void>): Promise<void> {
  own.stop();
  const started = Date.now();
  let duringDone = during === undefined;
  let requests = 0;
  while (Date.now() - started < OUTAGE_MS) {
    expectUnavailable(await api(server, "GET", "/api/v1/partnerships", { cookie }));
    expectUnavailable(await api(server, "POST", "/api/v1/partnerships", { cookie, body: { name: "During the outage", purpose: "" } }));
    requests += 2;
    const health = await probe(server.port, "/healthz");
    expect(health.status).toBe(503);
    expect(health.body.checks.database).not.toBe("ok");
    expect((await probe(server.port, "/readyz")).status).toBe(503);
    expect((await probe(server.port, "/livez")).status).toBe(200);
    if (!duringDone && Date.now() - started > OUTAGE_MS / 3) {
      duringDone = true;
      await during!();
    }
    await sleep(500);
  }
  expect(requests).toBeGreaterThan(4);
  own.start();
}

async function worksAgain(server: Server, cookie: string, partnershipId: string, name: string): Promise<void> {
  await until("/healthz 200 after the database came back", async () => (await probe(server.port, "/healthz")).status === 200);
  expect((await probe(server.port, "/readyz")).status).toBe(200);
  const created = await api(server, "POST", "/api/v1/partnerships", { cookie, body: { name, purpose: "" } });
  expect(created.status, created.text).toBe(201);
  const before = await api(server, "GET", `/api/v1/partnerships/${partnershipId}`, { cookie });
  expect(before.status, before.text).toBe(200);
  expect(before.body.name).toBe("Before the outage");
}

describe.skipIf(!postgresBinDir() || !process.env["TEST_DATABASE_URL"])("accord serve when PostgreSQL goes away and comes back", () => {
  let own: OwnPostgres | undefined;
  afterEach(async () => {
    await cleanUp();
    own?.destroy();
    own = undefined;
  });
  afterAll(cleanUp);

  it("a single process answers 503 with Retry-After through a 15 s stop and a stall, never exits, and works again after each", { timeout: 240_000 }, async () => {
    own = await ownPostgres();
    const server = await startServe({ DATABASE_URL: own.url, DATA_DIR: tempDir() });
    const { cookie, partnershipId } = await setUp(server);

    // Writes keep coming from four clients while PostgreSQL stops (connections are lent out mid-query when it goes)
    // and until it is back: each gets 201 or 503 with Retry-After, nothing else.
    const statuses = new Map<number, number>();
    let loading = true;
    const writer = async () => {
      while (loading) {
        const res = await api(server, "POST", "/api/v1/partnerships", { cookie, body: { name: "Under load", purpose: "" } });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 503) expect(res.headers.get("retry-after")).toBeTruthy();
        else expect(res.status, res.text).toBe(201);
        if (res.status === 503) await sleep(100);
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await sleep(1_000);
    await rideOutStop(own, server, cookie);
    await worksAgain(server, cookie, partnershipId, "After the stop");
    loading = false;
    await Promise.all(writers);
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(server.child.exitCode).toBeNull();

    // A stall: PostgreSQL accepts connections but answers nothing. Requests and probes must still answer, and quickly.
    own.freeze();
    try {
      expectUnavailable(await api(server, "GET", "/api/v1/partnerships", { cookie }));
      const health = await probe(server.port, "/healthz", 4_000);
      expect(health.status).toBe(503);
      expectUnavailable(await api(server, "POST", "/api/v1/partnerships", { cookie, body: { name: "During the stall", purpose: "" } }));
    } finally {
      own.thaw();
    }
    await worksAgain(server, cookie, partnershipId, "After the stall");
    expect(server.child.exitCode).toBeNull();

    // Each outage is one line when it starts and one when it ends, not one per request.
    const out = server.output();
    expect(out.match(/the database cannot be reached/g)?.length).toBe(2);
    expect(out.match(/the database can be reached again/g)?.length).toBe(2);
    expect(out).not.toMatch(/\[[^\]]+\] (Error|error)/); // no request logged as an internal error
  });

  it("WORKERS=2: a worker killed during a 15 s outage is replaced by one that waits for the database instead of stopping the lot", { timeout: 240_000 }, async () => {
    own = await ownPostgres();
    const server = await startServe({ DATABASE_URL: own.url, DATA_DIR: tempDir(), WORKERS: "2" });
    await until("both workers", () => server.output().includes("2 worker processes"));
    const { cookie, partnershipId } = await setUp(server);
    const first = workersOf(server.child.pid!);
    expect(first).toHaveLength(2);

    await rideOutStop(own, server, cookie, async () => {
      process.kill(first[0]!, "SIGKILL");
      await until("the replacement waiting for the database", () => /worker \d+ stopped \(SIGKILL\); starting another[\s\S]*waiting for the database/.test(server.output()));
    });
    await until("the replacement serving", () => /worker \d+ is serving/.test(server.output()));
    await worksAgain(server, cookie, partnershipId, "After the outage");
    expect(server.child.exitCode).toBeNull();
    const now = workersOf(server.child.pid!);
    expect(now).toHaveLength(2);
    expect(now).toContain(first[1]);
    expect(server.output()).not.toMatch(/failed before it could serve|stopping/);
  });

  it("settings that cannot work still stop it at once: a wrong password, a database that does not exist (alone and with WORKERS=2)", { timeout: 120_000 }, async () => {
    const wrongPassword = new URL(process.env["TEST_DATABASE_URL"]!);
    wrongPassword.password = "not-the-password";
    const noSuchDatabase = new URL(process.env["TEST_DATABASE_URL"]!);
    noSuchDatabase.pathname = "/accord_no_such_database";
    const cases: Array<[URL, string, RegExp]> = [
      [wrongPassword, "1", /password authentication failed/],
      [noSuchDatabase, "1", /does not exist/],
      [noSuchDatabase, "2", /failed before it could serve/],
    ];
    for (const [url, workers, says] of cases) {
      const server = spawnServe(await freePort(), { DATABASE_URL: url.toString(), DATA_DIR: tempDir(), WORKERS: workers });
      const exit = await server.exited;
      expect(exit.code, server.output()).not.toBe(0);
      expect(server.output()).toMatch(says);
      expect(server.output()).not.toContain("waiting for the database");
    }
  });

  it("a first start while PostgreSQL is not up yet waits for it, saying so, then serves", { timeout: 120_000 }, async () => {
    own = await ownPostgres();
    own.stop();
    const server = spawnServe(await freePort(), { DATABASE_URL: own.url, DATA_DIR: tempDir() });
    await until("a line saying it waits", () => server.output().includes("waiting for the database"));
    expect(server.child.exitCode).toBeNull();
    own.start();
    await until("/healthz 200", async () => (await probe(server.port, "/healthz")).status === 200, 60_000);
    await setUp(server);
  });
});
