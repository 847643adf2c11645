"""Reference values for Atelier's adjusted effects (tests/cohort.rs,
`adjusted_effects_match_statsmodels`).

Writes `pe_factors.csv`, a small Pôle emploi extract shaped like the sample's (every young
person a known exit of phase 2), then fits, with statsmodels, the logistic regression of
each of the report's three classes of exit against the other two on the factors the extract
holds, coded as Atelier codes them (each factor's largest level is the reference), and
writes the odds ratios and their 95 % Wald intervals to `reference.json`.

Run once (python3 make_reference.py, with statsmodels installed); the outputs are kept in
the repository so that the tests need no Python.
"""

import json
import math
import random
from pathlib import Path

import numpy as np
import statsmodels.api as sm

HERE = Path(__file__).parent
rng = random.Random(20130630)

SEXES = ["Homme", "Femme"]
LEVELS = ["Niveau III", "Niveau IV", "Niveau V"]
REGIONS = ["Bretagne", "Normandie", "Occitanie", "Île-de-France"]
CLASSES = ["sustainable_job", "near_job", "no_job"]
SITUATIONS = [
    ["CDI", "CDD de 6 mois ou plus"],
    ["Emploi de moins de 6 mois", "Formation qualifiante", "POE / AFPR"],
    ["Sans emploi"],
]


def age_band(age):
    if age <= 17:
        return "Moins de 18 ans"
    if age <= 21:
        return "18-21 ans"
    if age <= 25:
        return "22-25 ans"
    return "Plus de 25 ans"


def registration_band(months):
    if months <= 6:
        return "6 mois ou moins"
    if months <= 12:
        return "De 7 à 12 mois"
    if months <= 24:
        return "De 13 à 24 mois"
    return "Plus de 24 mois"


people = []
for i in range(900):
    sex = rng.choice(SEXES)
    level = rng.choices(LEVELS, weights=[30, 40, 30])[0]
    age = rng.choices([19, 20, 21, 22, 23, 24, 25, 26, 27], weights=[8, 10, 12, 14, 14, 12, 10, 6, 4])[0]
    foreign = rng.random() < 0.12
    zus = rng.random() < 0.18
    region = rng.choices(REGIONS, weights=[25, 20, 25, 30])[0]
    months = rng.choice([2, 4, 6, 8, 10, 12, 15, 18, 22, 26, 30, 40])
    # A multinomial logit: sustainable job and near job against no job.
    lin_job = (
        0.2
        + (0.3 if sex == "Femme" else 0.0)
        + {"Niveau III": 0.6, "Niveau IV": 0.25, "Niveau V": 0.0}[level]
        - (0.5 if age >= 26 else 0.0)
        - (0.35 if foreign else 0.0)
        - (0.4 if zus else 0.0)
        + {"Bretagne": 0.3, "Normandie": 0.1, "Occitanie": 0.0, "Île-de-France": -0.3}[region]
        - (0.3 if months > 24 else 0.0)
    )
    lin_near = -0.3 + (0.2 if sex == "Homme" else 0.0) + (0.2 if level == "Niveau IV" else 0.0)
    weights = [math.exp(lin_job), math.exp(lin_near), 1.0]
    total = sum(weights)
    draw = rng.random() * total
    cls = 0 if draw < weights[0] else (1 if draw < weights[0] + weights[1] else 2)
    situation = rng.choice(SITUATIONS[cls])
    people.append(
        dict(
            id=i + 1,
            sex=sex,
            level=level,
            age=age,
            nationality="Hors Union européenne" if foreign else "Française",
            zus="Oui" if zus else "Non",
            region=region,
            months=months,
            situation=situation,
            cls=cls,
        )
    )

HEADINGS = [
    "Identifiant", "Agence", "Région", "Date d'entrée", "Date de début de phase 2",
    "Date de début de phase 3", "Date de sortie", "Motif de sortie",
    "Situation en fin de phase 2", "Âge à l'entrée", "Sexe", "Niveau de formation",
    "Nationalité", "Résidence en ZUS", "Durée totale d'inscription (mois)",
]
lines = [";".join(HEADINGS)]
for p in people:
    lines.append(";".join([
        str(p["id"]), "Agence " + p["region"], p["region"], "10/01/2012", "10/02/2012", "",
        "10/06/2012", "Fin de la phase 2", p["situation"], str(p["age"]), p["sex"], p["level"],
        p["nationality"], p["zus"], str(p["months"]),
    ]))
(HERE / "pe_factors.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

# The factors as Atelier codes them, in its order; the reference is the largest level
# (the first in the factor's order on a tie).
FACTORS = [
    ("sex", lambda p: p["sex"], SEXES),
    ("age_band", lambda p: age_band(p["age"]), ["Moins de 18 ans", "18-21 ans", "22-25 ans", "Plus de 25 ans"]),
    ("level", lambda p: p["level"], ["Niveau I", "Niveau II", "Niveau III", "Niveau IV", "Niveau V", "Niveau V bis", "Niveau VI"]),
    ("nationality", lambda p: "Française" if p["nationality"] == "Française" else "Étrangère", ["Française", "Étrangère"]),
    ("zus", lambda p: "En ZUS" if p["zus"] == "Oui" else "Hors ZUS", ["En ZUS", "Hors ZUS"]),
    ("registration", lambda p: registration_band(p["months"]), ["6 mois ou moins", "De 7 à 12 mois", "De 13 à 24 mois", "Plus de 24 mois"]),
    # Regions in the order first met in the file, as Atelier interns them.
    ("region", lambda p: p["region"], list(dict.fromkeys(p["region"] for p in people))),
]

columns = []
names = []
for fid, value, order in FACTORS:
    counts = {level: sum(1 for p in people if value(p) == level) for level in order}
    present = [level for level in order if counts[level] > 0]
    assert all(counts[level] >= 30 for level in present), (fid, counts)
    reference = max(present, key=lambda level: (counts[level], -order.index(level)))
    for level in present:
        if level != reference:
            columns.append([1.0 if value(p) == level else 0.0 for p in people])
            names.append((fid, level))

X = sm.add_constant(np.array(columns).T)
reference = {"classes": []}
for c, class_id in enumerate(CLASSES):
    y = np.array([1.0 if p["cls"] == c else 0.0 for p in people])
    result = sm.Logit(y, X).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
    ci = result.conf_int(alpha=0.05)
    terms = []
    for k, (fid, level) in enumerate(names, start=1):
        terms.append({
            "factor": fid,
            "level": level,
            "odds_ratio": float(np.exp(result.params[k])),
            "low": float(np.exp(ci[k][0])),
            "high": float(np.exp(ci[k][1])),
        })
    reference["classes"].append({"class": class_id, "n": len(people), "terms": terms})

(HERE / "reference.json").write_text(
    json.dumps(reference, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
)
print("wrote pe_factors.csv and reference.json:", len(people), "young people,", len(names), "terms")
