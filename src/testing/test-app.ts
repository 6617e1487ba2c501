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
    if (this.cookie) h["cookie"] = `${SESSION_COOKIE}=${this.cookie}`;
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
  post(path: string, body?: unknown) {
    return this.request("POST", path, body ?? {});
  }
  patch(path: string, body: unknown) {
    return this.request("PATCH", path, body);
  }
  delete(path: string) {
    return this.request("DELETE", path);
  }
}

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
  close: () => Promise<void>;
}

export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const handle = await createTestDb();
  const mailer = new CapturingMailer();
  const config = { ...loadConfig({}), ...overrides };
  const deps: Deps = { db: handle.db, dialect: handle.dialect, config, mailer };
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
    close: () => handle.close(),
  };
}
