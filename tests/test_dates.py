"""Date expressions resolved against the publication date, on real sentences from the corpora.

Sentences come from ``examples/seeds``, ``../shared/corpora/rpm2-dev`` (RPM2 carries no dates: the
publication date given with each of its sentences is chosen for the test, and said) and the
French TimeBank (its DCT).
"""
from __future__ import annotations

import pytest

from recoupe.analyse import load_nlp
from recoupe.analyse.dates import find_dates

from .conftest import SEEDS, SHARED

TIMEBANK = SHARED / "fr-timebank-dev"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp("fr_core_news_md")


def _dates(text: str, published: str | None, nlp=None) -> dict[str, tuple[str | None, str]]:
    doc = nlp(text) if nlp is not None else None
    mentions = find_dates(text, published, doc)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    return {m.text: (m.value, m.kind) for m in mentions}


def _both(text: str, published: str | None, nlp) -> dict[str, tuple[str | None, str]]:
    """The same answer with the parser's tenses and with the regex fallback."""
    with_doc = _dates(text, published, nlp)
    assert _dates(text, published) == with_doc
    return with_doc


# ---- the seeds ---------------------------------------------------------------------------------
def test_seed_001_wednesday_thursday_and_18_august(nlp):
    text = (SEEDS / "001_832e27856e8c07f2.txt").read_text(encoding="utf-8")
    for doc in (nlp(text), None):
        mentions = find_dates(text, "2025-09-03", doc)
        values = {}
        for m in mentions:
            values.setdefault(m.text, set()).add(m.value)
        assert values["mercredi"] == {"2025-09-03"}   # "a affirmé mercredi" in a Wednesday article
        assert values["jeudi"] == {"2025-09-04"}      # "La réunion jeudi à Paris … va « clarifier »"
        assert values["le 18 août"] == {"2025-08-18"}
        assert values["demain"] == {"2025-09-04"}
        assert all(m.kind == "weekday" for m in mentions if m.text in ("mercredi", "jeudi"))


# ---- absolute ----------------------------------------------------------------------------------
def test_absolute_day_with_year(nlp):
    # TimeBank 1999-05-22-0101
    text = ("Les faits qui lui sont reprochés ont eu lieu le 27 mai 1998, dans les bois à proximité "
            "du fort Dorsner.")
    assert _both(text, "1999-05-22", nlp) == {"le 27 mai 1998": ("1998-05-27", "absolute")}


def test_first_of_july_2008(nlp):
    # rpm2-dev T05
    text = ("Sans débat public préalable, le gouvernement, par un décret publié au Journal officiel du "
            "1er juillet 2008, a considérablement accru les capacités de fichage de nos concitoyens.")
    assert _both(text, "2008-10-15", nlp) == {"1er juillet 2008": ("2008-07-01", "absolute")}


def test_day_and_month_take_the_nearest_year(nlp):
    # TimeBank 2002-02-09-0883: 11 September is 151 days back, 214 ahead
    text = "Les attentats du 11 septembre ont mis un coup de frein au tourisme aux Etats-Unis."
    assert _both(text, "2002-02-09", nlp) == {"11 septembre": ("2001-09-11", "absolute")}
    # TimeBank 1999-07-09-0441: ahead this time
    text = ("Une première réunion est prévue le 16 juillet en Belgique, pour confirmer la répartition "
            "des portefeuilles.")
    assert _both(text, "1999-07-09", nlp) == {"le 16 juillet": ("1999-07-16", "absolute")}


def test_dernier_and_prochains_with_a_day(nlp):
    # TimeBank 2003-02-24-0122
    text = ("Les élections des conseils régionaux du futur Conseil français du culte musulman (CFCM) "
            "auront lieu les 6 et 13 avril prochains pour désigner leurs instances dirigeantes. "
            "Le CFCM a vu le jour le 20 décembre dernier sous la houlette de Nicolas Sarkozy.")
    assert _both(text, "2003-02-24", nlp) == {
        "les 6": ("2003-04-06", "absolute"),
        "13 avril prochains": ("2003-04-13", "absolute"),
        "le 20 décembre dernier": ("2002-12-20", "absolute"),
    }


