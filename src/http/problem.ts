/** The one place errors become responses: application/problem+json with code, fields and request id. */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { classifyDatabaseError } from "../db/errors.ts";
import { AppError, TITLE_BY_CODE, type FieldProblem } from "../errors/app-error.ts";
import type { AppEnv } from "./env.ts";

/** At most this many problems are listed in a refusal; the rest are counted, so a body of 100,000 bad columns gets a small answer. */
export const MAX_LISTED_PROBLEMS = 20;
const MAX_PATH = 200;
const MAX_MESSAGE = 1000;

/** Cuts text to `max` UTF-16 units without splitting a character, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}… (${text.length - cut.length} more characters)`;
}

/**
 * The first `max` problems (paths and messages clipped), then one saying how many more there were — placed at the
 * first one left out, so it still names where to look.
 */
export function capProblems(fields: readonly FieldProblem[], max = MAX_LISTED_PROBLEMS): FieldProblem[] {
  const listed = fields.slice(0, max).map((f) => ({ path: clip(f.path, MAX_PATH), message: clip(f.message, MAX_MESSAGE) }));
  const rest = fields.length - listed.length;
  if (rest <= 0) return listed;
  const next = fields[max]!;
  return [...listed, { path: clip(next.path, MAX_PATH), message: `…and ${rest.toLocaleString("en-GB")} more problem${rest === 1 ? "" : "s"} from here on, not listed; fix the ones above and try again.` }];
}

export function fieldsFromZod(error: ZodError): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: `Unknown field “${k}”; remove it.` }));
    }
    if (issue.code === "invalid_type" && issue.input === undefined) {
      return [{ path: base || "(body)", message: base ? "This field is required." : "Send a JSON object." }];
    }
    return [{ path: base || "(body)", message: issue.message }];
  });
}

export function validationError(error: ZodError, where: string): AppError {
  const fields = fieldsFromZod(error);
  const first = fields[0];
  const detail = first ? `${first.path}: ${first.message}` : `The ${where} is not valid.`;
  return new AppError("validation_failed", detail, { fields });
}

/** Seconds a client is asked to wait (Retry-After) when the database is out of reach, or when SQLite stayed locked. */
export const RETRY_UNREACHABLE_SECONDS = 5;
export const RETRY_BUSY_SECONDS = 1;

/**
 * The database itself failing, on either driver (src/db/errors.ts says which failures these are): out of reach or
 * refusing our settings → 503 database_unavailable with Retry-After; still locked → 503 with a short Retry-After; no
 * room → 507 storage_full. Never a 500, and never logged per request: the DatabaseMonitor logs when this starts and ends.
 */
export function fromDatabaseFailure(err: unknown): AppError | undefined {
  switch (classifyDatabaseError(err)) {
    case "unreachable":
    case "misconfigured":
      return new AppError("database_unavailable", "The database cannot be reached just now. Try again in a few seconds; if this was a change, check whether it was stored before sending it again.", { retryAfterSeconds: RETRY_UNREACHABLE_SECONDS });
    case "busy":
      return new AppError("database_unavailable", "The database is busy. Try again in a moment.", { retryAfterSeconds: RETRY_BUSY_SECONDS });
    case "full":
      return new AppError("storage_full", "The server has no room to store this, so it was not stored. What was stored before is safe; the operator needs to make room.");
    default:
      return undefined;
  }
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError("payload_too_large");
    if (err.status === 400) return new AppError("bad_request", err.message || "The request body is not valid JSON.");
    if (err.status === 415) return new AppError("unsupported_media_type");
  }
  // Defence in depth: text PostgreSQL cannot store (schemas already refuse it) is the caller's problem, not ours.
  const sqlState = (err as { code?: unknown } | null)?.code;
  if (sqlState === "22021" || sqlState === "22P05") return new AppError("bad_request", "Text may not contain the NUL character (U+0000).");
  const dbError = fromDatabaseFailure(err);
  if (dbError) return dbError;
  return new AppError("internal", "Something went wrong on our side. Nothing you sent was lost; try again.");
}

export function renderProblem(err: unknown, c: Context<AppEnv>): Response {
  const appErr = toAppError(err);
  if (appErr.code === "internal") console.error(`[${c.get("requestId") ?? "-"}]`, err);
  const body = {
    type: `https://accord.invalid/problems/${appErr.code}`,
    title: TITLE_BY_CODE[appErr.code],
    status: appErr.status,
    detail: clip(appErr.message, 2 * MAX_MESSAGE),
    code: appErr.code,
    ...(appErr.fields ? { errors: capProblems(appErr.fields) } : {}),
    instance: c.req.path,
    requestId: c.get("requestId") ?? null,
  };
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (appErr.retryAfterSeconds !== undefined) headers["retry-after"] = String(appErr.retryAfterSeconds);
  return new Response(JSON.stringify(body), { status: appErr.status, headers });
}
