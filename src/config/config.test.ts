// Unit tests for reading configuration from the environment.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("defaults to port 3000 and ./data with no mail server", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe(path.resolve("data"));
    expect(c.databaseUrl).toBeUndefined();
    expect(c.smtp).toBeUndefined();
  });
  it("reads PORT, DATA_DIR, DATABASE_URL and SMTP settings", () => {
    const c = loadConfig({ PORT: "8080", DATA_DIR: "/srv/accord", DATABASE_URL: "postgres://u:p@db/accord", PUBLIC_URL: "https://accord.example.org", SMTP_HOST: "mail.example.org", SMTP_PORT: "25" });
    expect(c.port).toBe(8080);
    expect(c.dataDir).toBe("/srv/accord");
    expect(c.databaseUrl).toBe("postgres://u:p@db/accord");
    expect(c.smtp).toMatchObject({ host: "mail.example.org", port: 25, secure: false });
  });
  it("explains bad values", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must start with postgres/);
  });
  it("runs one process unless WORKERS asks for more, and more only on PostgreSQL", () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ WORKERS: "4", DATABASE_URL: "postgres://u:p@db/accord" }).workers).toBe(4);
    expect(() => loadConfig({ WORKERS: "2" })).toThrow(/WORKERS: 2 worker processes need DATABASE_URL/);
    expect(() => loadConfig({ WORKERS: "0", DATABASE_URL: "postgres://u:p@db/accord" })).toThrow(/WORKERS must be at least 1/);
    expect(() => loadConfig({ WORKERS: "two", DATABASE_URL: "postgres://u:p@db/accord" })).toThrow(/WORKERS/);
  });
  it("refuses to start with mail but no PUBLIC_URL, naming PUBLIC_URL and why", () => {
    // Emailed links would otherwise be built from the Host header of whoever asked for them.
    expect(() => loadConfig({ SMTP_HOST: "mail.example.org" })).toThrow(/PUBLIC_URL: set it to the address people use .* when SMTP_HOST is set/);
    expect(() => loadConfig({ SMTP_HOST: "mail.example.org", PUBLIC_URL: "" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ SMTP_HOST: "mail.example.org", PUBLIC_URL: "accord.example.org" })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ SMTP_HOST: "mail.example.org", PUBLIC_URL: "https://accord.example.org/" })).toMatchObject({ publicUrl: "https://accord.example.org", smtp: { host: "mail.example.org" } });
    // Without mail, PUBLIC_URL stays optional.
    expect(loadConfig({}).publicUrl).toBeUndefined();
  });
  it("treats empty variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });
  it("logs each request at info by default, and ACCESS_LOG / LOG_LEVEL change that", () => {
    expect(loadConfig({})).toMatchObject({ accessLog: true, logLevel: "info" });
    expect(loadConfig({ ACCESS_LOG: "off", LOG_LEVEL: "warn" })).toMatchObject({ accessLog: false, logLevel: "warn" });
    expect(() => loadConfig({ ACCESS_LOG: "yes" })).toThrow(/ACCESS_LOG must be on or off/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL must be one of/);
  });
  it("serves no metrics unless METRICS_PORT is set, on loopback unless told otherwise, and off loopback only with a token", () => {
    expect(loadConfig({}).metrics).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: "9464" }).metrics).toEqual({ port: 9464, host: "127.0.0.1", token: undefined });
    expect(() => loadConfig({ METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0" })).toThrow(/METRICS_TOKEN: set it .* when METRICS_HOST is 0\.0\.0\.0/);
    expect(() => loadConfig({ METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0", METRICS_TOKEN: "short" })).toThrow(/at least 16 characters/);
    expect(loadConfig({ METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0", METRICS_TOKEN: "a-long-scrape-token" }).metrics).toEqual({ port: 9464, host: "0.0.0.0", token: "a-long-scrape-token" });
    expect(() => loadConfig({ METRICS_PORT: "3000" })).toThrow(/METRICS_PORT: 3000 is also PORT/);
    expect(() => loadConfig({ METRICS_PORT: "ninety" })).toThrow(/METRICS_PORT/);
  });
});
