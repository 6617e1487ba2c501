// Browser test: a convenor runs a survey wave; a respondent answers it from a personal link on a phone-sized window.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, removeTempDirs, startServer, type Server } from "./harness.ts";
import { expectAccessible, isFocused, shot, sidewaysScroll, visible } from "./page-checks.ts";
import { answersFor, createPartnership, expectStatus, setUpConvenor, type Caller } from "./survey-api.ts";

const PARTNERSHIP = "Eastvale Health and Care Partnership";
const WAVE = "Baseline, spring 2026";
const OTHER_TEXT = "We are still getting to know each other.";
const PEOPLE = ["Aisha Khan", "Ben Okoro", "Carys Hughes", "Dev Patel", "Ewa Nowak", "Femi Adeyemi"];
/** The option each agreement section gets, so Back can be checked against distinct answers. */
const SECTION_ANSWERS = ["Agree", "Strongly agree", "Neither agree nor disagree", "Disagree", "Agree"];

let server: Server;
let api: Caller;
let partnershipId = "";
const browsers: { context: BrowserContext; page: Page; problems: string[] }[] = [];
let convenor: Page;
let respondent: Page;
let links: { name: string; email: string; url: string }[] = [];
let waveUrl = "";

beforeAll(async () => {
  server = await startServer();
  api = await setUpConvenor(server.url, { name: "Olu Convenor", email: "olu@example.org", password: "a long convenor password" });
  partnershipId = await createPartnership(api, PARTNERSHIP, ["Eastvale NHS Trust", "Eastvale Council"], PEOPLE);
  browsers.push(await launchBrowser(), await launchBrowser());
  convenor = browsers[0]!.page;
  respondent = browsers[1]!.page;
  await api.signIn(browsers[0]!.context);
  await respondent.setViewportSize({ width: 375, height: 740 });
});

afterAll(async () => {
  for (const b of browsers) await b.context.close().catch(() => undefined);
  await server?.stop();
  removeTempDirs();
});

describe("a convenor runs a wave", () => {
  it("creates an accord trust wave from the Surveys tab", async () => {
    await convenor.goto(`${server.url}/partnerships/${partnershipId}`);
    await convenor.getByRole("navigation", { name: "Partnership sections" }).getByRole("link", { name: "Surveys" }).click();
    await visible(convenor.getByRole("heading", { name: "Surveys", level: 2 }));
    await visible(convenor.getByText("No survey waves yet."));
    await convenor.getByRole("button", { name: "Create wave" }).click();
    await visible(convenor.getByRole("alert").getByRole("link", { name: "Choose which survey to run" }));
    await expectAccessible(convenor, "surveys, create with errors");

    await convenor.getByLabel("Name", { exact: true }).fill(WAVE);
    await convenor.getByLabel("accord trust survey").check();
    expect(await convenor.getByLabel("Minimum group size (k)").inputValue()).toBe("5");
    await convenor.getByRole("button", { name: "Create wave" }).click();
    await visible(convenor.getByRole("heading", { name: new RegExp(`^${WAVE}`), level: 2 }));
    await visible(convenor.getByRole("region", { name: "Success" }).getByText("Wave created as a draft"));
    waveUrl = convenor.url();
    expect(waveUrl).toMatch(/\/waves\/[^/]+$/);
    await expectAccessible(convenor, "new wave");
    await shot(convenor, "wave-draft");
  });

  it("opens the wave after an inline confirmation, then issues links for everyone", async () => {
    await convenor.getByRole("button", { name: `Open the wave ${WAVE}` }).click();
    await visible(convenor.getByText("The survey and k (5) are fixed once it opens."));
    await expectAccessible(convenor, "open confirmation");
    await convenor.getByRole("button", { name: "Yes, open it" }).click();
    await visible(convenor.getByRole("region", { name: "Success" }).getByText("The wave is open."));
    await visible(convenor.getByText("fewer than 5"));

    await convenor.getByRole("button", { name: "Issue links for everyone" }).click();
    await convenor.getByRole("button", { name: "Yes, issue links" }).click();
    const box = await visible(convenor.getByLabel("All links, one per line"));
    links = (await box.inputValue()).split("\n").map((line) => {
      const match = /^(.+) <(.+)>: (\S+)$/.exec(line);
      if (!match) throw new Error(`unexpected link line: ${line}`);
      return { name: match[1]!, email: match[2]!, url: match[3]! };
    });
    expect(links.length).toBe(PEOPLE.length + 1); // everyone, the convenor included
    for (const l of links) expect(l.url).toMatch(new RegExp(`^${server.url}/respond/\\S+$`));
    const invited = convenor.locator("dd", { has: convenor.locator("xpath=preceding-sibling::dt[.='People with a link']") });
    await expect.poll(() => invited.textContent()).toBe(String(links.length));
    await expectAccessible(convenor, "issued links");
    await shot(convenor, "wave-links");
  });
});

