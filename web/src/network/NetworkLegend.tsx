// The key to the network drawing: sector colours present, circle size, tie width and direction, one-sided and hidden ties.
import type { Sector } from "../api/types.ts";
import { SECTOR_LABELS } from "../../../src/partnerships/sectors.ts";
import { SECTOR_COLOURS, TIE_COLOURS } from "./network-style.ts";

function Line({ colour, dash, width = 3 }: { colour: string; dash?: string; width?: number }) {
  return (
    <svg className="legend__swatch" width="44" height="14" viewBox="0 0 44 14" aria-hidden="true" focusable="false">
      <line x1="2" y1="7" x2="34" y2="7" stroke={colour} strokeWidth={width} strokeDasharray={dash} />
      <path d="M33 2 L42 7 L33 12 Z" fill={colour} />
    </svg>
  );
}

export function NetworkLegend({ sectors, personal, k }: { sectors: Sector[]; personal: boolean; k: number }) {
  return (
    <div className="legend">
      <h4 className="legend__title">Key to the drawing</h4>
      <ul className="legend__list" aria-label="Sector colours">
        {sectors.map((s) => (
          <li key={s}>
            <span className="legend__dot" style={{ background: SECTOR_COLOURS[s] }} aria-hidden="true" /> {SECTOR_LABELS[s]}
          </li>
        ))}
      </ul>
      <ul className="legend__list legend__list--lines" aria-label="Circles and lines">
        <li>
          <span className="legend__sizes" aria-hidden="true">
            <span className="legend__dot legend__dot--small" />
            <span className="legend__dot legend__dot--large" />
          </span>{" "}
          A bigger circle: more trust received from the others.
        </li>
        <li>
          <Line colour={TIE_COLOURS.mutual} /> An arrow from one organisation to another: how far the first trusts the second. A
          thicker line: more trust (1 to 4).
        </li>
        <li>
          <Line colour={TIE_COLOURS.oneSided} dash="6 4" /> Dashed orange: one-sided – no tie is shown the other way.
        </li>
        <li>
          <Line colour={TIE_COLOURS.hidden} dash="2 3" width={2} /> Faint grey dots: a tie that is not shown.{" "}
          {personal
            ? `Fewer than ${k} people from the rating organisation rated it (or it could single someone out), so it is unknown – not absent and not zero.`
            : "It is unknown – not absent and not zero."}
        </li>
        <li>No line: the organisation said it does not work with the other, or gave no rating.</li>
      </ul>
    </div>
  );
}
