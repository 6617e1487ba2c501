// The accord trust instrument: baseline question, three levels × three dimensions of trust, practices and structures.
import { BASELINE_SECTION } from "./baseline.ts";
import type { Dimension, Instrument, Item, Level, Practice } from "./types.ts";

type StructuresAspect = "decision_making" | "processes" | "procedures";

function trust(key: string, level: Level, dimension: Dimension, text: string, opts: { reverse?: boolean; hint?: string } = {}): Item {
  return {
    key,
    text,
    ...(opts.hint === undefined ? {} : { hint: opts.hint }),
    response: { kind: "agreement5" },
    construct: { kind: "trustworthiness", level, dimension },
    ...(opts.reverse ? { reverse: true } : {}),
    required: true,
  };
}

function practice(p: Practice, text: string, hint?: string): Item {
  return {
    key: `practice_${p}`,
    text,
    ...(hint === undefined ? {} : { hint }),
    response: { kind: "agreement5" },
    construct: { kind: "practice", practice: p },
    required: true,
  };
}

function structures(aspect: StructuresAspect, text: string, hint?: string): Item {
  return {
    key: `structures_${aspect}`,
    text,
    ...(hint === undefined ? {} : { hint }),
    response: { kind: "agreement5" },
    construct: { kind: "structures", aspect },
    required: true,
  };
}

export const accordTrust: Instrument = {
  key: "accord-trust",
  version: 1,
  title: "accord trust survey",
  description:
    "How far partners trust each other: the people, the organisations and the arrangements we work within, " +
    "plus the everyday habits and structures that build trust.",
  minutes: 8,
  sections: [
    BASELINE_SECTION,
    {
      key: "interpersonal",
      title: "The people I work with",
      intro:
        "These questions are about the people you work with in partner organisations, not the organisations themselves. " +
        "Think of the people you deal with most often.",
      items: [
        trust("ip_competence_1", "interpersonal", "competence", "The people I work with in partner organisations are good at their jobs."),
        trust("ip_competence_2", "interpersonal", "competence", "I can rely on the people I work with in partner organisations to do their part well."),
        trust("ip_competence_3", "interpersonal", "competence", "I often need to double-check work done by people in partner organisations.", { reverse: true }),
        trust("ip_benevolence_1", "interpersonal", "benevolence", "The people I work with in partner organisations care about how our joint work affects my team."),
        trust("ip_benevolence_2", "interpersonal", "benevolence", "If I needed help, people in partner organisations would go out of their way to give it."),
        trust("ip_integrity_1", "interpersonal", "integrity", "The people I work with in partner organisations are honest with me, even when the news is unwelcome."),
        trust("ip_integrity_2", "interpersonal", "integrity", "People in partner organisations say the same things to me in private as they do in meetings."),
      ],
    },
    {
      key: "interorganisational",
      title: "Partner organisations",
      intro:
        "These questions are about the partner organisations themselves: how they act as organisations, " +
        "whoever happens to represent them.",
      items: [
        trust("io_competence_1", "interorganisational", "competence", "Partner organisations are able to deliver their part of our joint work."),
        trust("io_competence_2", "interorganisational", "competence", "Partner organisations run their own services well."),
        trust("io_benevolence_1", "interorganisational", "benevolence", "Partner organisations take my organisation's interests into account when they make decisions."),
        trust("io_benevolence_2", "interorganisational", "benevolence", "Partner organisations would not take advantage of my organisation, even if they had the chance."),
        trust("io_benevolence_3", "interorganisational", "benevolence", "When money is tight, partner organisations look after themselves first.", { reverse: true }),
        trust("io_integrity_1", "interorganisational", "integrity", "Partner organisations treat my organisation fairly."),
        trust("io_integrity_2", "interorganisational", "integrity", "Partner organisations are honest about the limits of what they can do."),
      ],
    },
    {
      key: "system",
      title: "The arrangements we work within",
      intro:
        "These questions are about the arrangements we work within: how the partnership is set up, governed and funded, " +
        "rather than any one person or organisation.",
      items: [
        trust("sys_competence_1", "system", "competence", "The way our partnership is set up helps us get things done."),
        trust("sys_competence_2", "system", "competence", "Our partnership has the authority it needs to act on what we agree."),
        trust("sys_benevolence_1", "system", "benevolence", "The arrangements we work within look after the interests of smaller partners as well as larger ones."),
        trust("sys_benevolence_2", "system", "benevolence", "When a partner comes under pressure, our partnership arrangements help it cope."),
        trust("sys_integrity_1", "system", "integrity", "The rules of our partnership apply equally to every partner."),
        trust("sys_integrity_2", "system", "integrity", "Our partnership sticks to the principles it has agreed, even when that is difficult."),
        trust("sys_integrity_3", "system", "integrity", "Decisions that affect the whole partnership are often made behind closed doors.", { reverse: true }),
      ],
    },
    {
      key: "practices",
      title: "How we work together",
      intro: "These questions are about everyday habits that build trust between partners. Answer for the partnership as a whole.",
      items: [
        practice("communicate_directly", "Partner organisations tell us directly what they want to achieve.", "For example, their ambitions, intentions and priorities."),
        practice("joint_opportunities", "We work together on opportunities that benefit more than one partner."),
        practice("reciprocity", "There is a fair balance of give and take between partner organisations."),
        practice("commitment", "Partner organisations keep the commitments they make to the partnership."),
        practice("openness", "Partner organisations are open about the risks they face.", "For example, money or staffing pressures that could affect our joint work."),
      ],
    },
    {
      key: "structures",
      title: "Structures",
      intro:
        "These questions are about whether the way the partnership is organised makes trust easier, " +
        "so that it does not rest on a few good relationships.",
      items: [
        structures("decision_making", "The way we make joint decisions makes it easier to trust each other.", "Think about who decides what, how decisions are recorded and when they are reviewed."),
        structures("processes", "The processes we share with partner organisations make it easier to trust them.", "For example, referrals, information sharing and joint planning."),
        structures("procedures", "Our agreed procedures make it easier to trust partner organisations.", "For example, data-sharing agreements, escalation routes and terms of reference."),
      ],
    },
  ],
};
