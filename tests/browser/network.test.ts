// Browser test: the trust network — drawn with cytoscape, as a table, a profile, a hidden tie "not shown", and a nominee rating organisations on a phone.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, removeTempDirs, startServer, type Server } from "./harness.ts";
import { expectAccessible, shot, sidewaysScroll, visible } from "./page-checks.ts";
import { answersFor, expectStatus, setUpConvenor, type Caller } from "./survey-api.ts";

const ORGS = [
  ["Alpha Trust", "nhs_trust"],
  ["Beta Council", "local_authority"],
  ["Gamma Charity", "voluntary_community"],
  ["Delta Practice", "primary_care"],
] as const;
type Ratings = Record<string, Record<string, number | boolean>>;
const all = (v: number) => ({ competence: v, benevolence: v, integrity: v });

let server: Server;
let api: Caller;
let base = "";
let pid = "";
const orgs: { id: string; name: string; people: string[] }[] = [];
const browsers: { context: BrowserContext; page: Page; problems: string[] }[] = [];
let convenor: Page;
let respondent: Page;
const waves: Record<"spring" | "summer" | "autumn", string> = { spring: "", summer: "", autumn: "" };
let nomineeLink = "";

const org = (name: string) => orgs.find((o) => o.name === name)!;
const today = new Date().toISOString().slice(0, 10);
const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** Creates a pulse wave with organisation ratings, sets nominees, opens it, issues links and sends each person's answers with their ratings. */
async function runWave(name: string, networkMode: string, k: number, ratingsOf: (personId: string) => Ratings | undefined, nominate: boolean) {
  const wave = expectStatus(await api.call<{ id: string }>("POST", `${base}/waves`, { name, instrumentKey: "pulse", opensOn: today, closesOn: later, k, networkMode }), 201);
  const wb = `${base}/waves/${wave.id}`;
  if (nominate) expectStatus(await api.call("PUT", `${wb}/nominees`, { nominees: orgs.map((o) => ({ organisationId: o.id, personId: o.people[0]! })) }), 200);
  expectStatus(await api.call("POST", `${wb}/open`, {}), 200);
  const { links } = expectStatus(await api.call<{ links: { personId: string; url: string }[] }>("POST", `${wb}/links`, {}), 201);
  for (const link of links) {
    const ratings = ratingsOf(link.personId);
    if (!ratings) continue;
    const token = link.url.split("/respond/")[1]!;
    const info = expectStatus(await api.call<{ instrument: Parameters<typeof answersFor>[0] }>("GET", `/respond/${token}`), 200);
    expectStatus(await api.call("POST", `/respond/${token}/response`, { answers: answersFor(info.instrument, 4), ratings }, { "idempotency-key": `net-${token.slice(0, 16)}` }), 201);
  }
  return { id: wave.id, wb, links };
}

async function closeAndPublish(wb: string) {
  expectStatus(await api.call("POST", `${wb}/close`, {}), 200);
  expectStatus(await api.call("POST", `${wb}/publish`, {}), 200);
}

