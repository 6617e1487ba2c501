/** Registers for the five trust-building practices: commitments, offers and asks, joint opportunities, intentions, risks. */
import type { FieldProblem } from "../../errors/app-error.ts";
import { isRealDay } from "../fields.ts";
import type { RegisterDefinition } from "./types.ts";
import { options, str } from "./types.ts";

const LEVEL = options(["low", "medium", "high"] as const, { low: "Low", medium: "Medium", high: "High" });
const RESOLVED = new Set(["kept", "broken", "withdrawn"]);

export const commitments: RegisterDefinition = {
  key: "commitments",
  label: "Commitments",
  singular: "commitment",
  stage: "practise",
  purpose: "What each organisation has promised, to whom and by when, and whether it was kept. The kept-on-time rate is worked out from these, never typed in.",
  titleField: "title",
  ownerField: "organisationId",
  mentions: ["toOrganisationId"],
  statusField: "outcome",
  fields: [
    { name: "title", label: "What is promised", kind: "text", max: 300, required: true },
    { name: "organisationId", label: "Organisation making the promise", kind: "organisation", required: true },
    { name: "toOrganisationId", label: "Promised to", hint: "Leave empty for the whole partnership.", kind: "organisation" },
    { name: "dueOn", label: "Due on", kind: "date", required: true },
    { name: "outcome", label: "Outcome", kind: "enum", ...options(["open", "kept", "broken", "renegotiated", "withdrawn"] as const, { open: "Open", kept: "Kept", broken: "Broken", renegotiated: "Renegotiated", withdrawn: "Withdrawn" }), default: "open" },
    { name: "outcomeOn", label: "Outcome recorded on", hint: "Defaults to today when an outcome is set.", kind: "date" },
    { name: "renegotiatedDueOn", label: "New due date", hint: "Needed when the commitment is renegotiated.", kind: "date" },
    { name: "note", label: "Note", kind: "text", max: 2000, multiline: true },
  ],
  due: (d) => {
    const on = str(d, "renegotiatedDueOn") ?? str(d, "dueOn");
    return on ? { kind: "commitment", on, done: RESOLVED.has(str(d, "outcome") ?? "") } : null;
  },
  datedBy: { outcomeOn: "outcome" },
  complete: (d, today) => (str(d, "outcome") !== "open" && !d["outcomeOn"] ? { ...d, outcomeOn: today } : d),
  check: (d) => {
    const problems: FieldProblem[] = [];
    if (d["toOrganisationId"] && d["toOrganisationId"] === d["organisationId"]) problems.push({ path: "toOrganisationId", message: "An organisation cannot make a commitment to itself; leave it empty for the whole partnership." });
    if (str(d, "outcome") === "renegotiated" && !d["renegotiatedDueOn"]) problems.push({ path: "renegotiatedDueOn", message: "Enter the new due date agreed in the renegotiation." });
    const due = str(d, "dueOn");
    const re = str(d, "renegotiatedDueOn");
    if (due && re && isRealDay(due) && isRealDay(re) && re < due) problems.push({ path: "renegotiatedDueOn", message: "The new due date cannot be before the original one." });
    return problems;
  },
};

const TAKEN = new Set(["taken_up", "delivered", "not_delivered"]);

