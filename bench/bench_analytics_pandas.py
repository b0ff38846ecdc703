#!/usr/bin/python3
"""The analytics benchmark's peer: the same tables as bench/bench_analytics.cpp, computed with
pandas on the same data set, timed, and checked figure by figure against the C++ tables.

Run bench_analytics (native) first: it writes the data set and its own tables to
/tmp/yousaid_bench_analytics/. Then, with Debian's pandas and scipy:

    /usr/bin/python3 bench/bench_analytics_pandas.py

It prints the pandas times, the C++ times it finds there (native and, if run, WebAssembly),
their ratios, and how many figures agree. It asserts nothing about time; it exits 1 if a
figure disagrees, because then the comparison would be meaningless.

The pandas code is written the way an analyst would write it well: the CSV is read and the
demographics made categorical once (timed apart, like the engine's encoding), then every
table is computed with vectorised operations: one grouped sum per breakdown over indicator
columns, NumPy for the intervals, scipy for the t quantiles, and the same suppression rule.
"""

import json
import os
import sys
import time

import numpy as np
import pandas as pd
from scipy import special, stats

DATA_DIR = "/tmp/yousaid_bench_analytics"
Z = 1.959963984540054
MIN_CELL = 10
SIGNIFICANCE = 0.05
CROSS = "\u00d7"
NOT_ANSWERED = "(not answered)"

SCALE = ["q%02d" % i for i in range(1, 31)]
RATING = ["q%02d" % i for i in range(31, 37)]
YSN = ["q37", "q38"]
BEFORE_AND_NOW = ["q39", "q40"]
SATISFACTION_ITEMS = SCALE + RATING + YSN + BEFORE_AND_NOW
MEAN_MEASURES = SCALE + RATING + [q + part for q in BEFORE_AND_NOW for part in (":before", ":now", ":change")]

# Group order as the engine reports it (survey option order, then "(not answered)"), so that
# ties in secondary suppression are broken the same way.
CATEGORIES = {
    "school": ["school_%02d" % i for i in range(60)] + ["prefer_not_to_say", NOT_ANSWERED],
    "year_group": ["year_%d" % i for i in range(4, 14)] + ["prefer_not_to_say", NOT_ANSWERED],
    "send_status": ["ehc_plan", "sen_support", "none", "dont_know", "prefer_not_to_say", NOT_ANSWERED],
}
BREAKDOWNS = [[], ["school"], ["year_group"], ["send_status"], ["school", "year_group"],
              ["send_status", "year_group"]]
WAVES = ["2024", "2025"]


def load():
    start = time.perf_counter()
    frame = pd.read_csv(os.path.join(DATA_DIR, "data.csv"), dtype={"wave": str})
    population = pd.read_csv(os.path.join(DATA_DIR, "population.csv"), dtype={"wave": str})
    return frame, population, time.perf_counter() - start


def prepare(frame):
    start = time.perf_counter()
    for column, categories in CATEGORIES.items():
        frame[column] = pd.Categorical(frame[column].fillna(NOT_ANSWERED), categories=categories, ordered=True)
    frame["wave"] = pd.Categorical(frame["wave"], categories=WAVES, ordered=True)
    return frame, time.perf_counter() - start


def indicators(frame):
    """One column per thing to count: positive / negative / don't know per item, and the
    count, sum and sum of squares of each mean measure; status counts."""
    columns = {}
    for q in SCALE:
        v = frame[q].to_numpy()
        columns[q + "|pos"] = (v >= 4)
        columns[q + "|neg"] = (v >= 1) & (v <= 3)
        columns[q + "|dk"] = (v == -1)
    for q in RATING:
        v = frame[q].to_numpy()
        columns[q + "|pos"] = (v >= 7)
        columns[q + "|neg"] = (v >= 0) & (v < 7)
        columns[q + "|dk"] = (v == -1)
    for q in YSN:
        v = frame[q].to_numpy()
        columns[q + "|pos"] = (v == 1)
        columns[q + "|neg"] = (v == 2) | (v == 3)
        columns[q + "|dk"] = (v == -1)
    for q in BEFORE_AND_NOW:
        now = frame[q + ".now"].to_numpy()
        columns[q + "|pos"] = (now >= 7)
        columns[q + "|neg"] = (now < 7)
        columns[q + "|dk"] = np.zeros(len(frame), dtype=bool)
    measures = {}
    for q in SCALE:
        v = frame[q].to_numpy()
        measures[q] = np.where((v >= 1) & (v <= 5), v, np.nan)
    for q in RATING:
        v = frame[q].to_numpy()
        measures[q] = np.where(v >= 0, v, np.nan)
    for q in BEFORE_AND_NOW:
        before = frame[q + ".before"].to_numpy()
        now = frame[q + ".now"].to_numpy()
        measures[q + ":before"] = before
        measures[q + ":now"] = now
        measures[q + ":change"] = now - before
    for name, values in measures.items():
        present = ~np.isnan(values)
        filled = np.where(present, values, 0.0)
        columns[name + "|n"] = present
        columns[name + "|s"] = filled
        columns[name + "|ss"] = filled * filled
    status = frame["status"].to_numpy()
    columns["status|complete"] = status == 0
    columns["status|partial"] = status == 1
    columns["status|refused"] = status == 2
    table = pd.DataFrame(columns)
    bool_columns = [c for c in table.columns if table[c].dtype == bool]
    table[bool_columns] = table[bool_columns].astype(np.int32)
    return table


