// Helpers for the browser tests: start a real `accord serve`, launch headless Chromium profiles, run axe on a page.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import { chromium, type BrowserContext, type Page } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const HEALTH_TIMEOUT_MS = 20_000;

const tempDirs: string[] = [];

/** A fresh, empty folder under the OS temp dir, removed by removeTempDirs(). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
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

export interface Server {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `node bin/accord.js serve` on a free port with a fresh data folder; resolves once /healthz answers 200.
 * `extraEnv` gets the server's URL and may add settings, such as SMTP_* and PUBLIC_URL for a test mail server.
 */
export async function startServer(extraEnv: (url: string) => Record<string, string> = () => ({})): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(PORT|HOST|DATA_DIR|DATABASE_URL|PUBLIC_URL|TRUST_PROXY|SMTP_\w+)$/.test(key)) delete env[key];
  }
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "bin", "accord.js"), "serve"], {
    cwd: ROOT,
    env: { ...env, NO_COLOR: "1", HOST: "127.0.0.1", PORT: String(port), DATA_DIR: tempDir("accord-browser-data-"), ...extraEnv(url) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (output += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`accord serve exited before it was ready:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return { url, output: () => output, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`accord serve did not answer /healthz within ${HEALTH_TIMEOUT_MS} ms:\n${output}`);
}

/** A headless Chromium with its own fresh profile (cookies, storage): one per simulated person. */
export async function launchBrowser(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await chromium.launchPersistentContext(tempDir("accord-browser-profile-"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  // Uncaught errors and console errors (e.g. a CSP refusal) are collected; failed API calls the UI expects are not.
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core on the page as it is now and returns the serious and critical violations, one line each
 * (rule id, help, targets). The page's CSP forbids inline scripts, so axe is evaluated through the devtools
 * protocol rather than added as a <script> tag (addScriptTag would be refused).
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(axe.source);
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}
