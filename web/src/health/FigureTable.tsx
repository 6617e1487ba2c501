// A chart's figures as a table inside a "Show the figures as a table" disclosure (the chart's text alternative).
import type { ReactNode } from "react";
import { TableWrap } from "../components/Feedback.tsx";

interface Props {
  caption: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
  open?: boolean;
}

export function FigureTable({ caption, head, rows, open = false }: Props) {
  return (
    <details className="details" open={open}>
      <summary className="details__summary">Show the figures as a table</summary>
      <TableWrap label={caption}>
        <table className="table health-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th scope="col" key={i}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                {r.cells.map((c, i) =>
                  i === 0 ? (
                    <th scope="row" key={i}>
                      {c}
                    </th>
                  ) : (
                    <td key={i}>{c}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
