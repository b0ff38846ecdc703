#!/usr/bin/python3
"""Writes the demo data set in assets/demo/: a synthetic pupil survey in two waves.

Everything is made up, and deterministic: the same seed gives byte-identical files, so the
committed files can be checked by running this again (`git diff` shows nothing). Only the
standard library is used; run it with /usr/bin/python3 (or any Python 3.7+):

    /usr/bin/python3 scripts/make_demo_data.py

What the data shows, on purpose:
- a baseline wave (2024) and a follow-up wave (2025) of the pupil survey
  (assets/surveys/pupil.json), as response CSVs, one per wave, in the layout of
  src/core/response_csv.h (a baseline kept in a spreadsheet comes in the same way);
- schools of very different sizes: two large secondaries, primaries, a small college and a
  very small special school whose figures are suppressed (in 2024 below 10 respondents, in
  2025 not), so small-number suppression and secondary suppression both show;
- pupils who chose "other" school (responses with no invited count), "prefer not to say",
  "don't know" answers, skipped questions, partial responses and refusals;
- plausible patterns: primary pupils more positive than secondary, pupils with SEND less
  positive on feeling safe and happy at school, and between the waves a clear improvement in
  "adults listen" and "know where to get help" (the council's actions), a slight fall in
  "like where I live", the rest about the same;
- a population file (pupils invited per school and wave) and a KPI file with checkpoints
  and one officer override.
"""

import csv
import datetime
import json
import math
import os
import random

SEED = 20240226
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SURVEY_PATH = os.path.join(ROOT, "assets", "surveys", "pupil.json")
OUT_DIR = os.path.join(ROOT, "assets", "demo")

WAVES = {
    # wave: (first day of fieldwork, number of school days it ran)
    "2024": (datetime.date(2024, 2, 26), 20),
    "2025": (datetime.date(2025, 2, 24), 20),
}

# id, kind of school (school_type option), year groups, pupils invited per wave, share of
# invited pupils who respond per wave, effect on how positive pupils are.
SCHOOLS = [
    ("kingsdown_academy", "secondary", range(7, 12), {"2024": 640, "2025": 655}, {"2024": 0.52, "2025": 0.58}, -0.15),
    ("westmoor_secondary", "secondary", range(7, 12), {"2024": 470, "2025": 462}, {"2024": 0.41, "2025": 0.47}, -0.30),
    ("brookfield_primary", "primary", range(4, 7), {"2024": 186, "2025": 190}, {"2024": 0.63, "2025": 0.66}, 0.35),
    ("meadowbank_juniors", "primary", range(4, 7), {"2024": 118, "2025": 121}, {"2024": 0.55, "2025": 0.52}, 0.20),
    ("st_aldhelms_primary", "primary", range(4, 7), {"2024": 42, "2025": 44}, {"2024": 0.55, "2025": 0.60}, 0.45),
    ("severnvale_college", "post_16", range(12, 14), {"2024": 150, "2025": 158}, {"2024": 0.17, "2025": 0.22}, -0.05),
    ("larkhill_special", "special", range(7, 12), {"2024": 14, "2025": 16}, {"2024": 0.45, "2025": 0.94}, 0.10),
]

# Scale items: base level (0.5 gives about half "mostly" or "yes, a lot", 1.0 about two thirds),
# change in 2025, and
# whether SEND pupils answer it lower.
ITEMS = {
    "feel_valued": (0.90, 0.05, False),
    "feel_safe": (1.15, 0.05, True),
    "know_where_to_get_help": (0.80, 0.45, False),
    "happy_at_school": (0.85, 0.00, True),
    "healthy_and_active": (1.00, -0.05, False),
    "ready_for_adult_life": (0.70, 0.05, False),
    "can_say_what_i_think": (0.95, 0.10, False),
    "adults_listen": (0.45, 0.60, False),
    "like_where_i_live": (1.05, -0.30, False),
}

FEELINGS = ["happy", "calm", "excited", "tired", "bored", "worried", "sad", "angry", "lonely"]
TROUBLED = {"worried", "sad", "angry", "lonely"}

CHANGE_IDEAS = [
    "More clubs after school that are free",
    "Safer places to play in the park",
    "Buses that come on time",
    "Less litter and more trees",
    "Somewhere to go in the evenings for teenagers",
    "Teachers who listen when you are worried",
    "More help with mental health",
    "Cheaper food at school",
]


