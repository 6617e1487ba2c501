/** Random identifiers, secret tokens and their hashes, and the current time as stored. */
import { hash, randomBytes } from "node:crypto";

/**
 * Random bytes come from a pool refilled 4 KiB at a time (as Node's own randomUUID does), so a hot path pays
 * one call into OpenSSL per few hundred ids rather than one per id. Every byte is handed out once.
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolAt = 0;

function pooledRandom(n: number): Buffer {
  if (poolAt + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const out = pool.subarray(poolAt, poolAt + n);
  poolAt += n;
  return out;
}

/** `bytes` random bytes as hex: ids that carry no time and no order (anonymous responses). */
export function randomHex(bytes: number): string {
  return pooledRandom(bytes).toString("hex");
}

let lastMs = 0;
let seq = 0;

/**
 * A UUIDv7: 48 bits of millisecond time, a 12-bit counter that keeps ids made in the same
 * millisecond in order, and 62 random bits. Sorting by id therefore follows creation order,
 * which keeps lists and the audit log stable. (Anonymous survey answers must NOT use these.)
 */
export function newId(now = Date.now()): string {
  if (now <= lastMs) {
    seq++;
    if (seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
  } else {
    lastMs = now;
    seq = 0;
  }
  const b = pooledRandom(16);
  const ms = lastMs;
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | ((seq >>> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A secret of `bytes` random bytes (≥16, i.e. ≥128 bits), base64url-encoded. */
export function newSecret(bytes = 32): string {
  if (bytes < 16) throw new Error("secrets must carry at least 128 bits");
  return randomBytes(bytes).toString("base64url");
}

/** Secrets are stored only as SHA-256 hashes, so a database leak does not leak live sessions or tokens. */
export function hashSecret(secret: string): string {
  return hash("sha256", secret, "hex");
}

export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}

export function addSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}
