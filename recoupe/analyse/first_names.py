"""The usual gender of a first name, for persons whose article never marks it.

The lexicon (``data/first_names.tsv.gz``, about 70,000 names) is derived from names-dataset
(MIT licence) by ``scripts/build_first_names.py``: names common in a French-speaking country or
anywhere, whose bearers are at least 90 % of one gender. A name it does not settle ("Dominique",
"Claude", "Camille") gives no answer.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

_PATH = Path(__file__).parent / "data" / "first_names.tsv.gz"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    with gzip.open(_PATH, "rt", encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t") for line in f if "\t" in line)


def first_name_gender(name: str) -> str | None:
    """"m" or "f" for a person's name by its first word ("Rachida Dati" → "f"); a compound
    first name by its first part when the whole is not listed ("Jean-Baptiste" → "m")."""
    words = name.split()
    if not words:
        return None
    first = words[0].strip(".,;:")
    if not first[:1].isupper() or first.isupper() and len(first) > 1:
        return None  # "de Villepin", "MSF"
    lexicon = _lexicon()
    gender = lexicon.get(first)
    if gender is None and "-" in first:
        gender = lexicon.get(first.split("-")[0])
    return gender