beforeAll(async () => {
  server = await startServer();
  api = await setUpConvenor(server.url, { name: "Nia Convenor", email: "nia@example.org", password: "a long convenor password" });
  pid = expectStatus(await api.call<{ id: string }>("POST", "/partnerships", { name: "Riverside Care Partnership", purpose: "Joined-up care." }), 201).id;
  base = `/partnerships/${pid}`;
  for (const [name, sector] of ORGS) {
    const id = expectStatus(await api.call<{ id: string }>("POST", `${base}/organisations`, { name, sector }), 201).id;
    const people: string[] = [];
    for (let i = 0; i < 3; i++) {
      const email = `${name.split(" ")[0]!.toLowerCase()}${i}@example.org`;
      people.push(expectStatus(await api.call<{ id: string }>("POST", `${base}/people`, { name: `${name.split(" ")[0]} Person ${i}`, email, organisationId: id, role: "member", jobTitle: null }), 201).id);
    }
    orgs.push({ id, name, people });
  }
  const [a, b, c, d] = orgs as [(typeof orgs)[0], (typeof orgs)[0], (typeof orgs)[0], (typeof orgs)[0]];
  const nominee = (personId: string) => orgs.find((o) => o.people[0] === personId);

  // Organisational: Alpha and Beta see each other differently (4.0 / 2.5); Delta → Alpha and Gamma → Delta are one-sided.
  const spring: Record<string, Ratings> = {
    [a.id]: { [b.id]: all(4), [c.id]: all(3), [d.id]: { noTie: true } },
    [b.id]: { [a.id]: { competence: 2, benevolence: 3 }, [c.id]: all(3) },
    [c.id]: { [a.id]: all(3), [b.id]: all(3), [d.id]: all(2) },
    [d.id]: { [a.id]: all(3) },
  };
  const s = await runWave("Spring network", "organisational", 5, (p) => spring[nominee(p)?.id ?? ""], true);
  await closeAndPublish(s.wb);
  waves.spring = s.id;

  // Personal, k = 3: three people at Alpha rate Beta (shown); only two at Beta rate Alpha (not shown).
  const summer = await runWave("Summer network", "personal", 3, (p) => {
    const i = a.people.indexOf(p);
    if (i >= 0) return { [b.id]: all(i + 2) };
    const j = b.people.indexOf(p);
    return j >= 0 && j < 2 ? { [a.id]: all(3) } : undefined;
  }, false);
  await closeAndPublish(summer.wb);
  waves.summer = summer.id;

  // Organisational and still open: Alpha's nominee answers in the browser below.
  const autumn = await runWave("Autumn network", "organisational", 5, () => undefined, true);
  waves.autumn = autumn.id;
  nomineeLink = autumn.links.find((l) => l.personId === a.people[0])!.url;

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

/** Painted pixels and distinct colours over the drawing's canvases (cytoscape draws on several layers). */
async function canvasInk(page: Page): Promise<{ canvases: number; painted: number; colours: number }> {
  // A string, as the test code is compiled without the DOM types.
  return page.evaluate(`(() => {
    const canvases = [...document.querySelectorAll(".network-drawing canvas")];
    let painted = 0;
    const colours = new Set();
    for (const canvas of canvases) {
      if (canvas.width === 0 || canvas.height === 0) continue;
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        painted++;
        if (colours.size < 200) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
    }
    return { canvases: canvases.length, painted, colours: colours.size };
  })()`);
}

/** The matrix row of one rating organisation (by its row header, not the column headers). */
const matrixRow = (page: Page, rater: string) =>
  page.getByRole("table", { name: /How far each organisation \(row\) trusts/ }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: rater, exact: true }) });

const networkUrl = (wave: string, query = "") => `${server.url}/partnerships/${pid}/waves/${wave}/network${query}`;

describe("a convenor sets up a network wave", () => {
  it("chooses the network mode on the wave form, then who answers for each organisation", async () => {
    await convenor.goto(`${server.url}/partnerships/${pid}/waves`);
    await convenor.getByLabel("Name", { exact: true }).fill("Winter network");
    await convenor.getByLabel("Meeting pulse").check();
    const modes = convenor.getByRole("group", { name: "Ratings between organisations" });
    expect(await modes.getByLabel("No ratings between organisations").isChecked()).toBe(true);
    await visible(modes.getByText(/at least k people from the rating organisation/));
    await modes.getByLabel("One person answers for each organisation").check();
    await expectAccessible(convenor, "wave form with network modes");
    await convenor.getByRole("button", { name: "Create wave" }).click();
    await visible(convenor.getByRole("heading", { name: /^Winter network/, level: 2 }));
    await visible(convenor.locator("dd", { hasText: "One person answers for each organisation" }));

    await visible(convenor.getByRole("heading", { name: "Who answers for each organisation" }));
    for (const o of orgs) await convenor.getByLabel(`Answers for ${o.name}`).selectOption({ label: `${o.name.split(" ")[0]} Person 1` });
    await convenor.getByLabel("Answers for Delta Practice").selectOption({ label: "Nobody – this organisation does not rate the others" });
    await convenor.getByRole("button", { name: "Save who answers" }).click();
    await visible(convenor.getByRole("region", { name: "Success" }).getByText("Saved who answers for each organisation"));
    await expectAccessible(convenor, "wave with nominees");
    await shot(convenor, "network-nominees");
    const wave = convenor.url().split("/waves/")[1]!;
    const saved = expectStatus(await api.call<{ items: { organisationName: string; personName: string }[] }>("GET", `${base}/waves/${wave}/nominees`), 200);
    expect(saved.items.map((n) => `${n.organisationName}: ${n.personName}`)).toEqual(["Alpha Trust: Alpha Person 1", "Beta Council: Beta Person 1", "Gamma Charity: Gamma Person 1"]);
  });
});

