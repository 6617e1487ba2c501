// Database failures are recognised the same way on both drivers, and each becomes its one HTTP answer (never a 500).
import { describe, expect, it } from "vitest";
import { fromDatabaseFailure } from "../http/problem.ts";
import { classifyDatabaseError, DatabaseUnreachableError } from "./errors.ts";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("classifyDatabaseError", () => {
  it.each([
    ["ECONNREFUSED", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["ECONNRESET", withCode("ECONNRESET", "read ECONNRESET")],
    ["ETIMEDOUT", withCode("ETIMEDOUT")],
    ["pg: connection terminated", new Error("Connection terminated unexpectedly")],
    ["pg: connect timeout", new Error("Connection terminated due to connection timeout")],
    ["pg: pool check-out timeout", new Error("timeout exceeded when trying to connect")],
    ["pg: broken client", new Error("Client has encountered a connection error and is not queryable")],
    ["SQLSTATE 08006", withCode("08006")],
    ["SQLSTATE 57P01 admin shutdown", withCode("57P01", "terminating connection due to administrator command")],
    ["SQLSTATE 57P03 starting up", withCode("57P03", "the database system is starting up")],
    ["SQLITE_CANTOPEN", withCode("SQLITE_CANTOPEN")],
    ["SQLITE_IOERR_WRITE", withCode("SQLITE_IOERR_WRITE")],
    ["known out of reach", new DatabaseUnreachableError("connect ECONNREFUSED")],
    ["every address refused", Object.assign(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]), { code: "ECONNREFUSED" })],
    ["a failed migration's cause", new Error("Migration failed: connect ECONNREFUSED", { cause: withCode("ECONNREFUSED") })],
  ])("%s is out of reach", (_, err) => {
    expect(classifyDatabaseError(err)).toBe("unreachable");
  });

  it.each([
    ["SQLITE_FULL", withCode("SQLITE_FULL", "database or disk is full"), "full"],
    ["PostgreSQL 53100 disk full", withCode("53100", "could not extend file"), "full"],
    ["ENOSPC", withCode("ENOSPC"), "full"],
    ["SQLITE_BUSY", withCode("SQLITE_BUSY", "database is locked"), "busy"],
    ["wrong password", withCode("28P01", "password authentication failed"), "misconfigured"],
    ["no such database", withCode("3D000", 'database "x" does not exist'), "misconfigured"],
    ["host name that does not resolve", withCode("ENOTFOUND", "getaddrinfo ENOTFOUND db"), "misconfigured"],
  ])("%s is %s", (_, err, expected) => {
    expect(classifyDatabaseError(err)).toBe(expected);
  });

  it.each([
    ["unique violation", withCode("23505")],
    ["SQLite constraint", withCode("SQLITE_CONSTRAINT_UNIQUE")],
    ["syntax error", withCode("42601")],
    ["a plain error", new Error("something else")],
    ["not an error", "text"],
  ])("%s is the query's own problem", (_, err) => {
    expect(classifyDatabaseError(err)).toBeUndefined();
  });
});

describe("fromDatabaseFailure", () => {
  it("answers out of reach and bad settings with 503 database_unavailable and Retry-After", () => {
    for (const err of [withCode("ECONNREFUSED"), withCode("28P01")]) {
      const app = fromDatabaseFailure(err);
      expect(app?.status).toBe(503);
      expect(app?.code).toBe("database_unavailable");
      expect(app?.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it("answers a locked SQLite with 503 and a short Retry-After, and no room with 507 storage_full", () => {
    expect(fromDatabaseFailure(withCode("SQLITE_BUSY"))).toMatchObject({ code: "database_unavailable", retryAfterSeconds: 1 });
    expect(fromDatabaseFailure(withCode("SQLITE_FULL"))?.status).toBe(507);
    expect(fromDatabaseFailure(withCode("53100"))?.code).toBe("storage_full");
  });

  it("leaves other errors alone", () => {
    expect(fromDatabaseFailure(withCode("23505"))).toBeUndefined();
  });
});
