// Browser test: a programme lead starts a programme, three convenors' partnerships share by join code, the lead sorts the roll-up, one stops sharing, the Health page shows the percentile, and the lead removes a lead and deletes the programme.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, removeTempDirs, startServer, type Server } from "./harness.ts";
import { expectAccessible, isFocused, shot, sidewaysScroll, visible } from "./page-checks.ts";
import { invitedUser, publishedPartnership } from "./programme-setup.ts";
import { expectStatus, setUpConvenor, type Caller } from "./survey-api.ts";

const PROGRAMME = "North East Care";
const RIVERSIDE = "Riverside Care Partnership";
const HILLSIDE = "Hillside Health Alliance";

let server: Server;
let dana: Caller;
const pids: Record<"demo" | "riverside" | "hillside", string> = { demo: "", riverside: "", hillside: "" };
let demoName = "";
const browsers: { context: BrowserContext; page: Page; problems: string[] }[] = [];
let convenor: Page;
let lead: Page;
let joinCode = "";
let programmeUrl = "";

/** How many drawn marks (shapes and lines, not text) a chart's SVG holds. */
const marks = (chart: Locator) => chart.locator(".chart svg").locator("rect, circle, path, line").count();
const rollup = () => lead.getByRole("table", { name: /^Partnerships sharing with the programme/ });
/** The roll-up's partnership names and overall trust, in the order shown. */
async function rows(): Promise<{ name: string; headline: string }[]> {
  const body = rollup().locator("tbody tr");
  const out: { name: string; headline: string }[] = [];
  for (let i = 0; i < (await body.count()); i++) {
    const cells = body.nth(i).locator("td");
    out.push({ name: ((await cells.nth(0).locator(".programme-table__name").textContent()) ?? "").trim(), headline: (await cells.nth(1).textContent()) ?? "" });
  }
  return out;
}
const partnershipTab = (pid: string) => `${server.url}/partnerships/${pid}/programmes`;

async function shareInUi(pid: string, name: string) {
  await convenor.goto(partnershipTab(pid));
  await visible(convenor.getByRole("heading", { name: "Programmes", level: 2 }));
  await convenor.getByLabel("Join code").fill(joinCode);
  await convenor.getByRole("button", { name: "Agree to share" }).click();
  const banner = await visible(convenor.getByRole("region", { name: "Success" }));
  await visible(banner.getByText(`Now sharing with ${PROGRAMME}`));
  expect(await banner.getByRole("listitem").count(), `what ${name} now shares`).toBeGreaterThan(0);
  await visible(convenor.getByRole("list", { name: "Programmes this partnership shares with" }).getByRole("heading", { name: PROGRAMME }));
}

beforeAll(async () => {
  server = await startServer();
  dana = await setUpConvenor(server.url, { name: "Dana Convenor", email: "dana@example.org", password: "dana's long password" });
  const demo = expectStatus(await dana.call<{ id: string; name: string }>("POST", "/demo", {}), 201);
  pids.demo = demo.id;
  demoName = demo.name;
  pids.riverside = await publishedPartnership(dana, RIVERSIDE, ["Riverside Hospital", "Riverside Council"], ["Ann Riverside", "Bob Riverside", "Cy Riverside", "Di Riverside"], 5);
  pids.hillside = await publishedPartnership(dana, HILLSIDE, ["Hillside Trust", "Hillside Council"], ["Eve Hillside", "Fay Hillside", "Gus Hillside", "Hal Hillside"], 2);
  // The programme lead is a member of Hillside, not its convenor.
  const priya = await invitedUser(server.url, dana, pids.hillside, { name: "Priya Lead", email: "priya@example.org", password: "priya's long password" });
  browsers.push(await launchBrowser(), await launchBrowser());
  convenor = browsers[0]!.page;
  lead = browsers[1]!.page;
  await dana.signIn(browsers[0]!.context);
  await priya.signIn(browsers[1]!.context);
}, 120_000);

afterAll(async () => {
  for (const b of browsers) await b.context.close().catch(() => undefined);
  await server?.stop();
  removeTempDirs();
});

