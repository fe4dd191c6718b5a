"""Quantities: numbers read from French news, hedges as intervals, the thing counted, what is not a quantity.

Every sentence is copied from the corpora (the seeds and rpm2-dev), unless marked otherwise.
"""
from __future__ import annotations

import time

import pytest

from recoupe.analyse import load_nlp
from recoupe.analyse.quantities import find_quantities
from recoupe.clean import clean_document
from recoupe.settings import Settings
from recoupe.sources import read_paths

from .conftest import RPM2, SEEDS


@pytest.fixture(scope="module")
def nlp():
    return load_nlp("fr_core_news_md")


def one(text: str, doc=None):
    found = find_quantities(text, doc)
    assert len(found) == 1, found
    q = found[0]
    assert text[q.start:q.end] == q.text
    return q


def test_an_exact_count_is_its_own_interval():
    q = one("Coalition de volontaires : 26 pays acceptent de déployer des troupes ou du matériel en Ukraine "
            "après la guerre")                                                               # seeds 003, title
    assert (q.text, q.value, q.low, q.high, q.unit) == ("26 pays", 26, 26, 26, "pays")


def test_the_counted_noun_is_the_head_after_the_number(nlp):
    text = ("Pendant ce temps, en Ukraine, la Russie a tiré 112 drones d'attaque et de leurre à travers le pays "
            "dans la nuit de jeudi à vendredi, selon le rapport matinal de l'armée de l'air ukrainienne.")  # 003
    for doc in (None, nlp(text)):
        assert one(text, doc).text == "112 drones"
    text = ("L'amiral italien Giuseppe Cavo Dragone, président du Comité militaire de l'OTAN, a déclaré que "
            "32 chefs d'état-major de la défense de toute l'Alliance avaient tenu une vidéoconférence")     # 002
    assert one(text, nlp(text)).unit == "chefs"


def test_number_words_through_text2num(nlp):
    text = ("Vingt-six pays sont prêts à envoyer des troupes en Ukraine dans le cadre d'une force de réassurance "
            "ou à fournir une assistance sur terre, en mer ou dans les airs")                        # 003
    q = one(text, nlp(text))
    assert (q.text, q.value, q.low, q.high, q.unit) == ("Vingt-six pays", 26, 26, 26, "pays")
    text = ("La télévision colombienne RCN a diffusé mardi soir de nouvelles images de l'opération qui a mené à "
            "la libération d'Ingrid Betancourt et de quatorze autres otages détenus par les FARC, le 2 juillet "
            "dernier.")                                                                              # T01_C2_04
    q = one(text, nlp(text))
    assert (q.text, q.value, q.unit) == ("quatorze autres otages", 14, "otages")
    text = "Elle séjourne quinze jours durant avec ses enfants dans l'une des trente villas du luxueux Hôtel Maia."
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(15, "jours"), (30, "villas")]  # T01_C2_01


def test_an_approximate_noun_is_plus_or_minus_fifteen_percent():
    q = one("La Coalition des volontaires réunit une trentaine de pays, principalement européens, prêts à "
            "apporter un soutien à l'armée ukrainienne")                                             # 001
    assert (q.text, q.value, q.low, q.high, q.unit) == ("une trentaine de pays", 30, 25, 35, "pays")
    q = one("Une vingtaine de militaires colombiens étaient associés à ces préparatifs.")            # T01_C2_04
    assert (q.value, q.low, q.high, q.unit) == (20, 17, 23, "militaires")


def test_at_least_more_than_and_up_to_are_open_intervals():
    q = one("La Russie a lancé une attaque aérienne nocturne de grande envergure contre l'Ukraine dans la nuit de "
            "mardi à mercredi, blessant au moins quatre cheminots et endommageant des infrastructures")  # 000
    assert (q.text, q.value, q.low, q.high, q.unit) == ("au moins quatre cheminots", 4, 4, None, "cheminots")
    q = one("Libérée mercredi après plus de six ans de captivité en Colombie, l'ex-otage franco-colombienne "
            "est arrivée sur le tarmac")                                                           # T01_C1_08
    assert (q.text, q.low, q.high, q.unit) == ("plus de six ans", 6, None, "ans")
    q = one("Jusqu'à 200 cadres d'entreprises chinoises devaient rencontrer des homologues européens")  # T04_C2_03
    assert (q.text, q.value, q.low, q.high) == ("Jusqu'à 200 cadres", 200, None, 200)
    q = one("Ces derniers reçoivent régulièrement des messages instantanés de moins de 140 caractères.")  # T06
    assert (q.low, q.high, q.unit) == (None, 140, "caractères")
    q = one("mobilisant au total pas moins de 14.000 personnes.")                               # T06, thousands point
    assert (q.value, q.low, q.high) == (14000, 14000, None)


def test_about_and_nearly_are_intervals_around_and_below():
    q = one("La Radio suisse romande a affirmé que des membres des Farc avaient touché quelque 20 millions de "
            "dollars pour libérer les otages")                                                    # T01_C1_03
    assert (q.text, q.value, q.low, q.high, q.unit) == ("quelque 20 millions de dollars", 2e7, 1.8e7, 2.2e7,
                                                        "dollars")
    q = one("l'ancienne sénatrice détenue pendant près de six ans et demi dans la jungle colombienne")  # T01_C2_06
    assert (q.text, q.value, q.low, q.high) == ("près de six ans et demi", 6.5, 5.85, 6.5)
    q = one("Elle était alors créditée d'environ un pour cent des intentions de vote.")          # T01_C1_07
    assert (q.text, q.value, q.low, q.high, q.unit) == ("environ un pour cent", 1, 0.9, 1.1, "%")


