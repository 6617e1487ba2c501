# The programme roll-up in pandas, from the wave summaries exported to CSV: timed read + table, printed as JSON.
import json
import sys
import time

import numpy as np
import pandas as pd

OPTIONS = ["a_great_deal", "a_moderate_amount", "a_little", "none_at_all", "other"]


def rollup(path):
    df = pd.read_csv(path, dtype={"partnership_id": str, "wave_id": str, "published_at": str})
    df = df.sort_values(["partnership_id", "published_at", "wave_id"])
    waves = df.groupby("partnership_id", sort=False).size().rename("waves_published")
    with_overall = df[df["overall_status"].notna()]
    latest = with_overall.groupby("partnership_id", sort=False).tail(1).set_index("partnership_id")
    with_baseline = df[df["baseline_status"].notna()]
    latest_baseline = with_baseline.groupby("partnership_id", sort=False).tail(1).set_index("partnership_id")
    names = df.groupby("partnership_id", sort=False)["partnership_name"].first()
    rows = pd.DataFrame({"name": names, "waves_published": waves})
    rows["headline_status"] = latest["overall_status"]
    rows["headline_n"] = latest["overall_n"]
    rows["headline_mean"] = latest["overall_mean"].where(latest["overall_status"] == "released")
    rows["change"] = latest["change_difference"].where(latest["change_status"] == "released")
    released = (latest["overall_status"] != "suppressed") & latest["respondents"].notna() & (latest["invited"] > 0)
    n = np.minimum(latest["overall_n"], latest["respondents"])
    rows["response_rate"] = (n / latest["invited"]).where(released)
    rows["baseline_status"] = latest_baseline["baseline_status"]
    rows = rows.assign(sort_name=rows["name"].str.lower()).sort_values(["sort_name", "name"]).drop(columns="sort_name")

    means = rows["headline_mean"].dropna().sort_values()
    distribution = None
    if len(means) >= 3:
        q = means.quantile([0.25, 0.5, 0.75], interpolation="linear")
        hist = np.clip(np.floor((means.to_numpy() - 1) * 2), 0, 7).astype(int)
        distribution = {
            "partnerships": int(len(means)),
            "min": float(means.iloc[0]),
            "q1": float(q.loc[0.25]),
            "median": float(q.loc[0.5]),
            "q3": float(q.loc[0.75]),
            "max": float(means.iloc[-1]),
            "histogram": np.bincount(hist, minlength=8).tolist(),
        }
    pooled_src = latest_baseline[latest_baseline["baseline_status"] == "released"]
    pooled = None
    if len(pooled_src) >= 3:
        counts = {o: int(pooled_src[f"baseline_{o}"].sum()) for o in OPTIONS}
        pooled = {"partnerships": int(len(pooled_src)), "n": int(pooled_src["baseline_n"].sum()), "counts": counts}
    return rows, distribution, pooled


def main():
    path, repeats = sys.argv[1], int(sys.argv[2])
    rollup(path)  # warm-up
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        rows, distribution, pooled = rollup(path)
        times.append((time.perf_counter() - t) * 1000)
    # Per-row figures summed (after the timing), to check the rows are the same as ours, not only the programme figures.
    def column(name):
        values = rows[name].dropna()
        return {"count": int(len(values)), "sum": float(values.sum())}

    checks = {"headline": column("headline_mean"), "change": column("change"), "responseRate": column("response_rate")}
    print(json.dumps({"pandas": pd.__version__, "times": times, "rows": int(len(rows)), "distribution": distribution, "pooled": pooled, "checks": checks}))


main()