describe("a programme lead starts a programme", () => {
  it("reaches Programmes from the header, sees what is missing, and gets the join code once", async () => {
    await lead.goto(server.url);
    await lead.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programmes" }).click();
    await visible(lead.getByRole("heading", { name: "Your programmes", level: 1 }));
    await visible(lead.getByText("You do not lead any programmes yet."));
    await lead.getByRole("button", { name: "Start programme" }).click();
    const summary = await visible(lead.getByRole("alert").filter({ hasText: "There is a problem" }));
    await expect.poll(() => isFocused(summary)).toBe(true);
    await visible(summary.getByRole("link", { name: "Enter the programme’s name" }));
    await expectAccessible(lead, "programmes with an error");

    await lead.getByLabel("Name").fill(PROGRAMME);
    await lead.getByLabel("Description (optional)").fill("Every care partnership in the North East, side by side.");
    await lead.getByRole("button", { name: "Start programme" }).click();
    const box = await visible(lead.getByRole("region", { name: "New join code" }));
    await expect.poll(() => isFocused(box)).toBe(true);
    joinCode = await box.getByRole("textbox", { name: "Join code" }).inputValue();
    expect(joinCode).toMatch(/^prg_\S{10,}$/);
    await visible(box.getByRole("button", { name: "Copy join code" }));
    await visible(lead.getByRole("listitem").filter({ hasText: PROGRAMME }).getByText("0 partnerships sharing"));
    await lead.getByText("What do partnerships share?").click();
    await visible(lead.getByText(/No one’s individual answers/));
    await expectAccessible(lead, "programmes with a new join code");
    await shot(lead, "programmes-created");
    programmeUrl = `${server.url}${await lead.getByRole("link", { name: PROGRAMME, exact: true }).getAttribute("href")}`;
    expect(programmeUrl).toMatch(/\/programmes\/[0-9a-f-]+$/);
  });
});

describe("convenors agree to share", () => {
  it("explains what is shared, refuses a wrong code, then shares the demo partnership", async () => {
    await convenor.goto(`${server.url}/partnerships/${pids.demo}`);
    await convenor.getByRole("navigation", { name: "Partnership sections" }).getByRole("link", { name: "Programmes", exact: true }).click();
    await visible(convenor.getByText("This partnership does not share with any programme."));
    await visible(convenor.getByText(/only figures the partnership has already published/));
    await visible(convenor.getByText(/stays held back/));
    await convenor.getByRole("button", { name: "Agree to share" }).click();
    await visible(convenor.getByRole("alert").getByRole("link", { name: "Enter the join code the programme’s lead sent you" }));
    await convenor.getByLabel("Join code").fill("prg_not-a-real-code");
    await convenor.getByRole("button", { name: "Agree to share" }).click();
    await visible(convenor.getByRole("alert").filter({ hasText: "There is a problem" }));
    expect(await convenor.getByRole("list", { name: "Programmes this partnership shares with" }).count()).toBe(0);
    await expectAccessible(convenor, "partnership programmes with a wrong code");
    await shareInUi(pids.demo, demoName);
    await expectAccessible(convenor, "partnership programmes, sharing");
    await shot(convenor, "partnership-programmes");
  });

  it("shares the two other partnerships", async () => {
    await shareInUi(pids.riverside, RIVERSIDE);
    await shareInUi(pids.hillside, HILLSIDE);
  });

  it("shows a member which programmes the partnership shares with, without the convenor's buttons", async () => {
    await lead.goto(partnershipTab(pids.hillside));
    await visible(lead.getByRole("list", { name: "Programmes this partnership shares with" }).getByRole("heading", { name: PROGRAMME }));
    await visible(lead.getByText("Only a convenor can agree to share with a programme, or stop sharing."));
    expect(await lead.getByRole("button", { name: /^Stop sharing/ }).count()).toBe(0);
    expect(await lead.getByLabel("Join code").count()).toBe(0);
    await expectAccessible(lead, "partnership programmes as a member");
  });
});

