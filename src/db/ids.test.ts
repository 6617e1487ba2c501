// Unit tests for identifiers and secrets: time-ordered ids, ≥128-bit secrets, hashes that hide the secret.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { hashSecret, newId, newSecret, randomHex } from "./ids.ts";

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

describe("pooled randomness", () => {
  it("never hands out the same bytes twice, across many refills of the pool", () => {
    // 4 KiB pool: 20,000 draws of 16 bytes refill it about 80 times; 7-byte draws leave odd remainders at each refill.
    const hex = Array.from({ length: 20_000 }, (_, i) => randomHex(i % 3 === 0 ? 7 : 16));
    expect(new Set(hex).size).toBe(hex.length);
    expect(hex.every((h, i) => h.length === (i % 3 === 0 ? 14 : 32))).toBe(true);
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(new Set(ids.map((id) => id.slice(19))).size).toBe(ids.length);
  });
  it("looks uniform: every hex digit about equally often", () => {
    const counts = new Map<string, number>();
    for (const ch of Array.from({ length: 4000 }, () => randomHex(16)).join("")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(16);
    // 128,000 digits: 8,000 expected each; ±5% is over 11 standard deviations.
    for (const n of counts.values()) expect(Math.abs(n - 8000)).toBeLessThan(400);
  });
  it("hashes secrets with SHA-256, as stored before", () => {
    expect(hashSecret("participation:abc")).toBe(createHash("sha256").update("participation:abc").digest("hex"));
  });
});
