"""Numeric claims: the seeds' coalition discrepancy, no false ones, the hostages' agreement, copies once."""
from __future__ import annotations

import pytest

from recoupe.analyse import load_nlp
from recoupe.analyse.quantities import find_quantities
from recoupe.clean import clean_document
from recoupe.compare import Claim, Subject, article_claims, build_subject, compare_claims
from recoupe.records import Quantity
from recoupe.settings import Settings
from recoupe.sources import read_paths

from .conftest import RPM2, SEEDS


@pytest.fixture(scope="module")
def nlp():
    return load_nlp("fr_core_news_md")


def claims_of(nlp, article_id: str, text: str, witness: str | None = None, date: str | None = None) -> list[Claim]:
    doc = nlp(text)
    return article_claims(article_id, text, find_quantities(text, doc), witness=witness, doc=doc, date=date)


@pytest.fixture(scope="module")
def seed_claims(nlp) -> list[Claim]:
    claims = []
    for raw in read_paths([SEEDS], Settings()):
        article = clean_document(raw)
        claims += claims_of(nlp, article.id, article.text)
    return claims


def test_the_coalition_size_is_a_discrepancy_with_its_three_claims(seed_claims):
    agreed, discrepancies = compare_claims(seed_claims)
    assert len(discrepancies) == 1, discrepancies
    about, claims = discrepancies[0]["about"], discrepancies[0]["claims"]
    assert "pays" in about and "coalition" in about
    assert [(c["article"][:3], c["text"], c["value"]) for c in claims] == [
        ("001", "une trentaine de pays", 30), ("002", "30 pays", 30), ("003", "Vingt-six pays", 26)]
    assert agreed == []      # nothing else is said twice with numbers in the seeds


def test_the_other_seed_quantities_are_claims_but_nobody_contradicts_them(seed_claims):
    counted = {c.quantity.text for c in seed_claims}
    assert {"32 chefs", "112 drones", "84 drones", "15 personnes", "au moins quatre cheminots", "six régions",
            "trois enfants"} <= counted
    drones = {c.quantity.text: c.subject for c in seed_claims if c.quantity.unit == "drones"}
    assert "(tirer)" in drones["112 drones"] and "(intercepter)" in drones["84 drones"]


def test_fired_and_intercepted_drones_are_two_subjects_even_from_two_sources(seed_claims):
    fired, stopped = (next(c for c in seed_claims if c.quantity.text == t) for t in ("112 drones", "84 drones"))
    other = Claim("elsewhere", "elsewhere", stopped.quantity, stopped.sentence, stopped.subject)
    assert compare_claims([fired, other]) == ([], [])


def test_fifteen_hostages_and_betancourt_with_fourteen_others_agree(nlp):
    total = claims_of(nlp, "T01_C1_01", (
        "Dans sa déclaration transmise à la justice, le guérillero \"assure qu'à aucun moment il n'a trahi les "
        "Farc, et que tout le monde sait que la libération des 15 otages est le fruit d'une opération de "
        "renseignement militaire poussée\", a indiqué l'avocat."))
    others = claims_of(nlp, "T01_C2_05", (
        "Echec et mat. C'est le nom que l'armée colombienne a donné à l'opération de libération de libération "
        "d'Ingrid Betancourt et de 14 autres otages des FARC."))
    words = claims_of(nlp, "T01_C2_04", (
        "La télévision colombienne RCN a diffusé mardi soir de nouvelles images de l'opération qui a mené à la "
        "libération d'Ingrid Betancourt et de quatorze autres otages détenus par les FARC, le 2 juillet dernier."))
    assert [Subject.parse(c.subject).extra for c in others + words] == [1, 1]
    agreed, discrepancies = compare_claims(total + others + words)
    assert discrepancies == []
    assert len(agreed) == 1
    assert agreed[0]["sources"] == ["T01_C1_01", "T01_C2_04", "T01_C2_05"]
    assert agreed[0]["independent_sources"] == 3
    assert "15 otages" in agreed[0]["text"]


def test_the_others_still_held_are_another_set(nlp):
    freed = claims_of(nlp, "a", "Des images inédites de la libération de 15 otages des Farc, dont Ingrid "
                                "Betancourt, ont été diffusées lundi soir sur une chaîne de télévision colombienne.")
    held = claims_of(nlp, "b", "Retourner en Colombie pour aider à faire libérer les 28 autres otages politiques "
                               "encore détenus par les Farc.")                                   # T01_C2_08
    assert "[autres]" in held[0].subject
    assert compare_claims(freed + held) == ([], [])


def test_a_copy_counts_once(nlp):
    sentence = "Une coalition de 30 pays, dont des nations européennes, le Japon et l'Australie, s'est engagée."
    original = claims_of(nlp, "002", sentence)
    copy = claims_of(nlp, "002-copy", sentence, witness="002")
    assert compare_claims(original + copy) == ([], [])          # one witness agrees with itself: no fact
    other = claims_of(nlp, "005", "La coalition de 30 pays s'est réunie à Paris.")
    agreed, _ = compare_claims(original + copy + other)
    assert agreed[0]["independent_sources"] == 2
    assert agreed[0]["sources"] == ["002", "002-copy", "005"]
    rival = claims_of(nlp, "003-copy", "Vingt-six pays de la coalition sont prêts à envoyer des troupes.",
                      witness="002")
    assert compare_claims(original + rival)[1] == []            # a copy cannot contradict its original