class Draw:
    """The only source of randomness: Mersenne Twister's random() and getrandbits(), which
    Python keeps stable across versions for a given integer seed."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def uniform(self):
        return self.rng.random()

    def chance(self, probability):
        return self.rng.random() < probability

    def normal(self):
        # Box-Muller from two uniforms, so nothing depends on random.gauss's internals.
        u1 = max(self.rng.random(), 1e-12)
        u2 = self.rng.random()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def pick(self, items):
        return items[int(self.rng.random() * len(items)) % len(items)]

    def weighted(self, pairs):
        total = sum(weight for _, weight in pairs)
        target = self.rng.random() * total
        for value, weight in pairs:
            target -= weight
            if target < 0:
                return value
        return pairs[-1][0]

    def hex_id(self):
        return "%032x" % self.rng.getrandbits(128)


def load_question_ids():
    with open(SURVEY_PATH, encoding="utf-8") as handle:
        survey = json.load(handle)
    ids = []
    for section in survey["sections"]:
        for question in section["questions"]:
            ids.append(question["id"])
    return survey["id"], survey["version"], ids


def scale_answer(draw, propensity):
    """A 'how true' option from a continuous propensity; about 4% don't know."""
    if draw.chance(0.04):
        return "dont_know"
    score = 3.0 + propensity + 0.9 * draw.normal()
    value = min(5, max(1, int(round(score))))
    return ["not_at_all", "not_really", "a_bit", "mostly", "yes_a_lot"][value - 1]


def pupil_answers(draw, school, wave):
    school_id, school_type, years, _, _, school_effect = school
    answers = {}
    year = draw.pick(list(years))
    answers["year_group"] = "year_%d" % year if not draw.chance(0.015) else "prefer_not_to_say"
    if draw.chance(0.04):
        answers["age"] = "prefer_not_to_say"
    elif draw.chance(0.05):
        answers["age"] = "(skipped)"
    else:
        answers["age"] = str(year + 4 + (1 if draw.chance(0.6) else 0))
    answers["school_type"] = school_type if not draw.chance(0.04) else draw.pick(["dont_know", "prefer_not_to_say"])
    roll = draw.uniform()
    if roll < 0.025:
        answers["school"] = "prefer_not_to_say"
    elif roll < 0.055:
        answers["school"] = "other"
    else:
        answers["school"] = school_id

    if school_type == "special":
        send = draw.weighted([("ehc_plan", 80), ("sen_support", 10), ("dont_know", 10)])
    else:
        send = draw.weighted([("ehc_plan", 4), ("sen_support", 13), ("none", 68), ("dont_know", 9),
                              ("prefer_not_to_say", 2), ("(skipped)", 4)])
    has_send = send in ("ehc_plan", "sen_support")

    wellbeing = draw.normal()
    wave_index = 1 if wave == "2025" else 0
    for item, (base, change, send_lower) in ITEMS.items():
        propensity = base + school_effect + change * wave_index + 0.8 * wellbeing
        if send_lower and has_send:
            propensity -= 0.6
        answers[item] = "(skipped)" if draw.chance(0.02) else scale_answer(draw, propensity)

    if draw.chance(0.03):
        answers["happiness"] = "dont_know"
    elif draw.chance(0.02):
        answers["happiness"] = "(skipped)"
    else:
        phase_shift = 0.5 if school_type == "primary" else (-0.4 if school_type == "secondary" else 0.0)
        value = 7.0 + phase_shift + 1.4 * wellbeing + 1.0 * draw.normal()
        answers["happiness"] = str(min(10, max(0, int(round(value)))))

    if draw.chance(0.03):
        answers["feelings"] = "prefer_not_to_say"
        feelings = set()
    else:
        count = 1 + int(draw.uniform() * 3)
        feelings = set()
        for _ in range(count):
            if wellbeing + 0.5 * draw.normal() > 0:
                feelings.add(draw.pick(["happy", "calm", "excited", "tired"]))
            else:
                feelings.add(draw.pick(["tired", "bored", "worried", "sad", "angry", "lonely"]))
        answers["feelings"] = ";".join(f for f in FEELINGS if f in feelings)
    if feelings & TROUBLED:
        answers["adult_to_talk_to"] = draw.weighted([("yes", 72), ("no", 16), ("dont_know", 9), ("(skipped)", 3)])
    answers["one_thing_to_change"] = draw.pick(CHANGE_IDEAS) if draw.chance(0.12) else ""

    answers["send_support"] = send
    answers["care_status"] = draw.weighted([("yes", 2), ("no", 84), ("dont_know", 5), ("prefer_not_to_say", 5),
                                            ("(skipped)", 4)])
    answers["young_carer"] = draw.weighted([("yes", 6), ("no", 78), ("dont_know", 7), ("prefer_not_to_say", 4),
                                            ("(skipped)", 5)])
    answers["gender"] = draw.weighted([("girl", 46), ("boy", 46), ("another_way", 2), ("prefer_not_to_say", 3),
                                       ("(skipped)", 3)])
    answers["ethnic_group"] = draw.weighted([("white", 78), ("asian", 6), ("black", 4), ("mixed", 5), ("other", 1),
                                             ("dont_know", 2), ("prefer_not_to_say", 2), ("(skipped)", 2)])
    return answers


