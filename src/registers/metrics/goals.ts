// Progress roll-up of strategic goals from the tactical wins linked to them.

export interface Win {
  id: string;
  goalIds: readonly string[];
  /** How much the win counts; default 1. Negative or non-finite weights count as 0. */
  weight?: number;
  achievedOn: string;
}

export interface StrategicGoal {
  id: string;
  /** Weighted wins that mean "done"; default 5. A target ≤ 0 means already done. */
  target?: number;
}

export interface GoalProgress {
  goalId: string;
  /** Number of wins linked to the goal. */
  wins: number;
  weightedWins: number;
  /** min(1, weightedWins / target), in [0, 1]. */
  progress: number;
}

export const DEFAULT_GOAL_TARGET = 5;
export const DEFAULT_WIN_WEIGHT = 1;

export function winWeight(w: Win): number {
  const weight = w.weight ?? DEFAULT_WIN_WEIGHT;
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

/**
 * Progress per goal, in the order the goals are given. A win linked to several goals counts in full for
 * each; a goal id repeated within one win counts once; links to goals not given are ignored.
 */
export function goalProgress(goals: readonly StrategicGoal[], wins: readonly Win[]): GoalProgress[] {
  const tally = new Map<string, { wins: number; weighted: number }>();
  for (const g of goals) tally.set(g.id, { wins: 0, weighted: 0 });
  for (const w of wins) {
    const weight = winWeight(w);
    for (const goalId of new Set(w.goalIds)) {
      const t = tally.get(goalId);
      if (!t) continue;
      t.wins += 1;
      t.weighted += weight;
    }
  }
  return goals.map((g) => {
    const t = tally.get(g.id) ?? { wins: 0, weighted: 0 };
    const target = g.target ?? DEFAULT_GOAL_TARGET;
    const progress = !(target > 0) ? 1 : Math.min(1, t.weighted / target);
    return { goalId: g.id, wins: t.wins, weightedWins: t.weighted, progress };
  });
}