describe("the lead reads the roll-up", () => {
  it("lists one row per partnership, draws the distribution with a table, and shows the pooled baseline or why not", async () => {
    await lead.goto(programmeUrl);
    await visible(lead.getByRole("heading", { name: PROGRAMME, level: 1 }));
    await expect.poll(async () => (await rows()).map((r) => r.name).sort()).toEqual([demoName, HILLSIDE, RIVERSIDE].sort());
    for (const r of await rows()) expect(r.headline, `${r.name}'s overall trust`).toMatch(/^\d\.\d$|^Not shown/);
    expect(await rollup().getByText(/^0(\.0)?$/).count(), "a hidden figure is never a zero").toBe(0);
    const chart = lead.locator('figure[data-chart="programme-distribution"]');
    await expect.poll(() => marks(chart), { message: "bars in the distribution" }).toBeGreaterThan(2);
    expect(await chart.locator('.chart > [role="img"]').getAttribute("aria-label")).toMatch(/across 3 partnerships ranges from \d\.\d to \d\.\d/);
    await visible(chart.getByText("Show the figures as a table"));
    const pooled = lead.getByRole("region", { name: "The baseline question, pooled" });
    expect((await pooled.getByRole("table").count()) + (await pooled.getByText(/^Not shown/).count())).toBeGreaterThan(0);
    await expectAccessible(lead, "programme");
    await shot(lead, "programme");
  });

  it("sorts by overall trust when its heading is selected, highest first, then lowest first", async () => {
    const heading = rollup().getByRole("columnheader", { name: /^Overall trust/ });
    expect(await heading.getAttribute("aria-sort")).toBe("none");
    expect(await rollup().getByRole("columnheader", { name: /^Partnership/ }).getAttribute("aria-sort")).toBe("ascending");
    await heading.getByRole("button").click();
    await expect.poll(() => heading.getAttribute("aria-sort")).toBe("descending");
    expect(await isFocused(heading.getByRole("button")), "focus stays on the heading's button").toBe(true);
    expect(new URL(lead.url()).search).toBe("?sort=headline&order=desc");
    const shown = (await rows()).map((r) => Number(r.headline)).filter((n) => !Number.isNaN(n));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect([...shown].sort((a, b) => b - a)).toEqual(shown);
    expect((await rows())[0]!.name).toBe(RIVERSIDE);
    await heading.getByRole("button").click();
    await expect.poll(() => heading.getAttribute("aria-sort")).toBe("ascending");
    await expect.poll(async () => (await rows()).find((r) => !Number.isNaN(Number(r.headline)))?.name).toBe(HILLSIDE);
    await visible(lead.getByRole("table", { name: /sorted by overall trust \(lowest first\)/ }));
    await expectAccessible(lead, "programme sorted");
  });

  it("invites a lead, who accepts; withdraws another invitation; makes a new join code", async () => {
    const leads = lead.getByRole("region", { name: "Leads" });
    const invite = leads.getByRole("button", { name: "Invite", exact: true });
    await invite.click();
    await visible(leads.getByRole("alert").filter({ hasText: "There is a problem" }));
    await leads.getByLabel("Invite a lead").fill("dana@example.org");
    await invite.click();
    // This accord sends no email: the link is shown to pass on, with who may have it.
    const ready = await visible(leads.getByRole("region", { name: "Success" }).filter({ hasText: "Invitation ready for dana@example.org" }));
    await visible(ready.getByText(/send it only to that person/));
    const url = await ready.getByLabel("Invitation link for dana@example.org").inputValue();
    const pending = leads.getByRole("list", { name: "Invited, not yet accepted" });
    await visible(pending.getByRole("listitem").filter({ hasText: "dana@example.org" }));
    expect(await leads.getByRole("listitem").filter({ hasText: "Dana Convenor" }).count(), "not a lead before accepting").toBe(0);
    await expectAccessible(lead, "programme with an invitation to lead");

    await convenor.goto(url);
    await visible(convenor.getByRole("heading", { name: `Become a lead of ${PROGRAMME}`, level: 1 }));
    await expectAccessible(convenor, "invitation to lead, signed in");
    await convenor.getByRole("button", { name: "Accept and become a lead" }).click();
    await visible(convenor.getByRole("heading", { name: PROGRAMME, level: 1 }));

    await leads.getByLabel("Invite a lead").fill("nobody@example.org");
    await invite.click();
    await visible(leads.getByRole("region", { name: "Success" }).filter({ hasText: "Invitation ready for nobody@example.org" }));
    await visible(leads.getByRole("listitem").filter({ hasText: "Dana Convenor" }));
    await pending.getByRole("button", { name: "Withdraw the invitation for nobody@example.org" }).click();
    await pending.getByRole("button", { name: "Yes, withdraw" }).click();
    await visible(leads.getByRole("region", { name: "Success" }).getByText("Invitation for nobody@example.org withdrawn: its link no longer works"));
    await expect.poll(() => pending.count()).toBe(0);
    await lead.getByRole("button", { name: /^Make a new join code/ }).click();
    await lead.getByRole("button", { name: "Yes, make a new code" }).click();
    const box = await visible(lead.getByRole("region", { name: "New join code" }));
    await expect.poll(() => isFocused(box)).toBe(true);
    const fresh = await box.getByRole("textbox", { name: "Join code" }).inputValue();
    expect(fresh).toMatch(/^prg_/);
    expect(fresh).not.toBe(joinCode);
    await expectAccessible(lead, "programme with a new code");
  });
});

