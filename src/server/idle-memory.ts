/** Gives memory back after a burst: once the server has been idle for a while after serving requests, it asks V8 for one full collection. */
import type { Server } from "node:http";
import v8 from "node:v8";
import vm from "node:vm";

/**
 * V8 keeps the heap it grew to during a burst (a survey's closing day, an export) until its own idle heuristics
 * decide otherwise, which on a quiet server can be never. After `idleMs` without a request, following at least
 * one request, this runs one full garbage collection, which frees the emptied pages back to the system. It runs
 * once per burst, only while idle, so it never pauses a request.
 */
export function releaseMemoryWhenIdle(server: Server, options: { idleMs?: number; checkEveryMs?: number; collect?: () => void } = {}): () => void {
  const idleMs = options.idleMs ?? 10_000;
  const gc = options.collect ?? fullCollection();
  if (!gc) return () => {};
  let lastRequest = 0;
  let busySinceCollection = false;
  const onRequest = () => {
    lastRequest = Date.now();
    busySinceCollection = true;
  };
  server.on("request", onRequest);
  const timer = setInterval(() => {
    if (busySinceCollection && Date.now() - lastRequest >= idleMs) {
      busySinceCollection = false;
      gc();
    }
  }, options.checkEveryMs ?? Math.max(1000, idleMs / 4));
  timer.unref();
  return () => {
    clearInterval(timer);
    server.off("request", onRequest);
  };
}

/** V8's full collection, exposed at run time (the documented `--expose-gc` flag set from inside the process). */
function fullCollection(): (() => void) | undefined {
  v8.setFlagsFromString("--expose-gc");
  const gc: unknown = vm.runInNewContext("gc");
  return typeof gc === "function" ? (gc as () => void) : undefined;
}
