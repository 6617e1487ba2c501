// Small Playwright checks shared by browser tests: axe clean, visible, focused, no sideways scroll, optional screenshots.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { seriousAxeViolations } from "./harness.ts";

/** Fails with the rule ids and targets if axe finds a serious or critical problem on the page. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, `axe on the ${name} page:\n${violations.join("\n")}`).toEqual([]);
}

export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: "visible" });
  return locator;
}

export const isFocused = (locator: Locator) => locator.evaluate((el) => el === el.ownerDocument.activeElement);

/** How far the page scrolls sideways (0 when nothing is wider than the window). */
export const sidewaysScroll = (page: Page) => page.evaluate("document.documentElement.scrollWidth - window.innerWidth");

/** Saves a screenshot of the page's top 2000 px when SURVEY_SCREENSHOTS names a folder (for looking at the pages by eye). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env["SURVEY_SCREENSHOTS"];
  const width = page.viewportSize()?.width ?? 1100;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: 2000 } });
}
