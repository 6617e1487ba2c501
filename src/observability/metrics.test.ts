// Prometheus metrics: valid exposition text, request counts and latencies that move with requests under the route pattern, the database (PostgreSQL's pool, SQLite's files), the submission queue, and a metrics port that wants its token.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../http/app.ts";
import { accountsQueued } from "../limits/one-at-a-time.ts";
import { instrumentItems, latestInstrument } from "../surveys/instruments/registry.ts";
import { responseWriter } from "../surveys/store-responses.ts";
import { createTestContext, TestClient, type TestContext } from "../testing/test-app.ts";
import { testDialect } from "../testing/test-db.ts";
import { createMetricsRegistry } from "./metrics-registry.ts";
import { startMetricsServer } from "./metrics-server.ts";
import { parseExposition, sampleValue } from "./parse-exposition.ts";
import { requestObserver } from "./request-observer.ts";

const PULSE = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i) => [i.key, { value: 4 }]));

let ctx: TestContext;
let metrics: ReturnType<typeof createMetricsRegistry>;
let client: TestClient;
const scrape = async () => parseExposition(await metrics.registry.metrics());

beforeAll(async () => {
  ctx = await createTestContext();
  metrics = createMetricsRegistry({ pool: ctx.handle.pool, submissions: () => responseWriter(ctx.deps.db), expensiveQueued: accountsQueued });
  const app = createApp(ctx.deps, { webDist: "/nonexistent", observer: requestObserver({ metrics: metrics.http }) });
  client = new TestClient(app);
});
afterAll(async () => {
  await ctx?.close();
});

