// Browser test: a convenor records a commitment in the Commitments register, marks it kept, and sees the kept-on-time rate change.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, removeTempDirs, startServer, type Server } from "./harness.ts";
import { expectAccessible, isFocused, shot, sidewaysScroll, visible } from "./page-checks.ts";
import { createPartnership, expectStatus, setUpConvenor, type Caller } from "./survey-api.ts";

const PARTNERSHIP = "Northmoor Integrated Care Partnership";
const TRUST = "Northmoor NHS Trust";
const COUNCIL = "Northmoor Council";
const PROMISE = "Share the discharge list with the council every morning";

let server: Server;
let api: Caller;
let partnershipId = "";
let today = "";
const browsers: { context: BrowserContext; page: Page; problems: string[] }[] = [];
let page: Page;

/** The kept-on-time row of one organisation on the commitments page. */
const keptRow = (name: string) =>
  page.getByRole("table", { name: "Commitments kept on time, by organisation" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });

beforeAll(async () => {
  server = await startServer();
  api = await setUpConvenor(server.url, { name: "Ria Convenor", email: "ria@example.org", password: "a long convenor password" });
  partnershipId = await createPartnership(api, PARTNERSHIP, [TRUST, COUNCIL], ["Sam Ward", "Tom Hale"]);
  // The server's today, so "due today" means the same day to the server and the test.
  today = expectStatus(await api.call<{ asOf: string }>("GET", `/partnerships/${partnershipId}/kept-on-time`), 200).asOf;
  browsers.push(await launchBrowser());
  page = browsers[0]!.page;
  await api.signIn(browsers[0]!.context);
});

afterAll(async () => {
  for (const b of browsers) await b.context.close().catch(() => undefined);
  await server?.stop();
  removeTempDirs();
});

