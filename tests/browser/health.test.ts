// Browser test: the demo partnership's Health tab — charts drawn, quadrant, warnings, key-person flags, a pressure event, an organisation, the board report and its PDF.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, removeTempDirs, startServer, tempDir, type Server } from "./harness.ts";
import { expectAccessible, isFocused, shot, sidewaysScroll, visible } from "./page-checks.ts";
import { expectStatus, setUpConvenor, type Caller } from "./survey-api.ts";

const EVENT = "Winter bed crisis";

let server: Server;
let api: Caller;
let pid = "";
let browser: { context: BrowserContext; page: Page; problems: string[] };
let page: Page;

const section = (name: string) => page.getByRole("region", { name, exact: true });

/** How many drawn marks (shapes and lines, not text) the chart's SVGs hold. */
const marks = (chart: Locator) => chart.locator(".chart svg").locator("rect, circle, path, line").count();

/** Non-white pixels of a PNG, counted on a canvas in the page (the file is loaded through a data: URL). */
async function inkedPixels(png: Buffer): Promise<{ width: number; height: number; inked: number }> {
  const url = `data:image/png;base64,${png.toString("base64")}`;
  // A string, as the test code is compiled without the DOM types.
  return page.evaluate(`(async () => {
    const img = new Image();
    img.src = ${JSON.stringify(url)};
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) inked++;
    return { width: canvas.width, height: canvas.height, inked };
  })()`);
}

const firstOrganisation = async () =>
  expectStatus(await api.call<{ items: { id: string }[] }>("GET", `/partnerships/${pid}/organisations`), 200).items[0]!;

beforeAll(async () => {
  server = await startServer();
  api = await setUpConvenor(server.url, { name: "Dana Lead", email: "dana@example.org", password: "dana's long password" });
  pid = expectStatus(await api.call<{ id: string }>("POST", "/demo", {}), 201).id;
  browser = await launchBrowser();
  page = browser.page;
  await api.signIn(browser.context);
});

afterAll(async () => {
  await browser?.context.close().catch(() => undefined);
  await server?.stop();
  removeTempDirs();
});

