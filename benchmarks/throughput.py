"""Articles per second of `recoupe brief` beside bare spaCy `nlp.pipe` over the same texts.

Times are CPU seconds of this process (``time.process_time``), which other work on a shared
machine leaves nearly intact; the best of ``--repeat`` runs is kept. A third run, `brief` with the quotes stage off (``Settings(quotes=False)``), shows what who-said-what
costs, and the CPU time spent inside that stage's own functions during the full runs shows it again
without the noise of subtracting two whole runs.  All run in this process, one after the other, with the model already loaded, so the ratio shows
what recoupe adds on top of the NLP it cannot avoid (cleaning, grouping, summaries, store, JSON).

    .venv/bin/python benchmarks/throughput.py [CORPUS] [--repeat N]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy


import recoupe
from recoupe.analyse import load_nlp
from recoupe.settings import Settings
from recoupe.sources import decode_bytes

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "rpm2-dev" / "documents"


def _time_quote_stage() -> list[float]:
    """Wrap the functions of the who-said-what stage so that their CPU time adds up in the returned cell."""
    from recoupe import report
    from recoupe.analyse import annotate

    spent = [0.0]

    def timed(function):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - start
        return wrapper

    annotate.find_quotes = timed(annotate.find_quotes)
    report._quote_records = timed(report._quote_records)
    report.link_same_utterances = timed(report.link_same_utterances)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best is kept")
    args = parser.parse_args()

    settings = Settings()
    files = sorted(p for p in args.corpus.rglob("*.txt"))
    texts = [decode_bytes(p.read_bytes())[0] for p in files]
    nlp = spacy.load(settings.spacy_model)  # the pipeline exactly as a user would load it
    list(nlp.pipe(texts[:4]))  # warm-up: lazy initialisation is not part of either figure
    list(load_nlp(settings.spacy_model).pipe(texts[:4]))  # recoupe's copy, loaded outside the timing

    without_quotes = Settings(quotes=False)
    bare, ours, ours_without, stage = [], [], [], []
    spent = _time_quote_stage()
    for _ in range(args.repeat):
        start = time.process_time()
        for _doc in nlp.pipe(texts, batch_size=settings.nlp_batch_size):
            pass
        bare.append(time.process_time() - start)

        # the two briefs alternate which goes first, so that warm caches and a shared machine's
        # bursts do not favour one of them
        for which in ((True, False) if _ % 2 == 0 else (False, True)):
            start = time.process_time()
            if which:
                spent[0] = 0.0
                doc, report = recoupe.brief([args.corpus], settings)
                ours.append(time.process_time() - start)
                stage.append(spent[0] / ours[-1])
                assert not report.errors, report.errors[:3]
            else:
                recoupe.brief([args.corpus], without_quotes)
                ours_without.append(time.process_time() - start)

    n = len(texts)
    bare_rate, our_rate = n / min(bare), n / min(ours)
    print(f"corpus: {args.corpus} ({n} articles, {sum(map(len, texts)) / 1e6:.2f} M characters)")
    print(f"bare nlp.pipe ({settings.spacy_model}): {bare_rate:7.2f} articles/s")
    print(f"recoupe brief (json document)   : {our_rate:7.2f} articles/s  "
          f"({len(doc['events'])} events, {len(doc['storylines'])} storylines)")
    print(f"ratio recoupe/bare: {our_rate / bare_rate:.2f}")
    without_rate = n / min(ours_without)
    print(f"recoupe brief without the quotes stage: {without_rate:7.2f} articles/s "
          f"(ratio {without_rate / bare_rate:.2f}); the quotes stage costs "
          f"{100 * (1 - our_rate / without_rate):.1f}% of the throughput")
    # the difference of two whole runs moves by several points between runs on a shared machine;
    # the time measured inside the stage's own functions, in the same runs, does not
    print(f"the quotes stage's own functions (find_quotes, quote records, same_as links): "
          f"{100 * min(stage):.1f}% to {100 * max(stage):.1f}% of the CPU time of `brief` ({len(stage)} runs)")


if __name__ == "__main__":
    main()
