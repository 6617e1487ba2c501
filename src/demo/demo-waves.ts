/**
 * The demo's two published waves: a baseline reproducing the article's result, and a follow-up six months on.
 * Both ask for organisational network ratings: one nominee per organisation answers the survey and rates
 * every other organisation (demo-network.ts); everyone else answers the survey only.
 */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { newSecret } from "../db/ids.ts";
import { noMailer } from "../mail/mailer.ts";
import { setNominees } from "../network/nominees.ts";
import { instrumentItems, latestInstrument } from "../surveys/instruments/registry.ts";
import type { Answers } from "../surveys/instruments/types.ts";
import { issueLinks } from "../surveys/issue-links.ts";
import { submitResponse } from "../surveys/respond.ts";
import { createWave, transitionWave } from "../surveys/wave-use-cases.ts";
import { DEMO_NETWORK_BASELINE, DEMO_NETWORK_FOLLOW_UP, DEMO_NOMINEES, demoRatings, type DemoNetworkWave, type DemoOrgKey } from "./demo-network.ts";
import { mulberry32 } from "../stats/seeded-random.ts";

/** The demo organisations (demo key → id) and people as created, for choosing nominees and who answers. */
export interface DemoCast {
  orgIds: ReadonlyMap<string, string>;
  people: ReadonlyArray<{ name: string; org: string; personId: string }>;
}

/** The article's baseline: of nine people, 1 a great deal, 1 a moderate amount, 5 a little, 0 none at all, 2 other. */
export const BASELINE_ANSWERS = ["a_great_deal", "a_moderate_amount", "a_little", "a_little", "a_little", "a_little", "a_little", "other", "other"] as const;
const OTHER_TEXTS = ["It depends which organisation you mean", "Between some of us, yes; not across the whole partnership"];
const FOLLOW_UP_BASELINE = ["a_great_deal", "a_great_deal", "a_moderate_amount", "a_moderate_amount", "a_moderate_amount", "a_moderate_amount", "a_moderate_amount", "a_moderate_amount", "a_little", "a_little", "a_little", "a_little", "a_little", "other", "a_moderate_amount", "a_little"] as const;


function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function answersFor(baseline: string, centre: number, rand: () => number, i: number): Answers {
  const answers: Answers = {};
  for (const item of instrumentItems(latestInstrument("accord-trust"))) {
    if (item.response.kind === "choice") {
      answers[item.key] = baseline === "other" ? { value: "other", text: OTHER_TEXTS[i % OTHER_TEXTS.length]! } : { value: baseline };
      continue;
    }
    if (rand() < 0.04) {
      answers[item.key] = { value: "dont_know" };
      continue;
    }
    const raw = Math.round(centre + (rand() - 0.5) * 2.6);
    const score = Math.min(5, Math.max(1, raw));
    answers[item.key] = { value: item.reverse ? 6 - score : score };
  }
  return answers;
}

/**
 * Who answers, in order: the six nominees first (so every organisation's ratings are in), then other demo
 * people, every seventh in turn. Returns one person per answer.
 */
export function demoRespondents(cast: DemoCast, count: number): { personId: string; org: DemoOrgKey | null }[] {
  const nominees = Object.entries(DEMO_NOMINEES).map(([org, name]) => {
    const person = cast.people.find((p) => p.name === name && p.org === org);
    if (!person) throw new Error(`Demo nominee ${name} of ${org} is missing`);
    return { personId: person.personId, org: org as DemoOrgKey };
  });
  const nomineeIds = new Set(nominees.map((n) => n.personId));
  const others = cast.people.filter((p) => !nomineeIds.has(p.personId));
  const chosen: { personId: string; org: DemoOrgKey | null }[] = [...nominees];
  for (let j = 0; chosen.length < count; j++) {
    if (j >= others.length) throw new Error("Not enough demo people to answer");
    chosen.push({ personId: others[(j * 7) % others.length]!.personId, org: null });
  }
  return chosen.slice(0, count);
}

async function runWave(db: Db, actor: Actor, partnershipId: string, cast: DemoCast, spec: { name: string; opens: Date; baseline: readonly string[]; centre: number; seed: number; network: DemoNetworkWave }) {
  const closes = new Date(spec.opens.getTime() + 18 * 86_400_000);
  const wave = await createWave(db, actor, partnershipId, { name: spec.name, instrumentKey: "accord-trust", opensOn: isoDate(spec.opens), closesOn: isoDate(closes), k: 5, networkMode: "organisational" });
  const respondents = demoRespondents(cast, spec.baseline.length);
  const nominees = respondents.flatMap((r) => (r.org ? [{ organisationId: cast.orgIds.get(r.org)!, personId: r.personId }] : []));
  await setNominees(db, actor, partnershipId, wave.id, nominees);
  const day = (n: number) => new Date(spec.opens.getTime() + n * 86_400_000);
  await transitionWave(db, actor, partnershipId, wave.id, "open", day(0));
  const { links } = await issueLinks(db, noMailer, actor, partnershipId, wave.id, undefined, "http://demo.invalid");
  const rand = mulberry32(spec.seed);
  const during = isoDate(new Date(spec.opens.getTime() + 5 * 86_400_000));
  for (const [i, baseline] of spec.baseline.entries()) {
    const who = respondents[i]!;
    const link = links.find((l) => l.personId === who.personId);
    if (!link) throw new Error("A demo respondent has no survey link");
    const token = link.url.split("/respond/")[1]!;
    const ratings = who.org ? demoRatings(spec.network, who.org, cast.orgIds) : undefined;
    await submitResponse(db, token, newSecret(16), answersFor(baseline, spec.centre, rand, i), during, ratings);
  }
  await transitionWave(db, actor, partnershipId, wave.id, "close", day(18));
  await transitionWave(db, actor, partnershipId, wave.id, "publish", day(21));
  return wave;
}

/** Runs the baseline (eight months ago) and the follow-up (two months ago), both with organisational network ratings, closed and published. */
export async function createDemoWaves(db: Db, actor: Actor, partnershipId: string, cast: DemoCast, now = new Date()) {
  const month = 30 * 86_400_000;
  const baseline = await runWave(db, actor, partnershipId, cast, { name: "Baseline", opens: new Date(now.getTime() - 8 * month), baseline: BASELINE_ANSWERS, centre: 2.8, seed: 11, network: DEMO_NETWORK_BASELINE });
  const followUp = await runWave(db, actor, partnershipId, cast, { name: "Six-month follow-up", opens: new Date(now.getTime() - 2 * month), baseline: FOLLOW_UP_BASELINE, centre: 3.5, seed: 29, network: DEMO_NETWORK_FOLLOW_UP });
  return { baseline, followUp };
}
