// Public API of the partnership-health indicators: pure computations over register, survey and network figures.
export { betaCdf, betaPdf, betaQuantile } from "./beta.ts";
export { adjustedKeptRate, adjustedKeptRates, DEFAULT_CREDIBLE_LEVEL, DEFAULT_PRIOR_WEIGHT, partnershipPrior, UNIFORM_PRIOR } from "./kept-rate.ts";
export type { AdjustedKeptOnTime, AdjustedRate, BetaPrior } from "./kept-rate.ts";
export { behaviouralIndicators, JOINED_STATUSES, outwardActs } from "./behaviour.ts";
export type {
  ActionStatus,
  BehaviourIndicators,
  DatedOfferOrAsk,
  JointOpportunity,
  OpportunityStatus,
  OrganisationBehaviour,
  Period,
  PlannedAction,
  RegisterInputs,
  SharedRisk,
} from "./behaviour.ts";
export { DEFAULT_BEHAVIOUR_THRESHOLD, perceptionBehaviourQuadrant, QUADRANT_LABELS } from "./quadrant.ts";
export type { Quadrant, QuadrantInput, QuadrantOptions, QuadrantResult, QuadrantRow } from "./quadrant.ts";
export { institutionalisation, KEY_PERSON_MIN_JOINT, KEY_PERSON_THRESHOLD, keyPersonDependency } from "./institutions.ts";
export type {
  DecisionRecord,
  DecisionStatus,
  InDateCounts,
  Institutionalisation,
  JointEvent,
  KeyPersonOptions,
  KeyPersonPair,
  ProcedureRecord,
  ProcedureStatus,
  SideCarry,
} from "./institutions.ts";
export { activityWindows, EARLY_WARNING_DEFAULTS, earlyWarnings, median, OUTWARD_KINDS, overlappingPressure } from "./early-warning.ts";
export type { ActivityWindows, EarlyWarning, EarlyWarningOptions, OutwardAct, OutwardKind, PressureEvent, TrustReceived, WindowCount } from "./early-warning.ts";
export { PRACTICES, suggestNextSteps } from "./next-steps.ts";
export type { HealthIndicators, NextStepOptions, PerceivedChange, Practice, Suggestion } from "./next-steps.ts";
