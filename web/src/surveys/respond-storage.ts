// A respondent's answers, organisation ratings and submission key, kept in this browser tab only (sessionStorage, keyed by link token).
import type { Ratings } from "../api/network-types.ts";
import type { Answers } from "../api/survey-types.ts";

const answersKey = (token: string) => `accord.respond.${token}.answers`;
const idempotencyKey = (token: string) => `accord.respond.${token}.key`;
const ratingsKey = (token: string) => `accord.respond.${token}.ratings`;

function read(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null; // storage blocked: answers live in memory only
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    /* storage full or blocked: nothing more we can do */
  }
}

export function loadAnswers(token: string): Answers {
  const text = read(answersKey(token));
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Answers) : {};
  } catch {
    return {};
  }
}

export function saveAnswers(token: string, answers: Answers): void {
  write(answersKey(token), JSON.stringify(answers));
}

/** Ratings of other organisations (network waves), kept like the answers. */
export function loadRatings(token: string): Ratings {
  const text = read(ratingsKey(token));
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Ratings) : {};
  } catch {
    return {};
  }
}

export function saveRatings(token: string, ratings: Ratings): void {
  write(ratingsKey(token), JSON.stringify(ratings));
}

/** A random UUID (v4) that also works outside secure contexts, where crypto.randomUUID is missing. */
function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The Idempotency-Key for this link's submission: made on the first attempt, reused by every retry. */
export function submissionKey(token: string): string {
  const existing = read(idempotencyKey(token));
  if (existing) return existing;
  const key = uuid();
  write(idempotencyKey(token), key);
  return key;
}

/** After the answers are stored, nothing of them stays in the browser. */
export function forgetRespondent(token: string): void {
  write(answersKey(token), null);
  write(ratingsKey(token), null);
  write(idempotencyKey(token), null);
}
