"""The quote gold set (``recoupe/evaluate/gold/quotes.json``, ``docs/quotes-gold.md``) and the speaker
matching that scores an extractor against it."""
from __future__ import annotations

import json

import pytest

from recoupe.evaluate.quotes import GOLD, same_speaker

from .conftest import RPM2, SHARED


@pytest.mark.parametrize(("acronym", "expansion"), [
    ("Farc", "Forces Armées Révolutionnaires de Colombie"),
    ("PCF", "Parti communiste français"),
    ("Afub", "Association française des usagers des banques"),
    ("AFLD", "Agence française de lutte contre le dopage"),
])
def test_an_acronym_and_its_expansion_are_the_same_speaker(acronym, expansion):
    assert same_speaker(acronym, expansion)
    assert same_speaker(expansion, acronym)
    assert same_speaker(acronym.upper(), expansion.lower())


@pytest.mark.parametrize(("predicted", "gold"), [
    ("PS", "Parti communiste français"),
    ("PCF", "PS"),
    ("LNDD", "Agence française de lutte contre le dopage"),
    ("AFLD", "Association française des usagers des banques"),
    ("Afub", "Agence française de lutte contre le dopage"),
    ("Farc", "Forces armées colombiennes"),
    ("PCF", "Parti communiste"),
    ("Banque de France", "Association française des usagers des banques"),
])
def test_other_acronyms_and_names_are_not(predicted, gold):
    assert not same_speaker(predicted, gold)


def test_the_rest_of_the_rule_is_unchanged():
    assert same_speaker("Rutte", "Mark Rutte") and same_speaker("Mark Rutte", "Mark Rutte")
    assert same_speaker("les responsables occidentaux", "responsables occidentaux")
    assert same_speaker("proches", "proches d'Ingrid Betancourt")
    assert not same_speaker("Donald Trump", "Mark Rutte")
    assert not same_speaker(None, "Mark Rutte") and same_speaker(None, None)


def test_the_gold_file_keeps_its_format():
    raw = GOLD.read_text(encoding="utf-8")
    gold = json.loads(raw)
    assert json.dumps(gold, indent=2, ensure_ascii=False) + "\n" == raw
    assert gold["format"] == "recoupe-quotes-gold/1" and len(gold["articles"]) == 45
    keys = ["text", "occurrence", "start", "end", "kind", "speaker", "speaker_kind", "cue"]
    for aid, art in gold["articles"].items():
        quotes = art["quotes"]
        assert [q["start"] for q in quotes] == sorted(q["start"] for q in quotes), aid
        assert all(a["end"] <= b["start"] for a, b in zip(quotes, quotes[1:])), aid
        for q in quotes:
            assert list(q) == keys, (aid, q["text"][:40])
            assert q["end"] - q["start"] == len(q["text"]), (aid, q["text"][:40])
            assert q["kind"] in {"direct", "indirect", "mixed"}
            assert q["speaker_kind"] in {"person", "organisation", "group", "anonymous", "document"}


@pytest.mark.skipif(not all(p.exists() for p in (RPM2, SHARED / "seeds", SHARED / "fr-timebank-dev")),
                    reason="../shared/corpora/{seeds,rpm2-dev,fr-timebank-dev} are not beside the project")
@pytest.mark.parametrize("path", sorted(GOLD.parent.glob("quotes*.json")), ids=lambda p: p.stem)
def test_the_gold_offsets_point_into_the_cleaned_text(path):
    from recoupe.clean import clean_document
    from recoupe.records import ReadError
    from recoupe.settings import DEFAULT_SETTINGS
    from recoupe.sources import read_paths

    gold = json.loads(path.read_text(encoding="utf-8"))["articles"]
    texts = {raw.id: clean_document(raw).text
             for raw in read_paths([SHARED / "seeds", RPM2, RPM2.parent / "references",
                                   SHARED / "fr-timebank-dev"], DEFAULT_SETTINGS)
             if not isinstance(raw, ReadError) and raw.id in gold}
    assert set(texts) == set(gold)
    for aid, art in gold.items():
        text = texts[aid]
        for q in art["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"], (aid, q["text"][:40])
            at = -1
            for _ in range(q["occurrence"] + 1):
                at = text.find(q["text"], at + 1)
            assert at == q["start"], (aid, "occurrence", q["text"][:40])