def test_weekday_named_with_its_date_picks_the_year_and_the_day(nlp):
    # TimeBank 2002-04-03-1077
    text = "La déchetterie, rue de la gare, sera fermée du mercredi 3 avril au samedi 6 avril inclus."
    assert _both(text, "2002-04-03", nlp) == {
        "mercredi 3 avril": ("2002-04-03", "absolute"),
        "samedi 6 avril": ("2002-04-06", "absolute"),
    }


def test_months(nlp):
    # TimeBank 1999-07-24-0101: "le mercredi" here is habitual, not a date
    text = ("La bibliothèque sera fermée en juillet et rouvrira ses portes en août, uniquement le "
            "mercredi.")
    assert _both(text, "1999-07-24", nlp) == {"juillet": ("1999-07", "absolute"), "août": ("1999-08", "absolute")}
    # TimeBank 2002-02-09-0883 and 1999-05-23-0078
    assert _both("contre 72 % en septembre dernier.", "2002-02-09", nlp) == {
        "septembre dernier": ("2001-09", "absolute")}
    text = "Le contrat éducatif local, le premier du Territoire de Belfort, qui sera signé en juin prochain."
    assert _both(text, "1999-05-23", nlp) == {"juin prochain": ("1999-06", "absolute")}
    # rpm2-dev T01 (published 2008-07-05 for the test)
    text = "Sa femme avait été arrêtée en février."
    assert _both(text, "2008-07-05", nlp) == {"février": ("2008-02", "absolute")}


def test_years_and_not_quantities(nlp):
    # TimeBank 2002-09-14-0347 and 2002-09-10-1013
    text = "Depuis 1999, le régiment totalise déjà dix-huit mois de présence au Kosovo."
    assert _both(text, "2002-09-14", nlp) == {"1999": ("1999", "absolute")}
    text = ("La première réunion du club du troisième âge, pour cette saison 2002/2003, aura lieu le "
            "jeudi 12 septembre, à partir de 14 h.")
    assert _both(text, "2002-09-10", nlp) == {
        "2002": ("2002", "absolute"), "2003": ("2003", "absolute"),
        "le jeudi 12 septembre": ("2002-09-12", "absolute")}
    # rpm2-dev T09: "495 cas", and a year without a publication date is still a year
    text = ("Regardant du côté de la Belgique, il évoque les 495 cas autorisés l'an dernier. "
            "La loi Leonetti, votée en 2005, est assez équilibrée.")
    assert _both(text, None, nlp) == {"l'an dernier": (None, "relative"), "2005": ("2005", "absolute")}
    assert _dates("Il a gagné 2000 euros et 1500 personnes sont venues.", "2008-10-15") == {}


# ---- relative ----------------------------------------------------------------------------------
def test_hier_demain_aujourdhui(nlp):
    # TimeBank 2002-05-23-0139
    text = ("Le groupe d'intervention régional sera installé à Strasbourg demain. Sarkozy était hier dans "
            "la capitale alsacienne. Le nouveau ministre de l'intérieur se rend aujourd'hui au centre de "
            "Sangatte.")
    assert _both(text, "2002-05-23", nlp) == {
        "demain": ("2002-05-24", "relative"),
        "hier": ("2002-05-22", "relative"),
        "aujourd'hui": ("2002-05-23", "relative"),
    }
    # TimeBank 1999-07-09-0441
    text = "Romano Prodi devrait pouvoir en faire l'annonce officielle aujourd'hui vendredi."
    assert _both(text, "1999-07-09", nlp) == {"aujourd'hui vendredi": ("1999-07-09", "relative")}


def test_la_semaine_derniere_is_that_week(nlp):
    # rpm2-dev T03 (published Wednesday 2008-10-15 for the test)
    text = ("Nicolas Sarkozy a proposé la semaine dernière de réunir les dirigeants des pays du G8 et des "
            "principaux pays émergents.")
    assert _both(text, "2008-10-15", nlp) == {"la semaine dernière": ("2008-10-06/2008-10-12", "range")}
    # TimeBank 1999-07-09-0441: ISO week 1999-W27
    text = "Un journal finlandais a déjà publié cette semaine la liste des nouveaux commissaires."
    assert _both(text, "1999-07-09", nlp) == {"cette semaine": ("1999-07-05/1999-07-11", "range")}