describe("an organisational network", () => {
  it("draws the network on a canvas and says how many organisations and ties it shows", async () => {
    await convenor.goto(`${server.url}/partnerships/${pid}/waves/${waves.spring}`);
    await visible(convenor.getByText("One person answers for each organisation").first());
    await convenor.getByRole("link", { name: "See the trust network" }).click();
    await visible(convenor.getByRole("heading", { name: "Trust network: Spring network", level: 2 }));
    const count = await visible(convenor.getByTestId("network-count"));
    expect(await count.textContent()).toBe("4 organisations, 8 ties shown, 0 not shown, 1 “we don’t work with them”");
    const drawing = convenor.getByRole("img", { name: /^Drawing of the trust network: 4 organisations/ });
    await visible(drawing);
    await expect.poll(() => drawing.getAttribute("data-drawn")).toBe("4");
    await expect.poll(async () => (await canvasInk(convenor)).painted, { timeout: 5_000 }).toBeGreaterThan(2_000);
    const ink = await canvasInk(convenor);
    expect(ink.colours, JSON.stringify(ink)).toBeGreaterThan(5); // sector colours, lines and labels, not one flat colour
    await visible(convenor.getByText(/Dashed orange: one-sided/));
    await visible(convenor.getByText(/Faint grey dots: a tie that is not shown/));
    await visible(convenor.getByText("Alpha Trust rates Beta Council 4.0, but Beta Council rates Alpha Trust 2.5."));
    await expectAccessible(convenor, "network");
    await shot(convenor, "network");
  });

  it("shows the ties as a table with no tie as a dash, and filters by one dimension", async () => {
    // Columns in name order: Alpha, Beta, Delta, Gamma.
    expect((await matrixRow(convenor, "Alpha Trust").getByRole("cell").allTextContents()).map((t) => t.trim())).toEqual([
      "Same organisation",
      "4.0",
      "—No tie: they don’t work with them",
      "3.0",
    ]);
    await convenor.getByLabel("Show trust in").selectOption({ label: "Reliability and competence" });
    await expect.poll(() => convenor.url()).toMatch(/\?dimension=competence$/);
    const betaRow = matrixRow(convenor, "Beta Council");
    await expect.poll(async () => (await betaRow.getByRole("cell").nth(0).textContent())?.trim()).toBe("2.0");
  });

  it("opens an organisation's profile: how each other organisation rates it and how it rates them", async () => {
    await convenor.getByRole("link", { name: "Beta Council", exact: true }).click();
    await visible(convenor.getByRole("heading", { name: "Beta Council in the trust network", level: 2 }));
    expect(convenor.url()).toMatch(/\/network\/organisations\/[^/?]+\?dimension=competence$/);
    await convenor.getByLabel("Show trust in").selectOption({ label: "Overall (the mean of all three)" });
    const ratedBy = convenor.getByRole("table", { name: "How far each organisation trusts Beta Council" });
    await visible(ratedBy.getByRole("row", { name: /^Alpha Trust 4\.0/ }));
    await visible(ratedBy.getByRole("row", { name: /^Delta Practice No rating given/ }));
    await visible(convenor.getByText("This is the first published wave with ratings between organisations, so there is nothing to compare with yet."));
    await expectAccessible(convenor, "organisation profile");
    await shot(convenor, "network-profile");
  });
});

describe("a personal network with k = 3", () => {
  it("shows a hidden tie as 'not shown', never as absent, also on a phone", async () => {
    await convenor.goto(networkUrl(waves.summer));
    const count = await visible(convenor.getByTestId("network-count"));
    expect(await count.textContent()).toBe("4 organisations, 1 tie shown, 11 not shown");
    const betaToAlpha = matrixRow(convenor, "Beta Council").getByRole("cell").nth(0);
    expect(await betaToAlpha.textContent()).toMatch(/^not shown: Beta Council’s trust in Alpha Trust is hidden because fewer than 3 people/);
    const alphaToBeta = matrixRow(convenor, "Alpha Trust").getByRole("cell").nth(1);
    expect(await alphaToBeta.textContent()).toBe("3.0n = 3");
    await expect.poll(async () => (await canvasInk(convenor)).painted).toBeGreaterThan(2_000);
    await expectAccessible(convenor, "personal network");
    await convenor.setViewportSize({ width: 375, height: 740 });
    await expect.poll(() => sidewaysScroll(convenor)).toBe(0);
    await shot(convenor, "network-phone");
    await convenor.setViewportSize({ width: 1100, height: 900 });
  });

  it("compares with the organisational wave", async () => {
    await convenor.getByLabel("Compare with", { exact: true }).selectOption({ label: "Spring network" });
    await visible(convenor.getByText(/From “Spring network” to “Summer network”, over the 1 pairs/));
    await visible(convenor.getByRole("table", { name: "Change in trust received by each organisation" }));
  });
});

