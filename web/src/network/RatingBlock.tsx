// One organisation to rate: "We don't work with them", then each dimension as a row of four radios (1–4). Everything optional.
import type { NetworkBlock, TieDimension, TieRating } from "../api/network-types.ts";

interface Props {
  block: NetworkBlock;
  organisation: { id: string; name: string };
  rating: TieRating | undefined;
  onChange: (rating: TieRating | undefined) => void;
}

const noTieOf = (r: TieRating | undefined) => r !== undefined && "noTie" in r;
const valueOf = (r: TieRating | undefined, d: TieDimension) => (r && !("noTie" in r) ? r[d] : undefined);

export function RatingBlock({ block, organisation, rating, onChange }: Props) {
  const base = `rate-${organisation.id}`;
  const noTie = noTieOf(rating);
  const rated = rating !== undefined && (noTie || Object.keys(rating).length > 0);

  const setValue = (d: TieDimension, value: number) => {
    const current = rating && !("noTie" in rating) ? rating : {};
    onChange({ ...current, [d]: value });
  };

  return (
    <fieldset className="rating-org" id={base}>
      <legend className="rating-org__name">{organisation.name}</legend>
      <div className="rating-check">
        <input
          className="rating-check__input"
          id={`${base}-notie`}
          type="checkbox"
          checked={noTie}
          onChange={(e) => onChange(e.target.checked ? { noTie: true } : undefined)}
        />
        <label className="rating-check__label" htmlFor={`${base}-notie`}>
          {block.noTieLabel}
        </label>
      </div>
      <fieldset className="rating-dims" disabled={noTie}>
        <legend className="visually-hidden">How far you trust {organisation.name}</legend>
        {noTie ? <p className="hint">You said you don’t work with them, so there is nothing to rate.</p> : null}
        {block.dimensions.map((d) => {
          const group = `${base}-${d.key}`;
          return (
            <fieldset className="rating-dim" key={d.key} aria-describedby={`${group}-hint`}>
              <legend className="rating-dim__label">{d.label}</legend>
              {/* The questions are listed once above the cards; here they stay for screen readers. */}
              <div className="visually-hidden" id={`${group}-hint`}>
                {d.question}
              </div>
              <div className="scale">
                {block.scale.map((s) => {
                  const id = `${group}-${s.value}`;
                  return (
                    <div className="scale__item" key={s.value}>
                      <input
                        className="scale__input"
                        type="radio"
                        id={id}
                        name={group}
                        value={s.value}
                        checked={!noTie && valueOf(rating, d.key) === s.value}
                        onChange={() => setValue(d.key, s.value)}
                      />
                      <label className="scale__label" htmlFor={id}>
                        <span className="scale__number">{s.value}</span> <span className="scale__words">{s.label}</span>
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
      </fieldset>
      {rated ? (
        <button type="button" className="link-button rating-org__clear" onClick={() => onChange(undefined)}>
          Clear<span className="visually-hidden"> my ratings of {organisation.name}</span>
        </button>
      ) : null}
    </fieldset>
  );
}

/** "Reliability 4 (Completely), Shared aims 3 (Mostly)" or the no-tie label, for the check page. */
export function ratingSummary(block: NetworkBlock, rating: TieRating | undefined): string | null {
  if (!rating) return null;
  if ("noTie" in rating) return block.noTieLabel;
  const parts = block.dimensions.flatMap((d) => {
    const v = rating[d.key];
    return v === undefined ? [] : [`${d.label}: ${v} (${block.scale.find((s) => s.value === v)?.label ?? ""})`];
  });
  return parts.length ? parts.join("; ") : null;
}

/** Only what the API takes: ratings with something in them. */
export function cleanedRatings(ratings: Record<string, TieRating>, allowed: Set<string>): Record<string, TieRating> {
  return Object.fromEntries(Object.entries(ratings).filter(([id, r]) => allowed.has(id) && ("noTie" in r || Object.keys(r).length > 0)));
}
