// Display helpers: dates, roles, statuses and plurals in plain British English.
import type { PersonStatus, Role } from "./api/types.ts";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "28 November 2025" */
export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? dateFormat.format(date) : iso;
}

/** "28 Nov 2025, 14:03" */
export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? dateTimeFormat.format(date) : iso;
}

export const ROLE_LABELS: Record<Role, string> = {
  convenor: "Convenor",
  member: "Member",
  viewer: "Viewer",
};

export const ROLE_HINTS: Record<Role, string> = {
  convenor: "manages the partnership, its organisations and people",
  member: "takes part and sees shared results",
  viewer: "can only look",
};

export const STATUS_LABELS: Record<PersonStatus, string> = {
  active: "Active",
  invited: "Invited",
  not_invited: "Not invited",
};

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "31 March 2026" for a calendar date "2026-03-31" (no time zone shift). */
export function formatDay(ymd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return formatDate(ymd);
  return dateFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