describe("the partnership's position", () => {
  it("shows the percentile on the Health page", async () => {
    await convenor.goto(`${server.url}/partnerships/${pids.demo}/health`);
    const position = await visible(convenor.getByRole("region", { name: "Against other partnerships" }));
    await visible(position.getByText("How this is computed"));
    const line = await visible(position.getByText(/^Overall trust \d\.\d: higher than \d+% of the 3 partnerships in the North East Care programme\.$/));
    const percent = Number(/higher than (\d+)%/.exec((await line.textContent()) ?? "")![1]);
    expect(percent).toBeGreaterThanOrEqual(0);
    expect(percent).toBeLessThanOrEqual(100);
    await expectAccessible(convenor, "health with the programme position");
  });
});

describe("a convenor stops sharing", () => {
  it("asks first, then the partnership leaves the programme's roll-up", async () => {
    await convenor.goto(partnershipTab(pids.hillside));
    await convenor.getByRole("button", { name: `Stop sharing with ${PROGRAMME}` }).click();
    await visible(convenor.getByRole("group", { name: `Stop sharing with ${PROGRAMME}?` }));
    await expectAccessible(convenor, "stop sharing, confirming");
    await convenor.getByRole("button", { name: "Yes, stop sharing" }).click();
    await visible(convenor.getByRole("status").getByText(`Stopped sharing with ${PROGRAMME}`));
    await visible(convenor.getByText("This partnership does not share with any programme."));

    await lead.reload();
    await expect.poll(async () => (await rows()).map((r) => r.name).sort()).toEqual([demoName, RIVERSIDE].sort());
    await visible(lead.getByRole("region", { name: "Overall trust across the programme" }).getByText(/^Not shown: fewer than 3 partnerships/));
  });

  it("leaves too few partnerships for a percentile, and says so", async () => {
    await convenor.goto(`${server.url}/partnerships/${pids.demo}/health`);
    await visible(convenor.getByRole("region", { name: "Against other partnerships" }).getByText(/^Not shown: fewer than 3 partnerships/));
  });
});

describe("on a phone", () => {
  it("fits 375 px without sideways scrolling and sorts with the phone controls", async () => {
    await lead.setViewportSize({ width: 375, height: 740 });
    await lead.goto(programmeUrl);
    await expect.poll(async () => (await rows()).length).toBe(2);
    expect(await sidewaysScroll(lead)).toBe(0);
    await lead.getByLabel("Sort by").selectOption({ label: "Partnership name" });
    await lead.getByLabel("Order").selectOption({ label: "Highest first" });
    await lead.getByRole("button", { name: "Sort", exact: true }).click();
    await expect.poll(() => new URL(lead.url()).search).toBe("?sort=name&order=desc");
    await expectAccessible(lead, "programme on a phone");
    await lead.goto(`${server.url}/programmes`);
    await visible(lead.getByRole("heading", { name: "Your programmes" }));
    expect(await sidewaysScroll(lead)).toBe(0);
    await convenor.setViewportSize({ width: 375, height: 740 });
    await convenor.goto(partnershipTab(pids.demo));
    await visible(convenor.getByRole("heading", { name: PROGRAMME }));
    expect(await sidewaysScroll(convenor)).toBe(0);
    await expectAccessible(convenor, "partnership programmes on a phone");
    for (const b of browsers) expect(b.problems).toEqual([]);
  });
});

