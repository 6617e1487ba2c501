/** Reads accord's settings from the environment once, validated with zod. */
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  WORKERS: z.coerce.number().int().min(1, "WORKERS must be at least 1").max(64, "WORKERS must be at most 64").default(1),
  EXPENSIVE_LIMITS: z.enum(["on", "off"], { message: "EXPENSIVE_LIMITS must be on or off" }).default("on"),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_SECURE: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().default("accord <no-reply@localhost>"),
  ACCESS_LOG: z.enum(["on", "off"], { message: "ACCESS_LOG must be on or off" }).default("on"),
  LOG_LEVEL: z
    .enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], { message: "LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent" })
    .default("info"),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default("127.0.0.1"),
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
});

/** Addresses that only this machine can reach: the metrics port may listen there without a token. */
const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  trustProxy: boolean;
  /** App-server processes sharing the port (node:cluster); above 1 only with PostgreSQL. */
  workers: number;
  /** The per-account limits on expensive routes and the demo quota (src/limits/expensive-limits.ts); EXPENSIVE_LIMITS=off turns them off. */
  expensiveLimits: boolean;
  /** One JSON line per request on stdout from `accord serve` (src/observability); ACCESS_LOG=off turns it off. */
  accessLog: boolean;
  logLevel: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  /** Prometheus metrics on a port of their own, off unless METRICS_PORT is set; a token is required off loopback. */
  metrics: { port: number; host: string; token: string | undefined } | undefined;
  smtp:
    | { host: string; port: number; secure: boolean; user: string | undefined; pass: string | undefined; from: string }
    | undefined;
}

/** Parses the given environment (process.env by default); throws a readable error on bad values. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.WORKERS > 1 && !e.DATABASE_URL) {
    throw new Error(
      `Invalid configuration:\n  WORKERS: ${e.WORKERS} worker processes need DATABASE_URL (PostgreSQL); the SQLite data folder is served by one process, so leave WORKERS at 1 or unset.`,
    );
  }
  if (e.SMTP_HOST && !e.PUBLIC_URL) {
    throw new Error(
      "Invalid configuration:\n  PUBLIC_URL: set it to the address people use (e.g. https://accord.example.org) when SMTP_HOST is set. Emailed links are built from PUBLIC_URL, never from the Host header of the request that asked for them, which anyone can set.",
    );
  }
  if (e.METRICS_PORT !== undefined && !LOOPBACK.has(e.METRICS_HOST) && !e.METRICS_TOKEN) {
    throw new Error(
      `Invalid configuration:\n  METRICS_TOKEN: set it (16 characters or more) when METRICS_HOST is ${e.METRICS_HOST}; metrics listen on another address than loopback only behind a bearer token.`,
    );
  }
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT === e.PORT && e.METRICS_PORT !== 0) {
    throw new Error(`Invalid configuration:\n  METRICS_PORT: ${e.METRICS_PORT} is also PORT; metrics need a port of their own.`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    trustProxy: e.TRUST_PROXY,
    workers: e.WORKERS,
    expensiveLimits: e.EXPENSIVE_LIMITS === "on",
    accessLog: e.ACCESS_LOG === "on",
    logLevel: e.LOG_LEVEL,
    metrics: e.METRICS_PORT === undefined ? undefined : { port: e.METRICS_PORT, host: e.METRICS_HOST, token: e.METRICS_TOKEN },
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, pass: e.SMTP_PASS, from: e.SMTP_FROM }
      : undefined,
  };
}