def test_a_part_announced_by_dont_is_not_the_total(nlp):
    claims = claims_of(nlp, "002", "Les attaques contre des zones civiles à Soumy et Odesa ont blessé 15 personnes, "
                                   "dont une famille avec trois enfants en bas âge, selon les autorités ukrainiennes.")
    assert [Subject.parse(c.subject).scope for c in claims] == ["", "dont"]


def test_ages_are_not_durations_and_a_boy_is_not_his_mother(nlp):
    boy = claims_of(nlp, "T10_C1_07", "La femme a reconnu les cheveux bouclés du petit Mohamed, 2 ans et demi, dont "
                                      "la police avait diffusé une photographie.")
    mother = claims_of(nlp, "T10_C2_08", "Fatma, cette femme de 34 ans qui s'était présentée comme la maman de "
                                         "l'enfant, n'est pas sa mère biologique.")
    assert {Subject.parse(c.subject).unit for c in boy + mother} == {"âge"}
    assert compare_claims(boy + mother) == ([], [])


def test_a_date_is_not_a_count(nlp):
    claims = claims_of(nlp, "x", "Deux jours après sa libération, elle a remercié la France; il y a six ans, "
                                 "elle était enlevée.")
    assert claims == []


def test_an_action_counted_on_two_dates_is_two_moments(nlp):
    first = claims_of(nlp, "a", "La Russie a tiré 112 drones dans la nuit.", date="2025-09-04")
    later = claims_of(nlp, "b", "La Russie a tiré 90 drones dans la nuit.", date="2025-09-20")
    assert compare_claims(first + later)[1] == []
    same_night = claims_of(nlp, "b", "La Russie a tiré 90 drones dans la nuit.", date="2025-09-04")
    assert len(compare_claims(first + same_night)[1]) == 1


def test_subjects_without_a_parse():
    text = "Une coalition de 30 pays, dont des nations européennes, le Japon et l'Australie, s'est engagée."
    q = find_quantities(text)[0]
    assert build_subject(q, text) == "pays: coalition"
    subject = Subject("otage", ("américain",), "", 1.0, "libérer", ("libération", "Betancourt"))
    assert Subject.parse(str(subject)) == subject


def test_hand_made_claims_compare_on_their_subject():
    def claim(article: str, value: float, low: float, high: float, text: str) -> Claim:
        q = Quantity(0, len(text), text, value, low, high, "pays")
        return Claim(article, article, q, text, "pays: coalition")

    agreed, discrepancies = compare_claims([claim("a", 30, 25, 35, "une trentaine de pays"),
                                            claim("b", 26, 26, 26, "26 pays")])
    assert discrepancies == [] and agreed[0]["independent_sources"] == 2   # 26 is "une trentaine"
    _, discrepancies = compare_claims([claim("a", 30, 30, 30, "30 pays"), claim("b", 26, 26, 26, "26 pays")])
    assert [c["value"] for c in discrepancies[0]["claims"]] == [30, 26]
    _, discrepancies = compare_claims([claim("a", 30, 30, 30, "30 pays"), claim("b", 3, 3, 3, "3 pays")])
    assert discrepancies == []      # ten times apart: two different things counted


@pytest.mark.skipif(not RPM2.exists(), reason="../shared/corpora/rpm2-dev is not beside the project")
def test_betancourt_topic_has_no_false_discrepancy_and_agrees_on_fifteen_hostages(nlp):
    claims = []
    articles = [clean_document(raw) for raw in read_paths(sorted(RPM2.glob("T01_*.txt")), Settings())]
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):     # both events, a month apart
        claims += article_claims(article.id, article.text, find_quantities(article.text, doc), doc=doc,
                                 date="2008-07" if "_C1_" in article.id else "2008-08")
    agreed, discrepancies = compare_claims(claims)
    assert discrepancies == []
    hostages = next(a for a in agreed if "15 otages" in a["text"])
    assert {"T01_C1_01", "T01_C2_07"} <= set(hostages["sources"])


@pytest.mark.skipif(not RPM2.exists(), reason="../shared/corpora/rpm2-dev is not beside the project")
def test_a_real_discrepancy_in_rpm2_the_nanny_lied_twelve_or_thirteen_days(nlp):
    claims = []
    for name in ("T10_C1_01", "T10_C1_07", "T10_C1_09"):
        for raw in read_paths([RPM2 / f"{name}.txt"], Settings()):
            article = clean_document(raw)
            claims += claims_of(nlp, article.id, article.text)
    _, discrepancies = compare_claims(claims)
    assert [sorted({(c["article"], c["value"]) for c in d["claims"]}) for d in discrepancies] == [
        [("T10_C1_01", 13), ("T10_C1_07", 12), ("T10_C1_09", 13)]]
