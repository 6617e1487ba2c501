// Process test: `accord export` and `accord import` as an operator moves a partnership to a new data folder, then sets a password so people can sign in.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { api, cleanUp, runCli, sessionCookie, startServe, tempDir } from "./process-helpers.ts";

afterAll(cleanUp);

describe("accord export / import", () => {
  it("moves the demo partnership to an empty data folder byte for byte, refuses a second import, and sign-in works once a password is set", { timeout: 240_000 }, async () => {
    const from = { DATA_DIR: tempDir() };
    const to = { DATA_DIR: tempDir() };
    const files = tempDir("accord-export-");
    const demo = await runCli(["demo"], from);
    expect(demo.code, demo.stderr).toBe(0);
    const name = demo.stdout.match(/Created “(.+?)”/)![1]!;
    const email = demo.stdout.match(/email:\s+(\S+)/)![1]!;

    const first = path.join(files, "first.json");
    const exported = await runCli(["export", "--partnership", name, "--out", first], from);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/Exported “.+” to .+first\.json \(\d+ bytes/);
    expect(exported.stderr).toContain("published figures");

    const imported = await runCli(["import", "--in", first], to);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Restored “.+”/);
    expect(imported.stdout).toContain("accord user password --email");
    const again = await runCli(["import", "--in", first], to);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/empty database only/);

    const second = path.join(files, "second.json");
    expect((await runCli(["export", "--partnership", name, "--out", second], to)).code).toBe(0);
    expect(fs.readFileSync(second).equals(fs.readFileSync(first))).toBe(true);
    const zip = path.join(files, "export.zip");
    expect((await runCli(["export", "--partnership", name, "--out", zip], to)).code).toBe(0);
    expect(fs.readFileSync(zip).subarray(0, 2).toString()).toBe("PK");

    // The data folder is locked while a server runs, so the operator sets the password first.
    const password = "a password set after the import";
    const set = await runCli(["user", "password", "--email", email, "--password-stdin"], to, `${password}\n`);
    expect(set.code, set.stderr).toBe(0);
    const others = [...imported.stdout.matchAll(/--email (\S+)/g)].map((m) => m[1]!).filter((e) => e !== email);
    const server = await startServe(to);
    try {
      // Everyone else still has no password, so cannot sign in.
      expect((await api(server, "POST", "/api/v1/auth/sign-in", { body: { email: others[0], password } })).status).toBe(401);
      const signIn = await api(server, "POST", "/api/v1/auth/sign-in", { body: { email, password } });
      expect(signIn.status).toBe(200);
      const mine = await api(server, "GET", "/api/v1/partnerships", { cookie: sessionCookie(signIn) });
      expect((mine.body as { items: { name: string }[] }).items.map((p) => p.name)).toEqual([name]);
    } finally {
      await server.stop();
    }
  });
});
