/** An in-process accord for tests: a fresh database, the real app, and clients that keep a session cookie. */
import { createSession } from "../accounts/sessions.ts";
import { SESSION_COOKIE } from "../accounts/sessions.ts";
import { createUserWithPassword } from "../accounts/users.ts";
import { loadConfig, type Config } from "../config/config.ts";
import type { DbHandle } from "../db/connect.ts";
import { createApp } from "../http/app.ts";
import type { Deps } from "../http/env.ts";
import type { Mailer, OutgoingMail } from "../mail/mailer.ts";
import { createTestDb } from "./test-db.ts";

export const ORIGIN = "http://localhost";

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** A caller with its own cookie jar (or bearer token). */
export class TestClient {
  cookie: string | undefined;
  constructor(
    private readonly app: ReturnType<typeof createApp>,
    opts: { cookie?: string; bearer?: string } = {},
  ) {
    this.cookie = opts.cookie;
    this.bearer = opts.bearer;
  }
  bearer: string | undefined;

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
    const h: Record<string, string> = { origin: ORIGIN, ...headers };
    if (this.cookie) h["cookie"] = [headers["cookie"], `${SESSION_COOKIE}=${this.cookie}`].filter(Boolean).join("; ");
    if (this.bearer) h["authorization"] = `Bearer ${this.bearer}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === "string" ? body : JSON.stringify(body);
      h["content-type"] ??= "application/json";
    }
    const res = await this.app.request(`${ORIGIN}${path}`, { method, headers: h, ...(payload !== undefined ? { body: payload } : {}) });
    const setCookie = res.headers.get("set-cookie");
    const match = setCookie?.match(new RegExp(`${SESSION_COOKIE}=([^;]*)`));
    if (match) this.cookie = match[1] || undefined;
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }
  get(path: string) {
    return this.request("GET", path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("POST", path, body ?? {}, headers);
  }
  patch(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request("PATCH", path, body, headers);
  }
  delete(path: string, headers?: Record<string, string>) {
    return this.request("DELETE", path, undefined, headers);
  }
}

/** Mail settings for tests that want accord to send mail (links then go by email only, built on PUBLIC_URL). */
export const MAIL_ON: Partial<Config> = {
  publicUrl: ORIGIN,
  smtp: { host: "127.0.0.1", port: 2525, secure: false, user: undefined, pass: undefined, from: "accord <accord@example.org>" },
};

export class CapturingMailer implements Mailer {
  sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<boolean> {
    this.sent.push(mail);
    return true;
  }
}

export interface TestContext {
  handle: DbHandle;
  deps: Deps;
  app: ReturnType<typeof createApp>;
  mailer: CapturingMailer;
  anonymous: () => TestClient;
  /** A user with a password and a live session (created directly, skipping the sign-in route). */
  user: (name: string, email?: string) => Promise<{ client: TestClient; userId: string; email: string; password: string }>;
  /**
   * Adds a person as a convenor would and has the given account accept the invitation: how an existing account
   * joins a partnership. Answers like the add (201 and the person, now active), or the first refusal on the way.
   */
  addMember: (convenor: TestClient, partnershipIdOrBase: string, body: Record<string, unknown>, joiner: TestClient) => Promise<TestResponse>;
  close: () => Promise<void>;
}

/** The token at the end of an invitation link. */
export function invitationToken(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}

async function addMember(convenor: TestClient, partnershipIdOrBase: string, body: Record<string, unknown>, joiner: TestClient): Promise<TestResponse> {
  const base = partnershipIdOrBase.startsWith("/") ? partnershipIdOrBase : `/api/v1/partnerships/${partnershipIdOrBase}`;
  const added = await convenor.post(`${base}/people`, body);
  if (added.status !== 201) return added;
  const invited = await convenor.post(`${base}/people/${added.body.id}/invitations`);
  if (invited.status !== 201) return invited;
  if (typeof invited.body.url !== "string") throw new Error("addMember needs a held link (no mail configured in this test context)");
  const accepted = await joiner.post(`/api/v1/invitations/${invitationToken(invited.body.url)}/accept`, {});
  if (accepted.status !== 200) return accepted;
  const person = await convenor.get(`${base}/people/${added.body.id}`);
  return { ...person, status: 201 };
}

/** `opts.mailer` replaces the capturing mailer (for tests that speak SMTP to a real server). */
export async function createTestContext(overrides: Partial<Config> = {}, opts: { mailer?: Mailer } = {}): Promise<TestContext> {
  const handle = await createTestDb();
  const mailer = new CapturingMailer();
  // Test apps leave the per-account limits on expensive routes off unless asked (`{ expensiveLimits: true }`): the
  // cross-cutting tests make hundreds of reports and imports as one account, and src/limits tests the limits themselves.
  const config = { ...loadConfig({}), expensiveLimits: false, ...overrides };
  const deps: Deps = { db: handle.db, dialect: handle.dialect, config, mailer: opts.mailer ?? mailer };
  const app = createApp(deps, { webDist: "/nonexistent" });
  let n = 0;
  return {
    handle,
    deps,
    app,
    mailer,
    anonymous: () => new TestClient(app),
    user: async (name, email) => {
      const address = email ?? `${name.toLowerCase().replace(/\W+/g, ".")}.${++n}@example.org`;
      const password = "a long test password";
      const row = await createUserWithPassword(handle.db, { name, email: address, password });
      const { secret } = await createSession(handle.db, row.id);
      return { client: new TestClient(app, { cookie: secret }), userId: row.id, email: address, password };
    },
    addMember,
    close: () => handle.close(),
  };
}