def wilson(successes, trials):
    n = trials.astype(float)
    p = np.divide(successes, n, out=np.zeros_like(n), where=n > 0)
    z2 = Z * Z
    centre = 2 * n * p + z2
    spread = Z * np.sqrt(z2 + 4 * n * p * (1 - p))
    denominator = 2 * (n + z2)
    with np.errstate(divide="ignore", invalid="ignore"):
        low = (centre - spread) / denominator
        high = (centre + spread) / denominator
    low = np.where(successes == 0, 0.0, low)
    high = np.where(successes == trials, 1.0, high)
    return low, high


def suppress(base, set_ids):
    """Primary: 0 < base < MIN_CELL. Secondary, until nothing changes: where a set has exactly
    one suppressed group with a non-zero base, the smallest unsuppressed non-zero group of the
    set (the first on a tie) is suppressed too."""
    nonzero = base > 0
    suppressed = nonzero & (base < MIN_CELL)
    positions = np.arange(len(base))
    changed = True
    while changed:
        changed = False
        for ids in set_ids:
            count = np.bincount(ids, weights=(suppressed & nonzero), minlength=ids.max() + 1 if len(ids) else 0)
            candidates = nonzero & ~suppressed & (count[ids] == 1)
            if not candidates.any():
                continue
            index = positions[candidates]
            order = np.lexsort((index, base[index], ids[index]))
            ordered = index[order]
            first = np.r_[True, ids[ordered][1:] != ids[ordered][:-1]]
            suppressed[ordered[first]] = True
            changed = True
    return suppressed


def long_table(grouped, keys, breakdown_name, items, fields):
    """From one breakdown's grouped sums to rows (wave, dimension, group, question, ...)."""
    index = grouped.index
    waves = np.asarray(index.get_level_values(0).astype(str))
    if keys:
        parts = [np.asarray(index.get_level_values(i + 1).astype(str)) for i in range(len(keys))]
        codes = [np.asarray(index.get_level_values(i + 1).codes) for i in range(len(keys))]
        group = parts[0] if len(parts) == 1 else (pd.Index(parts[0]) + CROSS + pd.Index(parts[1])).to_numpy()
    else:
        parts, codes = [], []
        group = np.full(len(index), "all", dtype=object)
    rows = len(index)
    count = len(items)
    out = {
        "wave": np.repeat(waves, count),
        "dimension": np.full(rows * count, breakdown_name, dtype=object),
        "group": np.repeat(np.asarray(group, dtype=object), count),
        "question": np.tile(np.asarray(items, dtype=object), rows),
        "first": np.repeat(codes[0], count) if codes else np.zeros(rows * count, dtype=int),
        "second": np.repeat(codes[1], count) if len(codes) > 1 else np.zeros(rows * count, dtype=int),
    }
    for field in fields:
        out[field] = grouped[[item + "|" + field for item in items]].to_numpy().reshape(-1)
    return pd.DataFrame(out)


def set_ids(frame, crossing, by):
    whole = frame.groupby(["dimension", "wave"] + by, sort=False).ngroup().to_numpy()
    sets = [whole]
    if crossing is not None:
        rows = frame.groupby(["dimension", "wave"] + by + ["first"], sort=False).ngroup().to_numpy()
        columns = frame.groupby(["dimension", "wave"] + by + ["second"], sort=False).ngroup().to_numpy()
        # Singleton sets for rows outside a crossing never trigger anything.
        sets.append(np.where(crossing, rows, -1 - np.arange(len(frame))) + len(frame))
        sets.append(np.where(crossing, columns, -1 - np.arange(len(frame))) + len(frame))
    return sets


