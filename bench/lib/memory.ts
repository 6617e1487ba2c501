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

/** Current RSS of a process in bytes (process.memoryUsage for ourselves when /proc is missing). */
export function rssOf(pid: number): number {
  return readStatus(pid)?.rss ?? (pid === process.pid ? process.memoryUsage().rss : 0);
}

/** Starts sampling every intervalMs; stop() gives start, peak (max of samples and VmHWM) and end in MiB. */
export function sampleMemory(pid: number, intervalMs = 100) {
  const start = rssOf(pid);
  const startMiB = MiB(start);
  let peak = start;
  const timer = setInterval(() => {
    const s = readStatus(pid);
    if (s) peak = Math.max(peak, s.rss);
  }, intervalMs);
  timer.unref();
  return {
    startMiB,
    stop() {
      clearInterval(timer);
      const s = readStatus(pid);
      const end = s?.rss ?? rssOf(pid);
      // VmHWM covers spikes between samples, but also anything before start (e.g. set-up): take it only for whole-life peaks.
      peak = Math.max(peak, end);
      return { startMiB: MiB(start), peakMiB: MiB(peak), endMiB: MiB(end), hwmMiB: MiB(s?.hwm ?? peak), underLimit: MiB(Math.max(peak, s?.hwm ?? 0)) < MEMORY_LIMIT_MIB };
    },
  };
}
