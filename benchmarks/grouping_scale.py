"""Time to group one article as the store grows: 1k, 10k and 100k synthetic articles over a year.

Acceptance criterion: the mean time to group one article with 1k, 10k and 100k articles already in
the store (synthetic articles made from the corpora, spread over a year) grows by at most 1.5x
from 1k to 100k; peak memory at 100k is reported.

Raw material: the real analyses (spaCy + USE embeddings) of rpm2-dev (200 articles) and
examples/seeds (5), computed once in a child process, so that the NLP models never weigh on this
process's memory, and cached under the system temp dir (keyed by a hash of the inputs and of the
analysis code). Synthetic articles recombine them without spaCy: each synthetic storyline takes a
real article as its seed, replaces a share of its terms and entities with its own
(``t<storyline>x<k>``, ``ent<storyline>x<k>``), each event of it a few more, and each article
drops some terms, jitters the counts and brings a few terms of its own; embeddings get seeded
noise. Texts are sentences drawn from the whole pool plus a unique reference sentence, so MinHash
finds no copies. Storylines last weeks, events a few days, a few articles per event; every store
spans one year (2024), so a larger store is a denser archive.

For each size N a fresh file-backed store is built through the real code path, exactly as
``recoupe.pipeline.ingest_documents`` does it (``insert_article`` + ``Grouper.add`` +
``add_entity_mentions`` inside ``store.transaction()``, publication order, the second look
``refine`` after every chunk of ``ORDER_CHUNK`` articles). Then a fixed probe set, the same at
every size (half continue storylines present in every store, half start new ones; dated on the
last day of the year or just after), is grouped one probe at a time, each in a transaction that is
rolled back, best of ``--repeat`` passes. The stores of all sizes are built first and stay open;
the passes then interleave the sizes (1k, 10k, 100k, 1k, ...), so that every size meets the same
load of a shared machine:

* warm: the grouper that built the store, its idf cache restored after each rollback (the next
  article of a long ingest run; memory is measured after the build, before the probes);
* cold: ``grouper.idf.forget()`` before and after each probe (the first article of a new run).

The figure is the time of ``Grouper.add`` per article: CPU time of this process (the ratio line),
which other work on a shared machine leaves nearly intact, and wall time beside it; the system
share of that CPU time and the reads per probe show what the store's file costs.

    .venv/bin/python benchmarks/grouping_scale.py [--sizes 1000,10000,100000] [--probes 200] [--seed 0]
        [--repeat 7] [--profile N]

``--profile N`` adds one more warm pass per size under cProfile (not timed) and prints its N
heaviest functions and how many storylines and events each probe scored.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import math
import os
import pickle
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from recoupe.clean.document import content_hash  # noqa: E402
from recoupe.group import Grouper  # noqa: E402
from recoupe.pipeline import ORDER_CHUNK  # noqa: E402
from recoupe.records import Analysis, Article, Mention  # noqa: E402
from recoupe.settings import Settings  # noqa: E402
from recoupe.store import Store  # noqa: E402

CORPORA = [ROOT.parent / "shared" / "corpora" / "rpm2-dev" / "documents", ROOT / "examples" / "seeds"]
YEAR_START = date(2024, 1, 1)
YEAR_DAYS = 366                     # 2024: background articles are dated on days 0 .. 365

# Synthetic world: shares of the seed's vocabulary each level makes its own, embedding noise.
STORY_TERMS, STORY_ENTITIES = 0.6, 0.7
EVENT_TERMS, EVENT_ENTITIES = 0.2, 0.2
ARTICLE_DROP, ARTICLE_OWN_TERMS = 0.2, 3
NOISE_STORY, NOISE_EVENT, NOISE_ARTICLE = 1.2, 0.5, 0.4
ANCHOR_BASE = 1_000_000             # storyline ids of the anchors (in every store, probes continue them)
NEW_BASE = 2_000_000                # storyline ids of the probes' new storylines


# --- raw material: real analyses, computed in a child process and cached ----------------------
def _input_files() -> list[Path]:
    return sorted(p for folder in CORPORA for p in folder.rglob("*") if p.is_file())


def _cache_path(settings: Settings) -> Path:
    digest = hashlib.sha256()
    for path in _input_files():
        digest.update(str(path.relative_to(path.anchor)).encode() + b"\0" + path.read_bytes())
    for path in sorted((ROOT / "recoupe").glob("**/*.py")):
        if path.parent.name in ("analyse", "clean", "sources") or path.name == "records.py":
            digest.update(path.read_bytes())
    digest.update(settings.spacy_model.encode())
    return Path(tempfile.gettempdir()) / f"recoupe-grouping-scale-{digest.hexdigest()[:16]}.pickle"


def _analyse_to(out: Path) -> None:
    """Child process: read, clean and analyse the corpora, pickle ``[(Article, Analysis)]``."""
    from recoupe.analyse import analyse_articles
    from recoupe.clean import clean_document
    from recoupe.records import ReadError
    from recoupe.sources import read_paths

    settings = Settings()
    articles = []
    for raw in read_paths([str(p) for p in CORPORA], settings):
        if isinstance(raw, ReadError):
            raise SystemExit(f"cannot read {raw}")
        article = clean_document(raw)
        if article.text.strip():
            articles.append(article)
    pairs = list(zip(articles, analyse_articles(articles, settings)))
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(pairs, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(out)


def real_analyses(settings: Settings) -> list[tuple[Article, Analysis]]:
    cache = _cache_path(settings)
    if not cache.exists():
        print(f"analysing the corpora once (cache: {cache}) ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--analyse-to", str(cache)], check=True)
        print(f"  done in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
        for stale in cache.parent.glob("recoupe-grouping-scale-*.pickle"):  # older code or inputs
            if stale != cache:
                stale.unlink(missing_ok=True)
    return pickle.loads(cache.read_bytes())


# --- synthetic articles -------------------------------------------------------------------------
def _unit(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v) or 1.0)


class World:
    """Deterministic synthetic storylines, events and articles recombined from real analyses."""

    def __init__(self, pool: list[tuple[Article, Analysis]], seed: int) -> None:
        self.pool = [(a, an) for a, an in pool if an.terms and an.embedding]
        self.seed = seed
        # Sentences of every real article, for texts that copy no other synthetic text.
        self.sentences: list[tuple[str, tuple[str, ...]]] = []
        for article, analysis in self.pool:
            for (start, end), terms in zip(analysis.sentences, analysis.sentence_terms):
                text = " ".join(article.text[start:end].split())
                if len(text.split()) >= 6:
                    self.sentences.append((text, terms))
        # Storylines last weeks and articles come in publication order: a few thousand cached
        # storylines and events cover the active ones (a cache miss only recomputes a seeded draw).
        self.story = lru_cache(maxsize=4096)(self._story)
        self.event = lru_cache(maxsize=4096)(self._event)

    def _rng(self, *key: int) -> np.random.Generator:
        return np.random.default_rng([self.seed, *key])

    def _story(self, sid: int) -> dict:
        rng = self._rng(1, sid)
        article, analysis = self.pool[int(rng.integers(len(self.pool)))]
        terms = {t: f"t{sid}x{k}" for k, t in enumerate(sorted(analysis.terms)) if rng.random() < STORY_TERMS}
        keys = sorted({m.key for m in analysis.mentions})
        ents = {key: f"ent{sid}x{k}" for k, key in enumerate(keys) if rng.random() < STORY_ENTITIES}
        emb = _unit(np.asarray(analysis.embedding) + rng.normal(0, NOISE_STORY / math.sqrt(512), 512))
        return {"article": article, "analysis": analysis, "terms": terms, "ents": ents, "emb": emb}

    def _event(self, sid: int, eid: int) -> dict:
        story = self.story(sid)
        rng = self._rng(2, sid, eid)
        analysis = story["analysis"]
        terms = dict(story["terms"])
        for k, t in enumerate(sorted(analysis.terms)):
            if rng.random() < EVENT_TERMS:
                terms[t] = f"t{sid}e{eid}x{k}"
        ents = dict(story["ents"])
        for k, key in enumerate(sorted({m.key for m in analysis.mentions})):
            if rng.random() < EVENT_ENTITIES:
                ents[key] = f"ent{sid}e{eid}x{k}"
        emb = _unit(story["emb"] + rng.normal(0, NOISE_EVENT / math.sqrt(512), 512))
        return {"terms": terms, "ents": ents, "emb": emb}

    def article(self, sid: int, eid: int, aid: int, day: int) -> tuple[Article, Analysis]:
        story, event = self.story(sid), self.event(sid, eid)
        seed_article, seed = story["article"], story["analysis"]
        rng = self._rng(3, sid, eid, aid)
        uid = f"{sid}-{eid}-{aid}"
        tmap, emap = event["terms"], event["ents"]

        terms: dict[str, float] = {}
        dropped = set()
        for t, count in seed.terms.items():
            if rng.random() < ARTICLE_DROP:
                dropped.add(t)
            else:
                terms[tmap.get(t, t)] = float(max(1, round(count * rng.uniform(0.6, 1.6))))
        for k in range(ARTICLE_OWN_TERMS):
            terms[f"u{sid}e{eid}a{aid}x{k}"] = 1.0
        lead = {tmap.get(t, t): c for t, c in seed.lead_terms.items() if t not in dropped}
        gone = {key for key in sorted({m.key for m in seed.mentions}) if rng.random() < ARTICLE_DROP}
        mentions = tuple(Mention(m.start, m.end, emap[m.key].capitalize() if m.key in emap else m.text,
                                 m.label, emap.get(m.key, m.key))
                         for m in seed.mentions if m.key not in gone)
        emb = _unit(event["emb"] + rng.normal(0, NOISE_ARTICLE / math.sqrt(512), 512))

        count = int(np.clip(len(seed.sentences) + rng.integers(-3, 4), 6, 30))
        picked = [self.sentences[int(i)] for i in rng.choice(len(self.sentences), count, replace=False)]
        picked.append((f"Référence {uid} du fil synthétique.", (f"u{sid}e{eid}a{aid}x0",)))
        text, spans, sentence_terms = "", [], []
        for i, (sentence, s_terms) in enumerate(picked):
            if i:
                text += "\n\n" if i % 3 == 0 else " "
            spans.append((len(text), len(text) + len(sentence)))
            text += sentence
            sentence_terms.append(tuple(tmap.get(t, t) for t in s_terms))

        article_id = f"syn-{uid}"
        article = Article(id=article_id, path=f"synthetic/{article_id}", text=text,
                          content_hash=content_hash(text), title=seed_article.title,
                          source="synthetic", published=(YEAR_START + timedelta(days=day)).isoformat(),
                          language=seed.language)
        # Fields grouping does not read (dates, quantities, ...) come from the seed as they are.
        analysis = dataclasses.replace(seed, article_id=article_id, sentences=tuple(spans),
                                       mentions=mentions, terms=terms, lead_terms=lead,
                                       sentence_terms=tuple(sentence_terms),
                                       embedding=tuple(float(x) for x in emb))
        return article, analysis


Plan = list[tuple[int, int, int, int]]  # (day, storyline, event, article)


def _storyline_plan(rng: np.random.Generator, sid: int, start: int, last_day: int) -> Plan:
    """A storyline of a few events weeks apart, each of a few articles over a few days."""
    out = []
    day = start
    for eid in range(int(min(rng.geometric(0.35), 8))):
        if day > last_day:
            break
        for aid in range(int(min(rng.geometric(0.3), 8))):
            out.append((min(last_day, day + int(rng.integers(0, 3))), sid, eid, aid))
        day += int(rng.integers(4, 22))
    return out


def anchors_and_probes(seed: int, probes: int) -> tuple[Plan, Plan]:
    """Storylines present in every store and the fixed probes: the same at every size.

    Half the probes continue an anchor (two join its last event, three open a new event after the
    year), half start new storylines (four each, in two events).
    """
    stored, probe_plan = [], []
    continuing = probes // 2
    for j in range(math.ceil(continuing / 5)):
        rng = np.random.default_rng([seed, 4, j])
        sid, day = ANCHOR_BASE + j, int(rng.integers(YEAR_DAYS - 60, YEAR_DAYS - 30))
        n_events = int(rng.integers(2, 5))
        for eid in range(n_events):
            for aid in range(int(rng.integers(2, 5))):
                stored.append((min(YEAR_DAYS - 2, day + aid // 2), sid, eid, aid))
            last = min(YEAR_DAYS - 2, day + 1)
            day += int(rng.integers(4, 10))
        probe_plan += [(last + 1, sid, n_events - 1, 10), (last + 1, sid, n_events - 1, 11)]
        probe_plan += [(YEAR_DAYS + 3 + a // 2, sid, n_events, a) for a in range(3)]
    probe_plan = probe_plan[:continuing]
    j = 0
    while len(probe_plan) < probes:
        sid = NEW_BASE + j
        probe_plan += [(YEAR_DAYS + 1 + 5 * (a // 2), sid, a // 2, a % 2) for a in range(4)]
        j += 1
    return stored, sorted(probe_plan[:probes])


def background(seed: int, n: int) -> Plan:
    """``n`` articles of storylines spread over the year (a storyline cut at the year's end)."""
    rng = np.random.default_rng([seed, 5, n])
    out: Plan = []
    sid = 0
    while len(out) < n:
        out += _storyline_plan(rng, sid, int(rng.integers(0, YEAR_DAYS)), YEAR_DAYS - 1)
        sid += 1
    return out[:n]


def store_plan(seed: int, n: int, anchors: Plan) -> Plan:
    """Publication order (ties in a seeded random order, as arrival order would be)."""
    plan = background(seed, max(0, n - len(anchors))) + anchors[:n]
    rng = np.random.default_rng([seed, 6, n])
    ties = rng.permutation(len(plan))
    return [p for _, p in sorted(zip(ties, plan), key=lambda x: (x[1][0], x[0]))]


# --- measuring ----------------------------------------------------------------------------------
class _Rollback(Exception):
    pass


_MISSING = object()


def _idf_state(idf, keys: set[str]) -> dict:
    """What adding an article with ``keys`` changes in the idf cache: its scalars, those keys' entries.

    Restored after a rollback, the cache is what it was (entries read from the store meanwhile
    are the store's values and may stay): no copy of a cache that holds the whole vocabulary.
    """
    return {name: ({k: value.get(k, _MISSING) for k in keys} if isinstance(value, dict) else value)
            for name, value in vars(idf).items() if not isinstance(value, Store)}


def _restore_idf(idf, state: dict) -> None:
    for name, saved in state.items():
        if isinstance(saved, dict):
            entries = getattr(idf, name)
            for k, value in saved.items():
                if value is _MISSING:
                    entries.pop(k, None)
                else:
                    entries[k] = value
        else:
            setattr(idf, name, saved)


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _bcubed_f1(predicted: dict[str, object], gold: dict[str, object]) -> float:
    """B-cubed F1 in linear time (counts of (predicted, gold) pairs)."""
    items = [i for i in gold if i in predicted]
    both = Counter((predicted[i], gold[i]) for i in items)
    by_pred = Counter(predicted[i] for i in items)
    by_gold = Counter(gold[i] for i in items)
    p = sum(both[(predicted[i], gold[i])] / by_pred[predicted[i]] for i in items) / (len(items) or 1)
    r = sum(both[(predicted[i], gold[i])] / by_gold[gold[i]] for i in items) / (len(items) or 1)
    return 2 * p * r / (p + r) if p + r else 0.0


class Clock:
    """Wall, CPU and system seconds of one section (CPU time is what a busy shared machine leaves
    nearly intact; system time is mostly the store's file reads)."""

    def __enter__(self) -> "Clock":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        self.sys = resource.getrusage(resource.RUSAGE_SELF).ru_stime
        return self

    def __exit__(self, *exc) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu
        self.sys = resource.getrusage(resource.RUSAGE_SELF).ru_stime - self.sys


def _io() -> dict[str, int]:
    """Read syscalls and bytes read from the disk by this process so far."""
    try:
        with open("/proc/self/io") as io:
            fields = dict(line.split(": ") for line in io.read().splitlines() if ": " in line)
        return {"syscr": int(fields["syscr"]), "read_bytes": int(fields["read_bytes"])}
    except OSError:
        return {"syscr": 0, "read_bytes": 0}


def build(store: Store, grouper: Grouper, world: World, plan: Plan, refine: bool, label: str) -> dict:
    """Ingest ``plan`` article by article the way ``ingest_documents`` does."""
    settings = grouper.settings
    start, io_start = time.perf_counter(), _io()
    add_cpu = add_sys = refine_cpu = 0.0
    recent: list[float] = []
    chunk: list[str] = []
    for i, (day, sid, eid, aid) in enumerate(plan, 1):
        article, analysis = world.article(sid, eid, aid, day)
        article_id = store.free_article_id(article.id, article.content_hash)
        if article_id != article.id:
            article = dataclasses.replace(article, id=article_id)
            analysis = dataclasses.replace(analysis, article_id=article_id)
        with store.transaction():
            store.insert_article(article, analysis)
            with Clock() as clock:
                grouper.add(article, analysis)
            store.add_entity_mentions(analysis.mentions)
        add_cpu += clock.cpu
        add_sys += clock.sys
        recent.append(clock.cpu)
        chunk.append(article.id)
        if len(chunk) >= ORDER_CHUNK or i == len(plan):
            if refine:
                with Clock() as clock:
                    for _ in range(settings.refine_passes):
                        if not grouper.refine(chunk):
                            break
                refine_cpu += clock.cpu
            chunk = []
        if i % 5000 == 0 or i == len(plan):
            print(f"  [{label}] {i:>7,} / {len(plan):,} built  {time.perf_counter() - start:7.1f} s  "
                  f"(add {1000 * add_cpu / i:.2f} ms CPU/article of which system {1000 * add_sys / i:.2f}, "
                  f"last 1k {1000 * float(np.mean(recent[-1000:])):.2f}; refine {refine_cpu:.1f} s CPU; "
                  f"disk reads {(_io()['read_bytes'] - io_start['read_bytes']) / 2**20:.0f} MB; "
                  f"rss {_rss_mb():.0f} MB)", file=sys.stderr, flush=True)
    return {"wall": time.perf_counter() - start, "add": add_cpu, "refine": refine_cpu,
            "last_1k_ms": 1000 * float(np.mean(recent[-1000:])) if recent else float("nan")}


def probe(store: Store, grouper: Grouper, world: World, probes: Plan, cold: bool,
          joined: Counter | None = None) -> np.ndarray:
    """(wall, CPU, system) seconds of ``Grouper.add`` per probe, each in a transaction rolled back afterwards.

    ``joined`` counts the probes that joined a stored storyline and a stored event.
    """
    times = []
    for day, sid, eid, aid in probes:
        article, analysis = world.article(sid, eid, aid, day)
        if cold:
            grouper.idf.forget()
        else:
            saved = _idf_state(grouper.idf, set(analysis.terms) | {"@" + m.key for m in analysis.mentions})
        try:
            with store.transaction():
                store.insert_article(article, analysis)
                with Clock() as clock:
                    event_id, _ = grouper.add(article, analysis)
                times.append((clock.wall, clock.cpu, clock.sys))
                store.add_entity_mentions(analysis.mentions)
                if joined is not None:
                    event = store.group_record("events", event_id)
                    joined["storyline"] += store.group_record("storylines", event["storyline_id"])["size"] > 1
                    joined["event"] += event["size"] > 1
                raise _Rollback
        except _Rollback:
            pass
        if cold:
            grouper.idf.forget()
        else:
            _restore_idf(grouper.idf, saved)
    return np.asarray(times)


def profile_pass(store: Store, grouper: Grouper, world: World, probes: Plan, top: int) -> str:
    """One more warm pass (not timed) under cProfile: where a probe's time goes, and how many
    storylines and events it scored."""
    import cProfile
    import io
    import pstats

    scored: Counter = Counter()

    def counting(name):
        method = getattr(grouper, name)

        def wrapper(*args, **kwargs):
            scored[name] += 1
            return method(*args, **kwargs)
        return wrapper

    names = ("storyline_similarity", "event_similarity")
    for name in names:
        setattr(grouper, name, counting(name))
    profiler = cProfile.Profile()
    try:
        profiler.runcall(probe, store, grouper, world, probes, False)
    finally:
        for name in names:
            delattr(grouper, name)
    out = io.StringIO()
    print(f"per probe: {scored['storyline_similarity'] / len(probes):.1f} storylines and "
          f"{scored['event_similarity'] / len(probes):.1f} events scored", file=out)
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def _best(passes) -> np.ndarray:
    """The pass with the least CPU time: on a shared machine the quietest is the closest to the cost."""
    return min(passes, key=lambda times: times[:, 1].mean())


def prepare(world: World, settings: Settings, n: int, anchors: Plan, seed: int, refine: bool,
            workdir: Path) -> dict:
    """Build the store of ``n`` articles; it stays open (with its grouper) for the timed passes."""
    path = workdir / f"store-{n}.db"
    store = Store(path)
    grouper = Grouper(store, settings)
    built = build(store, grouper, world, store_plan(seed, n, anchors), refine, f"{n:,}")
    return {"n": n, "path": path, "store": store, "grouper": grouper, "build": built,
            "rss_mb": _rss_mb(), "peak_rss_mb": _peak_rss_mb(), "warm_passes": [], "cold_passes": [],
            "joined": Counter(), "io": Counter()}


def timed_passes(states: list[dict], world: World, probes: Plan, repeat: int) -> None:
    """``repeat`` warm then ``repeat`` cold passes, the sizes interleaved (1k, 10k, 100k, 1k, ...):
    every size meets the same load of a shared machine, and the best pass of each is kept."""
    for cold in (False, True):
        for r in range(repeat):
            for state in states:
                store, grouper = state["store"], state["grouper"]
                joined = state["joined"] if not cold and r == 0 else None
                before = _io()
                times = probe(store, grouper, world, probes, cold=cold, joined=joined)
                after = _io()
                state["cold_passes" if cold else "warm_passes"].append(times)
                if not cold:
                    for k in before:
                        state["io"][k] += after[k] - before[k]
                    state["io"]["passes"] += 1
            if not cold:
                for state in states:
                    state["idf_cache"] = len(vars(state["grouper"].idf).get("_df", ()))


def finish(state: dict, world: World, probes: Plan, profile: int = 0) -> dict:
    """Profile (if asked), score the synthetic grouping, close and remove the store."""
    store, grouper, n = state["store"], state["grouper"], state["n"]
    if profile:
        grouper.idf.forget()  # the cold passes left the cache empty: one pass warms it again
        probe(store, grouper, world, probes, cold=False)
        print(f"\n--- profile of one warm pass at {n:,} ---\n"
              f"{profile_pass(store, grouper, world, probes, profile)}", file=sys.stderr, flush=True)
    events = store.events()
    storyline_of = {e["id"]: e["storyline_id"] for e in events}
    predicted_event, predicted_story, gold_event, gold_story = {}, {}, {}, {}
    for event_id, ids in store.event_articles().items():
        for article_id in ids:
            sid, eid, _ = article_id.removeprefix("syn-").split("-")
            predicted_event[article_id], predicted_story[article_id] = event_id, storyline_of[event_id]
            gold_event[article_id], gold_story[article_id] = (sid, eid), sid
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    io = state["io"]
    result = {
        "n": n, "stored": store.article_count(),
        "storylines": len(store.storylines()), "events": len(events),
        "gold_storylines": len(set(gold_story.values())), "gold_events": len(set(gold_event.values())),
        "f1_events": _bcubed_f1(predicted_event, gold_event),
        "f1_storylines": _bcubed_f1(predicted_story, gold_story),
        "warm": _best(state["warm_passes"]), "cold": _best(state["cold_passes"]), "build": state["build"],
        "rss_mb": state["rss_mb"], "peak_rss_mb": state["peak_rss_mb"],
        "idf_cache": state.get("idf_cache", 0), "joined": state["joined"],
        "reads_per_probe": io["syscr"] / max(1, io["passes"] * len(probes)),
        "disk_kb_per_probe": io["read_bytes"] / 1024 / max(1, io["passes"] * len(probes)),
    }
    store.close()
    result["db_mb"] = sum(p.stat().st_size for p in state["path"].parent.glob(f"{state['path'].name}*")) / 2**20
    for p in state["path"].parent.glob(f"{state['path'].name}*"):
        p.unlink()
    return result


def _ms(times: np.ndarray, column: int = 1) -> tuple[float, float]:
    """Mean and 95th percentile in ms of the CPU (1), wall (0) or system (2) column."""
    return 1000 * float(times[:, column].mean()), 1000 * float(np.percentile(times[:, column], 95))


def _label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def report(results: list[dict], probes: int, repeat: int, rss_at_start: float) -> None:
    print(f"\nGrouper.add per article, {probes} probes per size, each rolled back, best of {repeat} "
          f"pass{'es' if repeat > 1 else ''} (sizes interleaved); every store spans 2024; ms of CPU "
          f"(wall in brackets)")
    print(f"{'stored':>8} {'storylines':>10} {'events':>7} {'B3 F1 ev/st':>11} "
          f"{'warm mean':>16} {'p95':>6} {'cold mean':>16} {'p95':>6} {'in-build':>8} "
          f"{'build s':>7} {'db MB':>6} {'peak RSS MB':>11}")
    for r in results:
        (wm, wp), (cm, cp) = _ms(r["warm"]), _ms(r["cold"])
        ww, cw = _ms(r["warm"], 0)[0], _ms(r["cold"], 0)[0]
        print(f"{r['stored']:>8,} {r['storylines']:>10,} {r['events']:>7,} "
              f"{r['f1_events']:>5.2f}/{r['f1_storylines']:<5.2f} "
              f"{wm:>7.2f} ({ww:>6.2f}) {wp:>6.2f} {cm:>7.2f} ({cw:>6.2f}) {cp:>6.2f} "
              f"{r['build']['last_1k_ms']:>8.2f} {r['build']['wall']:>7.0f} {r['db_mb']:>6.0f} "
              f"{r['peak_rss_mb']:>11.0f}")
    print("warm: the next article of a long ingest run; cold: the first article of a new run (idf cache "
          "empty); in-build: mean over the last 1,000 articles built")
    for r in results:
        print(f"  {_label(r['n'])}: {r['gold_storylines']:,} synthetic storylines, "
              f"{r['gold_events']:,} synthetic events; build {r['build']['wall']:.0f} s wall "
              f"(CPU: Grouper.add {r['build']['add']:.0f} s, refine {r['build']['refine']:.0f} s); "
              f"idf cache {r['idf_cache']:,} keys; RSS after build {r['rss_mb']:.0f} MB; probes joining a stored "
              f"storyline {r['joined']['storyline']}, a stored event {r['joined']['event']}; warm: system "
              f"{_ms(r['warm'], 2)[0]:.2f} ms of the CPU time, {r['reads_per_probe']:.0f} read calls and "
              f"{r['disk_kb_per_probe']:.0f} KB from disk per probe")
    base = results[0]
    for r in results[1:]:
        cpu = r["warm"][:, 1].mean() / base["warm"][:, 1].mean()
        wall = r["warm"][:, 0].mean() / base["warm"][:, 0].mean()
        cold = r["cold"][:, 1].mean() / base["cold"][:, 1].mean()
        print(f"ratio {_label(r['n'])}/{_label(base['n'])}: {cpu:.2f} (target <= 1.5)   "
              f"wall: {wall:.2f}   cold: {cold:.2f}")
    last = results[-1]
    print(f"peak memory at {_label(last['n'])}: {last['peak_rss_mb']:.0f} MB RSS (ru_maxrss after building it, "
          f"whole process, the smaller stores still open; {rss_at_start:.0f} MB after importing recoupe); "
          f"store file {last['db_mb']:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="store sizes, comma-separated")
    parser.add_argument("--probes", type=int, default=200, help="articles timed at each size")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=7, help="passes over the probes; the best is kept")
    parser.add_argument("--no-refine", action="store_true", help="skip the second look while building")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="after the timed passes, profile one more and print its N heaviest functions")
    parser.add_argument("--analyse-to", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.analyse_to:
        _analyse_to(args.analyse_to)
        return

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # killed: still remove the stores it wrote
    settings = Settings()
    rss_at_start = _rss_mb()  # recoupe imported (spaCy, Jinja2 ... come with the package)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    world = World(real_analyses(settings), args.seed)
    anchors, probes = anchors_and_probes(args.seed, args.probes)
    print(f"{len(world.pool)} real analyses, {len(world.sentences):,} sentences; {len(anchors)} anchor "
          f"articles in every store; {len(probes)} probes", file=sys.stderr, flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="recoupe-grouping-scale-") as tmp:
        states = [prepare(world, settings, n, anchors, args.seed, not args.no_refine, Path(tmp))
                  for n in sizes]
        print("timed passes, sizes interleaved ...", file=sys.stderr, flush=True)
        timed_passes(states, world, probes, max(1, args.repeat))
        for state in states:
            results.append(finish(state, world, probes, args.profile))
            r = results[-1]
            print(f"  [{r['n']:,}] warm {_ms(r['warm'])[0]:.2f} ms, cold {_ms(r['cold'])[0]:.2f} ms CPU per "
                  f"article", file=sys.stderr, flush=True)
    report(results, len(probes), max(1, args.repeat), rss_at_start)


if __name__ == "__main__":
    main()