def tabulate(frame, population):
    table = indicators(frame)
    sums = []
    for keys in BREAKDOWNS:
        grouped = table.groupby([frame["wave"]] + [frame[k] for k in keys], observed=True, sort=True).sum()
        sums.append((keys, CROSS.join(keys) if keys else "all", grouped))

    # Satisfaction.
    satisfaction = pd.concat([long_table(g, keys, name, SATISFACTION_ITEMS, ["pos", "neg", "dk"])
                              for keys, name, g in sums], ignore_index=True)
    satisfaction["positive"] = satisfaction["pos"]
    satisfaction["valid"] = satisfaction["pos"] + satisfaction["neg"]
    crossing = satisfaction["dimension"].str.contains(CROSS).to_numpy()
    valid = satisfaction["valid"].to_numpy()
    positive = satisfaction["positive"].to_numpy()
    satisfaction["suppressed"] = suppress(valid, set_ids(satisfaction, crossing, ["question"]))
    with np.errstate(divide="ignore", invalid="ignore"):
        satisfaction["percent"] = np.where(valid > 0, 100.0 * positive / valid, np.nan)
    low, high = wilson(positive, valid)
    satisfaction["ci_low"] = np.where(valid > 0, low * 100.0, np.nan)
    satisfaction["ci_high"] = np.where(valid > 0, high * 100.0, np.nan)

    # Means.
    means = pd.concat([long_table(g, keys, name, MEAN_MEASURES, ["n", "s", "ss"]) for keys, name, g in sums],
                      ignore_index=True)
    n = means["n"].to_numpy().astype(float)
    s = means["s"].to_numpy()
    ss = means["ss"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = s / n
        variance = (n * ss - s * s) / (n * (n - 1))
        sd = np.sqrt(np.maximum(variance, 0.0))
        t = stats.t.ppf(0.975, n - 1)
        half = t * sd / np.sqrt(n)
    means["mean"] = np.where(n >= 1, mean, np.nan)
    means["sd"] = np.where(n >= 2, sd, np.nan)
    means["ci_low"] = np.where(n >= 2, mean - half, np.nan)
    means["ci_high"] = np.where(n >= 2, mean + half, np.nan)
    means["suppressed"] = suppress(means["n"].to_numpy(), set_ids(means, means["dimension"].str.contains(CROSS).to_numpy(), ["question"]))

    # Return rates, with invited counts for school and all.
    return_rates = pd.concat([long_table(g, keys, name, ["status"], ["complete", "partial", "refused"])
                              for keys, name, g in sums], ignore_index=True)
    invited = population.rename(columns={"invited": "invited_count"})
    return_rates = return_rates.merge(invited, how="left", on=["wave", "dimension", "group"])
    c = return_rates["complete"].to_numpy()
    p = return_rates["partial"].to_numpy()
    r = return_rates["refused"].to_numpy()
    inv = return_rates["invited_count"].to_numpy()
    has_invited = ~np.isnan(inv) & (inv > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return_rates["rr1"] = np.where(has_invited, 100.0 * c / inv, np.nan)
        return_rates["rr2"] = np.where(has_invited, 100.0 * (c + p) / inv, np.nan)
        return_rates["coop1"] = np.where(~has_invited & (c + p + r > 0), 100.0 * c / (c + p + r), np.nan)
    return_rates["suppressed"] = suppress(c + p + r, set_ids(return_rates, return_rates["dimension"].str.contains(CROSS).to_numpy(), []))

    # Change: each follow-up wave against the baseline.
    base = satisfaction[satisfaction["wave"] == WAVES[0]]
    follow = satisfaction[satisfaction["wave"] == WAVES[1]]
    # Outer: a group present in one wave only has nobody (base 0) in the other.
    change = base.merge(follow, on=["dimension", "group", "question"], suffixes=("_b", "_f"), how="outer")
    for column in ("positive_b", "valid_b", "positive_f", "valid_f"):
        change[column] = change[column].fillna(0)
    for column in ("suppressed_b", "suppressed_f"):
        change[column] = change[column].fillna(False).astype(bool)
    x1, n1 = change["positive_f"].to_numpy(), change["valid_f"].to_numpy()
    x2, n2 = change["positive_b"].to_numpy(), change["valid_b"].to_numpy()
    hidden = change["suppressed_b"].to_numpy() | change["suppressed_f"].to_numpy()
    ok = ~hidden & (n1 > 0) & (n2 > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        p1 = x1 / n1
        p2 = x2 / n2
        l1, u1 = wilson(x1, n1)
        l2, u2 = wilson(x2, n2)
        d = p1 - p2
        low_pp = (d - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)) * 100.0
        high_pp = (d + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)) * 100.0
        pooled = (x1 + x2) / (n1 + n2)
        se = np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        zscore = np.where(se > 0, d / se, 0.0)
        p_value = special.erfc(np.abs(zscore) / np.sqrt(2.0))
    change["change_pp"] = np.where(ok, d * 100.0, np.nan)
    change["ci_low_pp"] = np.where(ok, low_pp, np.nan)
    change["ci_high_pp"] = np.where(ok, high_pp, np.nan)
    change["p_value"] = np.where(ok, p_value, np.nan)
    verdict = np.where(p_value < SIGNIFICANCE, np.where(d > 0, "improved", "worse"), "no significant change")
    change["verdict"] = np.where(hidden, "suppressed", np.where(ok, verdict, ""))
    change_counts = change.groupby(["dimension", "group", "verdict"], sort=False).size().unstack(fill_value=0)
    return {"satisfaction": satisfaction, "means": means, "return_rates": return_rates, "change": change,
            "change_counts": change_counts}


def read_cpp(name):
    return pd.read_csv(os.path.join(DATA_DIR, "cpp_" + name), dtype={"wave": str, "baseline_wave": str},
                       encoding="utf-8-sig", keep_default_na=False, na_values=[""])


def compare(tables):
    """Every figure of the pandas tables against the engine's. Returns the number of mismatches."""
    mismatches = 0
    checked = 0

    def check(name, ours, theirs, keys, exact, close, rtol=1e-9):
        nonlocal mismatches, checked
        merged = theirs.merge(ours, on=keys, how="left", suffixes=("_cpp", "_pd"), indicator=True)
        missing = merged["_merge"] != "both"
        # Groups the engine lists in a wave where they have nobody (base 0), and their change
        # rows ("not available"): pandas has no row for them, and there is nothing to compare.
        if name == "change":
            unexplained = missing & merged["verdict_cpp"].notna()
        else:
            base_column = {"satisfaction": "valid_cpp", "means": "n_cpp", "return_rates": "complete_cpp"}[name]
            unexplained = missing & ~(merged[base_column].fillna(0) == 0)
        if unexplained.any():
            print("  %s: %d engine rows have no pandas row" % (name, int(unexplained.sum())))
            mismatches += int(unexplained.sum())
        merged = merged[~missing]
        for column in exact:
            a = merged[column + "_cpp"]
            b = merged[column + "_pd"]
            bad = ~((a == b) | (a.isna() & b.isna()))
            checked += len(merged)
            if bad.any():
                print("  %s.%s: %d differ, e.g.\n%s" % (name, column, int(bad.sum()), merged[bad].head(3).to_string()))
                mismatches += int(bad.sum())
        for column in close:
            a = merged[column + "_cpp"].to_numpy(dtype=float)
            b = merged[column + "_pd"].to_numpy(dtype=float)
            both_nan = np.isnan(a) & np.isnan(b)
            bad = ~both_nan & ~np.isclose(a, b, rtol=rtol, atol=1e-12)
            checked += len(merged)
            if bad.any():
                print("  %s.%s: %d differ, e.g.\n%s" % (name, column, int(bad.sum()), merged[bad].head(3).to_string()))
                mismatches += int(bad.sum())

    sat = tables["satisfaction"].copy()
    sat["suppressed"] = sat["suppressed"].astype(int)
    sat.loc[sat["suppressed"] == 1, ["positive", "valid", "percent", "ci_low", "ci_high"]] = np.nan
    check("satisfaction", sat[["wave", "dimension", "group", "question", "positive", "valid", "percent", "ci_low",
                               "ci_high", "suppressed"]],
          read_cpp("satisfaction.csv"), ["wave", "dimension", "group", "question"],
          ["suppressed"], ["positive", "valid", "percent", "ci_low", "ci_high"])
    means = tables["means"].copy()
    means["suppressed"] = means["suppressed"].astype(int)
    means.loc[means["suppressed"] == 1, ["n", "mean", "sd", "ci_low", "ci_high"]] = np.nan
    # scipy's t.ppf is good to about 1e-10, so the intervals are compared to 1e-8.
    check("means", means[["wave", "dimension", "group", "question", "n", "mean", "sd", "ci_low", "ci_high",
                          "suppressed"]],
          read_cpp("means.csv"), ["wave", "dimension", "group", "question"], ["suppressed"],
          ["n", "mean", "sd", "ci_low", "ci_high"], rtol=1e-8)
    rates = tables["return_rates"].copy()
    rates["suppressed"] = rates["suppressed"].astype(int)
    rates.loc[rates["suppressed"] == 1, ["complete", "partial", "refused", "rr1", "rr2", "coop1"]] = np.nan
    rates = rates.rename(columns={"invited_count": "invited"})
    check("return_rates", rates[["wave", "dimension", "group", "invited", "complete", "partial", "refused", "rr1",
                                 "rr2", "coop1", "suppressed"]],
          read_cpp("return_rates.csv"), ["wave", "dimension", "group"], ["suppressed"],
          ["invited", "complete", "partial", "refused", "rr1", "rr2", "coop1"])
    change = tables["change"].copy()
    change["suppressed"] = np.where(change["verdict"] == "suppressed", 1, 0)
    change["verdict"] = change["verdict"].replace("", np.nan)
    check("change", change[["dimension", "group", "question", "change_pp", "ci_low_pp", "ci_high_pp", "p_value",
                            "verdict", "suppressed"]],
          read_cpp("change.csv"), ["dimension", "group", "question"], ["verdict", "suppressed"],
          ["change_pp", "ci_low_pp", "ci_high_pp", "p_value"], rtol=1e-7)
    return checked, mismatches


def main():
    if not os.path.exists(os.path.join(DATA_DIR, "data.csv")):
        print("no data set in %s: run bench_analytics (native) first" % DATA_DIR)
        return 1
    frame, population, load_s = load()
    frame, prepare_s = prepare(frame)
    runs = []
    tables = None
    for _ in range(3):
        start = time.perf_counter()
        tables = tabulate(frame, population)
        runs.append(time.perf_counter() - start)
    tabulate_ms = sorted(runs)[len(runs) // 2] * 1000.0
    print("pandas %s, numpy %s, scipy %s" % (pd.__version__, np.__version__, stats.__name__.split(".")[0] and
                                               __import__("scipy").__version__))
    print("read CSV                     %8.1f ms (not part of the comparison)" % (load_s * 1000.0))
    print("prepare categoricals         %8.1f ms (once per load, like the engine's encoding)" % (prepare_s * 1000.0))
    print("tabulate every table         %8.1f ms median of %d (min %.1f, max %.1f)" %
          (tabulate_ms, len(runs), min(runs) * 1000.0, max(runs) * 1000.0))
    print("tables: %d return-rate rows, %d satisfaction rows (%d suppressed), %d means rows, %d change rows" %
          (len(tables["return_rates"]), len(tables["satisfaction"]), int(tables["satisfaction"]["suppressed"].sum()),
           len(tables["means"]), len(tables["change"])))
    for build in ("native", "wasm"):
        path = os.path.join(DATA_DIR, "timings_%s.json" % build)
        if not os.path.exists(path):
            print("C++ %-6s: no timings (run bench_analytics as %s)" % (build, build))
            continue
        with open(path) as handle:
            timings = json.load(handle)
        print("C++ %-6s: tabulate %.1f ms (processor %.1f ms)  ->  pandas / C++ = %.1fx (target: at least 5x)" %
              (build, timings["tabulate_ms"], timings["tabulate_cpu_ms"], tabulate_ms / timings["tabulate_ms"]))
        if "tabulate_first_ms" in timings:
            # The slowest case, a cold first call, must clear the target too.
            print("C++ %-6s: first call %.1f ms  ->  pandas / C++ = %.1fx" %
                  (build, timings["tabulate_first_ms"], tabulate_ms / timings["tabulate_first_ms"]))
    checked, mismatches = compare(tables)
    print("figures compared with the engine's tables: %d, disagreeing: %d" % (checked, mismatches))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