def test_week_end_follows_the_tense(nlp):
    # TimeBank 2003-02-04-0872 (a Tuesday): 2003-W05-WE
    text = ("Plusieurs coureurs de la Vôge VTT se sont rendus ce week-end à Saint-Gervais pour participer "
            "à la Snow Bike.")
    assert _both(text, "2003-02-04", nlp) == {"ce week-end": ("2003-02-01/2003-02-02", "range")}
    # rpm2-dev T04 (published Wednesday 2008-10-15 for the test): a meeting still to come
    text = ("La Chine a adressé jeudi un nouvel avertissement à la France, en insinuant que la rencontre "
            "prévue ce week-end entre le président Nicolas Sarkozy et le dalaï lama en Pologne pourrait "
            "avoir des conséquences.")
    assert _both(text, "2008-10-15", nlp) == {
        "jeudi": ("2008-10-09", "weekday"), "ce week-end": ("2008-10-18/2008-10-19", "range")}


def test_le_mois_dernier_and_l_annee_derniere(nlp):
    # seeds 002 (published Thursday 2025-09-04 for the test)
    text = ("La Russie a annoncé jeudi l'expulsion d'un diplomate estonien, une mesure de représailles "
            "après que l'Estonie a déclaré un diplomate russe persona non grata le mois dernier.")
    assert _both(text, "2025-09-04", nlp) == {
        "jeudi": ("2025-09-04", "weekday"), "le mois dernier": ("2025-08", "relative")}
    # TimeBank 2002-09-01-0536
    text = ("Le moral des Français enregistre une hausse de 10 points par rapport à l'année dernière à la "
            "même époque.")
    assert _both(text, "2002-09-01", nlp) == {"l'année dernière": ("2001", "relative")}


def test_dans_les_prochains_jours_is_an_interval(nlp):
    # seeds 000 (the Wednesday 2025-09-03 article)
    text = ('"Nous discuterons dans les prochains jours avec nos partenaires de la nécessité de prendre '
            'des mesures de pression fortes", a ajouté le président ukrainien qui sera reçu dès mercredi '
            "soir à l'Elysée.")
    assert _both(text, "2025-09-03", nlp) == {
        "dans les prochains jours": ("2025-09-04/2025-09-10", "range"),
        "mercredi soir": ("2025-09-03", "weekday"),
    }


def test_season(nlp):
    # TimeBank 1999-08-06-0305 (gold XXXX-SU); "a été" is a verb, not the season
    text = ("Plus largement, les ventes de journaux étrangers connaissent un boom en été. Le camping a été "
            "complet.")
    assert _both(text, "1999-08-06", nlp) == {"été": ("1999-06-21/1999-09-22", "range")}


# ---- weekdays ----------------------------------------------------------------------------------
def test_weekday_past_and_future_by_tense(nlp):
    # rpm2-dev T07 (published Wednesday 2008-10-15 for the test): the same article says "jeudi" in
    # the past (announced) and "vendredi" in the future (to be examined)
    text = ("Le parquet général de la cour d'appel de Paris a annoncé jeudi qu'il allait requérir le "
            "maintien en détention de Jérôme Kerviel, qui doit être examiné vendredi par la chambre de "
            "l'instruction.")
    assert _both(text, "2008-10-15", nlp) == {
        "jeudi": ("2008-10-09", "weekday"), "vendredi": ("2008-10-17", "weekday")}
    text = "La banque doit publier jeudi ses résultats du troisième trimestre."
    assert _both(text, "2008-10-15", nlp) == {"jeudi": ("2008-10-16", "weekday")}
    text = "Le parcours sera dévoilé samedi à Venise, où le Giro débutera par un contre-la-montre."
    assert _both(text, "2008-10-15", nlp) == {"samedi": ("2008-10-18", "weekday")}
    # TimeBank 2003-01-31-1112 and 2003-02-23-0086
    text = "Fernande Garnier n'est plus. Jeudi, se sont déroulées, en l'église de Molay, ses obsèques."
    assert _both(text, "2003-01-31", nlp) == {"Jeudi": ("2003-01-30", "weekday")}
    text = "Fermé depuis vendredi. Nous avons ouvert vendredi jusqu'à 17 h."
    assert [m.value for m in find_dates(text, "2003-02-23", nlp(text))] == ["2003-02-21", "2003-02-21"]


