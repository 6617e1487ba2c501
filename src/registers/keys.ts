/** The register keys, in the order the article introduces the practices; each is also the URL segment. */
export const REGISTER_KEYS = [
  "priorities",
  "ways-of-working",
  "actions",
  "commitments",
  "offers-asks",
  "opportunities",
  "intentions",
  "risks",
  "decisions",
  "procedures",
  "goals",
  "wins",
] as const;

export type RegisterKey = (typeof REGISTER_KEYS)[number];

export function isRegisterKey(s: string): s is RegisterKey {
  return (REGISTER_KEYS as readonly string[]).includes(s);
}
