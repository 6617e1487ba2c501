// Browser test: on a fresh install, the setup page's demo button leads straight to a demo partnership with published results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, removeTempDirs, startServer, type Server } from "./harness.ts";
import { expectAccessible, visible } from "./page-checks.ts";

let server: Server;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.context.close();
  await server?.stop();
  removeTempDirs();
});

describe("first run with the demo", () => {
  it("creates the account and the demo, whose baseline shows the article's 11 / 11 / 56 / 0 / 22", async () => {
    const page = browser.page;
    await page.goto(`${server.url}/`);
    await visible(page.getByRole("heading", { name: "Set up accord", level: 1 }));
    await page.getByLabel("Your name").fill("Dana Lead");
    await page.getByLabel("Email address").fill("dana@example.org");
    await page.getByLabel("Password").fill("dana's long password");
    await page.getByRole("button", { name: "Create account and explore a demo" }).click();
    await visible(page.getByRole("heading", { name: "Riverside Integrated Care Partnership (demo)", level: 1 }));
    await page.getByRole("navigation", { name: "Partnership sections" }).getByRole("link", { name: "Surveys", exact: true }).click();
    await page.getByRole("link", { name: /See results/ }).first().click();
    await visible(page.getByRole("heading", { name: /Results: Baseline/ }));
    await visible(page.getByText(/56% a little, 22% other, 11% a great deal, 11% a moderate amount, 0% none at all/));
    await expectAccessible(page, "demo baseline results");
    expect(browser.problems).toEqual([]);
  });
});
