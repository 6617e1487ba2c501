// Manual end-to-end check of the web UI in headless Chromium: walks the main journey, runs axe on every page, saves screenshots.
//
// Usage (against a fresh instance, i.e. one that still needs first-run setup):
//   npx vite build --config web/vite.config.ts
//   PORT=3999 DATA_DIR=/tmp/ui-data npx tsx src/cli/main.ts serve &
//   node web/scripts/ui-walk.mjs            # env: ACCORD_URL, CHROMIUM, SHOTS_DIR
// Exits 1 if a step fails, axe finds a serious or critical violation, the page scrolls sideways, or the page logs an error.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BASE = (process.env.ACCORD_URL ?? "http://localhost:3999").replace(/\/+$/, "");
const SHOTS = process.env.SHOTS_DIR ?? path.join(os.tmpdir(), "accord-ui-walk");
fs.mkdirSync(SHOTS, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "accord-ui-profile-"));

const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  viewport: { width: 1100, height: 900 },
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
const problems = [];
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("console", (m) => {
  // Failed API calls (4xx on purpose) are logged by the browser; anything else is a problem (e.g. a CSP refusal).
  if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`);
});

async function check(name) {
  await page.waitForLoadState("networkidle");
  const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  if (scrollWidth > width) problems.push(`${name}: page is ${scrollWidth}px wide in a ${width}px window`);
  await page.evaluate(axeSource); // evaluated through the devtools protocol, so the page's CSP does not block it
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  for (const v of result.violations) {
    const where = v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ");
    const line = `${name}: axe ${v.impact} ${v.id} – ${v.help} – ${where}`;
    if (v.impact === "serious" || v.impact === "critical") problems.push(line);
    else console.log(`  note: ${line}`);
  }
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  console.log(`ok ${name}  ${page.url().replace(BASE, "")}  “${await page.title()}”`);
}

const tab = (label) => page.click(`nav[aria-label='Partnership sections'] >> text=${label}`);

try {
  await page.goto(`${BASE}/`);
  await page.waitForURL(/\/setup$/);
  await check("01-setup");
  await page.click("button:has-text('Create account')");
  await page.waitForSelector(".error-summary");
  await check("02-setup-errors");
  await page.fill("#setup-name", "Ada Convenor");
  await page.fill("#setup-email", "ada@example.org");
  await page.fill("#setup-password", "correct horse battery");
  await page.click("button:has-text('Create account')");
  await page.waitForSelector("h1:has-text('Your partnerships')");
  await check("03-home");

  await page.fill("#partnership-name", "North Shire ICP");
  await page.fill("#partnership-purpose", "Join up care for older people with frailty.");
  await page.click("button:has-text('Create partnership')");
  await page.waitForSelector("h1:has-text('North Shire ICP')");
  await check("04-partnership");

  await tab("Organisations");
  await page.click("button:has-text('Add organisation')");
  await page.waitForSelector(".error-summary");
  await check("05-organisations-errors");
  for (const [name, sector] of [["North Shire NHS Trust", "nhs_trust"], ["North Shire Council", "local_authority"]]) {
    await page.fill("#organisation-name", name);
    await page.selectOption("#organisation-sector", sector);
    await page.click("button:has-text('Add organisation')");
    await page.waitForSelector(`td:has-text("${name}")`);
  }
  await check("06-organisations");

  await tab("People");
  await page.waitForSelector("h3:has-text('Add a person')");
  await page.waitForFunction(() => document.querySelectorAll("#person-organisation option").length > 2);
  await page.fill("#person-name", "Bea Member");
  await page.fill("#person-email", "bea@example.org");
  await page.selectOption("#person-organisation", { label: "North Shire Council" });
  await page.click("button:has-text('Add person')");
  await page.waitForSelector('td:has-text("Bea Member")');
  await page.click("button:has-text('Invite Bea Member')");
  await page.waitForSelector("#invitation-link");
  const inviteUrl = await page.inputValue("#invitation-link");
  await check("07-people-invited");

  await tab("Audit log");
  await page.waitForSelector("table");
  await check("08-audit");

  await page.click("header >> text=Account");
  await page.fill("#token-name", "Report script");
  await page.click("button:has-text('Create token')");
  await page.waitForSelector("#new-token");
  await check("09-account");

  await page.click("header >> text=Sign out");
  await page.waitForURL(/\/sign-in$/);
  await page.fill("#sign-in-email", "ada@example.org");
  await page.fill("#sign-in-password", "not the password");
  await page.click("main >> button:has-text('Sign in')");
  await page.waitForSelector(".error-summary:has-text('Email or password is not right')");
  await check("10-sign-in-error");
  await page.click("text=Forgot your password?");
  await page.waitForSelector("h1:has-text('Forgot your password?')");
  await check("10b-forgot-password");

  await page.goto(inviteUrl);
  await page.waitForSelector("h1:has-text('Join North Shire ICP')");
  await check("11-invite");
  await page.fill("#invite-password", "bea's long password");
  await page.click("button:has-text('Create account and join')");
  await page.waitForSelector("h1:has-text('North Shire ICP')");
  await tab("People");
  await page.waitForSelector("table");
  if (await page.locator("#person-name").count()) problems.push("member sees the add-person form");
  await check("12-member-people");

  await page.goto(inviteUrl);
  await page.waitForSelector("h1:has-text('not valid')");
  await check("13-invite-used");
  await page.goto(`${BASE}/no/such/page`);
  await page.waitForSelector("h1:has-text('Page not found')");
  await check("14-not-found");

  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`${BASE}/`);
  await page.click(".card a");
  await tab("People");
  await page.waitForSelector("table");
  await check("15-phone-people");
} catch (error) {
  problems.push(`step failed at ${page.url()}: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
  await page.screenshot({ path: path.join(SHOTS, "failed.png"), fullPage: true }).catch(() => undefined);
} finally {
  await ctx.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

console.log(`\nScreenshots in ${SHOTS}`);
if (problems.length) {
  console.log(`\n${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("No problems found.");
