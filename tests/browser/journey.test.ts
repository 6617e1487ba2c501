// Browser test: first run to invited member in headless Chromium against a real `accord serve`, with axe on each page.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, removeTempDirs, seriousAxeViolations, startServer, type Server } from "./harness.ts";

const PARTNERSHIP = "North Shire ICP";
// As they end up: the council is first added under the wrong name and sector, then changed.
const ORGANISATIONS = [
  { name: "North Shire NHS Trust", sector: "NHS trust" },
  { name: "North Shire County Council", sector: "Local authority" },
];
const DEMO = "Riverside Integrated Care Partnership (demo)";
const INVITEE = { name: "Bea Member", email: "bea@example.org", password: "bea's long password" };
/** How the convenor first types Bea's name; they correct it in the table afterwards. */
const TYPO = "Bea Membr";

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
    await convenor.getByRole("button", { name: "Create account", exact: true }).click();
    await visible(convenor.getByRole("heading", { name: "Your partnerships", level: 1 }));
    expect(new URL(convenor.url()).pathname).toBe("/");
    await visible(convenor.getByRole("button", { name: "Explore a demo partnership" }));
    await visible(convenor.getByText("The demo partnership contains invented organisations and people"));
    await expectAccessible(convenor, "home");

    await convenor.getByLabel("Name", { exact: true }).fill(PARTNERSHIP);
    await convenor.getByLabel("Purpose").fill("Join up care for older people with frailty.");
    await convenor.getByRole("button", { name: "Create partnership" }).click();
    await visible(convenor.getByRole("heading", { name: PARTNERSHIP, exact: true, level: 1 }));
    expect(convenor.url()).toMatch(/\/partnerships\/[^/]+$/);
    await visible(convenor.getByRole("heading", { name: "Overview" }));
    await expectAccessible(convenor, "partnership overview");
  });

  it("adds two organisations from different sectors, and changes one's name and sector", async () => {
    await tab(convenor, "Organisations");
    const addForm = await visible(convenor.getByRole("region", { name: "Add an organisation" }));
    for (const org of [ORGANISATIONS[0]!, { name: "North Shire Council", sector: "Social care provider" }]) {
      await addForm.getByLabel("Organisation name").fill(org.name);
      await addForm.getByLabel("Sector").selectOption({ label: org.sector });
      await addForm.getByRole("button", { name: "Add organisation" }).click();
      await visible(convenor.getByRole("row", { name: `${org.name} ${org.sector}` }));
    }
    await expectAccessible(convenor, "organisations");

    await convenor.getByRole("button", { name: "Change North Shire Council" }).click();
    const edit = await visible(convenor.getByRole("form", { name: "Change North Shire Council" }));
    await expect.poll(() => isFocused(edit.getByLabel("Name"))).toBe(true);
    await edit.getByLabel("Name").fill(" ");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await visible(edit.getByRole("alert").getByRole("link", { name: "Enter the organisation’s name" }));
    await expectAccessible(convenor, "organisations, changing one");

    const council = ORGANISATIONS[1]!;
    await edit.getByLabel("Name").fill(council.name);
    await edit.getByLabel("Sector").selectOption({ label: council.sector });
    await edit.getByRole("button", { name: "Save changes" }).click();
    await visible(convenor.getByRole("region", { name: "Success" }).getByText(`${council.name} saved`));
    await visible(convenor.getByRole("row", { name: `${council.name} ${council.sector}` }));
    expect(await convenor.getByRole("cell", { name: "North Shire Council", exact: true }).count()).toBe(0);
  });

  it("adds a person and reads their invitation link from the page", async () => {
    await tab(convenor, "People");
    const addForm = await visible(convenor.getByRole("region", { name: "Add a person" }));
    const organisation = addForm.getByLabel("Organisation", { exact: true });
    await expect.poll(() => organisation.locator("option").count()).toBe(ORGANISATIONS.length + 1);
    await addForm.getByLabel("Name", { exact: true }).fill(TYPO);
    await addForm.getByLabel("Email address").fill(INVITEE.email);
    await organisation.selectOption({ label: ORGANISATIONS[1]!.name });
    await addForm.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
    await addForm.getByRole("button", { name: "Add person" }).click();
    await visible(convenor.getByRole("row", { name: new RegExp(`${TYPO}.*${ORGANISATIONS[1]!.name}.*Member`) }));

    await convenor.getByRole("button", { name: `Invite ${TYPO}` }).click();
    // This accord sends no email: the link is shown, with who may have it.
    const ready = await visible(convenor.getByRole("region", { name: "Success" }).filter({ hasText: `Invitation ready for ${TYPO}` }));
    await visible(ready.getByText("It works once, for 7 days"));
    await visible(ready.getByText(`so send it only to ${TYPO}`));
    const link = await visible(convenor.getByLabel(`Invitation link for ${TYPO}`));
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/invite/\\S+$`));
    await expectAccessible(convenor, "people");
  });

  it("corrects the person's name, and changes their organisation and job title", async () => {
    await convenor.getByRole("button", { name: `Change details for ${TYPO}` }).click();
    const edit = await visible(convenor.getByRole("form", { name: `Change details for ${TYPO}` }));
    const name = edit.getByLabel("Name", { exact: true });
    await expect.poll(() => isFocused(name)).toBe(true);
    expect(await name.inputValue()).toBe(TYPO);
    await name.fill(INVITEE.name);
    await edit.getByLabel("Organisation").selectOption({ label: ORGANISATIONS[0]!.name });
    await edit.getByLabel("Job title (optional)").fill("Discharge lead");
    await expectAccessible(convenor, "people, changing details");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await visible(convenor.getByRole("region", { name: "Success" }).getByText(`${INVITEE.name}’s details saved`));
    await visible(convenor.getByRole("row", { name: new RegExp(`${INVITEE.name}\\s*Discharge lead.*${ORGANISATIONS[0]!.name}.*Member`) }));
  });

  it("lets the invitee, in a separate browser, create an account with a password and land on the partnership read-only", async () => {
    await invitee.goto(inviteUrl);
    await visible(invitee.getByRole("heading", { name: `Join ${PARTNERSHIP}`, level: 1 }));
    await expectAccessible(invitee, "invite");

    // Not signed in: both ways are offered, whether or not the address has an account.
    await visible(invitee.getByRole("region", { name: "I already use accord" }).getByRole("link", { name: "Sign in to accept" }));
    const newcomer = await visible(invitee.getByRole("region", { name: "I’m new to accord" }));
    expect(await newcomer.getByLabel("Your name").inputValue()).toBe(INVITEE.name);
    await newcomer.getByLabel("Choose a password").fill(INVITEE.password);
    await newcomer.getByRole("button", { name: "Create account and join" }).click();
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

  it("tells the invitee their address is not proven, and that this accord sends no email; API tokens can expire", async () => {
    await invitee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
    const unproven = await visible(invitee.getByRole("region", { name: "Your email address has not been proven" }));
    await unproven.getByRole("button", { name: `Email a link to ${INVITEE.email}` }).click();
    const notice = await visible(unproven.getByRole("alert").filter({ hasText: "This accord does not send email" }));
    await expect.poll(() => isFocused(notice)).toBe(true);
    await visible(invitee.getByText(/signs you out of every other browser and stops all your API tokens working/));

    await invitee.getByLabel("Token name").fill("Report script");
    await invitee.getByLabel("Stops working after (days, optional)").fill("400");
    await invitee.getByRole("button", { name: "Create token" }).click();
    await visible(invitee.getByRole("alert").getByRole("link", { name: "Enter a number of days from 1 to 366, or leave it empty" }));
    await invitee.getByLabel("Stops working after (days, optional)").fill("30");
    await invitee.getByRole("button", { name: "Create token" }).click();
    await visible(invitee.getByRole("region", { name: "Success" }).getByText(/It works until/));
    const row = await visible(invitee.getByRole("row", { name: /Report script/ }));
    expect(await row.getByRole("cell").nth(4).textContent()).not.toBe("Never");
    await expectAccessible(invitee, "account, address not proven");

    await convenor.reload();
    await visible(convenor.getByRole("row", { name: new RegExp(`${INVITEE.name}.*Active.*Address not proven`) }));
    await visible(convenor.getByText(/Address not proven: they joined through an invitation link passed on by hand/));
    await expectAccessible(convenor, "people, address not proven");
  });

});

describe("demo partnership", () => {
  it("is offered to a convenor who already has a partnership, and opens with invented organisations", async () => {
    await convenor.getByRole("link", { name: "accord", exact: true }).click();
    await visible(convenor.getByRole("link", { name: PARTNERSHIP, exact: true }));
    await expectAccessible(convenor, "home with a partnership");
    await convenor.getByRole("button", { name: "Explore a demo partnership" }).click();
    await visible(convenor.getByRole("heading", { name: DEMO, exact: true, level: 1 }));
    expect(convenor.url()).toMatch(/\/partnerships\/[^/]+$/);
    await visible(convenor.getByText("Your role:").getByText("Convenor"));

    await tab(convenor, "Organisations");
    await visible(convenor.getByRole("row", { name: "Riverside City Council Local authority" }));
    expect(await convenor.getByRole("row").count()).toBe(1 + 6); // header + the demo's six organisations
    await expectAccessible(convenor, "demo organisations");

    await tab(convenor, "People");
    await visible(convenor.getByRole("row", { name: /Amara Okafor\s*Discharge lead/ }));
    await expectAccessible(convenor, "demo people");
    // The demo's long email addresses make the table scroll sideways inside its box, never the whole page.
    expect(await convenor.evaluate("document.documentElement.scrollWidth - window.innerWidth")).toBe(0);
  });

  it("can be removed by its convenor, and leaves the home page", async () => {
    await tab(convenor, "Overview");
    await convenor.getByRole("button", { name: /^Remove partnership/ }).click();
    await expectAccessible(convenor, "remove partnership confirmation");
    await convenor.getByRole("button", { name: "Yes, remove it" }).click();
    await visible(convenor.getByRole("heading", { name: "Your partnerships", level: 1 }));
    await visible(convenor.getByRole("link", { name: PARTNERSHIP, exact: true }));
    expect(await convenor.getByRole("link", { name: DEMO, exact: true }).count()).toBe(0);
  });
});

describe("both browsers", () => {
  it("logged no page errors or console errors", () => {
    expect(browsers.flatMap((b) => b.problems)).toEqual([]);
  });
});
