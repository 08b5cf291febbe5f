"""Makes agreement-fixtures.json: random label data with the answers of independent implementations.

Run once, in a throw-away virtualenv (the tests read only the JSON this writes):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install krippendorff scikit-learn statsmodels
    /tmp/venv/bin/python make_fixtures.py > agreement-fixtures.json
Krippendorff's alpha comes from the `krippendorff` package (nominal level), Cohen's kappa from
scikit-learn's cohen_kappa_score, Fleiss' kappa from statsmodels' fleiss_kappa.
"""
import json
import random

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

rng = random.Random(20261206)
LABELS = ["factual", "opinion", "prediction", "other", "favor", "against"]


def labels_for(raters, items, categories, agreement):
    """Items labelled by every rater; each rater copies a common label with probability `agreement`."""
    rows = [[] for _ in range(raters)]
    for _ in range(items):
        common = rng.choice(categories)
        for r in range(raters):
            rows[r].append(common if rng.random() < agreement else rng.choice(categories))
    return rows


cases = {"cohen": [], "fleiss": [], "alpha": []}
for n in range(12):
    categories = LABELS[: rng.randint(2, 6)]
    rows = labels_for(2, rng.randint(5, 60), categories, rng.choice([0.2, 0.5, 0.8, 0.95]))
    kappa = cohen_kappa_score(rows[0], rows[1])
    cases["cohen"].append({"a": rows[0], "b": rows[1], "kappa": None if np.isnan(kappa) else kappa})
for n in range(12):
    categories = LABELS[: rng.randint(2, 6)]
    raters = rng.randint(3, 6)
    rows = labels_for(raters, rng.randint(5, 50), categories, rng.choice([0.2, 0.5, 0.8, 0.95]))
    items = [[rows[r][i] for r in range(raters)] for i in range(len(rows[0]))]
    codes = [[categories.index(v) for v in item] for item in items]
    table, _ = aggregate_raters(np.array(codes))
    kappa = fleiss_kappa(table, method="fleiss")
    cases["fleiss"].append({"items": items, "kappa": None if np.isnan(kappa) else kappa})
for n in range(12):
    categories = LABELS[: rng.randint(2, 6)]
    raters = rng.randint(2, 5)
    rows = labels_for(raters, rng.randint(5, 60), categories, rng.choice([0.2, 0.5, 0.8, 0.95]))
    missing = rng.choice([0.0, 0.1, 0.3])
    rows = [[None if rng.random() < missing else v for v in row] for row in rows]
    coded = [[np.nan if v is None else categories.index(v) for v in row] for row in rows]
    alpha = krippendorff.alpha(reliability_data=np.array(coded, dtype=float), level_of_measurement="nominal")
    cases["alpha"].append({"raters": rows, "alpha": None if np.isnan(alpha) else alpha})

print(json.dumps(cases, indent=1, sort_keys=True))
