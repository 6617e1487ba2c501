// The programme's roll-up: one row per sharing partnership, sorted by the server; column headers sort (with aria-sort).
import type { RollupRow, SortKey, SortOrder } from "../api/programme-types.ts";
import { TableWrap } from "../components/Feedback.tsx";
import { pct } from "../health/health-format.ts";
import { BaselineBar } from "./BaselineBar.tsx";
import { PhoneSort } from "./PhoneSort.tsx";
import { changeText, COLUMNS, headlineText, keptText, notShown, responseText, SORT_LABELS } from "./programme-format.ts";

interface Props {
  rows: RollupRow[];
  sort: SortKey;
  order: SortOrder;
  onSort: (sort: SortKey, order: SortOrder) => void;
  loading: boolean;
}

function respondentsText(row: RollupRow): string {
  if (row.responseRate?.status === "released") return String(row.responseRate.respondents);
  const h = row.headline;
  if (!h) return "No published survey";
  if (h.status === "suppressed") return notShown(h.reason);
  return String(h.n);
}

function otherBehaviour(row: RollupRow): string {
  const b = row.behaviour;
  if (!b) return "No register entries";
  const inDate = b.institutionalised.inForce === 0 ? "no decisions or procedures in force" : `${pct(b.institutionalised.share)} of decisions and procedures in date`;
  return `${b.offersAsksDelivered} offers and asks delivered; ${b.risksShared} risks shared; ${b.opportunitiesJoined} joint opportunities joined; ${inDate}`;
}

const SHORT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const shortDate = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : SHORT.format(new Date(iso)));

/** Names sort A to Z first; figures sort highest first; a second click turns the order round. */
const firstOrder = (key: SortKey): SortOrder => (key === "name" ? "asc" : "desc");

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export function RollupTable({ rows, sort, order, onSort, loading }: Props) {
  const orderWords = order === "asc" ? (sort === "name" ? "A to Z" : "lowest first") : sort === "name" ? "Z to A" : "highest first";
  return (
    <>
      <PhoneSort sort={sort} order={order} onSort={onSort} />
      <TableWrap label="Partnerships sharing with the programme">
        <table className="table table--stack programme-table" aria-busy={loading || undefined}>
          <caption className="programme-table__caption">
            Partnerships sharing with the programme, sorted by {SORT_LABELS[sort]} ({orderWords})
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                if (!c.key) return <th scope="col" key={c.label}>{c.label}</th>;
                const key = c.key;
                const active = key === sort;
                const next: SortOrder = active ? (order === "asc" ? "desc" : "asc") : firstOrder(key);
                return (
                  <th scope="col" key={c.label} aria-sort={active ? ARIA_SORT[order] : "none"}>
                    <button type="button" className="sort-button" onClick={() => onSort(key, next)}>
                      {c.label}
                      <span className="sort-button__arrow" aria-hidden="true">
                        {active ? (order === "asc" ? " ▲" : " ▼") : " ↕"}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">Other behaviour, last 12 months</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.partnershipId}>
                <td data-label="Partnership">
                  <span className="programme-table__name">{row.name}</span>
                  {row.latestWave ? null : <span className="table__sub">No published survey yet</span>}
                </td>
                <td data-label="Overall trust">{headlineText(row.headline)}</td>
                <td data-label="Change since baseline">
                  {changeText(row.change)}
                  {row.change?.status === "released" ? <span className="table__sub">From {row.change.since.name}; 95% interval in brackets</span> : null}
                </td>
                <td data-label="Baseline question">
                  <BaselineBar figure={row.baseline?.figure} waveName={row.baseline?.wave.name} />
                </td>
                <td data-label="Response rate">{responseText(row.responseRate)}</td>
                <td data-label="Answered">{respondentsText(row)}</td>
                <td data-label="Commitments kept on time">{keptText(row.behaviour)}</td>
                <td data-label="Sharing since">{shortDate(row.sharedSince)}</td>
                <td data-label="Other behaviour" className="programme-table__small">
                  {otherBehaviour(row)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
