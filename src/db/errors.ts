/** Recognising database errors the same way on SQLite and PostgreSQL: constraint violations, a database out of reach, one out of room, a bad setting. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/**
 * What a failure says about the database itself, whichever driver raised it:
 * - `unreachable`: no connection or the connection broke (refused, reset, timed out, server shutting down or starting) — try again later;
 * - `busy`: SQLite stayed locked beyond its busy timeout — try again shortly;
 * - `full`: no room to store (SQLITE_FULL, PostgreSQL 53100, ENOSPC) — an operator must make room;
 * - `misconfigured`: these settings cannot work (wrong password, no such database, a host name that does not resolve) — retrying cannot help;
 * - undefined: anything else (a query's own error).
 */
export type DatabaseFailure = "unreachable" | "busy" | "full" | "misconfigured";

/** Thrown instead of queuing a query while the database is known to be out of reach (see availability.ts). */
export class DatabaseUnreachableError extends Error {
  readonly code = "ACCORD_DATABASE_UNREACHABLE";
  readonly detail: string;
  constructor(detail: string) {
    super(`The database cannot be reached (${detail}).`);
    this.detail = detail;
    this.name = "DatabaseUnreachableError";
  }
}

/** Node socket and DNS failures on the way to the database server. */
const UNREACHABLE_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EHOSTUNREACH", "EHOSTDOWN", "ENETUNREACH", "ENETDOWN", "EPIPE", "EAI_AGAIN", "ACCORD_DATABASE_UNREACHABLE"]);

/** node-postgres raises these without a code when a connection ends, never opens in time, or was already broken. */
const PG_UNREACHABLE_MESSAGES = [
  /^Connection terminated/, // "Connection terminated", "…unexpectedly", "…due to connection timeout"
  /^timeout expired$/, // connectionTimeoutMillis while opening
  /^timeout exceeded when trying to connect$/, // waiting for a pooled connection
  /^Query read timeout$/,
  /is not queryable$/, // "Client has encountered a connection error and is not queryable", "Client was closed and is not queryable"
  /^Connection ended/,
];

/** SQLSTATEs meaning the server cannot serve this session now: 57P01–57P03 (shutting down, crashed, starting), 53300 (no connection slot). */
const PG_UNREACHABLE_STATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** SQLSTATEs meaning these settings will never work: bad password or authorisation (class 28), no such database (3D000). */
const PG_MISCONFIGURED = /^(28...|3D000)$/;

export function classifyDatabaseError(err: unknown): DatabaseFailure | undefined {
  if (err === null || typeof err !== "object") return undefined;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  const message = typeof e.message === "string" ? e.message : "";
  // SQLite (better-sqlite3 puts the extended result code in `code`).
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "53100") return "full";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN")) return /ENOSPC|disk is full/i.test(message) ? "full" : "unreachable";
  // PostgreSQL: SQLSTATE class 08 is "connection exception".
  if (/^08[0-9A-Z]{3}$/.test(code) || PG_UNREACHABLE_STATES.has(code)) return "unreachable";
  if (/^[0-9A-Z]{5}$/.test(code) && PG_MISCONFIGURED.test(code)) return "misconfigured";
  if (UNREACHABLE_ERRNO.has(code)) return "unreachable";
  if (code === "ENOTFOUND") return "misconfigured"; // a host name that does not resolve is a setting to fix
  if (!code && PG_UNREACHABLE_MESSAGES.some((re) => re.test(message))) return "unreachable";
  // Node's AggregateError when every address of a host refused (localhost → ::1 and 127.0.0.1).
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((inner) => classifyDatabaseError(inner) === "unreachable")) return "unreachable";
  // A wrapper that kept the driver's error (a failed migration does).
  const cause = (err as { cause?: unknown }).cause;
  return cause !== undefined && cause !== err ? classifyDatabaseError(cause) : undefined;
}

/** A short description for log lines: the code and the driver's message, without a stack. */
export function describeDatabaseError(err: unknown): string {
  if (err instanceof DatabaseUnreachableError) return err.detail;
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const text = err.message || (err as { errors?: Error[] }).errors?.map((inner) => inner.message).join("; ") || err.name;
  return typeof code === "string" && code && !text.includes(code) ? `${code}: ${text}` : text;
}
