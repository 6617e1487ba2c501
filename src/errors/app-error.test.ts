// Unit tests for the error table: every code maps to a 4xx/5xx status and a title.
import { describe, expect, it } from "vitest";
import { AppError, STATUS_BY_CODE, TITLE_BY_CODE, type ErrorCode } from "./app-error.ts";

describe("AppError", () => {
  it("maps every code to an error status and a title", () => {
    for (const code of Object.keys(STATUS_BY_CODE) as ErrorCode[]) {
      expect(STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(400);
      expect(TITLE_BY_CODE[code].length).toBeGreaterThan(0);
    }
    expect(Object.keys(TITLE_BY_CODE).sort()).toEqual(Object.keys(STATUS_BY_CODE).sort());
  });
  it("server errors are only a fault of ours, a missing or failing mail server, or a database that is unreachable or full, never a caller's input", () => {
    const fiveHundreds = Object.entries(STATUS_BY_CODE).filter(([, s]) => s >= 500).map(([c]) => c);
    expect(fiveHundreds.sort()).toEqual(["database_unavailable", "internal", "mail_failed", "mail_not_configured", "storage_full"]);
    expect(STATUS_BY_CODE.mail_failed).toBe(502);
    expect(STATUS_BY_CODE.mail_not_configured).toBe(503);
  });
  it("carries fields and retry-after", () => {
    const e = new AppError("rate_limited", "slow down", { retryAfterSeconds: 30 });
    expect(e.status).toBe(429);
    expect(e.retryAfterSeconds).toBe(30);
  });
});
