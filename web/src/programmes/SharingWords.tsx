// Plain words on what a partnership shares with a programme, used by leads (creating, passing on a code) and convenors (agreeing to share).
export function WhatIsShared({ shares }: { shares?: string[] | undefined }) {
  return (
    <div className="programme-shares">
      <p className="body">When a partnership’s convenor enters the join code, the programme’s leads see only figures the partnership has already published:</p>
      <ul className="list list--bullet">
        {shares && shares.length > 0 ? (
          shares.map((s) => <li key={s}>{s}</li>)
        ) : (
          <>
            <li>the partnership’s name and the day it started sharing</li>
            <li>for each published survey: overall trust, its change since the first published survey, and the answers to the baseline question as percentages</li>
            <li>how many people were asked and how many answered</li>
            <li>
              counts from its registers over the last year: commitments kept on time, offers and asks delivered, risks shared, joint opportunities joined, and
              decisions and procedures in date
            </li>
          </>
        )}
      </ul>
      <p className="body">
        Anything the partnership’s own pages hold back because too few people answered stays held back. No one’s individual answers, comments or names of
        respondents are ever shared. The convenor can stop sharing at any time.
      </p>
    </div>
  );
}
