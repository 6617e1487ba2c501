// Unit tests for identifiers and secrets: time-ordered ids, ≥128-bit secrets, hashes that hide the secret.
import { describe, expect, it } from "vitest";
import { hashSecret, newId, newSecret } from "./ids.ts";

describe("newId", () => {
  it("is a version-7 UUID", () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it("sorts in creation order, even many within one millisecond", () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it("follows the clock across milliseconds", () => {
    const a = newId(1_800_000_000_000);
    const b = newId(1_800_000_000_001);
    expect(a < b).toBe(true);
  });
});

describe("secrets", () => {
  it("refuses fewer than 128 bits and hashes without revealing", () => {
    expect(() => newSecret(8)).toThrow();
    const s = newSecret();
    expect(Buffer.from(s, "base64url").length).toBe(32);
    expect(hashSecret(s)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(s)).not.toContain(s);
    expect(newSecret()).not.toBe(s);
  });
});