describe("partnership health", () => {
  it("opens from the Health tab with the period in the address and every section", async () => {
    await page.goto(`${server.url}/partnerships/${pid}`);
    await page.getByRole("navigation", { name: "Partnership sections" }).getByRole("link", { name: "Health", exact: true }).click();
    await visible(page.getByRole("heading", { name: "Partnership health", level: 2 }));
    for (const name of ["Perceived trust", "Behavioural trust", "Where perception and behaviour disagree", "Institutionalisation", "Early warnings", "Pressure events", "Suggested next steps"]) {
      const region = await visible(section(name));
      await visible(region.getByText("How this is computed"));
    }
    const from = await page.getByLabel("From", { exact: true }).inputValue();
    const to = await page.getByLabel("To", { exact: true }).inputValue();
    expect(from < to).toBe(true);
    await page.getByRole("button", { name: "Show this period" }).click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?from=${from}&to=${to}`);
    await visible(page.getByRole("link", { name: /^Board report/ }));
    await visible(page.getByRole("link", { name: /^Download PDF/ }));
    await visible(page.getByRole("link", { name: "Export data (JSON)" }));
    await visible(page.getByRole("link", { name: "Export data (zip of CSVs)" }));
  });

  it("draws every chart with marks and a text alternative", async () => {
    for (const kind of ["trend", "baseline", "kept", "quadrant", "institutions"]) {
      const chart = page.locator(`figure[data-chart="${kind}"]`).first();
      const image = await visible(chart.locator('.chart > [role="img"]'));
      await expect.poll(() => marks(chart), { message: `marks in the ${kind} chart` }).toBeGreaterThan(2);
      expect((await image.getAttribute("aria-label"))?.length ?? 0).toBeGreaterThan(30);
    }
    const kept = page.locator('figure[data-chart="kept"]');
    expect(await kept.locator('.chart > [role="img"]').getAttribute("aria-label")).toMatch(/\d+ of \d+ due/);
    await visible(section("Perceived trust").getByRole("table", { name: /^Trust scores in / }));
    await visible(section("Behavioural trust").getByText(/^\d+ of \d+ due$/).first());
  });

  it("places organisations on the quadrant", async () => {
    const quadrant = page.locator('figure[data-chart="quadrant"]');
    await expect.poll(() => quadrant.locator(".quadrant-dot path, .quadrant-dot circle").count()).toBeGreaterThan(0);
    const disagree = section("Where perception and behaviour disagree");
    await visible(disagree.getByRole("heading", { name: "Perception to revisit" }));
    await visible(disagree.getByRole("heading", { name: "Warning", exact: true }));
  });

  it("lists the pairs resting on one person, overdue reviews and next steps linked to their registers", async () => {
    const institutions = section("Institutionalisation");
    await visible(institutions.getByRole("row").filter({ hasText: "Rests on one person" }).first());
    await visible(institutions.getByRole("list", { name: "Pairs resting on one person" }));
    await visible(institutions.getByRole("heading", { name: "Overdue for review" }));
    const href = await institutions.getByRole("listitem").filter({ hasText: /review was due/ }).first().getByRole("link").getAttribute("href");
    expect(href).toMatch(new RegExp(`^/partnerships/${pid}/registers/(decisions|procedures)/[0-9a-f-]+$`));
    const steps = section("Suggested next steps");
    expect(await steps.getByRole("link", { name: /^Go to / }).first().getAttribute("href")).toMatch(new RegExp(`^/partnerships/${pid}/registers/[a-z-]+$`));
    await expectAccessible(page, "health");
    await shot(page, "health");
  });

  it("shows the demo's disagreements both ways on the quadrant", async () => {
    const disagree = section("Where perception and behaviour disagree");
    expect(await disagree.getByRole("listitem").filter({ hasText: "a perception to revisit" }).count()).toBeGreaterThan(0);
    expect(await disagree.getByRole("listitem").filter({ hasText: "a warning" }).count()).toBeGreaterThan(0);
  });

  it("lists the demo's early warnings of both kinds with their evidence", async () => {
    const warnings = section("Early warnings");
    await visible(warnings.getByRole("heading", { name: /outward activity has fallen$/ }).first());
    await visible(warnings.getByRole("heading", { name: /trust received has fallen$/ }).first());
    for (const kind of ["activity", "trust-drop"]) {
      await expect.poll(() => marks(warnings.locator(`figure[data-chart="${kind}"]`).first()), { message: `marks in the ${kind} evidence` }).toBeGreaterThan(2);
    }
    await visible(warnings.getByText(/^Read it against: /).first());
    await expectAccessible(page, "health with warnings");
  });

  it("adds a pressure event through the form after showing what is missing", async () => {
    const pressure = section("Pressure events");
    await pressure.getByRole("button", { name: "Add pressure event" }).click();
    const summary = await visible(pressure.getByRole("alert").filter({ hasText: "There is a problem" }));
    await expect.poll(() => isFocused(summary)).toBe(true);
    await visible(summary.getByRole("link", { name: "Give the event a short name" }));
    await visible(summary.getByRole("link", { name: "Enter the first day of the event" }));
    await expectAccessible(page, "pressure event with errors");
    const to = await page.getByLabel("To", { exact: true }).inputValue();
    const start = new Date(Date.parse(to) - 60 * 86_400_000).toISOString().slice(0, 10);
    await pressure.getByLabel("What happened").fill(EVENT);
    await pressure.getByLabel("Kind of pressure").selectOption({ label: "Winter pressures" });
    await pressure.getByLabel("First day").fill(start);
    await pressure.getByLabel("Last day").fill(to);
    await pressure.getByLabel("Note (optional)").fill("Every ward full for weeks.");
    await pressure.getByRole("button", { name: "Add pressure event" }).click();
    await visible(pressure.getByRole("status").getByText(`Added “${EVENT}”`));
    await visible(pressure.getByRole("list", { name: "Pressure events" }).locator("strong").filter({ hasText: EVENT }));
    const stored = expectStatus(await api.call<{ items: { label: string; kind: string }[] }>("GET", `/partnerships/${pid}/pressure-events`), 200).items;
    expect(stored.find((e) => e.label === EVENT)?.kind).toBe("winter_pressures");
  });

  it("opens an organisation's health with its trust received and activity over time", async () => {
    const link = section("Behavioural trust").getByRole("table", { name: "What each organisation did in the period" }).getByRole("link").first();
    const name = (await link.textContent()) ?? "";
    await link.click();
    await visible(page.getByRole("heading", { name: `${name}: health`, level: 2 }));
    expect(new URL(page.url()).search).toMatch(/^\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    for (const kind of ["received", "activity"]) {
      const chart = page.locator(`figure[data-chart="${kind}"]`).first();
      await expect.poll(() => marks(chart), { message: `marks in the ${kind} chart` }).toBeGreaterThan(2);
    }
    // The organisation's own activity chart shows the pressure event just added as a band with its name.
    expect(await page.locator('figure[data-chart="activity"] .chart > [role="img"]').first().getAttribute("aria-label")).toContain(EVENT);
    await visible(section("Behavioural trust").getByRole("rowheader", { name, exact: true }));
    await expectAccessible(page, "organisation health");
    await shot(page, "health-organisation");
  });

  it("changes and removes the pressure event", async () => {
    await page.getByRole("link", { name: "Partnership health" }).click();
    const pressure = await visible(section("Pressure events"));
    await pressure.getByRole("button", { name: `Change ${EVENT}` }).click();
    const label = pressure.getByLabel("What happened").first();
    expect(await label.inputValue()).toBe(EVENT);
    await label.fill(`${EVENT} (extended)`);
    await pressure.getByRole("button", { name: "Save changes" }).click();
    await visible(pressure.getByRole("status").getByText(`Changed “${EVENT} (extended)”`));
    await expectAccessible(page, "health after changing a pressure event");
    await pressure.getByRole("button", { name: `Remove ${EVENT} (extended)` }).click();
    await pressure.getByRole("button", { name: "Remove event" }).click();
    await visible(pressure.getByRole("status").getByText(`Removed “${EVENT} (extended)”`));
    await expect.poll(() => pressure.locator("strong").filter({ hasText: EVENT }).count()).toBe(0);
    const left = expectStatus(await api.call<{ items: { label: string }[] }>("GET", `/partnerships/${pid}/pressure-events`), 200).items;
    expect(left.map((e) => e.label)).not.toContain(`${EVENT} (extended)`);
  });

  it("fits a phone-sized window without sideways scrolling", async () => {
    await page.goto(`${server.url}/partnerships/${pid}/health/organisations/${(await firstOrganisation()).id}`);
    await page.setViewportSize({ width: 375, height: 740 });
    await expect.poll(() => marks(page.locator('figure[data-chart="activity"]').first())).toBeGreaterThan(2);
    expect(await sidewaysScroll(page)).toBe(0);
    await page.getByRole("link", { name: "Partnership health" }).click();
    await visible(page.getByRole("heading", { name: "Partnership health", level: 2 }));
    await expect.poll(() => marks(page.locator('figure[data-chart="quadrant"]'))).toBeGreaterThan(2);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectAccessible(page, "health on a phone");
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  it("opens the board report for the same period, with its sections and charts", async () => {
    const [report] = await Promise.all([browser.context.waitForEvent("page"), page.getByRole("link", { name: /^Board report/ }).click()]);
    await report.waitForLoadState("load");
    expect(new URL(report.url()).pathname).toBe(`/api/v1/partnerships/${pid}/report.html`);
    expect(new URL(report.url()).search).toMatch(/^\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const headings = (await report.getByRole("heading", { level: 2 }).allTextContents()).map((h) => h.trim());
    expect(headings[0], "the one-page summary comes first").toBe("Summary");
    for (const words of [/^Headline trust/, /^The baseline question/, /^Trust by level and dimension/, /^Behavioural/, /^Institutionalisation/, /early warnings/i, /^Suggested next steps/]) {
      expect(headings.some((h) => words.test(h)), `a heading matching ${words} among ${headings.join(" | ")}`).toBe(true);
    }
    expect(await report.locator("svg").count()).toBeGreaterThan(3);
    expect(await report.locator("svg").locator("rect, circle, path, line").count()).toBeGreaterThan(20);
    await report.close();
  });

  it("downloads the PDF report whose first page is not blank", async () => {
    const href = (await page.getByRole("link", { name: /^Download PDF/ }).getAttribute("href")) ?? "";
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^application\/pdf/);
    const pdf = await res.body();
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const dir = tempDir("accord-health-pdf-");
    fs.writeFileSync(path.join(dir, "report.pdf"), pdf);
    execFileSync("pdftoppm", ["-png", "-f", "1", "-l", "1", "-r", "60", path.join(dir, "report.pdf"), path.join(dir, "page")]);
    const png = fs.readdirSync(dir).find((f) => f.startsWith("page") && f.endsWith(".png"));
    expect(png, "pdftoppm wrote page 1").toBeDefined();
    const ink = await inkedPixels(fs.readFileSync(path.join(dir, png!)));
    expect(ink.width).toBeGreaterThan(300);
    expect(ink.inked, JSON.stringify(ink)).toBeGreaterThan(ink.width * ink.height * 0.005);
    expect(browser.problems).toEqual([]);
  });
});
