// The audit gate's public surface: audit a table model, and secondary suppression.
export { auditTable, suppressSecondary } from "./audit.ts";
export type { AuditMode, AuditResult, Cell, Fact, Protection, Range, SuppressionResult, TableModel, Terms, Withheld } from "./audit.ts";
export { InconsistentFactsError } from "./solver.ts";