def test_ranges():
    q = one("la possibilité d'enregistrer dans le fichier les mineurs âgés entre 13 et 18 ans")   # T05_C2_10
    assert (q.text, q.value, q.low, q.high, q.unit) == ("entre 13 et 18 ans", None, 13, 18, "ans")
    q = one("représenterait une charge annuelle de 5 à 64 millions d'euros, selon la cible envisagée")  # T09_C2_09
    assert (q.low, q.high, q.unit) == (5e6, 6.4e7, "euros")
    q = one("Restent 5\u00a0% à 10\u00a0% de cas exceptionnels")                                  # T09_C1_03
    assert (q.low, q.high, q.unit) == (5, 10, "%")


def test_french_separators_and_decimals():
    q = one("Ce prêt travaux pourrait atteindre 30\u00a0000\u00a0euros.")                           # T03_C1_02
    assert (q.value, q.unit) == (30000, "euros")
    q = one("Ce prêt travaux pourrait atteindre 30\u202f000 euros.")   # the same, with a narrow no-break space
    assert (q.value, q.unit) == (30000, "euros")
    text = "Le mouvement ne compterait plus que 9.000 combattants contre 17.000 auparavant."       # T01_C1_07
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == [
        ("9.000 combattants", 9000, "combattants"), ("17.000", 17000, None)]
    q = one("Christine Lagarde a annoncé que 10,5 milliards d'euros seront affectés d'ici à la fin de l'année")
    assert (q.text, q.value, q.unit) == ("10,5 milliards d'euros", 1.05e10, "euros")                   # T03_C2_03
    q = one("Jusqu’à hier, les salariés se voyaient offrir une augmentation de 0,8% au 1er juillet prochain")
    assert (q.text, q.value, q.unit) == ("0,8%", 0.8, "%")                                             # T02
    q = one("A mon grand désespoir, j’y crois à cent pour cent ou à sang pour sang")
    assert (q.value, q.unit) == (100, "%")
    q = one("Il a fait 42,3 °C à l'ombre.")                                     # not in the corpora: a made-up line
    assert (q.value, q.unit) == (42.3, "°C")


def test_durations_ages_and_their_fractions():
    q = one("Dans une vidéo diffusée au mois de novembre, cette femme de 46 ans était apparue amaigrie.")  # T01_C1_05
    assert (q.value, q.unit) == (46, "ans")
    q = find_quantities("les trois citoyens américains, retenus durant cinq ans et quatre mois.")[1]  # T01_C1_01
    assert q.text == "cinq ans et quatre mois" and abs(q.value - (5 + 4 / 12)) < 1e-4 and q.unit == "ans"


def test_dates_times_years_ordinals_numbered_things_and_names_are_not_quantities(nlp):
    for text in [
        "Le président américain Donald Trump a promis le 18 août que les Etats-Unis seraient aux côtés des Européens",
        "Ingrid Betancourt se rendra du 1er au 3 septembre en Italie où elle rencontrera le pape Benoît XVI.",
        "l'ex-otage de la guérilla colombienne donnera une conférence de presse au Palais Valentini, à 11h30 GMT.",
        "Ils avaient été capturés en 2003 après la chute de leur avion dans la jungle",
        "Ingrid Betancourt y a vécu de 1985 à 1988, du 7 au 17 juillet",
        "des garanties de sécurité inspirées de l’article 5 du traité de l’OTAN",
        "Natixis s'apprêterait à lancer un avertissement sur les résultats du 4e trimestre",
        "le chef de l'État a reçu le 14e dalaï-lama",
        "réunir les dirigeants des pays du G8 et des principaux pays émergents",
        "leur chef Manuel Marulanda, leur numéro deux Raul Reyes et un membre du secrétariat général",
        "Avec eux, elle file escalader la montagne Trois Frères.",
        "l'ex-otage des Farc a fait savoir à 20 Minutes que la date de sa visite « reste à convenir ».",
        "Les deux guérilleros ont tous deux formulé une demande d'entretien.",
    ]:
        found = [q for q in find_quantities(text, nlp(text)) if q.text not in ("deux guérilleros",)]
        assert found == [], (text, found)


def test_one_quantity_ends_where_the_next_begins():
    text = "les trois citoyens américains, retenus durant cinq ans et quatre mois."
    assert [q.text for q in find_quantities(text)] == ["trois citoyens", "cinq ans et quatre mois"]


def test_every_quantity_of_the_seeds_and_it_is_fast():
    texts = [clean_document(raw).text for raw in read_paths([SEEDS], Settings())]
    found = {q.text for text in texts for q in find_quantities(text)}
    assert {"une trentaine de pays", "30 pays", "Vingt-six pays", "112 drones", "84 drones", "32 chefs",
            "15 personnes", "trois enfants", "au moins quatre cheminots", "six régions"} <= found
    assert not any(t.startswith(("2025", "18", "5")) for t in found)   # a date, "le 18 août", "article 5"
    start = time.perf_counter()
    for _ in range(10):
        for text in texts:
            find_quantities(text)
    per_article = (time.perf_counter() - start) / (10 * len(texts))
    assert per_article < 0.02      # a few ms each; generous for a slow machine


@pytest.mark.skipif(not RPM2.exists(), reason="../shared/corpora/rpm2-dev is not beside the project")
def test_offsets_point_into_the_text_on_a_whole_corpus():
    for raw in read_paths([RPM2], Settings()):
        text = clean_document(raw).text
        for q in find_quantities(text):
            assert text[q.start:q.end] == q.text
            assert q.low is None or q.high is None or q.low <= q.high
