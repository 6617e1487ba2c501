// Low-level fetch wrapper for the accord API: JSON in and out, problem+json errors as ApiError.
import type { Problem, ProblemFieldError } from "./types.ts";

/** An error answered by the API (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[];
  readonly requestId: string | undefined;
  /** Seconds from a Retry-After header, if the response had one. */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = "ApiError";
    this.status = status;
    this.code = problem.code;
    this.title = problem.title ?? "Something went wrong";
    this.detail = problem.detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.requestId = problem.requestId;
    this.retryAfter = retryAfter;
  }
}

type Listener = () => void;
let unauthenticatedListener: Listener | null = null;

/** Registers the function called when any request finds the session has ended. */
export function onUnauthenticated(listener: Listener | null): void {
  unauthenticatedListener = listener;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (!Number.isNaN(date)) return Math.max(0, Math.round((date - Date.now()) / 1000));
  return undefined;
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body: unknown = await response.json();
      if (body !== null && typeof body === "object") return body as Problem;
    } catch {
      // fall through to a generic problem
    }
  }
  return { title: response.statusText || "Something went wrong", status: response.status };
}

export interface RequestOptions {
  /** Do not report a 401 to the session listener (sign-in, setup, /me probe). */
  quiet401?: boolean;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

/** Sends one request to /api/v1 and returns the parsed JSON body (undefined for 204). */
export async function request<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  const init: RequestInit = { method, credentials: "same-origin", headers };
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch {
    throw new ApiError(0, {
      title: "Could not reach accord",
      detail: "Could not reach accord. Check your connection and try again.",
    });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    const error = new ApiError(
      response.status,
      problem,
      parseRetryAfter(response.headers.get("retry-after")),
    );
    if (response.status === 401 && !options.quiet401 && error.code !== "invalid_credentials") {
      unauthenticatedListener?.();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

/** Builds a query string from the defined values, with a leading "?" (or "" when empty). */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}
