// Strategic goals page panel: each goal's progress from its linked wins, as a bar with the figures in words and the wins listed.
import { useCallback } from "react";
import { Link } from "react-router";
import { registersApi } from "../api/registers.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { formatDay, plural } from "../format.ts";
import { percent } from "./format.ts";
import { entryPath, useRegisters } from "./RegistersLayout.tsx";
import { useLoad } from "../useLoad.ts";

export function GoalProgressPanel({ refreshKey }: { refreshKey: number }) {
  const { partnership } = useRegisters();
  const load = useCallback(() => registersApi.goalProgress(partnership.id), [partnership.id, refreshKey]);
  const { data, error, loading, reload } = useLoad(load);

  return (
    <section className="section register-panel" aria-labelledby="goal-progress-heading">
      <h3 className="heading-s" id="goal-progress-heading">
        Progress towards the goals
      </h3>
      <p className="body">Each win counts towards every goal it is linked to, by its weight. A goal is done when its wins reach its target.</p>
      {loading && !data ? <Loading what="Working out progress" /> : null}
      {error ? <ErrorPanel error={error} onRetry={reload} /> : null}
      {data && data.items.length === 0 ? <p className="body">No goals yet.</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="register-goals">
          {data.items.map((goal) => {
            const pct = Math.round(Math.min(1, Math.max(0, goal.progress)) * 100);
            const words = `${percent(goal.progress)}: ${goal.weightedWins} of ${goal.target} weighted wins from ${plural(goal.wins, "win")}`;
            return (
              <li key={goal.goalId} className="register-goal">
                <h4 className="register-goal__title">
                  <Link to={entryPath(partnership.id, "goals", goal.goalId)}>{goal.title}</Link>
                </h4>
                <div className="register-progress" role="img" aria-label={`Progress: ${words}`}>
                  <div className="register-progress__bar" style={{ width: `${pct}%` }} />
                </div>
                <p className="register-goal__figures">{words}</p>
                {goal.winList.length > 0 ? (
                  <ul className="list register-list">
                    {goal.winList.map((win) => (
                      <li key={win.id}>
                        <Link to={entryPath(partnership.id, "wins", win.id)}>{win.title}</Link>{" "}
                        <span className="muted">({formatDay(win.achievedOn)})</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">No wins linked yet.</p>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
