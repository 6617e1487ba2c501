// Browser test: first run to invited member in headless Chromium against a real `accord serve`, with axe on each page.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, removeTempDirs, seriousAxeViolations, startServer, type Server } from "./harness.ts";

const PARTNERSHIP = "North Shire ICP";
const ORGANISATIONS = [
  { name: "North Shire NHS Trust", sector: "NHS trust" },
  { name: "North Shire Council", sector: "Local authority" },
];
const INVITEE = { name: "Bea Member", email: "bea@example.org", password: "bea's long password" };

let server: Server;
const browsers: { context: BrowserContext; page: Page; problems: string[] }[] = [];
let convenor: Page;
let invitee: Page;
let inviteUrl = "";

/** Fails with the rule ids and targets if axe finds a serious or critical problem on the page. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, `axe on the ${name} page:\n${violations.join("\n")}`).toEqual([]);
}

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: "visible" });
  return locator;
}

const isFocused = (locator: Locator) => locator.evaluate((el) => el === el.ownerDocument.activeElement);
const tab = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Partnership sections" }).getByRole("link", { name, exact: true }).click();

beforeAll(async () => {
  server = await startServer();
  browsers.push(await launchBrowser(), await launchBrowser());
  convenor = browsers[0]!.page;
  invitee = browsers[1]!.page;
});

afterAll(async () => {
  for (const b of browsers) await b.context.close().catch(() => undefined);
  await server?.stop();
  removeTempDirs();
});

describe("first run to an invited member", () => {
  it("sends a new user to setup, where a short password brings a focused error summary linking to the field", async () => {
    await convenor.goto(`${server.url}/`);
    await convenor.waitForURL(/\/setup$/);
    await visible(convenor.getByRole("heading", { name: "Set up accord", level: 1 }));
    await expectAccessible(convenor, "setup");

    await convenor.getByLabel("Your name").fill("Ada Convenor");
    await convenor.getByLabel("Email address").fill("ada@example.org");
    await convenor.getByLabel("Password", { exact: true }).fill("short");
    await convenor.getByLabel("Password", { exact: true }).press("Enter");

    const summary = await visible(convenor.getByRole("alert").filter({ hasText: "There is a problem" }));
    const link = summary.getByRole("link", { name: "Password must be at least 10 characters" });
    expect(await link.getAttribute("href")).toBe("#setup-password");
    await expect.poll(() => isFocused(summary)).toBe(true);
    await expectAccessible(convenor, "setup with errors");

    // From the focused summary, the keyboard reaches the link, and following it puts focus in the field.
    await convenor.keyboard.press("Tab");
    expect(await isFocused(link)).toBe(true);
    await convenor.keyboard.press("Enter");
    await expect.poll(() => isFocused(convenor.getByLabel("Password", { exact: true }))).toBe(true);
  });

  it("completes setup and creates a partnership", async () => {
    await convenor.getByLabel("Password", { exact: true }).fill("correct horse battery");
    await convenor.getByRole("button", { name: "Create account" }).click();
    await visible(convenor.getByRole("heading", { name: "Your partnerships", level: 1 }));
    expect(new URL(convenor.url()).pathname).toBe("/");
    await expectAccessible(convenor, "home");

    await convenor.getByLabel("Name", { exact: true }).fill(PARTNERSHIP);
    await convenor.getByLabel("Purpose").fill("Join up care for older people with frailty.");
    await convenor.getByRole("button", { name: "Create partnership" }).click();
    await visible(convenor.getByRole("heading", { name: PARTNERSHIP, exact: true, level: 1 }));
    expect(convenor.url()).toMatch(/\/partnerships\/[^/]+$/);
    await visible(convenor.getByRole("heading", { name: "Overview" }));
    await expectAccessible(convenor, "partnership overview");
  });

  it("adds two organisations from different sectors", async () => {
    await tab(convenor, "Organisations");
    await visible(convenor.getByRole("heading", { name: "Add an organisation" }));
    for (const org of ORGANISATIONS) {
      await convenor.getByLabel("Organisation name").fill(org.name);
      await convenor.getByLabel("Sector").selectOption({ label: org.sector });
      await convenor.getByRole("button", { name: "Add organisation" }).click();
      await visible(convenor.getByRole("row", { name: new RegExp(`${org.name}.*${org.sector}`) }));
    }
    await expectAccessible(convenor, "organisations");
  });

  it("adds a person and reads their invitation link from the page", async () => {
    await tab(convenor, "People");
    await visible(convenor.getByRole("heading", { name: "Add a person" }));
    const organisation = convenor.getByLabel("Organisation", { exact: true });
    await expect.poll(() => organisation.locator("option").count()).toBe(ORGANISATIONS.length + 1);
    await convenor.getByLabel("Name", { exact: true }).fill(INVITEE.name);
    await convenor.getByLabel("Email address").fill(INVITEE.email);
    await organisation.selectOption({ label: "North Shire Council" });
    await convenor.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
    await convenor.getByRole("button", { name: "Add person" }).click();
    await visible(convenor.getByRole("row", { name: new RegExp(`${INVITEE.name}.*North Shire Council.*Member`) }));

    await convenor.getByRole("button", { name: `Invite ${INVITEE.name}` }).click();
    const link = await visible(convenor.getByLabel(`Invitation link for ${INVITEE.name}`));
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/invite/\\S+$`));
    await expectAccessible(convenor, "people");
  });

  it("lets the invitee, in a separate browser, set a password and land on the partnership read-only", async () => {
    await invitee.goto(inviteUrl);
    await visible(invitee.getByRole("heading", { name: `Join ${PARTNERSHIP}`, level: 1 }));
    await expectAccessible(invitee, "invite");

    await invitee.getByLabel("Choose a password").fill(INVITEE.password);
    await invitee.getByRole("button", { name: "Accept and join" }).click();
    await visible(invitee.getByRole("heading", { name: PARTNERSHIP, exact: true, level: 1 }));
    expect(invitee.url()).toMatch(/\/partnerships\/[^/]+$/);
    await visible(invitee.getByText("Your role:").getByText("Member"));
    expect(await invitee.getByRole("button", { name: "Change name and purpose" }).count()).toBe(0);
    await expectAccessible(invitee, "invitee's partnership overview");

    await tab(invitee, "Organisations");
    for (const org of ORGANISATIONS) await visible(invitee.getByRole("cell", { name: org.name, exact: true }));
    expect(await invitee.getByRole("heading", { name: "Add an organisation" }).count()).toBe(0);
    expect(await invitee.getByLabel("Organisation name").count()).toBe(0);
    expect(await invitee.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
    await expectAccessible(invitee, "invitee's organisations");
  });

  it("signs the invitee out to an accessible sign-in page, and back in with the new password", async () => {
    await invitee.getByRole("button", { name: "Sign out" }).click();
    await invitee.waitForURL(/\/sign-in$/);
    await visible(invitee.getByRole("heading", { name: "Sign in to accord", level: 1 }));
    // A deliberate sign-out is not a redirect: no "sign in to see that page", and sign-in leads home.
    expect(await invitee.getByText("You need to sign in to see that page").count()).toBe(0);
    await expectAccessible(invitee, "sign-in");

    await invitee.getByLabel("Email address").fill(INVITEE.email);
    await invitee.getByLabel("Password", { exact: true }).fill(INVITEE.password);
    await invitee.getByRole("main").getByRole("button", { name: "Sign in" }).click();
    await visible(invitee.getByRole("heading", { name: "Your partnerships", level: 1 }));
    expect(new URL(invitee.url()).pathname).toBe("/");
    await visible(invitee.getByRole("link", { name: PARTNERSHIP }));
  });

  it("logged no page errors or console errors in either browser", () => {
    expect(browsers.flatMap((b) => b.problems)).toEqual([]);
  });
});
