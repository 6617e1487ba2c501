/** Samples a process's resident memory (VmRSS, and the kernel's high-water mark VmHWM) from /proc while a benchmark runs. */
import fs from "node:fs";
import { MiB } from "./common.ts";

export const MEMORY_LIMIT_MIB = 512;

function readStatus(pid: number): { rss: number; hwm: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0) * 1024;
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return null;
  }
}

/** The process and every process below it (an `accord serve` with WORKERS > 1 is a primary and its workers). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** The pids of every process whose command name (as /proc shows it) is `comm`. */
export function processesNamed(comm: string): number[] {
  return fs.readdirSync("/proc").filter((e) => {
    if (!/^\d+$/.test(e)) return false;
    try {
      return fs.readFileSync(`/proc/${e}/comm`, "utf8").trim() === comm;
    } catch {
      return false; // the process ended while we looked
    }
  }).map(Number);
}

/** CPU seconds (user + system) used so far by the processes, from /proc (100 ticks a second); those gone since count nothing. */
export function cpuSecondsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone
    }
  }
  return ticks / 100;
}

/** Summed RSS in bytes of a process and everything below it. */
export function treeRss(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + (readStatus(p)?.rss ?? 0), 0);
}

/** Current RSS of a process in bytes (process.memoryUsage for ourselves when /proc is missing). */
export function rssOf(pid: number): number {
  return readStatus(pid)?.rss ?? (pid === process.pid ? process.memoryUsage().rss : 0);
}

/**
 * Starts sampling every intervalMs; stop() gives start, peak (max of samples and VmHWM) and end in MiB.
 * `tree`: the sum over the process and its children (VmHWM is then not used: peaks of separate processes do not add up).
 */
export function sampleMemory(pid: number, intervalMs = 100, opts: { tree?: boolean } = {}) {
  const current = () => (opts.tree ? treeRss(pid) : rssOf(pid));
  const start = current();
  const startMiB = MiB(start);
  let peak = start;
  const timer = setInterval(() => {
    const rss = opts.tree ? treeRss(pid) : readStatus(pid)?.rss;
    if (rss) peak = Math.max(peak, rss);
  }, intervalMs);
  timer.unref();
  return {
    startMiB,
    stop() {
      clearInterval(timer);
      const s = opts.tree ? null : readStatus(pid);
      const end = opts.tree ? treeRss(pid) : (s?.rss ?? rssOf(pid));
      // VmHWM covers spikes between samples, but also anything before start (e.g. set-up): take it only for whole-life peaks.
      peak = Math.max(peak, end);
      return { startMiB: MiB(start), peakMiB: MiB(peak), endMiB: MiB(end), hwmMiB: MiB(s?.hwm ?? peak), underLimit: MiB(Math.max(peak, s?.hwm ?? 0)) < MEMORY_LIMIT_MIB };
    },
  };
}
