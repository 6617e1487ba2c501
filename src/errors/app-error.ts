/** The single error type services throw, its codes, and the compiler-checked code → HTTP status table. */

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "invalid_credentials"
  | "forbidden"
  | "csrf_rejected"
  | "not_found"
  | "conflict"
  | "already_set_up"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "mail_not_configured"
  | "mail_failed"
  | "precondition_failed"
  | "precondition_required"
  | "database_unavailable"
  | "storage_full"
  | "internal";

export const STATUS_BY_CODE = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  already_set_up: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  mail_not_configured: 503,
  mail_failed: 502,
  precondition_failed: 412,
  precondition_required: 428,
  database_unavailable: 503,
  storage_full: 507,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;

export const TITLE_BY_CODE = {
  bad_request: "The request could not be read",
  validation_failed: "Some fields are not right",
  unauthenticated: "You need to sign in",
  invalid_credentials: "Email or password is not right",
  forbidden: "You are not allowed to do this",
  csrf_rejected: "Request from another site refused",
  not_found: "Not found",
  conflict: "This conflicts with what is already stored",
  already_set_up: "accord is already set up",
  payload_too_large: "The request body is too large",
  unsupported_media_type: "Send JSON with content-type application/json",
  rate_limited: "Too many attempts",
  mail_not_configured: "This accord sends no email",
  mail_failed: "The email could not be sent",
  precondition_failed: "This was changed since you loaded it",
  precondition_required: "Say which version you are changing",
  database_unavailable: "The database cannot be reached just now",
  storage_full: "The server has no room to store this",
  internal: "Something went wrong on our side",
} as const satisfies Record<ErrorCode, string>;

export interface FieldProblem {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, detail?: string, opts: { fields?: FieldProblem[]; retryAfterSeconds?: number } = {}) {
    super(detail ?? TITLE_BY_CODE[code]);
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

/** Shorthand for the 404 we give for anything the caller may not know exists. */
export function notFound(what: string): AppError {
  return new AppError("not_found", `No ${what} with that id here.`);
}
