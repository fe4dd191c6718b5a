"""Build recoupe/analyse/data/first_names.tsv.gz, the first-name gender lexicon that speaker
resolution uses when an article never marks a person's gender ("Rachida Dati" and "le ministre des
Affaires étrangères" are not one person).

Source: names-dataset 3.3.1 (Philippe Remy, MIT licence), first names with their gender shares and
their popularity ranks in 105 countries. Kept: a name ranked within the first 10,000 in a
French-speaking country or the first 1,000 anywhere, whose gender share is at least 90 %;
one name per line, "name<TAB>m|f". Run once by a developer (``pip install -e ".[data]"``); nothing
downloads at run time.

    python scripts/build_first_names.py
"""

from __future__ import annotations

import gzip
import os
import pickle
import re
from pathlib import Path

FRENCH_SPEAKING = {"FR", "BE", "CH", "CA", "LU", "MA", "DZ", "TN", "SN", "CI", "CM", "HT", "MU", "LB"}
RANK_FRENCH, RANK_ANYWHERE, SHARE = 10_000, 1_000, 0.9
# French usage the worldwide shares blur: "Jean" is a woman's name in English-speaking countries
OVERRIDES = {"Jean": "m"}
# titles, kinship words and pronouns that the source counts as first names
NOT_NAMES = {"Abbé", "Docteur", "Dr", "Elle", "Général", "Lord", "Madame", "Mademoiselle", "Maître", "Mère",
             "Ministre", "Monsieur", "Père", "Prince", "Princesse", "Président", "Reine", "Roi", "Saint",
             "Sainte", "Sir", "Soeur", "Sœur", "Frère", "Il", "Lui", "Moi", "Toi", "Eux", "Le", "La", "Les"}
OUT = Path(__file__).resolve().parent.parent / "recoupe" / "analyse" / "data" / "first_names.tsv.gz"


def main() -> None:
    import names_dataset

    path = os.path.join(os.path.dirname(names_dataset.__file__), "v3", "first_names.pkl.gz")
    with gzip.open(path) as f:
        names = pickle.load(f)
    kept: dict[str, str] = {}
    for name, info in names.items():
        if len(name) < 2 or not re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", name) or \
                any(part in NOT_NAMES for part in re.split(r"[-']", name)):
            continue
        ranks = info.get("rank") or {}
        genders = {g: s for g, s in (info.get("gender") or {}).items() if s is not None}
        if not ranks or not genders:
            continue
        french = min((r for c, r in ranks.items() if c in FRENCH_SPEAKING), default=None)
        if not ((french is not None and french <= RANK_FRENCH) or min(ranks.values()) <= RANK_ANYWHERE):
            continue
        top = max(genders, key=genders.get)
        if genders[top] >= SHARE:
            kept[name] = top.lower()
    kept.update(OVERRIDES)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same data gives the same bytes
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write("".join(f"{name}\t{kept[name]}\n" for name in sorted(kept)).encode("utf-8"))
    print(f"{len(kept)} names → {OUT}")


if __name__ == "__main__":
    main()
