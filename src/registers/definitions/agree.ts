/** Registers for the first step, agreeing a minimum: priorities, the ways-of-working agreement, and the action plan. */
import type { RegisterDefinition } from "./types.ts";
import { options, str } from "./types.ts";

export const priorities: RegisterDefinition = {
  key: "priorities",
  label: "Priorities",
  singular: "priority",
  stage: "agree",
  purpose: "What the partnership has agreed to focus on, such as the groups of patients or residents to put first, and who agreed it.",
  titleField: "title",
  ownerField: null,
  mentions: ["agreedBy"],
  statusField: "status",
  fields: [
    { name: "title", label: "Priority", kind: "text", max: 200, required: true },
    { name: "description", label: "Why and for whom", kind: "text", max: 2000, multiline: true },
    { name: "agreedOn", label: "Agreed on", kind: "date" },
    { name: "agreedBy", label: "Organisations that agreed", kind: "organisations" },
    { name: "status", label: "Status", kind: "enum", ...options(["active", "achieved", "retired"] as const, { active: "Active", achieved: "Achieved", retired: "Retired" }), default: "active" },
  ],
};

export const waysOfWorking: RegisterDefinition = {
  key: "ways-of-working",
  label: "Ways-of-working agreement",
  singular: "statement",
  stage: "agree",
  purpose: "Short statements about how the partners will work together. Each organisation signs up to each statement.",
  titleField: "statement",
  ownerField: null,
  // Organisations sign up only through the sign-up action; signing up gives no right to change the statement.
  participation: [{ field: "signUps", action: "sign-up", convenorMaySet: false, coEditorMayChange: [] }],
  statusField: "status",
  fields: [
    { name: "statement", label: "Statement", kind: "text", max: 500, required: true },
    { name: "explanation", label: "What it means in practice", kind: "text", max: 2000, multiline: true },
    { name: "status", label: "Status", kind: "enum", ...options(["proposed", "agreed", "retired"] as const, { proposed: "Proposed", agreed: "Agreed", retired: "Retired" }), default: "proposed" },
  ],
};

const ACTION_DONE = new Set(["done", "dropped"]);

export const actions: RegisterDefinition = {
  key: "actions",
  label: "Action plan",
  singular: "action",
  stage: "agree",
  purpose: "The actions that deliver the priorities, each with an owner organisation and person and a due date.",
  titleField: "title",
  ownerField: "ownerOrganisationId",
  statusField: "status",
  fields: [
    { name: "title", label: "Action", kind: "text", max: 200, required: true },
    { name: "description", label: "Detail", kind: "text", max: 2000, multiline: true },
    { name: "priorityId", label: "Priority it serves", kind: "entry", register: "priorities" },
    { name: "ownerOrganisationId", label: "Owner organisation", kind: "organisation", required: true },
    { name: "ownerPersonId", label: "Owner", kind: "person" },
    { name: "dueOn", label: "Due on", kind: "date", required: true },
    { name: "status", label: "Status", kind: "enum", ...options(["not_started", "in_progress", "done", "dropped"] as const, { not_started: "Not started", in_progress: "In progress", done: "Done", dropped: "Dropped" }), default: "not_started" },
    { name: "completedOn", label: "Completed on", kind: "date" },
  ],
  due: (d) => {
    const on = str(d, "dueOn");
    return on ? { kind: "action", on, done: ACTION_DONE.has(str(d, "status") ?? "") } : null;
  },
  datedBy: { completedOn: "status" },
  complete: (d, today) => (str(d, "status") === "done" && !d["completedOn"] ? { ...d, completedOn: today } : d),
};
