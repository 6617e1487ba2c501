/** Registers for institutionalising trust and showing its gains: decisions, procedures, strategic goals and wins. */
import type { RegisterDefinition } from "./types.ts";
import { options, str } from "./types.ts";

export const decisions: RegisterDefinition = {
  key: "decisions",
  label: "Decisions",
  singular: "decision",
  stage: "institutionalise",
  purpose: "Proposals, how they were decided and by whom, the outcome and when to review it. Every earlier outcome stays readable in the history.",
  titleField: "title",
  ownerField: null,
  mentions: ["participants"],
  statusField: "status",
  fields: [
    { name: "title", label: "Decision", kind: "text", max: 300, required: true },
    { name: "proposal", label: "Proposal", kind: "text", max: 4000, multiline: true, required: true },
    { name: "method", label: "Method", kind: "enum", ...options(["consensus", "consent", "vote"] as const, { consensus: "Consensus", consent: "Consent (no one objects)", vote: "Vote" }), default: "consensus" },
    { name: "participants", label: "Organisations that took part", kind: "organisations" },
    { name: "outcome", label: "Outcome", kind: "text", max: 4000, multiline: true },
    { name: "status", label: "Status", kind: "enum", ...options(["proposed", "decided", "superseded", "withdrawn"] as const, { proposed: "Proposed", decided: "Decided", superseded: "Superseded", withdrawn: "Withdrawn" }), default: "proposed" },
    { name: "decidedOn", label: "Decided on", kind: "date" },
    { name: "reviewOn", label: "Review by", kind: "date" },
  ],
  due: (d) => {
    const on = str(d, "reviewOn");
    return on ? { kind: "decision_review", on, done: str(d, "status") !== "decided" } : null;
  },
  datedBy: { decidedOn: "status" },
  complete: (d, today) => (str(d, "status") === "decided" && !d["decidedOn"] ? { ...d, decidedOn: today } : d),
  check: (d) => (str(d, "status") === "decided" && !d["outcome"] ? [{ path: "outcome", message: "Record the outcome of a decided decision." }] : []),
};

export const procedures: RegisterDefinition = {
  key: "procedures",
  label: "Procedures",
  singular: "procedure",
  stage: "institutionalise",
  purpose: "Agreed ways of doing things, such as the escalation route, data-sharing agreement or referral pathway, each adopted by a decision, with an owner and a review date.",
  titleField: "title",
  ownerField: "ownerOrganisationId",
  statusField: "status",
  fields: [
    { name: "title", label: "Procedure", kind: "text", max: 300, required: true },
    { name: "kind", label: "Kind", kind: "enum", ...options(["escalation", "data_sharing", "referral_pathway", "governance", "other"] as const, { escalation: "Escalation route", data_sharing: "Data-sharing agreement", referral_pathway: "Referral pathway", governance: "Governance", other: "Other" }), default: "other" },
    { name: "description", label: "How it works", kind: "text", max: 4000, multiline: true },
    { name: "adoptedByDecisionId", label: "Adopted by decision", kind: "entry", register: "decisions" },
    { name: "ownerOrganisationId", label: "Owner organisation", kind: "organisation" },
    { name: "ownerPersonId", label: "Owner", kind: "person" },
    { name: "status", label: "Status", kind: "enum", ...options(["draft", "adopted", "retired"] as const, { draft: "Draft", adopted: "Adopted", retired: "Retired" }), default: "draft" },
    { name: "reviewOn", label: "Review by", kind: "date" },
  ],
  due: (d) => {
    const on = str(d, "reviewOn");
    return on ? { kind: "procedure_review", on, done: str(d, "status") !== "adopted" } : null;
  },
  check: (d) => (str(d, "status") === "adopted" && !d["adoptedByDecisionId"] ? [{ path: "adoptedByDecisionId", message: "An adopted procedure needs the decision that adopted it." }] : []),
};

export const goals: RegisterDefinition = {
  key: "goals",
  label: "Strategic goals",
  singular: "goal",
  stage: "institutionalise",
  purpose: "The strategic gains the partnership is working towards. Each goal's progress is rolled up from the wins linked to it.",
  titleField: "title",
  ownerField: null,
  statusField: "status",
  fields: [
    { name: "title", label: "Goal", kind: "text", max: 300, required: true },
    { name: "description", label: "Description", kind: "text", max: 2000, multiline: true },
    { name: "target", label: "Weighted wins that mean done", kind: "int", min: 1, max: 100, default: 5 },
    { name: "status", label: "Status", kind: "enum", ...options(["active", "achieved", "retired"] as const, { active: "Active", achieved: "Achieved", retired: "Retired" }), default: "active" },
  ],
};

export const wins: RegisterDefinition = {
  key: "wins",
  label: "Wins",
  singular: "win",
  stage: "institutionalise",
  purpose: "Tactical successes, each linked to the strategic goals it advances, so the path from small wins to strategic gains is visible.",
  titleField: "title",
  ownerField: "organisationId",
  statusField: null,
  fields: [
    { name: "title", label: "Win", kind: "text", max: 300, required: true },
    { name: "description", label: "What happened", kind: "text", max: 2000, multiline: true },
    { name: "organisationId", label: "Organisation recording it", hint: "Leave empty for a win of the whole partnership.", kind: "organisation" },
    { name: "achievedOn", label: "Achieved on", kind: "date", required: true },
    { name: "goalIds", label: "Goals it advances", kind: "entries", register: "goals" },
    { name: "weight", label: "Weight (1–5)", hint: "How much it counts towards its goals.", kind: "int", min: 1, max: 5, default: 1 },
  ],
};
