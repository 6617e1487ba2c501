/** Starts the real `accord serve` as a child process (fresh data folder or database) and stops it. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./common.ts";

export interface RunningServer {
  url: string;
  pid: number;
  stop: () => Promise<number | null>;
}

/** `env` is merged over ours with DATABASE_URL removed (set it again for PostgreSQL); BENCH_SERVER_NODE_ARGS (e.g. --cpu-prof) go to node. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const base = { ...process.env };
  delete base["DATABASE_URL"];
  const child: ChildProcess = spawn(process.execPath, [...(process.env["BENCH_SERVER_NODE_ARGS"]?.split(" ").filter(Boolean) ?? []), path.join(ROOT, "bin/accord.js"), "serve"], {
    cwd: ROOT,
    env: { ...base, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving (http:\/\/[^\s]+?):(\d+)/.exec(out);
      if (m) {
        child.stdout!.off("data", onData);
        child.stdout!.resume();
        resolve(`http://127.0.0.1:${m[2]}`);
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`accord serve exited early (${code}): ${out}`)));
    setTimeout(() => reject(new Error(`accord serve did not start within 60 s: ${out}`)), 60_000).unref();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
