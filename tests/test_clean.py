"""Cleaning: each repair of scraping damage on the real seed text, and no repair on normal text.

Snippets are copied from examples/seeds (the five scraped articles); the last tests run
``clean_document`` on the seed files themselves.  No language model is loaded here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.clean import clean_document, parse_published
from recoupe.clean.repairs import (cut_glued_repeated_tail, drop_repeated_paragraphs, drop_trailing_junk,
                                   normalise_text, split_paragraphs, take_byline, take_credit_line,
                                   take_metadata_lines, take_title)
from recoupe.records import Article, RawDocument

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"

# --- real text from the seeds -------------------------------------------------------------------
LEAD_000 = ("Le secrétaire général de l'Otan, Mark Rutte, a déclaré mercredi qu'il s'attendait à ce que la "
            "réunion de la \"coalition des volontaires\" organisée jeudi en France apporte des "
            "éclaircissements sur les garanties de sécurité que l'Europe peut offrir à l'Ukraine en cas de "
            "trêve ou d'accord de paix avec la Russie.")
LAST_000 = ("\"Nous discuterons dans les prochains jours avec nos partenaires de la nécessité de prendre des "
            "mesures de pression fortes\", a ajouté le président ukrainien qui sera reçu dès mercredi soir à "
            "l'Elysée.")
CREDIT_000 = ("(Reportage Andrew Gray et Makini Brice ; rédigé par Andrew Gray et Charlotte Van Campenhout ; "
              "version française Etienne Breban ; édité par Blandine Hénault)")
FIRST_001 = (" date 2025-09-03 La réunion jeudi à Paris de la coalition des volontaires va « clarifier » "
             "l'engagement des Européens dans le cadre des garanties de sécurité pour l'Ukraine, en attendant "
             "la contribution américaine, a affirmé mercredi le secrétaire général de l'Otan, Mark Rutte.")
TITLE_002 = "OTAN : une \"discussion franche\" sur les garanties de sécurité pour l'Ukraine"
LEAD_002 = ("Les chefs d'état-major de la défense de l'OTAN ont eu une \"discussion franche\" mercredi sur les "
            "garanties de sécurité qu'ils pourraient offrir à Kiev pour aider à forger un accord de paix qui "
            "mettrait fin à la guerre de trois ans menée par la Russie contre l'Ukraine, a déclaré un haut "
            "responsable de l'alliance.")
LAST_002 = ("Zelensky a déclaré que les frappes \"ne font que confirmer la nécessité de faire pression sur "
            "Moscou, d'introduire de nouvelles sanctions et de nouveaux tarifs douaniers jusqu'à ce que la "
            "diplomatie fonctionne à plein régime\".")
TITLE_003 = ("Coalition de volontaires : 26 pays acceptent de déployer des troupes ou du matériel en Ukraine "
             "après la guerre")
LEAD_003 = ("Vingt-six pays sont prêts à envoyer des troupes en Ukraine dans le cadre d'une force de réassurance "
            "ou à fournir une assistance sur terre, en mer ou dans les airs dans le cadre de futures garanties "
            "de sécurité, une fois le conflit avec la Russie terminé, a déclaré jeudi le président français "
            "Emmanuel Macron à l'issue d'une réunion de la Coalition des volontaires.")
QUOTE_END_003 = ("Le président français a réaffirmé que les troupes internationales ne seraient pas déployées "
                 "dans les zones de contact mais \"dans des zones géographiques en cours de définition.\"")
FIRST_PRINT_003 = ("Certains dirigeants ont participé en personne aux négociations de Paris, tandis que d'autres se "
                   "sont joints virtuellement. Ils devaient s'entretenir avec Trump par téléphone après la réunion.")
LATER_PRINT_003 = ("Certains dirigeants ont participé en personne aux négociations de Paris, tandis que d'autres se "
                   "sont joints virtuellement. Ils se sont entretenus avec Trump par téléphone après la réunion.")
GLUED_003 = ("« Si la partie russe continue de gagner du temps, l'Europe accentuera la pression des sanctions pour "
             "accroître les chances d'une solution diplomatique », indique le communiqué.accroître les chances "
             "d'une solution diplomatique », indique le communiqué.")
STARMER_1_003 = ("Le cabinet de Starmer a déclaré après la réunion que le Premier ministre britannique avait "
                 "« souligné que le groupe avait pris un engagement indéfectible envers l'Ukraine, avec le soutien "
                 "du président Trump, et qu'il était désormais clair qu'il fallait aller encore plus loin pour faire "
                 "pression sur le président russe Vladimir Poutine afin d'obtenir une cessation des hostilités ».")
STARMER_2_003 = ("Le cabinet de Starmer a également mentionné la décision de la coalition de fournir des missiles "
                 "longue portée à l'Ukraine « afin de renforcer encore les approvisionnements du pays ».")
DRONES_003 = ("Pendant ce temps, en Ukraine, la Russie a tiré 112 drones d'attaque et de leurre à travers le pays "
              "dans la nuit de jeudi à vendredi, selon le rapport matinal de l'armée de l'air ukrainienne. Les "
              "défenses aériennes ont intercepté ou bloqué 84 drones, selon le communiqué.")
LEAD_004 = ("Le secrétaire général de l'OTAN, Mark Rutte, a déclaré dans une interview à Bild que les pays "
            "européens étaient prêts à envoyer des troupes en Ukraine. Il a indiqué que plusieurs États avaient "
            "fait part de leur volonté de fournir des forces « si nécessaire », tout en précisant que les "
            "détails n'étaient pas encore discutés publiquement.")
TODAY_004 = ("Aujourd'hui, des travaux sont en cours pour définir la structure exacte de la « coalition des "
             "volontaires », a ajouté Mark Rutte.")


def _seed(prefix: str) -> Article:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return clean_document(RawDocument(path=str(path), id=path.stem, text=path.read_text(encoding="utf-8")))


# --- normalise_text -----------------------------------------------------------------------------
def test_normalise_text_makes_crlf_nbsp_and_curly_apostrophes_plain():
    raw = ("Le ministère russe des Affaires étrangères a averti que l\u2019envoi d\u2019un contingent européen"
           "\r\nserait perçu comme une escalade.\rCe \u00abfilet\u00a0de sécurité\u202f\u00bb américain")
    assert normalise_text(raw) == ("Le ministère russe des Affaires étrangères a averti que l'envoi d'un "
                                   "contingent européen\nserait perçu comme une escalade.\nCe «filet de "
                                   "sécurité » américain")


def test_normalise_text_composes_accents_and_drops_zero_width_characters():
    decomposed = "Le pre\u0301sident ukrainien Volodymyr\u200b Zelensky\ufeff"
    assert normalise_text(decomposed) == "Le président ukrainien Volodymyr Zelensky"


def test_normalise_text_reads_c1_controls_as_the_windows_1252_characters_they_were():
    # "l’offre" written in Windows-1252, read as Latin-1, saved as UTF-8: U+0092 where the apostrophe was
    assert normalise_text("l\x92offre de l\x92AFLD, \x93oui\x94 \x85") == "l'offre de l'AFLD, “oui” …"


def test_normalise_text_leaves_clean_text_unchanged():
    assert normalise_text(LEAD_002) == LEAD_002


def test_split_paragraphs_treats_single_and_double_line_breaks_alike():
    assert split_paragraphs(f"{TITLE_002}\n\n{LEAD_002}\n  \n{LAST_002}\n") == [TITLE_002, LEAD_002, LAST_002]


# --- take_title ---------------------------------------------------------------------------------
@pytest.mark.parametrize("title, lead", [(TITLE_002, LEAD_002), (TITLE_003, LEAD_003)])
def test_take_title_takes_a_headline_first_line(title, lead):
    assert take_title([title, lead]) == ([lead], title)


def test_take_title_keeps_a_first_body_sentence_ending_with_a_full_stop():
    assert take_title([LEAD_004, TODAY_004]) == ([LEAD_004, TODAY_004], None)


@pytest.mark.parametrize("first", [
    "Il a déclaré qu'ils avaient eu une \"grande et franche discussion\".",
    "Rutte a également appelé le monde à « ne pas être naïf à l'égard de la Russie ».",
    QUOTE_END_003,  # the full stop is inside the closing quote
])
def test_take_title_keeps_a_short_sentence_that_ends_with_a_full_stop(first):
    assert take_title([first, LEAD_003]) == ([first, LEAD_003], None)


def test_take_title_needs_a_body_after_the_headline():
    assert take_title([TITLE_002]) == ([TITLE_002], None)


# --- take_byline --------------------------------------------------------------------------------
def test_take_byline_turns_par_andrew_gray_into_the_author():
    assert take_byline(["par Andrew Gray", LEAD_000]) == ([LEAD_000], "Andrew Gray")


def test_take_byline_finds_the_byline_under_a_title_and_keeps_particles():
    paragraphs, author = take_byline([TITLE_002, "Par Charlotte Van Campenhout et Jean de La Fontaine", LEAD_002])
    assert (paragraphs, author) == ([TITLE_002, LEAD_002], "Charlotte Van Campenhout et Jean de La Fontaine")


@pytest.mark.parametrize("first", [
    "Par ailleurs, Mark Rutte a cherché à rassurer les membres de l'Otan d'Europe de l'est.",
    "Par ailleurs les dirigeants européens ont rencontré Zelensky",
    "Par la voix de son porte-parole le Kremlin dément",
    LEAD_000,
])
def test_take_byline_leaves_a_body_line_that_starts_with_par(first):
    assert take_byline([first, LEAD_000]) == ([first, LEAD_000], None)


def test_take_byline_only_looks_at_the_first_two_paragraphs():
    paragraphs = [TITLE_002, LEAD_002, "par Andrew Gray"]
    assert take_byline(paragraphs) == (paragraphs, None)


# --- take_credit_line ---------------------------------------------------------------------------
def test_take_credit_line_moves_the_reuters_credits_out_of_the_text():
    paragraphs, credits = take_credit_line([LEAD_000, LAST_000, CREDIT_000])
    assert paragraphs == [LEAD_000, LAST_000]
    assert credits == CREDIT_000.strip("()")
    assert credits.startswith("Reportage Andrew Gray et Makini Brice") and credits.endswith("Blandine Hénault")


def test_take_credit_line_leaves_body_paragraphs_alone():
    paragraphs = [LEAD_000, "Le livre, édité par Gallimard, paraîtra jeudi.", LAST_000]
    assert take_credit_line(paragraphs) == (paragraphs, None)


def test_take_credit_line_ignores_a_credit_shaped_line_far_from_the_end():
    paragraphs = [CREDIT_000, LEAD_000, LAST_000, LEAD_002]
    assert take_credit_line(paragraphs) == (paragraphs, None)


# --- take_metadata_lines ------------------------------------------------------------------------
def test_take_metadata_lines_reads_the_glued_date_prefix():
    paragraphs, fields = take_metadata_lines(split_paragraphs(normalise_text(FIRST_001)))
    assert fields == {"published": "2025-09-03"}
    assert paragraphs[0].startswith("La réunion jeudi à Paris de la coalition des volontaires")


def test_take_metadata_lines_reads_key_value_lines():
    paragraphs, fields = take_metadata_lines([
        "Titre : OTAN : une \"discussion franche\" sur les garanties de sécurité pour l'Ukraine",
        "Source: Reuters", "Publié le: 2025-08-20", "URL = https://example.org/otan-ukraine",
        "langue: fr", LEAD_002])
    assert paragraphs == [LEAD_002]
    assert fields == {"title": TITLE_002, "source": "Reuters", "published": "2025-08-20",
                      "url": "https://example.org/otan-ukraine", "language": "fr"}


def test_take_metadata_lines_leaves_a_normal_lead_alone():
    assert take_metadata_lines([LEAD_003, DRONES_003]) == ([LEAD_003, DRONES_003], {})


@pytest.mark.parametrize("first", [
    "Source : un responsable américain de la défense a indiqué que le général Dan Caine devait participer.",
    "Date limite : les Européens doivent répondre avant jeudi.",
    "Le 18 août, Donald Trump a promis que les Etats-Unis seraient aux côtés des Européens.",
])
def test_take_metadata_lines_does_not_take_a_body_sentence_for_metadata(first):
    assert take_metadata_lines([first, LEAD_003]) == ([first, LEAD_003], {})


# --- drop_trailing_junk -------------------------------------------------------------------------
def test_drop_trailing_junk_drops_today():
    assert drop_trailing_junk([LEAD_002, LAST_002, "Today"]) == ([LEAD_002, LAST_002], ["Today"])


def test_drop_trailing_junk_drops_several_furniture_lines():
    assert drop_trailing_junk([LEAD_002, "Lire aussi", "Partager", "Today"]) == (
        [LEAD_002], ["Lire aussi", "Partager", "Today"])


def test_drop_trailing_junk_keeps_a_last_paragraph_that_starts_like_furniture():
    paragraphs = [LEAD_004, TODAY_004]
    assert drop_trailing_junk(paragraphs) == (paragraphs, [])


# --- drop_repeated_paragraphs -------------------------------------------------------------------
def test_drop_repeated_paragraphs_keeps_the_later_print_once():
    kept, dropped = drop_repeated_paragraphs(["Consultations avec Trump", FIRST_PRINT_003, LATER_PRINT_003,
                                              GLUED_003])
    assert kept == ["Consultations avec Trump", LATER_PRINT_003, GLUED_003]
    assert dropped == [FIRST_PRINT_003]


def test_drop_repeated_paragraphs_drops_an_exact_copy():
    assert drop_repeated_paragraphs([LEAD_003, DRONES_003, LEAD_003]) == ([DRONES_003, LEAD_003], [LEAD_003])


def test_drop_repeated_paragraphs_keeps_different_paragraphs_that_share_words():
    paragraphs = [STARMER_1_003, STARMER_2_003, LEAD_000, LAST_000]
    assert drop_repeated_paragraphs(paragraphs) == (paragraphs, [])


def test_drop_repeated_paragraphs_keeps_short_repeated_lines():
    paragraphs = ["Signaux positifs", LEAD_003, "Signaux positifs", DRONES_003]
    assert drop_repeated_paragraphs(paragraphs) == (paragraphs, [])


# --- cut_glued_repeated_tail --------------------------------------------------------------------
def test_cut_glued_repeated_tail_cuts_the_tail_glued_after_indique_le_communique():
    fixed, tail = cut_glued_repeated_tail(GLUED_003)
    assert tail == "accroître les chances d'une solution diplomatique », indique le communiqué."
    assert fixed == ("« Si la partie russe continue de gagner du temps, l'Europe accentuera la pression des "
                     "sanctions pour accroître les chances d'une solution diplomatique », indique le communiqué.")
    assert fixed.count("indique le communiqué") == 1
    assert cut_glued_repeated_tail(fixed) == (fixed, None)  # cut once, not again


@pytest.mark.parametrize("paragraph", [DRONES_003, LEAD_000, STARMER_1_003, "Nous sommes unis, unis."])
def test_cut_glued_repeated_tail_leaves_a_normal_paragraph(paragraph):
    assert cut_glued_repeated_tail(paragraph) == (paragraph, None)


# --- parse_published ----------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("2025-09-03", "2025-09-03"),
    ("2025-09-03T14:12:00+02:00", "2025-09-03"),
    ("3 septembre 2025", "2025-09-03"),
    ("Publié le 3 septembre 2025 à 10h00", "2025-09-03"),
    ("Wed, 03 Sep 2025 10:00:00 GMT", "2025-09-03"),
    ("2025-02-30", None),
    ("", None),
    (None, None),
])
def test_parse_published_reads_absolute_dates(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["il y a 3 heures", "hier", "aujourd'hui"])
def test_parse_published_does_not_invent_a_date_from_a_relative_one(value):
    assert parse_published(value) is None


# --- clean_document on the seed files -------------------------------------------------------------
def test_clean_document_000_byline_is_the_author_and_credits_leave_the_text():
    article = _seed("000")
    assert article.author == "Andrew Gray"
    assert article.credits.startswith("Reportage Andrew Gray et Makini Brice")
    assert article.credits.endswith("édité par Blandine Hénault")
    assert article.text.startswith("Le secrétaire général de l'Otan, Mark Rutte")
    assert article.text.endswith("sera reçu dès mercredi soir à l'Elysée.")
    assert "Andrew Gray" not in article.text and "Reportage" not in article.text
    assert article.title is None
    assert {r.name for r in article.repairs} == {"byline", "credit_line"}


def test_clean_document_001_date_prefix_becomes_the_publication_date():
    article = _seed("001")
    assert article.published == "2025-09-03"
    assert article.text.startswith("La réunion jeudi à Paris de la coalition des volontaires")
    assert "2025-09-03" not in article.text


@pytest.mark.parametrize("prefix, title", [("002", TITLE_002), ("003", TITLE_003)])
def test_clean_document_takes_the_title_line_and_drops_trailing_today(prefix, title):
    article = _seed(prefix)
    assert article.title == title
    assert not article.text.startswith(title)
    assert not article.text.rstrip().endswith("Today")
    assert "trailing_junk" in {r.name for r in article.repairs}


def test_clean_document_003_repeated_paragraph_and_glued_tail_are_repaired():
    text = _seed("003").text
    assert "Ils devaient s'entretenir avec Trump" not in text
    assert text.count("Ils se sont entretenus avec Trump par téléphone après la réunion.") == 1
    assert text.count("accroître les chances d'une solution diplomatique") == 1
    assert "indique le communiqué.\n\nSignaux positifs" in text


def test_clean_document_004_first_line_is_body_not_title():
    article = _seed("004")
    assert article.title is None
    assert article.text.startswith("Le secrétaire général de l'OTAN, Mark Rutte, a déclaré dans une interview à Bild")
    assert article.text.count("\n\n") == 5  # six paragraphs, none removed
    assert article.repairs == ()


def test_clean_document_leaves_no_scraping_damage_in_any_seed():
    for path in sorted(SEEDS.glob("*.txt")):
        article = clean_document(RawDocument(path=str(path), id=path.stem, text=path.read_text(encoding="utf-8")))
        assert "\r" not in article.text and "\u2019" not in article.text and "\u00a0" not in article.text
        assert article.text == article.text.strip()
        assert "\n\n\n" not in article.text


def test_clean_document_drops_a_first_line_that_repeats_the_given_title():
    raw = RawDocument(path="x.json", id="x", title=TITLE_002, text=f"{TITLE_002}\n{LEAD_002}\nToday")
    article = clean_document(raw)
    assert article.title == TITLE_002
    assert article.text == LEAD_002


def test_clean_document_keeps_a_credit_line_followed_by_furniture_out_of_the_text():
    raw = RawDocument(path="x.txt", id="x", text=f"par Andrew Gray\n{LEAD_000}\n{LAST_000}\n{CREDIT_000}\n"
                                                 "Lire aussi\nToday")
    article = clean_document(raw)
    assert article.text == f"{LEAD_000}\n\n{LAST_000}"
    assert article.credits.startswith("Reportage Andrew Gray")


def test_clean_document_same_text_in_other_whitespace_has_the_same_content_hash():
    one = clean_document(RawDocument(path="a.txt", id="a", text=f"{LEAD_002}\r\n\r\n{LAST_002}"))
    two = clean_document(RawDocument(path="b.txt", id="b", text=f"{LEAD_002}\n{LAST_002}\n"))
    assert one.content_hash == two.content_hash


def test_dateline_with_agency_is_taken_out_of_the_body():
    from recoupe.clean.repairs import take_dateline

    body, found = take_dateline(["PARIS, 3 septembre (Reuters) - Vingt-six pays sont prêts à envoyer des troupes "
                                 "en Ukraine, a déclaré jeudi le président français Emmanuel Macron."])
    assert body[0].startswith("Vingt-six pays")
    assert found == {"place": "PARIS", "day": 3, "month": 9, "agency": "Reuters"}


def test_dateline_with_a_year_gives_the_publication_date():
    from recoupe.clean import clean_document
    from recoupe.records import RawDocument

    article = clean_document(RawDocument(path="x.txt", id="x", text=(
        "BRUXELLES, 3 septembre 2025 (AFP) - Le secrétaire général de l'Otan, Mark Rutte, a déclaré "
        "mercredi qu'il s'attendait à ce que la réunion organisée jeudi en France apporte des éclaircissements.")))
    assert article.published == "2025-09-03" and article.source == "AFP"
    assert article.text.startswith("Le secrétaire général")


def test_a_sentence_with_a_dash_is_not_a_dateline():
    from recoupe.clean.repairs import take_dateline

    text = "Le Président a réaffirmé que les troupes - si nécessaire - seraient déployées."
    assert take_dateline([text]) == ([text], None)
