// Process test: `accord serve` writes one JSON access-log line per request to stdout (route patterns, never a path's token) and serves Prometheus metrics on METRICS_PORT, on loopback only; with WORKERS=2 (PostgreSQL) the primary's metrics cover both workers.
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { parseExposition, sampleValue } from "../../src/observability/parse-exposition.ts";
import { cleanUp, freePort, startServe, tempDir, type Server } from "./process-helpers.ts";

const adminUrl = process.env["TEST_DATABASE_URL"];
const dbName = `accord_observe_${randomBytes(6).toString("hex")}`;
const admin = async (q: string) => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(q).finally(() => c.end());
};
/** SQLite in a folder of its own, or a fresh PostgreSQL database when the tests run on PostgreSQL. */
async function database(): Promise<Record<string, string>> {
  if (!adminUrl) return { DATA_DIR: tempDir() };
  await admin(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return { DATABASE_URL: url.toString(), DATA_DIR: tempDir() };
}

afterAll(async () => {
  await cleanUp();
  if (adminUrl) await admin(`drop database if exists ${dbName} with (force)`);
});

/** GET on a new connection each time, so successive requests can go to different workers. */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, headers, agent: false, timeout: 10_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error(`GET ${path} timed out`)));
  });
}

/** The access-log lines written so far (stdout also carries accord's plain start-up messages). */
function accessLines(server: Server): Array<Record<string, unknown>> {
  return server
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l["msg"] === "request");
}

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An address of this machine other than loopback, if it has one. */
const outsideAddress = () =>
  Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

const refused = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port, timeout: 3_000 });
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
    socket.once("timeout", () => (socket.destroy(), resolve(true)));
  });

describe("accord serve: logs and metrics", () => {
  it("writes a JSON line per request to stdout and serves metrics on loopback, with no token of any path in either", { timeout: 90_000 }, async () => {
    const metricsPort = await freePort();
    const server = await startServe({ ...(await database()), ACCESS_LOG: "on", METRICS_PORT: String(metricsPort) });
    expect(server.output()).toContain(`accord: metrics on http://127.0.0.1:${metricsPort}/metrics`);
    const secrets = ["survey-link-secret-0123456789", "invitation-secret-0123456789", "query-secret-0123456789"];
    expect((await get(server.port, `/api/v1/respond/${secrets[0]}`)).status).toBe(404);
    expect((await get(server.port, `/api/v1/invitations/${secrets[1]}?t=${secrets[2]}`)).status).toBe(404);
    const health = await get(server.port, "/healthz");
    await until("the access-log lines", () => accessLines(server).filter((l) => l["route"] !== "/healthz").length >= 2);

    const lines = accessLines(server);
    expect(lines.find((l) => l["route"] === "/api/v1/respond/:linkToken")).toMatchObject({ level: "info", method: "GET", status: 404, pid: server.child.pid });
    expect(lines.find((l) => l["route"] === "/api/v1/invitations/:token")).toMatchObject({ method: "GET", status: 404 });
    await until("the /healthz line", () => accessLines(server).some((l) => l["route"] === "/healthz" && l["status"] === health.status));
    for (const line of lines) {
      expect(typeof line["requestId"]).toBe("string");
      expect(typeof line["durationMs"]).toBe("number");
      expect(Number.isNaN(Date.parse(String(line["time"])))).toBe(false);
    }
    for (const secret of secrets) expect(server.output()).not.toContain(secret);

    const scraped = await get(metricsPort, "/metrics");
    expect(scraped.status).toBe(200);
    const samples = parseExposition(scraped.body);
    expect(sampleValue(samples, "accord_http_requests_total", { method: "GET", route: "/api/v1/respond/:linkToken", status: "404" })).toBe(1);
    expect(sampleValue(samples, "accord_http_requests_total", { method: "GET", route: "/api/v1/invitations/:token", status: "404" })).toBe(1);
    expect(sampleValue(samples, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(sampleValue(samples, "accord_submission_queue_waiting")).toBe(0);
    if (adminUrl) expect(sampleValue(samples, "accord_db_pool_max_connections")).toBe(10);
    else expect(sampleValue(samples, "accord_sqlite_database_bytes")).toBeGreaterThan(0);
    for (const secret of secrets) expect(scraped.body).not.toContain(secret);

    // Bound to loopback: not reachable on the machine's other addresses, and not on the app's own port.
    const outside = outsideAddress();
    if (outside) expect(await refused(outside, metricsPort)).toBe(true);
    expect((await get(server.port, "/metrics")).body).not.toContain("accord_http_requests_total");
    await server.stop();
  });

  it("serves no metrics and writes no access log when neither is asked for", { timeout: 60_000 }, async () => {
    const server = await startServe({ DATA_DIR: tempDir(), ACCESS_LOG: "off" });
    expect((await get(server.port, "/api/v1/respond/some-token")).status).toBe(404);
    await new Promise((r) => setTimeout(r, 300));
    await server.stop();
    expect(accessLines(server)).toHaveLength(0);
    expect(server.output()).not.toContain("metrics on");
  });

  describe.skipIf(!adminUrl)("with WORKERS=2 on PostgreSQL", () => {
    const workersDb = `${dbName}_w`;
    afterAll(async () => {
      await cleanUp();
      await admin(`drop database if exists ${workersDb} with (force)`);
    });

    it("the primary serves the metrics of both workers, summed, and each worker logs its own requests", { timeout: 120_000 }, async () => {
      await admin(`create database ${workersDb}`);
      const url = new URL(adminUrl ?? "");
      url.pathname = `/${workersDb}`;
      const metricsPort = await freePort();
      const server = await startServe({ DATABASE_URL: url.toString(), DATA_DIR: tempDir(), WORKERS: "2", ACCESS_LOG: "on", METRICS_PORT: String(metricsPort), METRICS_TOKEN: "a-long-scrape-token" });
      await until("both workers", () => server.output().includes("2 worker processes"));
      expect(server.output()).toContain(`accord: metrics of every worker on http://127.0.0.1:${metricsPort}/metrics (bearer token required)`);
      const N = 20;
      for (let i = 0; i < N; i++) expect((await get(server.port, `/api/v1/respond/token-${i}`)).status).toBe(404);
      await until("every line", () => accessLines(server).filter((l) => l["route"] === "/api/v1/respond/:linkToken").length === N);
      // node:cluster hands new connections to the workers in turn, so both served some.
      const pids = new Set(accessLines(server).filter((l) => l["route"] === "/api/v1/respond/:linkToken").map((l) => l["pid"]));
      expect(pids.size).toBe(2);
      expect(pids.has(server.child.pid)).toBe(false);

      expect((await get(metricsPort, "/metrics")).status).toBe(401);
      const scraped = await get(metricsPort, "/metrics", { authorization: "Bearer a-long-scrape-token" });
      expect(scraped.status).toBe(200);
      const samples = parseExposition(scraped.body);
      expect(sampleValue(samples, "accord_http_requests_total", { method: "GET", route: "/api/v1/respond/:linkToken", status: "404" })).toBe(N);
      // Each worker has a pool of 10: the sum shows both registries were read.
      expect(sampleValue(samples, "accord_db_pool_max_connections")).toBe(20);
      server.child.kill("SIGTERM");
      expect((await server.exited).code).toBe(0);
    });
  });
});
