// Types for the practice registers API (/api/v1/registers and /partnerships/{pid}/registers…), written by hand.

export type Stage = "agree" | "practise" | "institutionalise";

export type FieldKind =
  | "text"
  | "date"
  | "enum"
  | "int"
  | "organisation"
  | "organisations"
  | "person"
  | "entry"
  | "entries"
  | "organisationNotes";

/** One field of a register, as the server declares it; forms and displays are generated from it. */
export interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  kind: FieldKind;
  max?: number;
  min?: number;
  multiline?: boolean;
  values?: string[];
  labels?: Record<string, string>;
  default?: string | number;
  /** For entry/entries: the register whose entries can be chosen. */
  register?: string;
}

export interface RegisterMeta {
  key: string;
  label: string;
  singular: string;
  stage: Stage;
  purpose: string;
  titleField: string;
  ownerField: string | null;
  statusField: string | null;
  fields: FieldSpec[];
}

export interface OrganisationNote {
  organisationId: string;
  note: string;
}

export type FieldValue = string | number | string[] | OrganisationNote[] | null;
export type EntryData = Record<string, FieldValue>;

export interface SignUp {
  organisationId: string;
  signedOn: string;
  signedByUserId: string;
}

export interface ByUser {
  userId: string;
  name: string;
}

export interface EntryView {
  id: string;
  register: string;
  title: string;
  status: string | null;
  /** The owner organisation, if the register has one. */
  organisationId: string | null;
  data: EntryData;
  signUps?: SignUp[];
  due: { on: string; done: boolean } | null;
  version: number;
  createdAt: string;
  createdBy: ByUser;
  updatedAt: string;
  updatedBy: ByUser;
  deletedAt: string | null;
  canEdit: boolean;
}

export type VersionAction = "created" | "updated" | "removed" | "restored" | "signed_up" | "taken_up" | "imported";

export interface EntryVersion {
  version: number;
  action: VersionAction;
  summary: string;
  title: string;
  data: EntryData;
  signUps?: SignUp[];
  changedAt: string;
  changedBy: ByUser;
}

export type DeletedFilter = "exclude" | "include" | "only";
export type SortKey = "created" | "updated" | "title" | "due" | "status";

export interface EntryQuery {
  status?: string;
  organisationId?: string;
  q?: string;
  deleted?: DeletedFilter;
  sort?: SortKey;
  order?: "asc" | "desc";
  limit?: number;
}

export interface KeptOnTimeRow {
  organisationId: string;
  organisationName: string;
  total: number;
  due: number;
  keptOnTime: number;
  keptLate: number;
  broken: number;
  renegotiated: number;
  withdrawn: number;
  open: number;
  /** 0..1, or null while nothing is due. */
  rate: number | null;
}

export interface KeptOnTime {
  asOf: string;
  items: KeptOnTimeRow[];
}

export interface ReciprocityPair {
  a: string;
  aName: string;
  b: string;
  bName: string;
  aGaveToB: number;
  bGaveToA: number;
  balance: number;
}

export interface Reciprocity {
  pairs: ReciprocityPair[];
  organisations: { organisationId: string; organisationName: string; gave: number; received: number }[];
}

export type FreshnessBand = "current" | "ageing" | "stale" | "none";

export interface Freshness {
  asOf: string;
  items: {
    organisationId: string;
    organisationName: string;
    latestStatedOn: string | null;
    ageDays: number | null;
    band: FreshnessBand;
    entryId: string | null;
  }[];
}

export interface GoalProgress {
  items: {
    goalId: string;
    title: string;
    target: number;
    wins: number;
    weightedWins: number;
    progress: number;
    winList: { id: string; title: string; achievedOn: string }[];
  }[];
}

export type AttentionKind = "action" | "commitment" | "decision_review" | "procedure_review";

export interface AttentionRow {
  kind: AttentionKind;
  register: string;
  entryId: string;
  title: string;
  dueOn: string;
  /** Days overdue (overdue list) or days until due (due-soon list). */
  days: number;
  organisationId: string | null;
}

export interface Attention {
  asOf: string;
  overdue: AttentionRow[];
  dueSoon: AttentionRow[];
}

export interface TimelineItem {
  id: string;
  entryId: string;
  register: string;
  version: number;
  action: VersionAction;
  title: string;
  summary: string;
  changedAt: string;
  changedBy: ByUser;
}