def test_weekday_of_the_publication_day_is_that_day(nlp):
    # TimeBank 1999-07-18-1092, a Sunday
    text = "Ce dimanche, de 18 h à 23 h, l'office municipal d'animation organise un thé dansant."
    assert _both(text, "1999-07-18", nlp) == {"Ce dimanche": ("1999-07-18", "weekday")}


def test_mardi_soir(nlp):
    # TimeBank 2003-02-21-0862
    text = "Une fillette de 6 ans s'est noyée mardi soir dans la piscine d'un centre de loisirs."
    assert _both(text, "2003-02-21", nlp) == {"mardi soir": ("2003-02-18", "weekday")}


def test_vendredi_dernier_and_prochain(nlp):
    # TimeBank 1999-05-27-0530e (a Thursday)
    text = ("Le Conseil de sécurité de l'ONU a reconduit à l'unanimité vendredi dernier les dispositions "
            "de la phase V.")
    assert _both(text, "1999-05-27", nlp) == {"vendredi dernier": ("1999-05-21", "weekday")}
    # TimeBank 1999-07-28-0348d, a Wednesday: "mercredi dernier" is a week before
    text = "Le conseiller a démissionné mercredi dernier de ses fonctions."
    assert _both(text, "1999-07-28", nlp) == {"mercredi dernier": ("1999-07-21", "weekday")}
    # rpm2-dev T08 and T03 (published Wednesday 2008-10-15 for the test)
    text = "Armstrong a semble-t-il renoncé à assister à la présentation du parcours 2009 mercredi prochain."
    assert _both(text, "2008-10-15", nlp) == {
        "2009": ("2009", "absolute"), "mercredi prochain": ("2008-10-22", "weekday")}
    text = ("Il n'est pas certain que les banques plaident pour un deuxième crédit relais de 5 milliards "
            "d'euros vendredi prochain.")
    assert _both(text, "2008-10-15", nlp) == {"vendredi prochain": ("2008-10-17", "weekday")}


# ---- no publication date -------------------------------------------------------------------------
def test_without_publication_date_only_absolute_dates_resolve(nlp):
    # seeds 001 and TimeBank 1999-05-22-0101
    text = ("Le président américain Donald Trump a promis le 18 août que les Etats-Unis seraient aux côtés "
            "des Européens, a affirmé mercredi Mark Rutte. Bernard comparaissait hier devant le tribunal "
            "pour des faits qui remontent au 27 mai 1998.")
    assert _both(text, None, nlp) == {
        "le 18 août": (None, "absolute"), "mercredi": (None, "weekday"), "hier": (None, "relative"),
        "27 mai 1998": ("1998-05-27", "absolute")}
    assert find_dates("", None) == []


# ---- the corpus ----------------------------------------------------------------------------------
def test_timebank_dev_accuracy():
    if not TIMEBANK.exists():
        pytest.skip("../shared/corpora/fr-timebank-dev is not beside the project")
    from recoupe.evaluate.dates import evaluate_dates

    result = evaluate_dates(TIMEBANK, baseline=False)["recoupe"]
    assert result["gold_dates"] >= 90
    assert result["accuracy"] >= 90.0, result["misses"]
    assert result["misses"]["wrong_value"]["count"] <= 3
    assert result["precision_without_other_timex"] >= 90.0


def test_gold_value_rules():
    from recoupe.evaluate.dates import value_matches

    assert value_matches("1999-05-17", "1999-05-17")
    assert not value_matches("1999-05", "1999-05-17")
    assert value_matches("XXXX-07-15", "1999-07-15") and not value_matches("XXXX-07-15", "1999-07")
    assert value_matches("1999-W27", "1999-07-05/1999-07-11")
    assert value_matches("2003-W05-WE", "2003-02-01/2003-02-02")
    assert value_matches("XXXX-SU", "1999-06-21/1999-09-22")
    assert value_matches("XXXX-WI", "1998-12-21/1999-03-19")
    assert value_matches("PRESENT_REF", "2002-09-14", "2002-09-14")
    assert not value_matches("P1M", "2002-09")