describe("a respondent answers from a personal link on a phone", () => {
  it("shows a start page saying who sees what, without asking anyone to sign in", async () => {
    await respondent.goto(links[0]!.url);
    await visible(respondent.getByRole("heading", { name: WAVE, level: 1 }));
    expect(new URL(respondent.url()).pathname).toMatch(/^\/respond\//);
    await visible(respondent.getByRole("heading", { name: "Who sees what" }));
    await visible(respondent.getByText("Nobody sees your individual answers"));
    await visible(respondent.getByText("5 people"));
    await visible(respondent.getByText(/at least 10 people/));
    expect(await sidewaysScroll(respondent)).toBe(0);
    await expectAccessible(respondent, "respondent start");
    await shot(respondent, "respond-start");
  });

  it("refuses to go on without an answer, with an error summary linking to the question", async () => {
    await respondent.getByRole("button", { name: "Start now" }).click();
    await visible(respondent.getByText("Section 1 of 6"));
    await respondent.getByRole("button", { name: "Continue" }).click();
    const summary = await visible(respondent.getByRole("alert").filter({ hasText: "There is a problem" }));
    await expect.poll(() => isFocused(summary)).toBe(true);
    expect(await respondent.title()).toMatch(/^Error: /);
    await expectAccessible(respondent, "section with error summary");
    await shot(respondent, "respond-error");
    await summary.getByRole("link", { name: /To what extent do we trust each other/ }).click();
    await expect.poll(() => isFocused(respondent.getByLabel("A great deal"))).toBe(true);
  });

  it("reveals a text box for “Other”, and moves through the sections", async () => {
    await respondent.getByLabel("Other (please say)").check();
    await respondent.getByLabel("Please say (optional)").fill(OTHER_TEXT);
    await respondent.getByRole("button", { name: "Continue" }).click();

    for (const [n, answer] of SECTION_ANSWERS.entries()) {
      await visible(respondent.getByText(`Section ${n + 2} of 6`));
      if (n === 4) break; // the last section is answered by keyboard below
      const questions = respondent.locator("main fieldset");
      for (let q = 0; q < (await questions.count()); q++) await questions.nth(q).getByLabel(answer, { exact: true }).check();
      if (n === 0) {
        expect(await sidewaysScroll(respondent)).toBe(0);
        await expectAccessible(respondent, "section page");
        await shot(respondent, "respond-section");
      }
      if (n === 1) {
        // Back once: the previous section still has its answers.
        await respondent.getByRole("link", { name: "Back" }).click();
        await visible(respondent.getByText("Section 2 of 6"));
        await respondent.reload(); // the answers live in sessionStorage, not only in the page's memory
        await visible(respondent.getByText("Section 2 of 6"));
        const earlier = respondent.locator("main fieldset");
        for (let q = 0; q < (await earlier.count()); q++) {
          expect(await earlier.nth(q).getByLabel(SECTION_ANSWERS[0]!, { exact: true }).isChecked()).toBe(true);
        }
        await respondent.getByRole("button", { name: "Continue" }).click();
        await visible(respondent.getByText("Section 3 of 6"));
        expect(await respondent.locator("main fieldset").first().getByLabel(answer, { exact: true }).isChecked()).toBe(true);
      }
      await respondent.getByRole("button", { name: "Continue" }).click();
    }
  });

  it("answers the last section by keyboard alone", async () => {
    const questions = respondent.locator("main fieldset");
    await expect.poll(() => respondent.evaluate("document.activeElement?.id")).toBe("main-content");
    await respondent.keyboard.press("Tab"); // the Back link
    for (let q = 0; q < (await questions.count()); q++) {
      await respondent.keyboard.press("Tab"); // into the question's radios
      await respondent.keyboard.press("Space"); // Strongly agree
      await respondent.keyboard.press("ArrowDown"); // Agree
      expect(await questions.nth(q).getByLabel("Agree", { exact: true }).isChecked()).toBe(true);
    }
    await respondent.keyboard.press("Tab");
    await respondent.keyboard.press("Enter"); // Continue
    await visible(respondent.getByRole("heading", { name: "Check your answers before you submit them" }));
  });

  it("shows every answer to check, then takes them and confirms", async () => {
    await visible(respondent.getByText(`Other: ${OTHER_TEXT}`));
    expect(await respondent.getByRole("link", { name: /^Change your answer to/ }).count()).toBe(30);
    expect(await sidewaysScroll(respondent)).toBe(0);
    await expectAccessible(respondent, "check your answers");
    await shot(respondent, "respond-check");

    await respondent.getByRole("button", { name: "Submit answers" }).click();
    await visible(respondent.getByRole("heading", { name: "Your answers are in. Thank you.", level: 1 }));
    expect(new URL(respondent.url()).pathname).toMatch(/\/done$/);
    expect(await respondent.evaluate("Object.keys(sessionStorage).filter((k) => k.startsWith('accord.respond'))")).toEqual([]);
    await expectAccessible(respondent, "confirmation");
    await shot(respondent, "respond-done");
  });

  it("explains kindly that the same link has already been used", async () => {
    await respondent.goto(links[0]!.url);
    await visible(respondent.getByRole("heading", { name: "You have already answered this survey", level: 1 }));
    await visible(respondent.getByText(/We already have your answers/));
    await expectAccessible(respondent, "already answered");
    await shot(respondent, "respond-answered");
  });
});

describe("the convenor publishes the results", () => {
  it("sees five more answers arrive only as a band, then closes and publishes the wave", async () => {
    for (const [i, link] of links.slice(1, 6).entries()) {
      const token = link.url.split("/respond/")[1]!;
      const info = expectStatus(await api.call<{ instrument: Parameters<typeof answersFor>[0] }>("GET", `/respond/${token}`), 200);
      const answers = answersFor(info.instrument, (i % 5) + 1, i);
      expectStatus(await api.call("POST", `/respond/${token}/response`, { answers }, { "idempotency-key": `browser-test-${i}-${token.slice(0, 8)}` }), 201);
    }
    await convenor.goto(waveUrl);
    await visible(convenor.getByText("5–9"));
    await convenor.getByRole("button", { name: `Close the wave ${WAVE}` }).click();
    await convenor.getByRole("button", { name: "Yes, close it" }).click();
    await visible(convenor.getByRole("region", { name: "Success" }).getByText("The wave is closed."));
    await convenor.getByRole("button", { name: `Publish results ${WAVE}` }).click();
    await visible(convenor.getByText("Publishing is recorded in the audit log."));
    await convenor.getByRole("button", { name: "Yes, publish" }).click();
    await visible(convenor.getByRole("region", { name: "Success" }).getByText("The results are published"));
  });

  it("shows the results: a chart per question with a table, the heat grid, and suppressed groups as 'Not shown'", async () => {
    await convenor.getByRole("link", { name: "See the results" }).click();
    await visible(convenor.getByRole("heading", { name: `Results: ${WAVE}`, level: 2 }));
    await visible(convenor.getByText("6 people answered."));
    const baseline = convenor.getByRole("img", { name: /^Bar chart: .*a great deal/ }).first();
    await visible(baseline);
    expect(await baseline.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
    expect(await convenor.locator(".chart svg").count()).toBeGreaterThan(20);
    const grid = await visible(convenor.getByRole("table", { name: "Scores for the whole partnership" }));
    expect(await grid.getByRole("rowheader").allTextContents()).toEqual(["Interpersonal", "Interorganisational", "System", "All levels"]);
    await visible(grid.getByText(/95% interval/).first());
    expect(await convenor.getByRole("link", { name: "Download CSV of these results" }).getAttribute("href")).toMatch(/\/waves\/[^/]+\/results\.csv$/);
    await expectAccessible(convenor, "results");
    await shot(convenor, "results");

    await convenor.getByLabel("Show results for").selectOption({ label: "Each organisation" });
    await visible(convenor.getByText("Eastvale NHS Trust: Not shown: fewer than 5 people"));
    expect(convenor.url()).toMatch(/\?breakdown=organisation$/);
    await expectAccessible(convenor, "results by organisation");

    await respondent.goto(convenor.url()); // a respondent without an account is asked to sign in
    await respondent.waitForURL(/\/sign-in$/);
  });
});

describe("links that cannot take answers", () => {
  it("explains kindly when the wave has closed, and when it has not opened yet", async () => {
    await respondent.goto(links[6]!.url); // never used; the wave is now published
    await visible(respondent.getByRole("heading", { name: "This survey has closed", level: 1 }));
    await expectAccessible(respondent, "closed survey");

    const today = new Date().toISOString().slice(0, 10);
    const draft = expectStatus(
      await api.call<{ id: string }>("POST", `/partnerships/${partnershipId}/waves`, { name: "Meeting pulse, March", instrumentKey: "pulse", opensOn: today, closesOn: today }),
      201,
    );
    const issued = expectStatus(await api.call<{ links: { url: string }[] }>("POST", `/partnerships/${partnershipId}/waves/${draft.id}/links`, {}), 201);
    await respondent.goto(issued.links[0]!.url);
    await visible(respondent.getByRole("heading", { name: "This survey has not opened yet", level: 1 }));
    await expectAccessible(respondent, "survey not open yet");

    await respondent.goto(`${server.url}/respond/not-a-real-link`);
    await visible(respondent.getByRole("heading", { name: "This survey link does not work", level: 1 }));
  });
});

describe("both browsers", () => {
  it("logged no page errors or console errors", () => {
    expect(browsers.flatMap((b) => b.problems)).toEqual([]);
  });
});
