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
            <li>overall trust in its latest published survey, and the change since its first</li>
            <li>the answers to the baseline question, as percentages</li>
            <li>how many people were asked and how many answered</li>
            <li>counts from its registers, such as commitments kept on time</li>
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
