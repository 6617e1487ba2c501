/** The chaos run's supervisor: keeps one `accord serve` running on a fixed port as systemd would (restart one second after any exit), and SIGKILLs its primary or a worker on request. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { BIN, ROOT, childEnv, isRunning, workersOf } from "../../tests/process/process-helpers.ts";

export interface Exit {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Seconds since the run started. */
  at: number;
  /** We SIGKILLed it, or stopped it at the end (anything else is the server stopping by itself). */
  killedByUs: boolean;
  /** Seconds it had been running. */
  ranSeconds: number;
}



/** SIGKILL; false when the process was already gone. */
function killQuietly(pid: number): boolean {
  if (!isRunning(pid)) return false;
  try {
    process.kill(pid, "SIGKILL");
    return true;
  } catch {
    return false;
  }
}

export class Supervisor {
  readonly exits: Exit[] = [];
  starts = 0;
  private child: ChildProcess | undefined;
  private startedAt = 0;
  private stopping = false;
  private killed = new Set<number>();
  /** The workers a killed primary had: like systemd (KillMode=control-group), whatever is left of them is ended before the restart. */
  private orphansOf = new Map<number, number[]>();
  /** Workers still alive when their primary had gone and the restart was due. */
  orphans = 0;
  private readonly log: fs.WriteStream;

  constructor(
    private readonly settings: Record<string, string>,
    readonly port: number,
    logFile: string,
    private readonly t0: number,
    private readonly event: (line: string) => void,
    private readonly restartDelayMs = 1000,
  ) {
    this.log = fs.createWriteStream(logFile, { flags: "a" });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Seconds since the run started. */
  private now(): number {
    return (Date.now() - this.t0) / 1000;
  }

  start(): void {
    const child = spawn(process.execPath, [BIN, "serve"], { cwd: ROOT, env: childEnv({ HOST: "127.0.0.1", PORT: String(this.port), NODE_ENV: "production", ...this.settings }), stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    this.starts++;
    this.startedAt = Date.now();
    const pid = child.pid ?? 0;
    this.log.write(`--- ${this.now().toFixed(1)} s: started pid ${pid}\n`);
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    child.once("close", (code, signal) => {
      const exit: Exit = { pid, code, signal, at: this.now(), killedByUs: this.killed.has(pid) || this.stopping, ranSeconds: (Date.now() - this.startedAt) / 1000 };
      this.exits.push(exit);
      this.log.write(`--- ${exit.at.toFixed(1)} s: pid ${pid} exited (${signal ?? `code ${code}`})\n`);
      if (this.child === child) this.child = undefined;
      if (this.stopping) return;
      if (!exit.killedByUs) this.event(`server pid ${pid} stopped by itself (${signal ?? `exit ${code}`}) after ${exit.ranSeconds.toFixed(1)} s; restarting in ${this.restartDelayMs / 1000} s`);
      setTimeout(() => {
        for (const w of this.orphansOf.get(pid) ?? []) {
          if (!killQuietly(w)) continue; // gone, as it should be
          this.orphans++;
          this.event(`worker ${w} outlived its primary ${pid}; killed before the restart`);
        }
        if (!this.stopping) this.start();
      }, this.restartDelayMs);
    });
  }

  /** The running server's top process (the primary when WORKERS > 1), if one is running. */
  primary(): number | undefined {
    return this.child?.pid;
  }

  workers(): number[] {
    const pid = this.primary();
    return pid === undefined ? [] : workersOf(pid);
  }

  /** SIGKILLs the primary (its workers follow, as their channel to it closes); false when no server is running. */
  killPrimary(): number | undefined {
    const pid = this.primary();
    if (pid === undefined) return undefined;
    this.killed.add(pid);
    this.orphansOf.set(pid, this.workers());
    return killQuietly(pid) ? pid : undefined;
  }

  /** SIGKILLs one worker at random (the primary should start another). */
  killWorker(): number | undefined {
    const workers = this.workers();
    const pid = workers[Math.floor(Math.random() * workers.length)];
    if (pid === undefined) return undefined;
    return killQuietly(pid) ? pid : undefined;
  }

  /** At once and synchronously (the bench is exiting on an error): no more restarts, SIGKILL the server and its workers. */
  killNow(): void {
    this.stopping = true;
    const pid = this.primary();
    if (pid === undefined) return;
    for (const w of this.workers()) killQuietly(w);
    killQuietly(pid);
  }

  /** No more restarts; SIGTERM, then SIGKILL after `graceMs`. Says how it ended and how long the SIGTERM took. */
  async stop(graceMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; seconds: number; forced: boolean } | undefined> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      this.log.end();
      return undefined;
    }
    const from = Date.now();
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
    child.kill("SIGTERM");
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      const workers = this.workers();
      this.killed.add(child.pid ?? 0);
      child.kill("SIGKILL");
      for (const w of workers) killQuietly(w);
    }, graceMs);
    const end = await closed;
    clearTimeout(timer);
    this.log.end();
    return { ...end, seconds: (Date.now() - from) / 1000, forced };
  }
}