def submitted_at(draw, wave):
    first_day, days = WAVES[wave]
    day = first_day + datetime.timedelta(days=int(draw.uniform() * days * 7 / 5))
    while day.weekday() >= 5:  # school days only
        day += datetime.timedelta(days=1)
    seconds = int((9 * 60 + draw.uniform() * 6 * 60) * 60)
    moment = datetime.datetime(day.year, day.month, day.day) + datetime.timedelta(seconds=seconds)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def make_wave(draw, wave, question_ids):
    rows = []
    for school in SCHOOLS:
        school_id, school_type, _, invited, response_rate, _ = school
        responding = int(round(invited[wave] * response_rate[wave]))
        station = school_id.replace("_", "-") + "-tablet"
        for _ in range(responding):
            row = {"response_id": draw.hex_id(), "wave": wave, "station_id": station}
            roll = draw.uniform()
            if roll < 0.02:
                row["status"] = "refused"
                answers = {}
            else:
                answers = pupil_answers(draw, school, wave)
                row["status"] = "complete"
                if roll < 0.07:
                    # Left part-way: the answers after a random point are missing.
                    row["status"] = "partial"
                    stop = 3 + int(draw.uniform() * 10)
                    for question_id in question_ids[stop:]:
                        answers.pop(question_id, None)
            if school_type == "special":
                row["answer_mode"] = draw.weighted([("helped_by_adult", 80), ("on_behalf", 10), ("self", 10)])
            elif school_type == "primary":
                row["answer_mode"] = "helped_by_adult" if draw.chance(0.08) else "self"
            else:
                row["answer_mode"] = "self"
            row["submitted_at"] = submitted_at(draw, wave) if row["status"] != "refused" else ""
            row.update(answers)
            rows.append(row)
    rows.sort(key=lambda r: (r["submitted_at"], r["response_id"]))
    return rows


def write_csv(path, header, rows):
    # UTF-8 with a BOM and CRLF, as Excel's "CSV UTF-8" writes it.
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)


def main():
    survey_id, survey_version, question_ids = load_question_ids()
    os.makedirs(OUT_DIR, exist_ok=True)
    draw = Draw(SEED)
    header = ["response_id", "survey_id", "survey_version", "wave", "status", "answer_mode", "station_id",
              "submitted_at"] + question_ids
    counts = {}
    for wave in WAVES:
        rows = make_wave(draw, wave, question_ids)
        table = []
        for row in rows:
            cells = [row["response_id"], survey_id, str(survey_version), row["wave"], row["status"],
                     row["answer_mode"], row["station_id"], row["submitted_at"]]
            cells += [row.get(question_id, "") for question_id in question_ids]
            table.append(cells)
        write_csv(os.path.join(OUT_DIR, "pupil_responses_%s.csv" % wave), header, table)
        counts[wave] = len(rows)

    population = []
    for wave in WAVES:
        population.append([wave, "all", "all", str(sum(school[3][wave] for school in SCHOOLS))])
        for school in SCHOOLS:
            population.append([wave, "school", school[0], str(school[3][wave])])
    write_csv(os.path.join(OUT_DIR, "population.csv"), ["wave", "dimension", "group", "invited"], population)

    kpi_header = ["kpi", "description", "statistic", "question", "theme", "dimension", "group", "target",
                  "direction", "wave", "measured_on", "checkpoint_1_date", "checkpoint_1_target",
                  "checkpoint_2_date", "checkpoint_2_target", "checkpoint_3_date", "checkpoint_3_target",
                  "status_override", "override_note"]
    kpis = [
        ["feel_safe", "80% of pupils feel safe (mostly or a lot)", "percent_positive", "feel_safe", "", "", "",
         "80", "higher", "", "", "2024-12-31", "65", "2025-06-30", "72", "2026-03-31", "", "", ""],
        ["listened_to", "75% of pupils say adults listen to them", "percent_positive", "", "listened_to", "", "",
         "75", "higher", "", "", "2024-09-30", "60", "2025-03-01", "70", "2026-03-31", "", "", ""],
        ["know_where_to_get_help", "70% of pupils know where to get help", "percent_positive",
         "know_where_to_get_help", "", "", "", "70", "higher", "", "", "2025-03-31", "65", "", "", "", "", "", ""],
        ["happiness_mean", "Average happiness of 7 out of 10 or more", "mean", "happiness", "", "", "", "7.2",
         "higher", "", "", "", "", "", "", "", "", "", ""],
        ["send_happy_at_school", "65% of pupils with an EHC plan are happy at school", "percent_positive",
         "happy_at_school", "", "send_status", "ehc_plan", "65", "higher", "", "", "2025-06-30", "60", "", "", "",
         "", "", ""],
        ["return_rate", "Half of invited pupils take part", "rr2", "", "", "", "", "50", "higher", "", "",
         "2025-03-31", "50", "", "", "", "", "On track",
         "Larkhill returned paper forms after the tablets left; they will be added next term"],
        ["like_where_i_live", "Pupils who like growing up where they live (for context)", "percent_positive",
         "like_where_i_live", "", "", "", "", "contextual", "", "", "", "", "", "", "", "", "", ""],
    ]
    write_csv(os.path.join(OUT_DIR, "kpis.csv"), kpi_header, kpis)
    print("wrote %s: %s" % (os.path.relpath(OUT_DIR, ROOT),
                            ", ".join("%d responses in %s" % (count, wave) for wave, count in counts.items())))


if __name__ == "__main__":
    main()
