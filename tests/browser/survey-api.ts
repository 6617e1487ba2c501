// API helpers for the survey browser test: a signed-in convenor through fetch, and answers for a whole instrument.
import type { BrowserContext } from "playwright-core";

export interface Caller {
  call: <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: T }>;
  /** Gives a browser profile the same session. */
  signIn: (context: BrowserContext) => Promise<void>;
}

/** Runs first-run setup as the convenor and returns a caller that carries the session cookie and Origin header. */
export async function setUpConvenor(baseUrl: string, who: { name: string; email: string; password: string }): Promise<Caller> {
  let cookie = "";
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { origin: baseUrl, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...(cookie ? { cookie } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("accord_session="));
    if (setCookie) cookie = setCookie.split(";")[0]!;
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const setup = await call("POST", "/setup", who);
  if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${JSON.stringify(setup.body)}`);
  return {
    call,
    signIn: async (context) => {
      const [name, value] = cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
    },
  };
}

/** Fails with the body when the status is not the expected one. */
export function expectStatus<T>(res: { status: number; body: T }, status: number): T {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A partnership with these organisations (NHS trust, then local authority) and members, shared out between them in turn. */
export async function createPartnership(api: Caller, name: string, organisations: [string, string], people: string[]): Promise<string> {
  const id = expectStatus(await api.call<{ id: string }>("POST", "/partnerships", { name, purpose: "Joined-up care." }), 201).id;
  const orgs: string[] = [];
  for (const [i, org] of organisations.entries()) {
    const body = { name: org, sector: i === 0 ? "nhs_trust" : "local_authority" };
    orgs.push(expectStatus(await api.call<{ id: string }>("POST", `/partnerships/${id}/organisations`, body), 201).id);
  }
  for (const [i, person] of people.entries()) {
    const body = { name: person, email: `${person.split(" ")[0]!.toLowerCase()}@example.org`, organisationId: orgs[i % 2]!, role: "member", jobTitle: null };
    expectStatus(await api.call("POST", `/partnerships/${id}/people`, body), 201);
  }
  return id;
}

interface Item {
  key: string;
  response: { kind: "choice"; options: { value: string }[] } | { kind: "agreement5" };
}

/** Answers for every item: agreement items get `score` (1–5), choice items their option at `choice`. */
export function answersFor(instrument: { sections: { items: Item[] }[] }, score: number, choice = 0): Record<string, { value: string | number }> {
  const answers: Record<string, { value: string | number }> = {};
  for (const item of instrument.sections.flatMap((s) => s.items)) {
    answers[item.key] = item.response.kind === "agreement5" ? { value: score } : { value: item.response.options[choice % item.response.options.length]!.value };
  }
  return answers;
}