def test_agreement_scores_two_annotations_like_the_extractor(tmp_path):
    from recoupe.evaluate.quotes import quote_agreement

    first = {"format": "recoupe-quotes-gold/1", "articles": {"A": {"quotes": [
        {"text": "x" * 20, "start": 0, "end": 20, "kind": "direct", "speaker": "Mark Rutte"},
        {"text": "y" * 20, "start": 40, "end": 60, "kind": "indirect", "speaker": "Otan"},
        {"text": "z" * 20, "start": 80, "end": 100, "kind": "mixed", "speaker": "Zelensky"}]}}}
    second = {"format": "recoupe-quotes-gold/1", "articles": {"A": {"quotes": [
        {"text": "x" * 18, "start": 2, "end": 20, "kind": "direct", "speaker": "Rutte"},      # same quote, same person
        {"text": "y" * 20, "start": 40, "end": 60, "kind": "indirect", "speaker": "Kremlin"},  # another speaker
        {"text": "w" * 10, "start": 120, "end": 130, "kind": "direct", "speaker": "X"}]},      # only the second's
        "B": {"quotes": []}}}
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(first)), b.write_text(json.dumps(second))
    result = quote_agreement(a, b)
    r = result["agreement"]
    assert result["articles"] == 1 and r["matched"] == 2 and r["gold_quotes"] == 3 and r["predicted"] == 3
    assert abs(r["f1"] - 2 / 3) < 1e-9 and r["speaker_accuracy"] == 0.5
    assert r["by_kind_of_a"] == {"direct": 1.0, "mixed": 0.0, "indirect": 1.0}


@pytest.mark.parametrize(("phrase", "designation"), [
    ("Mark Rutte", "name"), ("M. Lavrov", "name"), ("-t-il", "pronoun"), ("elle", "pronoun"), ("ce dernier", "pronoun"),
    ("a-t-elle", "pronoun"), ("le secrétaire général de l'Otan", "description"), ("l'ex-otage", "description"),
    ("une source diplomatique", "description"), ("Plusieurs témoins", "description"), ("Deux députés", "description"),
    ("", "context"), (None, "context")])
def test_speakers_are_sorted_by_how_the_quote_designates_them(phrase, designation):
    from recoupe.evaluate.quotes import _designation

    assert _designation({"speaker_text": phrase}) == designation
    assert _designation({"speaker": "X"}) == "unknown"  # predictions that do not say (the baseline's)


def test_the_gender_gap_tracker_matching_asks_only_how_much_of_the_gold_is_covered():
    from recoupe.evaluate.quotes import _cover, _match

    gold = [{"start": 100, "end": 120}, {"start": 200, "end": 300}]
    predicted = [{"start": 90, "end": 160},    # covers all of the first gold quote, but is 3.5 times longer
                 {"start": 200, "end": 230},   # covers 30 % of the second: not above 0.3
                 {"start": 250, "end": 300}]   # covers 50 % of the second
    assert _match(gold, predicted, 0.5) == [(1, 2)]           # overlap of the longer span: 20/70 fails
    assert _cover(gold, predicted, 0.3) == [(0, 0), (1, 2)]   # the share of the gold covered
    assert _cover(gold, predicted, 0.8) == [(0, 0)]
    assert _cover([gold[0], gold[0]], [predicted[0]], 0.3) == [(0, 0)]  # a prediction matches one gold quote only


def test_two_people_who_share_a_first_name_are_not_the_same_speaker():
    assert not same_speaker("Jean-Luc Romero", "Jean Leonetti")  # the old rule matched them on "Jean"
    assert same_speaker("Michèle Alliot", "Michèle Alliot-Marie") and same_speaker("président Macron", "Emmanuel Macron")
    assert same_speaker("Fonds de garantie", "Fonds de garanties des dépôts")  # a plural is no other speaker


def test_the_speaker_mention_is_scored_as_the_gender_gap_tracker_scores_it():
    from recoupe.evaluate.quotes import _score

    gold = {"A": [{"text": "x" * 20, "start": 10, "end": 30, "kind": "direct", "speaker": "Mark Rutte",
                   "mention_start": 40, "mention_end": 42},  # "il", unresolved
                  {"text": "y" * 20, "start": 50, "end": 70, "kind": "direct", "speaker": "Mark Rutte",
                   "mention_start": None, "mention_end": None}]}  # context only
    right = {"A": [{"start": 10, "end": 30, "kind": "direct", "speaker": "Rutte", "speaker_start": 39, "speaker_end": 42},
                   {"start": 50, "end": 70, "kind": "direct", "speaker": "Rutte", "speaker_start": None, "speaker_end": None}]}
    wrong = {"A": [{"start": 10, "end": 30, "kind": "direct", "speaker": "Rutte", "speaker_start": 0, "speaker_end": 5},
                   {"start": 50, "end": 70, "kind": "direct", "speaker": "Rutte", "speaker_start": 0, "speaker_end": 5}]}
    assert _score(gold, right, 0.5, False)["speaker_mention_accuracy"] == 1.0
    assert _score(gold, wrong, 0.5, False)["speaker_mention_accuracy"] == 0.0
    assert _score(gold, wrong, 0.5, False)["speaker_accuracy"] == 1.0  # the resolved name is right all the same
    assert "speaker_mention_accuracy" not in _score({"A": [dict(gold["A"][0])]}, {"A": [
        {"start": 10, "end": 30, "kind": "direct", "speaker": "Rutte"}]}, 0.5, False)  # no spans, no figure
    assert same_speaker("François Hollande (PS)", "François Hollande")  # an aside is no other surname
    assert not same_speaker("Dominique de Villepin", "Dominique Strauss-Kahn")  # a particle does not hide the surname
