/** Several app-server processes on one port (node:cluster, WORKERS > 1, PostgreSQL only): the primary forks them, replaces one that dies, and stops them all on a signal. */
import cluster, { type Worker } from "node:cluster";
import type { Config } from "../config/config.ts";

/** What a worker tells the primary once it is listening. */
export interface ListeningMessage {
  accord: "listening";
  port: number;
  describe: string;
}

export function isListeningMessage(m: unknown): m is ListeningMessage {
  return typeof m === "object" && m !== null && (m as { accord?: unknown }).accord === "listening";
}

/**
 * Runs in the primary process, which loads none of the app (see bin/accord.js) and so stays small. Each worker is a
 * whole `accord serve` (same command line and environment), stateless like any app server sharing the database,
 * so connections can go to any of them. The first worker starts alone and applies any migrations; the others
 * follow once it listens, so they never race for the migration lock.
 * A worker that crashes or is killed is replaced; one that fails by itself (exits non-zero) before it ever listened
 * stops the lot (a bad setting would otherwise restart forever), while one killed by a signal before it listened is
 * replaced after a pause that grows with each such death in a row. A database out of reach is not such a failure: a worker starting
 * while PostgreSQL is down or restarting (the first, or a replacement during an outage) waits for it and retries
 * (`openDatabase`'s waitForDatabase, logging each try), so it never exits for that, and the primary never stops the lot
 * over an outage; wrong passwords, missing databases and unresolvable hosts still fail at once and stop it.
 * SIGINT/SIGTERM stop every worker gracefully, then the primary.
 */
export function runPrimary(config: Config, log: (line: string) => void = console.log): void {
  let stopping = false;
  let announced = false;
  const listening = new Set<Worker>();
  /** Workers in a row stopped by a signal before they could serve; each waits longer before the next try. */
  let killedBeforeServing = 0;
  const alive = () => Object.values(cluster.workers ?? {}).filter((w) => w !== undefined && !w.isDead()).length;

  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (m: unknown) => {
      if (!isListeningMessage(m)) return;
      listening.add(worker);
      killedBeforeServing = 0;
      if (announced) log(`accord: worker ${worker.process.pid} is serving`);
      if (listening.size === 1 && !announced) for (let n = alive(); n < config.workers; n++) fork();
      if (!announced && listening.size === config.workers) {
        announced = true;
        log(`accord: serving ${config.publicUrl ?? `http://localhost:${m.port}`} on ${m.describe}, ${config.workers} worker processes`);
      }
    });
    worker.on("exit", (code, signal) => {
      const wasListening = listening.delete(worker);
      if (stopping) return;
      if (code === 0) {
        // A worker only exits cleanly when told to; once none is left there is nothing to serve with.
        if (Object.values(cluster.workers ?? {}).every((w) => w === undefined || w.isDead())) stop(0);
        return;
      }
      if (!wasListening && signal === null) {
        log(`accord: a worker failed before it could serve (exit ${code}); stopping`);
        stop(1);
        return;
      }
      if (!wasListening) {
        // Killed from outside while starting (an operator, the OOM killer, a chaos test): not a bad setting, so start
        // another, waiting longer after each such death in a row.
        const delay = Math.min(500 * 2 ** killedBeforeServing++, 10_000);
        log(`accord: worker ${worker.process.pid} was stopped (${signal}) before it could serve; starting another in ${delay / 1000} s`);
        setTimeout(() => {
          if (!stopping) fork();
        }, delay);
        return;
      }
      log(`accord: worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another`);
      fork();
    });
  };

  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    if (workers.length === 0) process.exit(exitCode);
    let left = workers.length;
    for (const w of workers) {
      w.once("exit", () => {
        if (--left === 0) process.exit(exitCode);
      });
      w.process.kill("SIGTERM");
    }
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`accord: ${signal} received, stopping ${config.workers} workers`);
      stop(0);
    });
  }
  fork();
}

/** In a worker: tells the primary it is listening (a no-op in a single-process server). */
export function announceToPrimary(port: number, describe: string): void {
  if (cluster.isWorker && process.send) process.send({ accord: "listening", port, describe } satisfies ListeningMessage);
}

export const isClusterPrimary = (config: Config) => config.workers > 1 && cluster.isPrimary;