describe("the lead manages the programme's leads and deletes it", () => {
  it("removes another lead after confirming; the only lead's Remove button is disabled and says why", async () => {
    await lead.setViewportSize({ width: 1100, height: 900 });
    await lead.goto(programmeUrl);
    const leads = await visible(lead.getByRole("region", { name: "Leads" }));
    await expect.poll(() => leads.getByRole("listitem").count()).toBe(2);
    await visible(leads.getByRole("listitem").filter({ hasText: "Priya Lead (you)" }));
    await leads.getByRole("button", { name: "Remove Dana Convenor as a lead" }).click();
    const confirm = await visible(leads.getByRole("group", { name: "Remove Dana Convenor as a lead?" }));
    const yes = confirm.getByRole("button", { name: "Yes, remove" });
    await expect.poll(() => isFocused(yes)).toBe(true);
    await expectAccessible(lead, "programme, removing a lead");
    await yes.click();
    const done = await visible(leads.getByRole("region", { name: "Success" }));
    await visible(done.getByText("Dana Convenor is no longer a lead"));
    await expect.poll(() => isFocused(done), { message: "the message takes focus from the button that went" }).toBe(true);
    await expect.poll(() => leads.getByRole("listitem").count()).toBe(1);

    const only = leads.getByRole("button", { name: "Remove yourself as a lead" });
    expect(await only.isDisabled()).toBe(true);
    const why = await only.evaluate((el) => el.ownerDocument.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent ?? "");
    expect(why).toMatch(/^You are the only lead, and a programme always needs one\. Add another lead first, or delete the programme\.$/);
    await visible(leads.getByText(why));
    await expectAccessible(lead, "programme with its only lead");
    await shot(lead, "programme-only-lead");

    // Dana no longer leads it, so for her it does not exist.
    await convenor.setViewportSize({ width: 1100, height: 900 });
    await convenor.goto(programmeUrl);
    await visible(convenor.getByRole("heading", { name: "Programme not found", level: 1 }));
  });

  it("deletes the programme only when its name is typed; it leaves the lists and the partnerships", async () => {
    await lead.goto(programmeUrl);
    const section = await visible(lead.getByRole("region", { name: "Delete programme" }));
    const button = section.getByRole("button", { name: "Delete programme" });
    await button.click();
    const summary = await visible(section.getByRole("alert").filter({ hasText: "There is a problem" }));
    await expect.poll(() => isFocused(summary)).toBe(true);
    await visible(summary.getByRole("link", { name: "Type the programme’s name to confirm" }));
    const field = section.getByLabel("Type the programme’s name to confirm");
    await field.fill(PROGRAMME.toLowerCase());
    await button.click();
    await summary.getByRole("link", { name: "Type the programme’s name exactly as shown" }).click();
    await expect.poll(() => isFocused(field), { message: "the summary's link takes focus to the field" }).toBe(true);
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(lead, "programme, deleting with the wrong name");
    await shot(lead, "programme-delete-wrong-name");
    expect(new URL(lead.url()).pathname).toBe(new URL(programmeUrl).pathname);

    await field.fill(PROGRAMME);
    await button.click();
    await expect.poll(() => new URL(lead.url()).pathname).toBe("/programmes");
    const done = await visible(lead.getByRole("region", { name: "Success" }));
    await visible(done.getByText(`Deleted the programme ${PROGRAMME}`));
    await expect.poll(() => isFocused(done)).toBe(true);
    await visible(lead.getByText("You do not lead any programmes yet."));
    await expectAccessible(lead, "programmes after deleting one");

    await lead.goto(programmeUrl);
    await visible(lead.getByRole("heading", { name: "Programme not found", level: 1 }));
    for (const pid of [pids.demo, pids.riverside]) {
      await convenor.goto(partnershipTab(pid));
      await visible(convenor.getByText("This partnership does not share with any programme."));
    }
    await expectAccessible(convenor, "partnership programmes after the programme was deleted");
    for (const b of browsers) expect(b.problems).toEqual([]);
  });
});