describe("the metrics", () => {
  it("are valid exposition text with the process's own metrics (memory, CPU, event-loop lag)", async () => {
    const samples = await scrape();
    for (const name of ["process_cpu_user_seconds_total", "process_resident_memory_bytes", "nodejs_heap_size_used_bytes", "nodejs_eventloop_lag_seconds", "nodejs_eventloop_lag_p99_seconds"]) {
      expect(sampleValue(samples, name), name).toBeDefined(); // the lag's percentiles are NaN until it has been sampled
    }
    expect(sampleValue(samples, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("count requests and their latency per route pattern, method and status, and the submission group commits", async () => {
    const convenor = await ctx.user("Cora");
    const p = (await convenor.client.post("/api/v1/partnerships", { name: "Counted", purpose: "" })).body;
    const base = `/api/v1/partnerships/${p.id}`;
    const wave = (await convenor.client.post(`${base}/waves`, { name: "Pulse", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" })).body;
    await convenor.client.post(`${base}/waves/${wave.id}/open`);
    const token: string = (await convenor.client.post(`${base}/waves/${wave.id}/links`, {})).body.links[0].url.split("/respond/")[1];
    const route = "/api/v1/respond/:linkToken/response";
    const before = await scrape();
    const commitsBefore = sampleValue(before, "accord_submission_group_commits_total") ?? 0;
    expect(sampleValue(before, "accord_http_requests_total", { route, status: "201" })).toBeUndefined();

    expect((await client.request("POST", `/api/v1/respond/${token}/response`, { answers: PULSE }, { "idempotency-key": "metrics-key-001" })).status).toBe(201);
    expect((await client.request("POST", `/api/v1/respond/${token}/response`, { answers: PULSE }, { "idempotency-key": "metrics-key-001" })).status).toBe(200);
    expect((await client.request("POST", `/api/v1/respond/${token}/response`, { answers: PULSE }, { "idempotency-key": "metrics-key-001" })).status).toBe(200);
    expect((await client.request("POST", "/api/v1/respond/no-such-link/response", { answers: PULSE }, { "idempotency-key": "metrics-key-002" })).status).toBe(404);

    const after = await scrape();
    expect(sampleValue(after, "accord_http_requests_total", { method: "POST", route, status: "201" })).toBe(1);
    expect(sampleValue(after, "accord_http_requests_total", { method: "POST", route, status: "200" })).toBe(2);
    expect(sampleValue(after, "accord_http_requests_total", { method: "POST", route, status: "404" })).toBe(1);
    expect(sampleValue(after, "accord_http_request_duration_seconds_count", { method: "POST", route, status: "200" })).toBe(2);
    expect(sampleValue(after, "accord_http_request_duration_seconds_bucket", { method: "POST", route, status: "200", le: "+Inf" })).toBe(2);
    expect(sampleValue(after, "accord_http_request_duration_seconds_sum", { method: "POST", route, status: "200" })).toBeGreaterThan(0);
    // No label anywhere holds a path's token.
    expect(after.some((s) => Object.values(s.labels).some((v) => v.includes(token) || v.includes("no-such-link")))).toBe(false);
    // The stored submission went through one group commit; nothing is waiting now.
    expect(sampleValue(after, "accord_submission_group_commits_total")).toBe(commitsBefore + 1);
    expect(sampleValue(after, "accord_submission_group_items_total")).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, "accord_submission_queue_waiting")).toBe(0);
    expect(sampleValue(after, "accord_submission_groups_in_flight")).toBe(0);
    expect(sampleValue(after, "accord_expensive_accounts_queued")).toBe(0);
  });

  it.runIf(testDialect === "postgres")("show PostgreSQL's connection pool", async () => {
    await ctx.deps.db.selectFrom("users").select("id").execute();
    const samples = await scrape();
    expect(sampleValue(samples, "accord_db_pool_connections")).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, "accord_db_pool_idle_connections")).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, "accord_db_pool_waiting_queries")).toBe(0);
    expect(sampleValue(samples, "accord_db_pool_max_connections")).toBe(10);
    expect(sampleValue(samples, "accord_sqlite_wal_bytes")).toBeUndefined();
  });

  it.runIf(testDialect === "sqlite")("show no pool on SQLite, which has none", async () => {
    expect(ctx.handle.pool).toBeUndefined();
    expect(sampleValue(await scrape(), "accord_db_pool_connections")).toBeUndefined();
  });

  it("show the SQLite database file and its write-ahead log by size", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-metrics-"));
    try {
      const file = path.join(dir, "accord.sqlite");
      fs.writeFileSync(file, Buffer.alloc(8192));
      const { registry } = createMetricsRegistry({ sqliteFile: file });
      let samples = parseExposition(await registry.metrics());
      expect(sampleValue(samples, "accord_sqlite_database_bytes")).toBe(8192);
      expect(sampleValue(samples, "accord_sqlite_wal_bytes")).toBe(0);
      fs.writeFileSync(`${file}-wal`, Buffer.alloc(1000));
      samples = parseExposition(await registry.metrics());
      expect(sampleValue(samples, "accord_sqlite_wal_bytes")).toBe(1000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are not served by the app on its public port", async () => {
    const res = await client.get("/metrics");
    expect(res.text).not.toContain("accord_http_requests_total");
  });
});

describe("the metrics server", () => {
  const get = (port: number, p: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${p}`, { headers });

  it("answers GET /metrics only with the bearer token when one is set", async () => {
    const server = await startMetricsServer({ port: 0, host: "127.0.0.1", token: "a-long-scrape-token", collect: () => metrics.registry.metrics(), contentType: metrics.registry.contentType });
    try {
      expect((await get(server.port, "/metrics")).status).toBe(401);
      expect((await get(server.port, "/metrics")).headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await get(server.port, "/metrics", { authorization: "Bearer wrong-token-of-the-same-size" })).status).toBe(401);
      expect((await get(server.port, "/metrics", { authorization: "a-long-scrape-token" })).status).toBe(401);
      const ok = await get(server.port, "/metrics", { authorization: "Bearer a-long-scrape-token" });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(sampleValue(parseExposition(await ok.text()), "process_resident_memory_bytes")).toBeGreaterThan(0);
      expect((await get(server.port, "/", { authorization: "Bearer a-long-scrape-token" })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("without a token, serves whoever can reach its address: loopback unless configured otherwise", async () => {
    const server = await startMetricsServer({ port: 0, host: "127.0.0.1", token: undefined, collect: async () => "# TYPE up gauge\nup 1\n", contentType: "text/plain" });
    try {
      expect(await (await get(server.port, "/metrics")).text()).toBe("# TYPE up gauge\nup 1\n");
      expect((await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: "POST" })).status).toBe(405);
    } finally {
      await server.close();
    }
  });

  it("answers 503 when collecting fails, and says where", async () => {
    const errors: unknown[] = [];
    const server = await startMetricsServer({ port: 0, host: "127.0.0.1", token: undefined, collect: () => Promise.reject(new Error("a worker did not answer")), contentType: "text/plain", onError: (e) => errors.push(e) });
    try {
      expect((await get(server.port, "/metrics")).status).toBe(503);
      expect(errors).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("refuses a port already taken, naming METRICS_PORT", async () => {
    const first = await startMetricsServer({ port: 0, host: "127.0.0.1", token: undefined, collect: async () => "", contentType: "text/plain" });
    try {
      await expect(startMetricsServer({ port: first.port, host: "127.0.0.1", token: undefined, collect: async () => "", contentType: "text/plain" })).rejects.toThrow(/METRICS_PORT .* is already in use/);
    } finally {
      await first.close();
    }
  });
});
