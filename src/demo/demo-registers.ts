/**
 * Fills every practice register of the demo partnership with a year of activity, through the ordinary register
 * use cases and backdated with their `at` option. People record their own organisation's entries; the convenor
 * (the council's head of adult social care) records what the partnership decides as a whole. Deterministic:
 * hand-written data, dated relative to `now`.
 */
import type { Db } from "../db/database.ts";
import type { RegisterKey } from "../registers/keys.ts";
import { createDemoActions, createDemoPriorities, createDemoWaysOfWorking } from "./demo-registers-agree.ts";
import { demoRegisterContext, type DemoPersonRef } from "./demo-registers-context.ts";
import { createDemoCommitments, createDemoOffersAsks } from "./demo-registers-exchanges.ts";
import { createDemoDecisions, createDemoGoalsAndWins, createDemoProcedures } from "./demo-registers-institutions.ts";
import { createDemoIntentions, createDemoOpportunities, createDemoRisks } from "./demo-registers-practices.ts";

export type { DemoPersonRef } from "./demo-registers-context.ts";

/** The registers in the order they are filled, for progress reporting. */
export const DEMO_REGISTER_STEPS = ["priorities", "ways-of-working", "actions", "commitments", "offers-asks", "opportunities", "intentions", "risks", "decisions", "procedures", "goals"] as const satisfies readonly RegisterKey[];

export async function createDemoRegisters(
  db: Db,
  partnershipId: string,
  orgIds: ReadonlyMap<string, string>,
  people: readonly DemoPersonRef[],
  opts: { now?: Date; step?: (label: string) => void } = {},
): Promise<void> {
  const ctx = demoRegisterContext(db, partnershipId, orgIds, people, opts.now ?? new Date());
  const step = opts.step ?? (() => {});
  const priorityIds = await createDemoPriorities(ctx);
  step("priorities");
  await createDemoWaysOfWorking(ctx);
  step("ways of working");
  await createDemoActions(ctx, priorityIds);
  step("action plan");
  await createDemoCommitments(ctx);
  step("commitments");
  await createDemoOffersAsks(ctx);
  step("offers and asks");
  await createDemoOpportunities(ctx);
  step("joint opportunities");
  await createDemoIntentions(ctx);
  step("intentions");
  await createDemoRisks(ctx);
  step("shared risks");
  const decisionIds = await createDemoDecisions(ctx);
  step("decisions");
  await createDemoProcedures(ctx, decisionIds);
  step("procedures");
  await createDemoGoalsAndWins(ctx);
  step("goals and wins");
}