export const offersAsks: RegisterDefinition = {
  key: "offers-asks",
  label: "Offers and asks",
  singular: "offer or ask",
  stage: "practise",
  purpose: "Help or resources an organisation offers or asks for, who took it up, and whether it was delivered. The give-and-take balance between each pair is worked out from these.",
  titleField: "title",
  ownerField: "organisationId",
  // The taker records its part only by taking it up; afterwards it may say how delivery went, nothing else.
  participation: [{ field: "takenUpByOrganisationId", action: "take-up", convenorMaySet: true, coEditorMayChange: ["status", "deliveredOn"] }],
  statusField: "status",
  fields: [
    { name: "kind", label: "Offer or ask", kind: "enum", ...options(["offer", "ask"] as const, { offer: "Offer", ask: "Ask" }), required: true },
    { name: "title", label: "What is offered or asked for", kind: "text", max: 300, required: true },
    { name: "description", label: "Detail", kind: "text", max: 2000, multiline: true },
    { name: "organisationId", label: "Organisation offering or asking", kind: "organisation", required: true },
    { name: "takenUpByOrganisationId", label: "Taken up by", kind: "organisation" },
    { name: "status", label: "Status", kind: "enum", ...options(["open", "taken_up", "delivered", "not_delivered", "withdrawn"] as const, { open: "Open", taken_up: "Taken up", delivered: "Delivered", not_delivered: "Not delivered", withdrawn: "Withdrawn" }), default: "open" },
    { name: "deliveredOn", label: "Delivered on", kind: "date" },
  ],
  datedBy: { deliveredOn: "status" },
  complete: (d, today) => (str(d, "status") === "delivered" && !d["deliveredOn"] ? { ...d, deliveredOn: today } : d),
  check: (d) => {
    const problems: FieldProblem[] = [];
    if (d["takenUpByOrganisationId"] && d["takenUpByOrganisationId"] === d["organisationId"]) problems.push({ path: "takenUpByOrganisationId", message: "It must be taken up by a different organisation." });
    if (TAKEN.has(str(d, "status") ?? "") && !d["takenUpByOrganisationId"]) problems.push({ path: "takenUpByOrganisationId", message: "Say which organisation took it up." });
    return problems;
  },
};

export const opportunities: RegisterDefinition = {
  key: "opportunities",
  label: "Joint opportunities",
  singular: "opportunity",
  stage: "practise",
  purpose: "Opportunities to do something together, who would benefit and how, what it would take and what it is worth.",
  titleField: "title",
  ownerField: "proposedByOrganisationId",
  mentions: ["benefits"],
  statusField: "status",
  fields: [
    { name: "title", label: "Opportunity", kind: "text", max: 300, required: true },
    { name: "description", label: "Detail", kind: "text", max: 2000, multiline: true },
    { name: "proposedByOrganisationId", label: "Proposed by", kind: "organisation" },
    { name: "benefits", label: "Organisations it would benefit, and how", kind: "organisationNotes" },
    { name: "effort", label: "Effort", kind: "enum", ...LEVEL },
    { name: "value", label: "Value", kind: "enum", ...LEVEL },
    { name: "status", label: "Status", kind: "enum", ...options(["idea", "agreed", "in_progress", "won", "dropped"] as const, { idea: "Idea", agreed: "Agreed", in_progress: "In progress", won: "Won", dropped: "Dropped" }), default: "idea" },
  ],
};

export const intentions: RegisterDefinition = {
  key: "intentions",
  label: "Intentions",
  singular: "intentions statement",
  stage: "practise",
  purpose: "Each organisation says plainly what it is aiming for, intends and is prioritising, with the date, so partners need not guess.",
  titleField: "title",
  ownerField: "organisationId",
  statusField: null,
  fields: [
    { name: "title", label: "Headline", kind: "text", max: 200, required: true },
    { name: "organisationId", label: "Organisation", kind: "organisation", required: true },
    { name: "statedOn", label: "Stated on", kind: "date", required: true },
    { name: "ambitions", label: "Ambitions", kind: "text", max: 2000, multiline: true },
    { name: "intentions", label: "Intentions", kind: "text", max: 2000, multiline: true },
    { name: "priorities", label: "Current priorities", kind: "text", max: 2000, multiline: true },
  ],
};

export const risks: RegisterDefinition = {
  key: "risks",
  label: "Shared risks",
  singular: "risk",
  stage: "practise",
  purpose: "Risks an organisation chooses to share openly with its partners, how likely and serious they are, and what is being done.",
  titleField: "title",
  ownerField: "organisationId",
  statusField: "status",
  fields: [
    { name: "title", label: "Risk", kind: "text", max: 300, required: true },
    { name: "description", label: "Description", kind: "text", max: 2000, multiline: true },
    { name: "organisationId", label: "Organisation sharing it", kind: "organisation", required: true },
    { name: "likelihood", label: "Likelihood (1–5)", kind: "int", min: 1, max: 5, default: 3 },
    { name: "impact", label: "Impact (1–5)", kind: "int", min: 1, max: 5, default: 3 },
    { name: "ownerPersonId", label: "Owner", kind: "person" },
    { name: "mitigations", label: "Mitigations", kind: "text", max: 2000, multiline: true },
    { name: "status", label: "Status", kind: "enum", ...options(["open", "mitigating", "closed"] as const, { open: "Open", mitigating: "Being mitigated", closed: "Closed" }), default: "open" },
  ],
};
