// Process test: `accord serve` with WORKERS=2 — refused on SQLite; on PostgreSQL two workers share the port, a killed one is replaced while the other serves, and SIGTERM stops them all.
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, runCli, scratchDatabase, startServe, tempDir, workersOf } from "./process-helpers.ts";

const adminUrl = process.env["TEST_DATABASE_URL"];


const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** GET /healthz on a new connection each time (so no request rides on a connection a killed worker held). */
function health(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/healthz", agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => req.destroy());
  });
}

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterAll(cleanUp);

describe("accord serve with WORKERS", () => {
  it("refuses WORKERS above 1 on SQLite, saying why, instead of starting", { timeout: 60_000 }, async () => {
    const r = await runCli(["serve"], { WORKERS: "2", DATA_DIR: tempDir(), PORT: "0" });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/WORKERS: 2 worker processes need DATABASE_URL/);
  });

  describe.skipIf(!adminUrl)("on PostgreSQL", () => {
    let drop: (() => Promise<void>) | undefined;
    afterAll(async () => {
      await cleanUp();
      await drop?.();
    });

    it("serves from two workers, replaces one killed with SIGKILL while the other answers, and stops them all on SIGTERM", { timeout: 120_000 }, async () => {
      const db = await scratchDatabase(adminUrl!, "accord_workers");
      drop = db.drop;
      const server = await startServe({ DATABASE_URL: db.url, DATA_DIR: tempDir(), WORKERS: "2" });
      await until("both workers", () => server.output().includes("2 worker processes"));
      // The first worker migrated the empty database alone; the second found nothing to apply.
      expect(server.output().match(/applied migrations/g)).toHaveLength(1);
      const first = workersOf(server.child.pid!);
      expect(first).toHaveLength(2);

      process.kill(first[0]!, "SIGKILL");
      // A connection handed to the killed worker in the instant before the primary notices is lost, like the requests it was
      // serving; from the moment the primary knows, the other worker takes everything while the replacement starts.
      await until("the primary noticing", () => server.output().includes(`worker ${first[0]} stopped (SIGKILL)`), 5_000);
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push(await health(server.port));
      expect(statuses.every((s) => s === 200), statuses.join(",")).toBe(true);
      await until("a replacement worker", () => server.output().includes(`worker ${first[0]} stopped (SIGKILL); starting another`) && workersOf(server.child.pid!).length === 2);
      const now = workersOf(server.child.pid!);
      expect(now).toContain(first[1]);
      expect(now).not.toContain(first[0]);
      for (let i = 0; i < 10; i++) expect(await health(server.port)).toBe(200);

      server.child.kill("SIGTERM");
      const exit = await server.exited;
      expect(exit.code).toBe(0);
      await until("every worker gone", () => now.every((pid) => !alive(pid)), 10_000);
    });
  });
});