describe("registers", () => {
  it("lists the registers by stage from the Registers tab", async () => {
    await page.goto(`${server.url}/partnerships/${partnershipId}`);
    await page.getByRole("navigation", { name: "Partnership sections" }).getByRole("link", { name: "Registers" }).click();
    await visible(page.getByRole("heading", { name: "Registers", level: 2 }));
    for (const stage of ["Agree a minimum", "Practise", "Make it how we work"]) {
      await visible(page.getByRole("heading", { name: new RegExp(stage), level: 3 }));
    }
    await expectAccessible(page, "registers index");
    await page.getByRole("link", { name: "Commitments", exact: true }).click();
    await visible(page.getByRole("heading", { name: "Commitments", level: 2 }));
    expect(new URL(page.url()).pathname).toBe(`/partnerships/${partnershipId}/registers/commitments`);
  });

  it("shows no kept-on-time rate before anything is due, and refuses an empty commitment", async () => {
    await visible(keptRow(TRUST));
    await expect.poll(() => keptRow(TRUST).getByRole("cell").first().textContent()).toBe("—Nothing due yet");
    await visible(page.getByText("Nothing recorded yet."));
    await page.getByRole("button", { name: "Add commitment" }).click();
    const summary = await visible(page.getByRole("alert").filter({ hasText: "There is a problem" }));
    await expect.poll(() => isFocused(summary)).toBe(true);
    await visible(summary.getByRole("link", { name: "Enter what is promised" }));
    await visible(summary.getByRole("link", { name: "Choose organisation making the promise" }));
    await visible(summary.getByRole("link", { name: "Enter due on" }));
    await expectAccessible(page, "commitments with errors");
  });

  it("adds a commitment due today through the form", async () => {
    await page.getByLabel("What is promised", { exact: true }).fill(PROMISE);
    await page.getByLabel("Organisation making the promise", { exact: true }).selectOption({ label: TRUST });
    await page.getByLabel("Promised to (optional)").selectOption({ label: COUNCIL });
    await page.getByLabel("Due on", { exact: true }).fill(today);
    await page.getByRole("button", { name: "Add commitment" }).click();
    await visible(page.getByRole("status").getByRole("link", { name: PROMISE }));
    await visible(page.getByRole("table", { name: /^Commitments in / }).getByRole("link", { name: PROMISE }));
    // Due today is not yet due, so the rate still has nothing to go on; the commitment shows as open.
    await expect.poll(() => keptRow(TRUST).getByRole("cell").nth(4).textContent()).toBe("1");
    expect(await keptRow(TRUST).getByRole("cell").first().textContent()).toBe("—Nothing due yet");
    await expectAccessible(page, "commitments register");
    await shot(page, "register-commitments");
  });

  it("lists every bad line of a CSV import and imports nothing", async () => {
    const csv = `title,organisationId,dueOn\nA promise with no date,${TRUST},\n,${COUNCIL},2026-02-30\n`;
    await page.getByLabel("CSV file").setInputFiles({ name: "commitments.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Import file" }).click();
    const summary = await visible(page.getByRole("alert").filter({ hasText: "problems in the file" }));
    await visible(summary.getByText(/^Line 2, Due on: /));
    await visible(summary.getByText(/^Line 3, What is promised: /));
    await visible(summary.getByText(/^Line 3, Due on: /));
    expect(await page.getByRole("table", { name: /^Commitments in / }).getByRole("row").count()).toBe(2);
    await expectAccessible(page, "commitments import errors");
  });

  it("marks the commitment kept from its page", async () => {
    await page.getByRole("table", { name: /^Commitments in / }).getByRole("link", { name: PROMISE }).click();
    await visible(page.getByRole("heading", { name: new RegExp(`^${PROMISE}`), level: 2 }));
    await visible(page.getByRole("heading", { name: "Record the outcome" }));
    await expectAccessible(page, "commitment entry");
    await page.getByRole("button", { name: "Mark kept" }).click();
    await visible(page.getByRole("region", { name: "Success" }).getByText("Marked as kept"));
    await visible(page.getByRole("heading", { name: new RegExp(`^${PROMISE}`), level: 2 }).getByText("Kept", { exact: true }));
    await expect(page.getByRole("button", { name: "Mark kept" }).count()).resolves.toBe(0);
    const history = page.getByRole("region", { name: "History" });
    await visible(history.getByText(/^Added commitment/));
    await visible(history.getByText(/^Changed/).first());
    await expectAccessible(page, "commitment entry after marking kept");
    await shot(page, "register-commitment-kept");
  });

  it("tells the person plainly when someone else changed the entry while they edited it, saves nothing, and offers a reload", async () => {
    const entryPath = `/partnerships/${partnershipId}/registers/commitments/${new URL(page.url()).pathname.split("/").pop()}`;
    const loaded = expectStatus(await api.call<{ version: number }>("GET", entryPath), 200);
    await page.getByRole("button", { name: "Change this commitment" }).click();
    await page.getByLabel("Note (optional)").fill("Mine: the list goes at 8am");
    // Someone else saves a change to the same version first.
    expectStatus(await api.call("PATCH", entryPath, { note: "Theirs: the list goes at 9am" }, { "if-match": `"${loaded.version}"` }), 200);
    await page.getByRole("button", { name: "Save changes" }).click();
    const summary = await visible(page.getByRole("alert").filter({ hasText: "There is a problem" }));
    await visible(summary.getByText(/Someone else changed this commitment after you opened it, so your changes were not saved/));
    await expectAccessible(page, "commitment changed by someone else");
    await shot(page, "register-crossed-edit");
    // Nothing of theirs was overwritten.
    expect(expectStatus(await api.call<{ data: { note: string } }>("GET", entryPath), 200).data.note).toBe("Theirs: the list goes at 9am");
    await page.getByRole("button", { name: "Reload the commitment" }).click();
    await visible(page.getByText("Theirs: the list goes at 9am"));
    // From the reloaded version the change goes through.
    await page.getByRole("button", { name: "Change this commitment" }).click();
    await page.getByLabel("Note (optional)").fill("Agreed: the list goes at 8am");
    await page.getByRole("button", { name: "Save changes" }).click();
    await visible(page.getByRole("region", { name: "Success" }).getByText("Changes saved"));
    await visible(page.getByText("Agreed: the list goes at 8am"));
    expect(expectStatus(await api.call<{ version: number }>("GET", entryPath), 200).version).toBe(loaded.version + 2);
  });

  it("shows the organisation's kept-on-time rate at 100%", async () => {
    await page.getByRole("link", { name: "Back to commitments" }).click();
    await visible(page.getByRole("heading", { name: "Commitments", level: 2 }));
    await expect.poll(() => keptRow(TRUST).getByRole("cell").first().textContent()).toBe("100%1 of 1 due");
    expect(await keptRow(COUNCIL).getByRole("cell").first().textContent()).toBe("—Nothing due yet");
    await expectAccessible(page, "commitments after keeping");
  });

  it("fits a phone-sized window without sideways scrolling", async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.reload();
    await visible(keptRow(TRUST));
    expect(await sidewaysScroll(page)).toBe(0);
    await expectAccessible(page, "commitments on a phone");
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  it("shows needs attention and activity pages", async () => {
    await page.getByRole("navigation", { name: "Registers" }).getByRole("link", { name: "Needs attention" }).click();
    await visible(page.getByRole("heading", { name: "Needs attention", level: 2 }));
    await visible(page.getByText("Nothing is overdue."));
    await expectAccessible(page, "needs attention");
    await page.getByRole("navigation", { name: "Registers" }).getByRole("link", { name: "Activity" }).click();
    await visible(page.getByRole("heading", { name: "Activity", level: 2 }));
    await visible(page.getByRole("link", { name: PROMISE }).first());
    await expectAccessible(page, "activity");
  });

  it("raised no page errors", () => {
    expect(browsers.flatMap((b) => b.problems)).toEqual([]);
  });
});
