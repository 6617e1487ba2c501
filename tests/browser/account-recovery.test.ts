// Browser test with a real mail server: an emailed invitation accepted by someone new who chooses a password; "Forgot your password?" on the sign-in page, the emailed link and a new password; an existing account signing in from an invitation (?next=) and coming back to accept it; axe on each page.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, startTestSmtp, type TestSmtp } from "../../src/testing/smtp.ts";
import { launchBrowser, removeTempDirs, startServer, type Server } from "./harness.ts";
import { expectAccessible, isFocused, visible } from "./page-checks.ts";

const CONVENOR = { name: "Ada Convenor", email: "ada@example.org", password: "ada's long password" };
const CARA = { name: "Cara Newcomer", email: "cara@example.org", password: "cara's first password", newPassword: "cara's second password" };
const FIRST = "North Shire ICP";
const SECOND = "South Shire ICP";

let smtp: TestSmtp;
let server: Server;
const browsers: { context: BrowserContext; page: Page; problems: string[] }[] = [];
let convenor: Page;
let cara: Page;
let cookie = "";
let firstId = "";

/** The convenor's API calls, carrying the session cookie and the Origin header the server expects. */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { origin: server.url, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const set = res.headers.getSetCookie().find((c) => c.startsWith("accord_session="));
  if (set) cookie = set.split(";")[0]!;
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A partnership with Cara added as a member (not yet invited). */
async function partnershipWithCara(name: string): Promise<{ id: string; caraId: string }> {
  const { id } = await call<{ id: string }>("POST", "/partnerships", { name, purpose: "Joined-up care." });
  const person = await call<{ id: string }>("POST", `/partnerships/${id}/people`, { name: CARA.name, email: CARA.email, organisationId: null, role: "member", jobTitle: null });
  return { id, caraId: person.id };
}

const signOut = async (page: Page) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in$/);
};

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startServer((url) => ({ PUBLIC_URL: url, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_FROM: "accord <accord@example.org>" }));
  await call("POST", "/setup", CONVENOR);
  firstId = (await partnershipWithCara(FIRST)).id;
  browsers.push(await launchBrowser(), await launchBrowser());
  convenor = browsers[0]!.page;
  cara = browsers[1]!.page;
  const [name, value] = cookie.split("=") as [string, string];
  await browsers[0]!.context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: "Lax" }]);
});

afterAll(async () => {
  for (const b of browsers) await b.context.close().catch(() => undefined);
  await server?.stop();
  await smtp?.close();
  removeTempDirs();
});

describe("an emailed invitation, accepted by someone new", () => {
  it("tells the convenor the invitation was emailed, and shows no link", async () => {
    await convenor.goto(`${server.url}/partnerships/${firstId}/people`);
    await convenor.getByRole("button", { name: `Invite ${CARA.name}` }).click();
    const done = await visible(convenor.getByRole("region", { name: "Success" }));
    await visible(done.getByText(`We’ve emailed an invitation to ${CARA.name}`));
    await visible(done.getByText(`It went to ${CARA.email}.`));
    expect(await convenor.getByLabel(`Invitation link for ${CARA.name}`).count()).toBe(0);
    await visible(convenor.getByRole("row", { name: new RegExp(`${CARA.name}.*Invited`) }));
    await expectAccessible(convenor, "people, invitation emailed");
  });

  it("offers both ways in; a new password creates the account and opens the partnership", async () => {
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual([CARA.email]);
    const invite = linkIn(mail, "/invite/");
    await cara.goto(`${server.url}${invite}`);
    await visible(cara.getByRole("heading", { name: `Join ${FIRST}`, level: 1 }));
    const existing = await visible(cara.getByRole("region", { name: "I already use accord" }));
    expect(await existing.getByRole("link", { name: "Sign in to accept" }).getAttribute("href")).toBe(`/sign-in?next=${encodeURIComponent(invite)}`);
    const newcomer = await visible(cara.getByRole("region", { name: "I’m new to accord" }));
    expect(await newcomer.getByLabel("Your name").inputValue()).toBe(CARA.name);
    await expectAccessible(cara, "invitation, signed out");

    await newcomer.getByRole("button", { name: "Create account and join" }).click();
    const summary = await visible(cara.getByRole("alert").filter({ hasText: "There is a problem" }));
    expect(await summary.getByRole("link", { name: "Choose a password" }).getAttribute("href")).toBe("#invite-password");
    await expect.poll(() => isFocused(summary)).toBe(true);
    await expectAccessible(cara, "invitation with an error");

    await newcomer.getByLabel("Choose a password").fill(CARA.password);
    await newcomer.getByRole("button", { name: "Create account and join" }).click();
    await visible(cara.getByRole("heading", { name: FIRST, exact: true, level: 1 }));
    expect(cara.url()).toMatch(/\/partnerships\/[^/]+$/);
    await visible(cara.getByText("Your role:").getByText("Member"));
  });
});

