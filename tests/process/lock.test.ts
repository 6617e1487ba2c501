// Process test: the SQLite data folder is locked to one `accord serve`; a lock left by a killed process is taken over.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanUp, freePort, runCli, spawnServe, startServe, tempDir } from "./process-helpers.ts";

afterEach(cleanUp);

describe("data folder lock (SQLite)", () => {
  it("refuses a second server on the same DATA_DIR, and takes over a stale lock after kill -9", { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const first = await startServe({ DATA_DIR: dataDir });
    const lockFile = path.join(dataDir, "accord.lock");
    expect(fs.readFileSync(lockFile, "utf8").trim()).toBe(String(first.child.pid));

    // A second server on the same folder (on another free port) must refuse to start, and so must
    // a CLI command that opens the database. Both run at once to keep the test quick.
    const second = spawnServe(await freePort(), { DATA_DIR: dataDir });
    const [{ code }, migrate] = await Promise.all([second.exited, runCli(["migrate"], { DATA_DIR: dataDir })]);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(second.output()).toContain("in use by another accord process");
    expect(second.output()).toContain(`pid ${first.child.pid}`);
    expect(second.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toContain("in use by another accord process");

    // The first server is unharmed by the attempt.
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);

    // kill -9 leaves the lock file behind, naming a dead pid.
    await first.kill9();
    expect(fs.existsSync(lockFile)).toBe(true);
    expect(fs.readFileSync(lockFile, "utf8").trim()).toBe(String(first.child.pid));

    // A new server takes the stale lock over and serves.
    const third = await startServe({ DATA_DIR: dataDir });
    expect((await fetch(`${third.url}/healthz`)).status).toBe(200);
    expect(fs.readFileSync(lockFile, "utf8").trim()).toBe(String(third.child.pid));

    // A clean stop (SIGTERM) releases the lock.
    await third.stop();
    expect(fs.existsSync(lockFile)).toBe(false);
  });
});
