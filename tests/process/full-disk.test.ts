// Process test (SQLite, needs mount rights: a small tmpfs as the data folder): a really full file system gives 507 storage_full, logged once, /healthz 503; making room brings writes back, and nothing acknowledged is lost, even across a kill -9.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { api, cleanUp, sessionCookie, startServe, type Server } from "./process-helpers.ts";

/** Mounts a tmpfs of `mib` MiB on a new folder, or says why it cannot (not root, a container without mount rights). */
function mountTmpfs(mib: number): { dir: string } | { reason: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${mib}m,mode=0700`, "tmpfs", dir], { stdio: "pipe" });
    return { dir };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    return { reason: stderr || (err as Error).message };
  }
}

function unmount(dir: string): void {
  try {
    execFileSync("umount", ["-l", dir], { stdio: "pipe" });
  } catch {
    /* already gone */
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes a file until the file system refuses another byte (ENOSPC), big pieces first. */
function fill(file: string): void {
  const fd = fs.openSync(file, "w");
  try {
    for (const size of [1 << 20, 1 << 14, 1 << 10, 1]) {
      const chunk = Buffer.alloc(size, 0x61);
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

const probe = await (async () => {
  const m = mountTmpfs(1);
  if ("dir" in m) unmount(m.dir);
  return m;
})();
const canMount = "dir" in probe;
const skipReason = "reason" in probe ? ` (skipped: cannot mount a tmpfs here: ${probe.reason})` : "";

describe.skipIf(!canMount)(`accord serve on a full file system${skipReason}`, () => {
  let mounted: string | undefined;
  afterAll(async () => {
    await cleanUp();
    if (mounted) unmount(mounted);
  });

  it("refuses writes with 507 storage_full while the disk is full, says so once, and loses nothing acknowledged", { timeout: 180_000 }, async () => {
    const m = mountTmpfs(24);
    if (!("dir" in m)) throw new Error(m.reason);
    mounted = m.dir;
    const dataDir = path.join(m.dir, "data");
    let server: Server = await startServe({ DATA_DIR: dataDir });
    const setup = await api(server, "POST", "/api/v1/setup", { body: { name: "Ada Convenor", email: "ada@example.org", password: "a long enough password" } });
    expect(setup.status, setup.text).toBe(201);
    const cookie = sessionCookie(setup);
    const acknowledged: string[] = [];
    const create = async (name: string) => {
      const res = await api(server, "POST", "/api/v1/partnerships", { cookie, body: { name, purpose: "p".repeat(2000) } });
      if (res.status === 201) acknowledged.push(res.body.id);
      return res;
    };
    for (let i = 0; i < 20; i++) expect((await create(`Before ${i}`)).status).toBe(201);

    const filler = path.join(m.dir, "filler");
    fill(filler);
    const refused = [];
    for (let i = 0; i < 200 && refused.length < 5; i++) {
      const res = await create(`While full ${i}`);
      if (res.status !== 201) refused.push(res);
    }
    expect(refused.length).toBe(5);
    for (const res of refused) {
      expect(res.status, res.text).toBe(507);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.code).toBe("storage_full");
    }
    const health = await api(server, "GET", "/healthz");
    expect(health.status).toBe(503);
    expect(health.body.checks.storage).toBe("full");
    expect((await api(server, "GET", "/api/v1/partnerships?limit=100", { cookie })).status).toBe(200);
    expect(server.output().match(/no room to store/g)).toHaveLength(1);
    expect(server.output()).not.toMatch(/^\[[^\]]+\] /m); // no request logged as an internal error

    fs.rmSync(filler);
    expect((await create("After room was made")).status).toBe(201);
    const deadline = Date.now() + 30_000;
    while ((await api(server, "GET", "/healthz")).status !== 200) {
      if (Date.now() > deadline) throw new Error(`/healthz did not recover:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(server.output().match(/writes work again/g)).toHaveLength(1);

    // Every acknowledged partnership is there, also after a kill -9 and a new start.
    await server.kill9();
    server = await startServe({ DATA_DIR: dataDir });
    const listed = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await api(server, "GET", `/api/v1/partnerships?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { cookie });
      expect(page.status, page.text).toBe(200);
      for (const p of page.body.items as { id: string }[]) listed.add(p.id);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(acknowledged.filter((id) => !listed.has(id))).toEqual([]);
    await server.stop();
  });
});
