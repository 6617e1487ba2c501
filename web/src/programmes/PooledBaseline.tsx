// The baseline question pooled over the programme's partnerships, or why it is not shown.
import type { PooledBaseline as Pooled } from "../api/programme-types.ts";
import { TableWrap } from "../components/Feedback.tsx";
import { BASELINE_COLOURS } from "./BaselineBar.tsx";
import { notShown } from "./programme-format.ts";

export function PooledBaseline({ pooled }: { pooled: Pooled }) {
  if (pooled.status === "suppressed") {
    return (
      <p className="body programme-hidden">
        {notShown(pooled.reason)}. Answers are pooled only when at least 3 partnerships have published them and together they cover enough people for
        none to be picked out.
      </p>
    );
  }
  return (
    <>
      <p className="body">
        {pooled.n} people in {pooled.partnerships} partnerships answered “To what extent do we trust each other to work more collaboratively?” in their latest
        survey that asked it.
      </p>
      <div className="baseline-bar baseline-bar--wide" aria-hidden="true">
        <div className="baseline-bar__track">
          {pooled.options.map((o, i) =>
            o.percent ? <span key={o.value} className="baseline-bar__segment" style={{ width: `${o.percent}%`, background: BASELINE_COLOURS[i % BASELINE_COLOURS.length] }} /> : null,
          )}
        </div>
      </div>
      <TableWrap label="The baseline question, pooled">
        <table className="table programme-pooled">
          <caption className="visually-hidden">The baseline question's answers pooled over the programme</caption>
          <thead>
            <tr>
              <th scope="col">Answer</th>
              <th scope="col" className="table__numeric">People</th>
              <th scope="col" className="table__numeric">Percent</th>
            </tr>
          </thead>
          <tbody>
            {pooled.options.map((o, i) => (
              <tr key={o.value}>
                <th scope="row">
                  <span className="key-swatch" aria-hidden="true" style={{ background: BASELINE_COLOURS[i % BASELINE_COLOURS.length] }} />
                  {o.label}
                </th>
                <td className="table__numeric">{o.count}</td>
                <td className="table__numeric">{o.percent === null ? "–" : `${o.percent}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
