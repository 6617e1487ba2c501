/** Random identifiers, secret tokens and their hashes, and the current time as stored. */
import { createHash, randomBytes, randomUUID } from "node:crypto";

export function newId(): string {
  return randomUUID();
}

/** A secret of `bytes` random bytes (≥16, i.e. ≥128 bits), base64url-encoded. */
export function newSecret(bytes = 32): string {
  if (bytes < 16) throw new Error("secrets must carry at least 128 bits");
  return randomBytes(bytes).toString("base64url");
}

/** Secrets are stored only as SHA-256 hashes, so a database leak does not leak live sessions or tokens. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}

export function addSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}
