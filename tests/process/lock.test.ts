// Process test: the SQLite data folder is locked to one `accord serve` by an OS file lock; a killed owner's lock is gone with it, whatever pid its note names.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, ROOT, childEnv, cleanUp, freePort, runCli, spawnServe, startServe, tempDir } from "./process-helpers.ts";

afterEach(cleanUp);

const note = (dataDir: string) => path.join(dataDir, "accord.lock");
const readNote = (dataDir: string) => fs.readFileSync(note(dataDir), "utf8").trim();

/** Whether this machine can start a process as pid 1 of a new pid namespace (root with util-linux `unshare`, as in CI). */
const canUnshare = process.platform === "linux" && spawnSync("unshare", ["--pid", "--fork", "--kill-child", "true"]).status === 0;

describe("data folder lock (SQLite)", () => {
  it("refuses a second server and a CLI command beside a server, and takes over after kill -9 whatever pid the note names", { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const first = await startServe({ DATA_DIR: dataDir });
    expect(readNote(dataDir)).toBe(String(first.child.pid));

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

    // The first server is unharmed by the attempts.
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);

    // kill -9 leaves the note behind. Say its pid now belongs to another live program: this test runner.
    await first.kill9();
    expect(readNote(dataDir)).toBe(String(first.child.pid));
    fs.writeFileSync(note(dataDir), `${process.pid}\n`);
    const third = await startServe({ DATA_DIR: dataDir });
    expect((await fetch(`${third.url}/healthz`)).status).toBe(200);
    expect(readNote(dataDir)).toBe(String(third.child.pid));

    // Again after kill -9, with a note naming pid 1 (always alive) in the old one-line format.
    await third.kill9();
    fs.writeFileSync(note(dataDir), "1");
    const fourth = await startServe({ DATA_DIR: dataDir });
    expect((await fetch(`${fourth.url}/healthz`)).status).toBe(200);
    const refused = await runCli(["migrate"], { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`in use by another accord process (pid ${fourth.child.pid})`);

    // A clean stop (SIGTERM) removes the note; the lock file itself stays (deleting it could let two owners in).
    await fourth.stop();
    expect(fs.existsSync(note(dataDir))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "accord.lock.db"))).toBe(true);
    const after = await runCli(["migrate"], { DATA_DIR: dataDir });
    expect(after.code, after.stderr).toBe(0);
  });

  it.skipIf(!canUnshare)("starts again after kill -9 when accord is pid 1 each time, as in a container", { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    /** `accord serve` as pid 1 of a new pid namespace; SIGKILL to `unshare` reaches it too (--kill-child). */
    const startAsPid1 = async () => {
      const port = await freePort();
      const child = spawn("unshare", ["--pid", "--fork", "--kill-child", process.execPath, BIN, "serve"], {
        cwd: ROOT,
        env: childEnv({ HOST: "127.0.0.1", PORT: String(port), DATA_DIR: dataDir }),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
      let gone = false;
      void exited.then(() => (gone = true));
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && !gone) {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
        if (res?.status === 200) return { kill9: async () => (child.kill("SIGKILL"), await exited) };
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill("SIGKILL");
      await exited;
      throw new Error(`accord serve as pid 1 did not become healthy:\n${output}`);
    };
    for (let round = 0; round < 2; round++) {
      const server = await startAsPid1();
      try {
        expect(readNote(dataDir)).toBe("1");
      } finally {
        await server.kill9();
      }
      expect(readNote(dataDir)).toBe("1"); // left behind, naming pid 1 for the next start
    }
  });
});
