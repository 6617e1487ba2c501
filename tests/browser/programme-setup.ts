// API set-up for the programmes browser test: small partnerships with a published accord-trust wave, and a second user who joins by invitation.
import type { BrowserContext } from "playwright-core";
import { answersFor, createPartnership, expectStatus, type Caller } from "./survey-api.ts";

const today = new Date().toISOString().slice(0, 10);
const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** A partnership of two organisations and these people, with one accord-trust wave (k = 3) everyone answers (`score`, or one lower for every other person), closed and published. */
export async function publishedPartnership(api: Caller, name: string, organisations: [string, string], people: string[], score: number): Promise<string> {
  const pid = await createPartnership(api, name, organisations, people);
  const base = `/partnerships/${pid}`;
  const wave = expectStatus(await api.call<{ id: string }>("POST", `${base}/waves`, { name: `${name} survey`, instrumentKey: "accord-trust", opensOn: today, closesOn: later, k: 3 }), 201);
  const wb = `${base}/waves/${wave.id}`;
  expectStatus(await api.call("POST", `${wb}/open`, {}), 200);
  const { links } = expectStatus(await api.call<{ links: { url: string }[] }>("POST", `${wb}/links`, {}), 201);
  for (const [i, link] of links.entries()) {
    const token = link.url.split("/respond/")[1]!;
    const info = expectStatus(await api.call<{ instrument: Parameters<typeof answersFor>[0] }>("GET", `/respond/${token}`), 200);
    // Every other person answers a step lower: answers nearly all alike would be released only coarsely.
    const answers = answersFor(info.instrument, i % 2 === 0 ? score : Math.max(1, score - 1), i % 2);
    expectStatus(await api.call("POST", `/respond/${token}/response`, { answers }, { "idempotency-key": `prog-${token.slice(0, 16)}` }), 201);
  }
  expectStatus(await api.call("POST", `${wb}/close`, {}), 200);
  expectStatus(await api.call("POST", `${wb}/publish`, {}), 200);
  return pid;
}

/**
 * Adds a person (a member with no organisation) to the partnership, invites them and accepts the invitation with a password,
 * so they have an account; returns a caller signed in as them.
 */
export async function invitedUser(baseUrl: string, api: Caller, pid: string, who: { name: string; email: string; password: string }): Promise<Caller> {
  const person = expectStatus(
    await api.call<{ id: string }>("POST", `/partnerships/${pid}/people`, { name: who.name, email: who.email, organisationId: null, role: "member", jobTitle: null }),
    201,
  );
  const { url } = expectStatus(await api.call<{ url: string }>("POST", `/partnerships/${pid}/people/${person.id}/invitations`, {}), 201);
  const token = url.split("/invite/")[1]!;
  const res = await fetch(`${baseUrl}/api/v1/invitations/${token}/accept`, {
    method: "POST",
    headers: { origin: baseUrl, accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ password: who.password }),
  });
  if (res.status !== 200) throw new Error(`accepting the invitation answered ${res.status}: ${await res.text()}`);
  let cookie = res.headers.getSetCookie().find((c) => c.startsWith("accord_session="))!.split(";")[0]!;
  return {
    call: async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const r = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { origin: baseUrl, accept: "application/json", cookie, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const next = r.headers.getSetCookie().find((c) => c.startsWith("accord_session="));
      if (next) cookie = next.split(";")[0]!;
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    signIn: async (context: BrowserContext) => {
      const [name, value] = cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
    },
  };
}
