"""The briefing: cited summaries on rpm2-dev, titles, storyline summaries, ROUGE, the report's chart."""
from __future__ import annotations

import re

import pytest
from unidecode import unidecode

import recoupe
from recoupe.evaluate.clusters import documents_with_rpm2_dates
from recoupe.evaluate.rouge import rouge, rouge_l, rouge_n, tokenize, truncate_words
from recoupe.pipeline import ingest_documents
from recoupe.render import render_html
from recoupe.settings import Settings
from recoupe.sources import read_paths

from .conftest import RPM2, SEEDS

_STOP = {"les", "des", "une", "que", "qui", "dans", "pour", "par", "sur", "est", "sont", "avec", "pas", "plus",
         "aux", "ont", "ete", "cette", "ses", "son", "leur", "elle", "ils", "mais", "comme", "tout", "entre"}


def _content(text: str) -> list[str]:
    """Accent-free 5-letter prefixes of content words: an independent yardstick for paraphrase."""
    words = re.findall(r"\w+", unidecode(text).lower())
    return [w[:5] for w in words if len(w) >= 3 and w not in _STOP]


@pytest.fixture(scope="module")
def rpm2_doc():
    if not RPM2.exists():
        pytest.skip("../shared/corpora/rpm2-dev is not beside the project")
    with recoupe.Store() as store:
        ingest_documents(documents_with_rpm2_dates(read_paths([RPM2], Settings())), store)
        return recoupe.export(store)


def test_every_summary_sentence_is_said_by_every_article_it_cites(rpm2_doc):
    texts = {a["id"]: a["text"] for a in rpm2_doc["articles"]}
    sentences = {a["id"]: [a["text"][s["start"]:s["end"]] for s in a["sentences"]] for a in rpm2_doc["articles"]}
    checked = 0
    for event in rpm2_doc["events"]:
        assert event["summary"], event["id"]
        for item in event["summary"]:
            first, *others = item["sources"]
            assert item["text"] in texts[first]
            words = _content(item["text"])
            for other in others:
                covered = max(sum(w in set(_content(s)) for w in words) / len(words) for s in sentences[other])
                assert covered >= 0.5, (item["text"], other)
                checked += 1
    assert checked > 0  # some sentences really are said by several outlets


def test_summaries_keep_to_the_word_budget_and_storylines_follow_their_events_in_date_order(rpm2_doc):
    budget = Settings().summary_words
    events = {e["id"]: e for e in rpm2_doc["events"]}
    for event in rpm2_doc["events"]:
        assert sum(len(s["text"].split()) for s in event["summary"]) <= budget + 70  # one long sentence may cross
    for storyline in rpm2_doc["storylines"]:
        dates = [events[e]["date"] for e in storyline["events"]]
        assert dates == sorted(dates)
        assert [s["text"] for s in storyline["summary"]] == [events[e]["summary"][0]["text"]
                                                              for e in storyline["events"]]


def test_an_event_is_titled_by_one_of_its_headlines(rpm2_doc):
    titles = {a["id"]: a["title"] for a in rpm2_doc["articles"]}
    for event in rpm2_doc["events"]:
        assert event["title"] in {titles[a] for a in event["articles"]}


def test_report_draws_the_dated_events_of_a_storyline_on_an_inline_svg_axis(rpm2_doc):
    html = render_html(rpm2_doc)
    assert html.count("<svg") == len(rpm2_doc["storylines"])
    assert html.count("<circle") == len(rpm2_doc["events"])
    assert "http://" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org", "")


def test_rouge_keeps_accented_words_and_matches_hand_computed_scores():
    assert tokenize("L'Élysée a réagi") == ["l", "élysée", "a", "réagi"]
    cand, ref = tokenize("le chat est sur le tapis"), tokenize("le chat dort sur le tapis rouge")
    # unigram overlap 5 (le ×2, chat, sur, tapis): P 5/6, R 5/7
    assert rouge_n(cand, ref, 1) == pytest.approx(2 * (5 / 6) * (5 / 7) / (5 / 6 + 5 / 7))
    # bigrams: "le chat", "sur le", "le tapis" → 3 of 5 and 3 of 6
    assert rouge_n(cand, ref, 2) == pytest.approx(2 * (3 / 5) * (3 / 6) / (3 / 5 + 3 / 6))
    assert rouge_l(cand, ref) == pytest.approx(2 * (5 / 6) * (5 / 7) / (5 / 6 + 5 / 7))
    both = rouge("le chat", ["le chat", "un chien"])
    assert both["rouge1"] == pytest.approx(50.0)
    assert truncate_words("un deux trois quatre", 2) == "un deux"


def test_agreed_facts_need_two_independent_sources(rpm2_doc, seeds_doc):
    facts = [f for e in rpm2_doc["events"] for f in e["agreed"]]
    assert facts and all(f["independent_sources"] >= 2 and len(f["sources"]) >= 2 for f in facts)
    press = next(e for e in seeds_doc["events"] if any(a.startswith("000") for a in e["articles"]))
    assert any("Cela signifie que nous pouvons nous engager" in f["text"] for f in press["agreed"])
    lone = [e for e in seeds_doc["events"] if len(e["articles"]) == 1]
    assert all(e["agreed"] == [] for e in lone)


def test_a_copy_is_not_a_second_witness(tmp_path):
    original = next(SEEDS.glob("002_*"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "002.txt").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "002-copie.txt").write_text("Repris de l'AFP\n" + original.read_text(encoding="utf-8"),
                                          encoding="utf-8")
    doc, _ = recoupe.brief([folder])
    assert sorted(filter(None, (a["duplicate_of"] for a in doc["articles"]))) in (["002"], ["002-copie"])
    assert doc["events"][0]["agreed"] == []
