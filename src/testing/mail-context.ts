/** For test files: an accord that sends mail to a real SMTP server in the test process — one server per file, a fresh accord (and empty mailbox) per test. */
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { settleResetRequests } from "../accounts/password-reset.ts";
import type { Config } from "../config/config.ts";
import { createMailer } from "../mail/mailer.ts";
import { type TestSmtp, startTestSmtp } from "./smtp.ts";
import { ORIGIN, type TestContext, createTestContext } from "./test-app.ts";

/** Registers the hooks; read `smtp()` and `ctx()` inside tests. PUBLIC_URL is the test origin, as mail requires. */
export function useMailingContext(overrides: Partial<Config> = {}): { smtp: () => TestSmtp; ctx: () => TestContext } {
  let smtp: TestSmtp | undefined;
  let ctx: TestContext | undefined;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  beforeEach(async () => {
    smtp!.received.length = 0;
    ctx = await createTestContext({ publicUrl: ORIGIN, smtp: smtp!.settings, ...overrides }, { mailer: createMailer(smtp!.settings) });
  });
  afterEach(async () => {
    await settleResetRequests();
    await ctx?.close();
  });
  return { smtp: () => smtp!, ctx: () => ctx! };
}