describe("forgot password", () => {
  it("leads from the sign-in page to an emailed link that sets a new password and signs in", async () => {
    await signOut(cara);
    await cara.getByLabel("Email address").fill(CARA.email);
    await cara.getByRole("link", { name: "Forgot your password?" }).click();
    await visible(cara.getByRole("heading", { name: "Forgot your password?", level: 1 }));
    expect(await cara.getByLabel("Email address").inputValue()).toBe(CARA.email);
    await expectAccessible(cara, "forgot password");
    await cara.getByRole("button", { name: "Send me a link" }).click();
    const sent = await visible(cara.getByRole("heading", { name: "Check your email", level: 1 }));
    await expect.poll(() => isFocused(sent)).toBe(true);
    await visible(cara.getByText(`If ${CARA.email} has an accord account`));
    await expectAccessible(cara, "check your email");

    const mails = await smtp.waitFor(2);
    expect(mails[1]!.to).toEqual([CARA.email]);
    await cara.goto(`${server.url}${linkIn(mails[1], "/reset-password/")}`);
    await visible(cara.getByRole("heading", { name: "Choose a new password", level: 1 }));
    await visible(cara.getByText(`For your accord account ${CARA.email}`));
    await visible(cara.getByText(/stops all your API tokens working/));
    await expectAccessible(cara, "choose a new password");
    await cara.getByLabel("New password").fill("short");
    await cara.getByRole("button", { name: "Save new password" }).click();
    await visible(cara.getByRole("alert").getByRole("link", { name: "Password must be at least 10 characters" }));

    await cara.getByLabel("New password").fill(CARA.newPassword);
    await cara.getByRole("button", { name: "Save new password" }).click();
    await visible(cara.getByRole("heading", { name: "Your new password is set", level: 1 }));
    await visible(cara.getByText(/all your API tokens have stopped working/));
    await visible(cara.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }));
    await expectAccessible(cara, "new password set");

    // The link worked once.
    await cara.reload();
    await visible(cara.getByRole("heading", { name: "This link is not valid", level: 1 }));
  });
});

describe("an invitation for an address that already has an account", () => {
  it("refuses a second account, and signing in from the invitation comes back to accept it", async () => {
    const second = await partnershipWithCara(SECOND);
    await call("POST", `/partnerships/${second.id}/people/${second.caraId}/invitations`, {});
    const mails = await smtp.waitFor(3);
    const invite = linkIn(mails[2], "/invite/");
    await signOut(cara);

    await cara.goto(`${server.url}${invite}`);
    const newcomer = await visible(cara.getByRole("region", { name: "I’m new to accord" }));
    await newcomer.getByLabel("Choose a password").fill("yet another long password");
    await newcomer.getByRole("button", { name: "Create account and join" }).click();
    const summary = await visible(cara.getByRole("alert").filter({ hasText: `An accord account already uses ${CARA.email}` }));
    await visible(summary.getByRole("link", { name: "Forgot your password?" }));
    await expectAccessible(cara, "invitation, address has an account");

    await summary.getByRole("link", { name: "Sign in to accept this invitation" }).click();
    await visible(cara.getByRole("heading", { name: "Sign in to accord", level: 1 }));
    await visible(cara.getByText("You will go straight back to your invitation afterwards."));
    await cara.getByLabel("Email address").fill(CARA.email);
    await cara.getByLabel("Password", { exact: true }).fill(CARA.newPassword);
    await cara.getByRole("main").getByRole("button", { name: "Sign in" }).click();

    await visible(cara.getByRole("heading", { name: `Join ${SECOND}`, level: 1 }));
    expect(new URL(cara.url()).pathname).toBe(invite);
    await visible(cara.getByText(`You are signed in as ${CARA.email}.`));
    await expectAccessible(cara, "invitation, signed in");
    await cara.getByRole("button", { name: "Accept and join" }).click();
    await visible(cara.getByRole("heading", { name: SECOND, exact: true, level: 1 }));
  });

  it("takes sign-in only to paths inside accord", async () => {
    await signOut(cara);
    await cara.goto(`${server.url}/sign-in?next=${encodeURIComponent("//example.org/elsewhere")}`);
    await cara.getByLabel("Email address").fill(CARA.email);
    await cara.getByLabel("Password", { exact: true }).fill(CARA.newPassword);
    await cara.getByRole("main").getByRole("button", { name: "Sign in" }).click();
    await visible(cara.getByRole("heading", { name: "Your partnerships", level: 1 }));
    expect(cara.url()).toBe(`${server.url}/`);
  });
});

describe("both browsers", () => {
  it("logged no page errors or console errors", () => {
    expect(browsers.flatMap((b) => b.problems)).toEqual([]);
  });
});