describe("a nominee rates the other organisations on a phone", () => {
  it("answers the questions, then rates with radios and 'We don't work with them'", async () => {
    await respondent.goto(nomineeLink);
    await visible(respondent.getByRole("heading", { name: "Autumn network", level: 1 }));
    await visible(respondent.getByText(/The last section asks how far you trust each of the other organisations/));
    await respondent.getByRole("button", { name: "Start now" }).click();
    await visible(respondent.getByText("Section 1 of 2"));
    const questions = respondent.locator("main fieldset");
    for (let q = 0; q < (await questions.count()); q++) await questions.nth(q).getByLabel("Agree", { exact: true }).check();
    await respondent.getByRole("button", { name: "Continue" }).click();

    await visible(respondent.getByRole("heading", { name: "Rate the other organisations", level: 1 }));
    await visible(respondent.getByText(/You have been asked to answer for your organisation/));
    const beta = respondent.getByRole("group", { name: "Beta Council", exact: true });
    await beta.getByRole("group", { name: "Reliability and competence" }).getByLabel("3 Mostly").check();
    // By keyboard: focus "2 A little" on the next dimension and move right twice to "4 Completely".
    await beta.getByRole("group", { name: "Support for our shared aims" }).getByLabel("2 A little").focus();
    await respondent.keyboard.press("Space");
    await respondent.keyboard.press("ArrowRight");
    await respondent.keyboard.press("ArrowRight");
    expect(await beta.getByRole("group", { name: "Support for our shared aims" }).getByLabel("4 Completely").isChecked()).toBe(true);
    await beta.getByRole("group", { name: "Openness and integrity" }).getByLabel("3 Mostly").check();

    const gamma = respondent.getByRole("group", { name: "Gamma Charity", exact: true });
    await gamma.getByRole("group", { name: "Reliability and competence" }).getByLabel("1 Not at all").check();
    await gamma.getByLabel("We don't work with them").check();
    expect(await gamma.getByRole("group", { name: "Reliability and competence" }).getByLabel("1 Not at all").isDisabled()).toBe(true);
    await visible(respondent.getByText("You have rated 2 of 3 organisations."));
    expect(await sidewaysScroll(respondent)).toBe(0);
    await expectAccessible(respondent, "rating block");
    await shot(respondent, "respond-ratings");

    await respondent.getByRole("button", { name: "Continue" }).click();
    await visible(respondent.getByRole("heading", { name: "Check your answers before you submit them" }));
    await visible(respondent.getByText("Reliability and competence: 3 (Mostly); Support for our shared aims: 4 (Completely); Openness and integrity: 3 (Mostly)"));
    await expectAccessible(respondent, "check answers with ratings");
    await respondent.getByRole("button", { name: "Submit answers" }).click();
    await visible(respondent.getByRole("heading", { name: "Your answers are in. Thank you.", level: 1 }));
    expect(await respondent.evaluate("Object.keys(sessionStorage).filter((k) => k.startsWith('accord.respond'))")).toEqual([]);
  });

  it("stored the ratings: once published, Alpha's ties to Beta and Gamma are in the network", async () => {
    await closeAndPublish(`${base}/waves/${waves.autumn}`);
    const net = expectStatus(await api.call<{ ties: { from: string; to: string; status: string; dimensions: Record<string, number | null> }[] }>("GET", `${base}/waves/${waves.autumn}/network`), 200);
    const a = org("Alpha Trust").id;
    expect(net.ties.filter((t) => t.from === a).map((t) => ({ to: t.to, status: t.status, dimensions: t.dimensions }))).toEqual(
      expect.arrayContaining([
        { to: org("Beta Council").id, status: "released", dimensions: { competence: 3, benevolence: 4, integrity: 3 } },
        { to: org("Gamma Charity").id, status: "no_tie", dimensions: { competence: null, benevolence: null, integrity: null } },
      ]),
    );
    expect(net.ties.filter((t) => t.from === a)).toHaveLength(2);
  });
});

describe("both browsers", () => {
  it("logged no page errors or console errors", () => {
    expect(browsers.flatMap((b) => b.problems)).toEqual([]);
  });
});
