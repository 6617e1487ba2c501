// A throwaway PostgreSQL cluster of a test's own (initdb, pg_ctl), so a test can stop, restart or stall it without touching the shared one.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./process-helpers.ts";

/** The folder holding initdb and pg_ctl (Debian's newest), or undefined when PostgreSQL's server is not installed. */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], "bin");
}

export interface OwnPostgres {
  port: number;
  /** postgres://… for the database `accord` in this cluster. */
  url: string;
  /** Stops the server (fast shutdown: connections are ended). */
  stop: () => void;
  /** Starts it again on the same port and folder. */
  start: () => void;
  /** SIGSTOPs / SIGCONTs the postmaster and its children, so connections hang instead of failing. */
  freeze: () => void;
  thaw: () => void;
  /** Stops it and removes its folder. */
  destroy: () => void;
}

/** PostgreSQL refuses to run as root: when we are root, run its tools as the `postgres` user. */
function run(bin: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
}

/** Creates, starts and fills a new cluster on a free port, with trust authentication on 127.0.0.1 and database `accord`. */
export async function ownPostgres(): Promise<OwnPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL's server binaries are not installed (apt-get install postgresql)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-pg-"));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const sockets = path.join(dir, "sockets");
  fs.mkdirSync(sockets);
  fs.chmodSync(sockets, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const port = await freePort();
  run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions"]);
  const log = path.join(dir, "server.log");
  const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const start = () => void run(path.join(bin, "pg_ctl"), ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
  const stop = () => void run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
  const postmasterPid = () => Number.parseInt(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0] ?? "", 10);
  const signalAll = (signal: NodeJS.Signals) => {
    const pid = postmasterPid();
    const children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
    for (const p of [pid, ...children]) {
      try {
        process.kill(p, signal);
      } catch {
        /* gone */
      }
    }
  };
  start();
  run(path.join(bin, "psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "postgres", "-c", "CREATE DATABASE accord"]);
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/accord`,
    stop,
    start,
    freeze: () => signalAll("SIGSTOP"),
    thaw: () => signalAll("SIGCONT"),
    destroy: () => {
      try {
        signalAll("SIGCONT");
        stop();
      } catch {
        /* already stopped */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
