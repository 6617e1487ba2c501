// Helpers for process-level tests: run the real `accord` CLI as child processes on free ports, and clean them up.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = path.join(ROOT, "bin", "accord.js");

/**
 * How long a server may take to answer /healthz, and a CLI command to finish. Each start loads the
 * TypeScript sources through tsx (about 2 s of CPU on an idle 2-core machine, far more under load).
 */
const START_TIMEOUT_MS = 30_000;
const CLI_TIMEOUT_MS = 45_000;

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** A fresh, empty folder under the OS temp dir, removed by cleanUp(). */
export function tempDir(prefix = "accord-proc-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** A port nobody is listening on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The environment for a child: ours, minus anything accord reads, plus the given settings. */
export function childEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(PORT|HOST|DATA_DIR|DATABASE_URL|PUBLIC_URL|TRUST_PROXY|WORKERS|SMTP_\w+|ACCORD_\w+)$/.test(key)) delete env[key];
  }
  return { ...env, NO_COLOR: "1", ...settings };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `accord ARGS…` to completion, with optional standard input; rejects if it takes over CLI_TIMEOUT_MS. */
export function runCli(args: string[], settings: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(settings), stdio: ["pipe", "pipe", "pipe"] });
    children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`accord ${args.join(" ")} did not finish in ${CLI_TIMEOUT_MS} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, CLI_TIMEOUT_MS);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });
}

export interface Server {
  child: ChildProcess;
  port: number;
  /** Base URL to call it on; also the Origin its CSRF check expects. */
  url: string;
  output: () => string;
  /** Resolves when the process has exited and been reaped (its pid is then free). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, then wait until the process is gone. */
  kill9: () => Promise<void>;
  /** SIGTERM (a clean stop), then wait until the process is gone. */
  stop: () => Promise<void>;
}

function track(child: ChildProcess) {
  children.add(child);
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (output += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("close", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { output: () => output, exited };
}

/** Whether `pid` is running (a zombie — exited but not reaped, as under a pid 1 that does not reap — is not). */
export function isRunning(pid: number): boolean {
  try {
    return !/^[ZX]/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "Z");
  } catch {
    return false;
  }
}

/** The pids of running `accord serve` processes whose parent is `pid`: a WORKERS > 1 server's workers (not tsx's esbuild helper). Linux only. */
export function workersOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .flatMap((e) => {
      try {
        const ppid = Number(fs.readFileSync(`/proc/${e}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
        return ppid === pid && isRunning(Number(e)) && fs.readFileSync(`/proc/${e}/cmdline`, "utf8").includes("accord.js") ? [Number(e)] : [];
      } catch {
        return [];
      }
    });
}

/** Runs one statement on TEST_DATABASE_URL's server (to create or drop a test's own database). */
async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

/** A new, empty database on TEST_DATABASE_URL's PostgreSQL, for one test's servers; `drop` removes it, ending its connections. */
export async function scratchDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}

/** Spawns `accord serve` (without waiting for it to be ready). */
export function spawnServe(port: number, settings: Record<string, string>): Server {
  const child = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: childEnv({ HOST: "127.0.0.1", PORT: String(port), ...settings }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { output, exited } = track(child);
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { child, port, url: `http://localhost:${port}`, output, exited, kill9: () => stopWith("SIGKILL"), stop: () => stopWith("SIGTERM") };
}

/** Spawns `accord serve` on a free port and waits (up to START_TIMEOUT_MS) until /healthz answers 200. */
export async function startServe(settings: Record<string, string>, port?: number): Promise<Server> {
  const server = spawnServe(port ?? (await freePort()), settings);
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`accord serve exited before it was ready:\n${server.output()}`);
    try {
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return server;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.kill9();
  throw new Error(`accord serve was not healthy within ${START_TIMEOUT_MS} ms:\n${server.output()}`);
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** Calls the API like the web UI does: JSON, same-origin Origin header, optional session cookie or bearer token. */
export async function api(
  server: Pick<Server, "url">,
  method: string,
  pathname: string,
  opts: { body?: unknown; cookie?: string; bearer?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { origin: server.url, accept: "application/json", ...opts.headers };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (opts.cookie) headers["cookie"] = opts.cookie;
  if (opts.bearer) headers["authorization"] = `Bearer ${opts.bearer}`;
  const res = await fetch(`${server.url}${pathname}`, {
    method,
    headers,
    signal: AbortSignal.timeout(10_000),
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** The `name=value` pair of the session cookie a response set, for sending back as a Cookie header. */
export function sessionCookie(res: ApiResponse): string {
  const setCookie = res.headers.get("set-cookie") ?? "";
  const match = setCookie.match(/(accord_session=[^;]+)/);
  if (!match?.[1]) throw new Error(`No session cookie in the response (status ${res.status}): ${setCookie}`);
  return match[1];
}

/** SIGKILLs every child still running and removes the temp folders; call from afterEach/afterAll. */
export async function cleanUp(): Promise<void> {
  const waiting = [...children].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("close", () => resolve());
        child.kill("SIGKILL");
      }),
  );
  await Promise.all(waiting);
  children.clear();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}
