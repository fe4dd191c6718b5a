"""Who said what: quotes, speakers, canonical entities and the same utterance across translations,
on the seeds (the cases named in PRODUCT.md) and on small constructed texts."""
from __future__ import annotations

import pytest

from recoupe.analyse.annotate import _mentions
from recoupe.analyse.entities import repair_mentions
from recoupe.analyse.nlp import load_nlp
from recoupe.analyse.quotes import find_quotes, quotation_spans
from recoupe.compare.entities import canonical_map
from recoupe.evaluate.quotes import _match, same_speaker
from recoupe.people import person_view

from .conftest import article

AUTHORS = {"Andrew Gray", "Makini Brice", "Charlotte Van Campenhout", "Etienne Breban", "Blandine Hénault"}


def quotes_of(doc: dict, prefix: str) -> list[dict]:
    art = article(doc, prefix)
    return [q for q in doc["quotes"] if q["article"] == art["id"]]


def quote_with(doc: dict, prefix: str, words: str) -> dict:
    found = [q for q in quotes_of(doc, prefix) if words in q["text"]]
    assert found, f"no quote of {prefix} contains {words!r}: {[q['text'][:50] for q in quotes_of(doc, prefix)]}"
    return found[0]


def test_pronoun_speaker_a_t_il_ajoute(seeds_doc):
    q = quote_with(seeds_doc, "001", "Cela signifie que nous pouvons nous engager encore plus profondément")
    assert q["kind"] == "direct" and q["cue"] == "a-t-il ajouté"
    assert q["speaker"]["name"] == "Mark Rutte" and q["speaker"]["text"] == "-il"


def test_role_phrase_resolves_to_the_person_the_article_gave_it(seeds_doc):
    q = quote_with(seeds_doc, "000", "Cela signifie que nous pouvons nous engager encore plus intensément")
    assert q["speaker"]["text"] == "le secrétaire général de l'alliance atlantique"
    assert q["speaker"]["entity"] == "per:mark-rutte"


def test_colon_partial_and_indirect_quotes(seeds_doc):
    colon = quote_with(seeds_doc, "003", "Nous devons nous assurer que notre dissuasion")
    assert colon["kind"] == "direct" and colon["cue"].endswith(":") and colon["speaker"]["name"] == "Mark Rutte"
    partial = quote_with(seeds_doc, "003", "victoire")
    assert partial["kind"] == "mixed" and partial["text"] == "victoire"
    assert partial["speaker"]["entity"] == "per:volodymyr-zelensky"
    indirect = quote_with(seeds_doc, "003", "les pays s'étaient engagés à déployer des troupes")
    assert indirect["kind"] == "indirect" and indirect["speaker"]["name"] == "Emmanuel Macron"
    group = quote_with(seeds_doc, "000", "l'élément le plus important de ces garanties")
    assert group["speaker"] == {"entity": None, "name": "responsables occidentaux",
                                "text": "les responsables occidentaux"}


def test_no_author_or_credit_name_is_ever_a_speaker_or_an_entity(seeds_doc):
    names = {q["speaker"]["name"] for q in seeds_doc["quotes"] if q["speaker"]}
    assert not names & AUTHORS
    entity_names = {n for e in seeds_doc["entities"] for n in [e["name"], *e["aliases"]]}
    assert not entity_names & AUTHORS


def test_rutte_translated_quotes_in_000_and_001_are_one_utterance(seeds_doc):
    a = quote_with(seeds_doc, "000", "offrir collectivement")
    b = quote_with(seeds_doc, "001", "accomplir collectivement")
    assert b["id"] in a["same_as"] and a["id"] in b["same_as"]
    # different things Rutte said are not linked
    other = quote_with(seeds_doc, "000", "Nous devons éviter de disperser nos ressources")
    assert a["id"] not in other["same_as"]
    event = next(e for e in seeds_doc["events"] if a["article"] in e["articles"])
    assert a["id"] in event["quotes"] and b["id"] in event["quotes"]


def test_one_entity_per_referent_across_spellings(seeds_doc):
    by_name = {}
    for e in seeds_doc["entities"]:
        for name in [e["name"], *e["aliases"]]:
            by_name[name] = e["id"]
    assert by_name["Volodimir Zelensky"] == by_name["Volodymyr Zelensky"]
    assert by_name["Kiev"] == by_name["Kyiv"]
    assert by_name["Otan"] == by_name["OTAN"]
    rutte = next(e for e in seeds_doc["entities"] if e["id"] == "per:mark-rutte")
    assert any("secrétaire général de l'otan" == r.lower() for r in rutte["roles"])
    karis = by_name.get("Alar Karis")
    assert karis and karis.startswith("per:"), "a name given a role is a person"
    # every mention points at a canonical entity
    ids = {e["id"] for e in seeds_doc["entities"]}
    assert all(m["entity"] in ids for a in seeds_doc["articles"] for m in a["mentions"])


def test_person_view_gathers_every_quote_across_events(seeds_doc):
    view = person_view(seeds_doc, "Rutte")
    assert view["entity"]["name"] == "Mark Rutte"
    assert {q["article"][:3] for q in view["quotes"]} >= {"000", "001", "003", "004"}
    assert len(view["events"]) >= 3
    assert any(c["name"] == "OTAN" for c in view["co_occurring"])
    assert person_view(seeds_doc, "nobody at all") is None


def test_acronyms_exonyms_and_transliterations_merge():
    entities = [
        {"id": "org:otan", "type": "ORG", "names": {"Otan": 3}, "roles": [], "count": 3},
        {"id": "org:nato", "type": "ORG", "names": {"NATO": 1}, "roles": [], "count": 1},
        {"id": "loc:kiev", "type": "LOC", "names": {"Kiev": 2}, "roles": [], "count": 2},
        {"id": "loc:kyiv", "type": "LOC", "names": {"Kyiv": 1}, "roles": [], "count": 1},
        {"id": "loc:russie", "type": "LOC", "names": {"Russie": 5}, "roles": [], "count": 5},
        {"id": "loc:federation-de-russie", "type": "LOC", "names": {"Fédération de Russie": 1}, "roles": [], "count": 1},
        {"id": "per:volodimir-zelensky", "type": "PER", "names": {"Volodimir Zelensky": 1}, "roles": [], "count": 1},
        {"id": "per:volodymyr-zelensky", "type": "PER", "names": {"Volodymyr Zelensky": 4}, "roles": [], "count": 4},
        {"id": "per:zelensky", "type": "PER", "names": {"Zelensky": 2}, "roles": [], "count": 2},
        {"id": "per:vladimir-poutine", "type": "PER", "names": {"Vladimir Poutine": 2}, "roles": [], "count": 2},
        {"id": "loc:iran", "type": "LOC", "names": {"Iran": 2}, "roles": [], "count": 2},
        {"id": "loc:irak", "type": "LOC", "names": {"Irak": 2}, "roles": [], "count": 2},
    ]
    m = canonical_map(entities)
    assert m["org:nato"] == m["org:otan"] == "org:otan"
    assert m["loc:kiev"] == m["loc:kyiv"]
    assert m["loc:federation-de-russie"] == m["loc:russie"] == "loc:russie"
    assert m["per:volodimir-zelensky"] == m["per:zelensky"] == m["per:volodymyr-zelensky"] == "per:volodymyr-zelensky"
    assert m["per:vladimir-poutine"] == "per:vladimir-poutine"
    assert m["loc:iran"] != m["loc:irak"]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp("fr_core_news_md")


def extract(nlp, text: str) -> dict:
    """The quotes found in ``text``, by their text."""
    doc = nlp(text)
    return {q.text: q for q in find_quotes(doc, repair_mentions(doc, _mentions(doc))[0])}  # as the pipeline does


def pick(quotes: dict, words: str, start: bool = False):
    """The quote whose text contains (or, with ``start``, begins with) ``words``."""
    found = [q for t, q in quotes.items() if (t.startswith(words) if start else words in t)]
    assert found, f"no quote with {words!r}: {list(quotes)}"
    return found[0]


def test_split_quote_inverted_cue_and_context(nlp):
    text = ("Le ministre de l'Intérieur, Jean Dupont, s'est exprimé mardi.\n\n"
            "« Nous ne céderons pas, a-t-il martelé. La loi sera appliquée. »\n\n"
            "« Rien n'est décidé », indique une source diplomatique.\n\n"
            "Selon l'Observatoire des prix, les loyers ont augmenté de 3 %.")
    texts = extract(nlp, text)
    assert texts["Nous ne céderons pas"].speaker == "Jean Dupont"
    second = pick(texts, "La loi sera appliquée", start=True)
    assert second.speaker == "Jean Dupont" and second.kind == "direct"
    assert texts["Rien n'est décidé"].speaker == "source diplomatique"
    assert texts["Rien n'est décidé"].speaker_entity is None
    assert texts["les loyers ont augmenté de 3 %"].kind == "indirect"


def test_names_in_quotation_marks_are_not_quotes(nlp):
    quotes = extract(nlp, "La réunion de la « coalition des volontaires » se tiendra jeudi à Paris.")
    assert quotes == {}
    assert quotation_spans('Il a dit "oui" puis « non ».') == [(9, 14), (20, 27)]


def test_scoring_rules():
    assert same_speaker("Rutte", "Mark Rutte") and same_speaker("les responsables occidentaux", "responsables occidentaux")
    assert not same_speaker("Donald Trump", "Mark Rutte")
    gold = [{"start": 0, "end": 100}, {"start": 200, "end": 240}]
    predicted = [{"start": 10, "end": 100}, {"start": 150, "end": 230}]
    assert _match(gold, predicted, 0.5) == [(0, 0)]  # 30 of 80 characters is not a match


def test_complements_of_speech_verbs_read_from_the_parse(nlp):
    text = ("Le ministre russe des affaires étrangères, Sergueï Lavrov, a critiqué les efforts déployés "
            "pour élaborer des accords sans Moscou.\n\n"
            "L'un des guérilleros capturés a nié hier avoir trahi ses anciens compagnons.\n\n"
            "La Caisse d'épargne avait annoncé le 17 octobre avoir perdu 600 millions d'euros.\n\n"
            "Il n'a pas démenti les informations parues dans la presse.")
    quotes = extract(nlp, text)
    assert quotes["les efforts déployés pour élaborer des accords sans Moscou"].speaker == "Sergueï Lavrov"
    assert "avoir trahi ses anciens compagnons" in quotes
    assert "avoir perdu 600 millions d'euros" in quotes  # the date is not what was announced
    assert not any("informations parues" in t for t in quotes)  # negated speech reports nothing
    assert not any(t.startswith("Le ministre russe") for t in quotes)  # the subject is not the content


def test_comme_l_indique_and_documents_speak_for_their_issuer(nlp):
    text = ("Et, comme l'indique le communiqué du groupe, cette perte n'affecte pas la solidité de la banque.\n\n"
            "« Nous réclamons une enquête », écrit le PCF dans un communiqué.\n\n"
            "« Le Parlement doit être saisi », ajoute le texte.")
    quotes = extract(nlp, text)
    assert quotes["cette perte n'affecte pas la solidité de la banque"].speaker == "groupe"
    assert quotes["Le Parlement doit être saisi"].speaker == quotes["Nous réclamons une enquête"].speaker == "PCF"


def test_pronouns_and_descriptions_agree_in_gender(nlp):
    text = ("Mme Fatma Ben Ali a rencontré le petit Karim Dupont et son oncle, M. Paul Dupont.\n\n"
            "« Je ne l'ai jamais abandonné », a-t-elle déclaré.\n\n"
            "La responsable socialiste Anne Morel était présente. Le ministre de l'Intérieur, Jean Valat, aussi.\n\n"
            "« Il faut une loi », a estimé la responsable socialiste.")
    quotes = extract(nlp, text)
    assert quotes["Je ne l'ai jamais abandonné"].speaker == "Fatma Ben Ali"
    assert quotes["Il faut une loi"].speaker == "Anne Morel"


def test_subheadings_repeating_a_quote_are_not_quotes(nlp):
    text = ("Ségolène Royal a rencontré le dalaï-lama.\n\n"
            "« Les choses pourront ainsi bouger »\n\n"
            "« Je vais demander un visa, je crois que les choses pourront ainsi bouger », a-t-elle indiqué.")
    texts = list(extract(nlp, text))
    assert "Les choses pourront ainsi bouger" not in texts
    assert any(t.startswith("Je vais demander un visa") for t in texts)


def test_first_names_settle_genders_the_article_leaves_unmarked(nlp):
    from recoupe.analyse.first_names import first_name_gender

    assert first_name_gender("Rachida Dati") == "f" and first_name_gender("Bernard Kouchner") == "m"
    assert first_name_gender("Jean-Baptiste Martin") == "m"  # a compound by its first part
    assert first_name_gender("Dominique Dupont") is None  # both genders
    assert first_name_gender("de Villepin") is None and first_name_gender("MSF") is None
    text = ("Prenant le contre-pied de Rachida Dati, Bernard Kouchner avait plaidé pour l'euthanasie.\n\n"
            "Alors que Rachida Dati soutient que la médecine ne doit pas tuer, le ministre des Affaires "
            "étrangères avait souligné qu'il fallait permettre à la malade de partir.")
    quotes = extract(nlp, text)
    said = pick(quotes, "il fallait permettre", start=True)
    assert said.speaker == "Bernard Kouchner"  # "le ministre" is not the woman named last


def test_broader_descriptions_spokesmen_and_anonymous_sources(nlp):
    text = ("Le Dr Emmanuel Debost, médecin traitant de la malade, avait été reçu par Nicolas Sarkozy.\n\n"
            "Le praticien avait expliqué que la décision revenait à la patiente.\n\n"
            "Le ministère de l'Intérieur assure, par la voix de son porte-parole, Gérard Gachet, qu'il "
            "n'a jamais été question de ficher quiconque.\n\n"
            "Le général Dan Caine devait y participer, a indiqué un responsable américain de la défense.\n\n"
            "Caine a rencontré les chefs militaires européens mardi, selon le responsable de la défense.")
    quotes = extract(nlp, text)
    assert quotes["la décision revenait à la patiente"].speaker == "Emmanuel Debost"
    spokesman = pick(quotes, "ficher quiconque")
    assert spokesman.speaker == "Gérard Gachet"
    anonymous = pick(quotes, "Caine a rencontré", start=True)
    assert anonymous.speaker_entity is None and "responsable" in anonymous.speaker


def test_elliptic_and_participial_cues_keep_their_speaker(nlp):
    text = ("Nicolas Sarkozy a jugé que ce fiasco n'était « pas acceptable ».\n\n"
            "Et demandé que « les responsables en tirent les conséquences ».\n\n"
            "« J'agis sous le contrôle du juge », explique-t-il, assurant que « ces fichiers existent depuis toujours ».\n\n"
            "« Elle a éteint son téléphone. Même l'Élysée n'arrivait pas à la joindre », s'amuse un proche.")
    quotes = extract(nlp, text)
    assert quotes["les responsables en tirent les conséquences"].speaker == "Nicolas Sarkozy"
    assert pick(quotes, "existent depuis toujours").speaker == "Nicolas Sarkozy"
    friend = pick(quotes, "Elle a éteint", start=True)
    assert friend.cue == "s'amuse" and friend.speaker == "proche" and friend.speaker_entity is None


def test_title_persons_narrative_infinitives_and_passive_agents(nlp):
    text = ("Lech Walesa a reçu le dalaï-lama à Gdansk.\n\n"
            "Le chef spirituel tibétain déclarait : « Il ne s'agit pas d'être contre la Chine. »\n\n"
            "Et d'ajouter : « Tout Tibétain veut la modernisation du Tibet. »\n\n"
            "Daniel Bouton a parlé hier devant les actionnaires. Et le patron de la banque de conclure : « Nous sommes solides. »\n\n"
            "Après une année difficile, cette offre a été qualifiée par les syndicats d'« injure faite aux salariés ».")
    quotes = extract(nlp, text)
    assert pick(quotes, "contre la Chine").speaker_entity == "per:dalai-lama"  # a person, though untagged
    assert pick(quotes, "modernisation du Tibet").speaker_entity == "per:dalai-lama"
    assert pick(quotes, "Nous sommes solides").speaker == "Daniel Bouton"
    assert pick(quotes, "injure faite aux salariés").speaker == "syndicats"  # the agent, not "offre"


def test_relatives_appositions_and_reported_names(nlp):
    text = ("À commencer par Frédéric Oudéa, patron de la Société générale qui affirmait, le 14 octobre dans "
            "le Figaro : « Nous n'avons pas besoin d'utiliser le guichet public. »\n\n"
            "Le débat a été relancé par l'affaire Chantal Sébire, une femme atteinte d'une tumeur incurable au "
            "visage qui demandait qu'on l'aide à mourir.\n\n"
            "\"Il n'y a pas de risque de récidive\", a déclaré à l'AFP Christophe Reille, porte-parole de Me Meyer.\n\n"
            "M. Kerviel \"n'a jamais fui ni ses responsabilités, ni son pays\", a-t-il fait valoir.")
    quotes = extract(nlp, text)
    assert pick(quotes, "guichet public").speaker == "Frédéric Oudéa"  # past the role in apposition
    assert pick(quotes, "on l'aide à mourir").speaker == "Chantal Sébire"  # not "visage"
    assert pick(quotes, "risque de récidive").speaker == "Christophe Reille"  # not the addressee, not Me Meyer
    assert pick(quotes, "n'a jamais fui").speaker == "Christophe Reille"  # not the name the quote reports on


def test_complements_read_from_the_words_when_the_parse_fails(nlp):
    text = ("M. Uribe avait appelé à plusieurs reprises ces derniers mois les guérilleros à libérer leurs otages.\n\n"
            "M. Santos a démenti toute participation étrangère à l'opération bien qu'il ait reconnu des contacts.\n\n"
            "Des militants ont reproché au président Nicolas Sarkozy de ne pas recevoir le chef spirituel des Tibétains.\n\n"
            "François Fillon s'est prononcé pour la prise en charge partielle du congé de solidarité familiale.\n\n"
            "Elles avaient osé demander l'autorisation de manifester pour obtenir des compensations.")
    quotes = extract(nlp, text)
    assert quotes["libérer leurs otages"].speaker == "Uribe"  # past the time phrases and the addressee
    assert quotes["toute participation étrangère à l'opération"].cue == "a démenti"  # "bien que" opens no report
    assert quotes["ne pas recevoir le chef spirituel des Tibétains"].speaker == "militants"
    assert pick(quotes, "la prise en charge partielle", start=True).speaker == "François Fillon"
    assert not any("manifester" in t for t in quotes)  # a procedure asked for, not speech


def test_a_pronoun_can_stand_for_the_unnamed_person_just_quoted(nlp):
    text = ("« Je veux récupérer mon fils », a déclaré samedi la mère supposée du petit garçon.\n\n"
            "Elle a ajouté avoir confié le garçonnet à une amie en situation irrégulière.")
    quotes = extract(nlp, text)
    told = pick(quotes, "avoir confié le garçonnet", start=True)
    assert told.speaker == pick(quotes, "récupérer mon fils").speaker and told.speaker_entity is None
    assert "mère" in told.speaker


def test_incises_report_whatever_their_verb(nlp):
    text = ("Le recours vise le décret instituant le fichier Edvige, déposé par Etienne Tête.\n\n"
            "Or, relève Etienne Tête, le premier article du décret est beaucoup plus liberticide.\n\n"
            "Or, note-t-il, un mineur ne pourra demander sa fiche.\n\n"
            "«Difficile, illustre-t-il, de comprendre l'intérêt de ces données».\n\n"
            "Le fichier, semble-t-il, sera modifié.")
    quotes = extract(nlp, text)
    assert pick(quotes, "le premier article du décret", start=True).speaker == "Etienne Tête"  # not "Or"
    assert pick(quotes, "un mineur ne pourra", start=True).cue == "note"
    assert "sa fiche" not in quotes  # "un mineur ne pourra demander sa fiche" reports nobody's request
    assert quotes["Difficile"].cue == "illustre" and quotes["Difficile"].speaker == "Etienne Tête"
    assert pick(quotes, "de comprendre l'intérêt", start=True).kind == "direct"  # the quotation split by its incise
    assert not any("sera modifié" in t for t in quotes)  # "semble-t-il" hedges, it reports nothing


def test_national_office_titles_and_narrative_infinitives(nlp):
    text = ("Nicolas Sarkozy a reçu le dalaï lama samedi à Nice.\n\n"
            "A l'issue de l'entretien, le président de la République a indiqué : \"Ça s'est très bien passé.\"\n\n"
            "La situation au Tibet a rythmé la rencontre : \"le dalaï lama m'a fait part de ses inquiétudes\".\n\n"
            "Et d'ajouter : \"je lui ai dit combien j'attachais de l'importance au dialogue\".")
    quotes = extract(nlp, text)
    assert quotes["Ça s'est très bien passé."].speaker == "Nicolas Sarkozy"  # the office's holder, not the last man named
    assert pick(quotes, "je lui ai dit combien", start=True).speaker == "Nicolas Sarkozy"  # "Et d'ajouter": he goes on


def test_pronouns_and_impersonal_cues_go_on_with_the_source_just_quoted(nlp):
    text = ("La Commission bancaire souligne que le trader \"a clairement outrepassé cet ordre\".\n\n"
            "\"Un contrôle interne adéquat aurait permis de s'en rendre compte\", dit-elle.\n\n"
            "Face à la colère chinoise, l'Élysée s'était déclaré \"serein\".\n\n"
            "\"On n'a pas remarqué le moindre début de boycott de nos produits\", a-t-on assuré.")
    quotes = extract(nlp, text)
    assert pick(quotes, "Un contrôle interne adéquat").speaker == "Commission bancaire"  # "elle": the body just quoted
    assert pick(quotes, "le moindre début de boycott").speaker == "Élysée"  # "on": the institution just spoken of


def test_nationalities_tell_who_a_description_is(nlp):
    text = ("Selon l'ancien champion cycliste belge, trois raisons motiveraient le recul de son ami.\n\n"
            "Dans le quotidien Le Soir, l'ancien champion cycliste belge Eddy Merckx se dit certain que "
            "l'Américain Lance Armstrong ne courra pas.\n\n"
            "Son équipier sera l'Espagnol Alberto Contador.\n\n"
            "\"La deuxième raison est morale\", estime le Belge.\n\n"
            "L'Américain a annoncé qu'il s'alignerait au départ du Giro.")
    quotes = extract(nlp, text)
    assert pick(quotes, "trois raisons motiveraient").speaker == "Eddy Merckx"  # named just after; not the Spaniard
    assert pick(quotes, "La deuxième raison").speaker == "Eddy Merckx"
    assert pick(quotes, "s'alignerait au départ").speaker == "Lance Armstrong"


def test_clause_bounds_plural_antecedents_and_wishes(nlp):
    text = ("Nicolas Sarkozy a reçu Georges Pauget et Henri de Castries.\n\n"
            "\"Le système est stable\", a renchéri sur le même ton rassurant M. de Castries.\n\n"
            "Jusqu'à lundi, rien n'avait été annoncé, au grand dam des socialistes.\n\n"
            "Ces derniers ont accusé le gouvernement de se comporter comme \"une carpette\" pour ménager la Chine.\n\n"
            "Même s'il avait déclaré qu'il ne se laisserait \"pas dicter sa conduite\" par la Chine, "
            "le chef de l'État avait préféré attendre.\n\n"
            "Le porte-parole Liu Jianchao avait affirmé que les relations pourraient en souffrir, "
            "tandis que les appels au boycott ont ressurgi.\n\n"
            "Le Premier ministre a souhaité que ce décret « ne prévoie plus la possibilité de centraliser des informations ».\n\n"
            "S'exprimant à l'issue de la réunion de la « coalition des volontaires », il est reparti.")
    quotes = extract(nlp, text)
    assert quotes["Le système est stable"].speaker == "Henri de Castries"  # the name past "sur le même ton"
    assert pick(quotes, "se comporter comme", start=True).speaker == "socialistes"  # accused of, not the accused
    held = pick(quotes, "il ne se laisserait", start=True)
    assert held.text.endswith("par la Chine") and held.speaker == "Nicolas Sarkozy"  # the main clause is not his
    assert pick(quotes, "les relations pourraient", start=True).text.endswith("en souffrir")
    assert pick(quotes, "ce décret", start=True).cue == "a souhaité" and pick(quotes, "ce décret").kind == "mixed"
    assert not any("coalition des volontaires" in t for t in quotes)  # "s'exprimant": speaking, nothing reported


def test_quotations_across_paragraphs_texts_and_appeals(nlp):
    text = ("Georges Pauget s'est déclaré satisfait.\n\n"
            "En échange de l'aide de l'État, \"nous nous engageons à proposer une offre de crédit aux ménages.\n\n"
            "Nous en avons désormais les moyens\", a-t-il rassuré.\n\n"
            "L'Elysée s'est contenté d'un bref communiqué pour indiquer que Nicolas Sarkozy avait rappelé aux "
            "banques \"leur mission prioritaire\".\n\n"
            "Les critiques ont rejeté les appels à \"l'union nationale\" de François Fillon.\n\n"
            "Les banques appliquent les recommandations du Medef sur les rémunérations.\n\n"
            "Ces recommandations prévoient des conditions de performance qui \"doivent être exigeantes\".\n\n"
            "Une fréquence FM pour évoquer la liberté d'expression a été attribuée.")
    quotes = extract(nlp, text)
    engaged = pick(quotes, "En échange de l'aide", start=True)  # one quote over two paragraphs
    assert "Nous en avons désormais les moyens" in engaged.text and engaged.speaker == "Georges Pauget"
    assert pick(quotes, "Nicolas Sarkozy avait rappelé", start=True).speaker == "Elysée"  # "pour indiquer que" reports
    assert quotes["l'union nationale"].speaker == "François Fillon" and quotes["l'union nationale"].kind == "mixed"
    assert pick(quotes, "des conditions de performance", start=True).speaker == "Medef"  # the texts' issuer
    assert not any("liberté d'expression" in t for t in quotes)  # a purpose, not a report


def test_fragments_sources_and_objects_keep_their_bounds(nlp):
    text = ("Jeudi encore, la Chine, qui menace Paris, avait appelé la France à gérer \"prudemment\" la question tibétaine.\n\n"
            "Pour le PS, qui a dénoncé la \"valse-hésitation\" autour du dalaï lama, Paris mène une \"diplomatie sans boussole\".\n\n"
            "Le gouverneur Christian Noyer avait exprimé plus tôt sa \"confiance totale\" dans le système français.\n\n"
            "Le dalaï lama a qualifié M. Sarkozy de \"jeune et énergique\", soucieux selon lui de la cause du Tibet.")
    quotes = extract(nlp, text)
    assert pick(quotes, "gérer", start=True).speaker == "Chine"  # "la France à gérer": the object, not an inverted subject
    assert pick(quotes, "la \"valse-hésitation\"", start=True).text.endswith("dalaï lama")  # not on into "Paris mène"
    assert pick(quotes, "Paris mène", start=True).speaker == "PS"  # past the source's relative clause
    assert pick(quotes, "sa \"confiance totale\"", start=True).text.endswith("dans le système français")
    assert all(q.speaker != "lui de la cause du Tibet" for q in quotes.values())  # "selon lui": the pronoun alone


def test_mistagged_cues_judged_infinitives_and_qualifying_agents(nlp):
    text = ("Le député UMP Jean Leonetti juge \"dangereux\" et \"inutile\" d'accéder à la demande d'un malade "
            "réclamant la mort.\n\n"
            "La jeune femme a demandé samedi à la justice de lui rendre le garçonnet.\n\n"
            "La mise en place du fichier Edvige, qualifié d'\"embastillement électronique\" par l'avocat Michel Pezet, "
            "a été critiquée.")
    quotes = extract(nlp, text)
    judged = pick(quotes, "\"dangereux\" et \"inutile\" d'accéder", start=True)  # one quote, with what is judged
    assert judged.speaker == "Jean Leonetti" and judged.kind == "mixed" and "réclamant la mort" in judged.text
    assert pick(quotes, "lui rendre le garçonnet", start=True).cue == "a demandé"  # past the day and the addressee
    assert quotes["embastillement électronique"].speaker == "Michel Pezet"  # the agent of "qualifié"


def test_a_quotation_after_a_name_and_a_colon_is_that_persons(nlp):
    text = ("Nadine Morano a plaidé pour une commission nationale.\n\n"
            "Une idée partagée aussi par le député PS de la Vienne, Gaëtan Gorce : « Le malade pourrait saisir "
            "une haute autorité morale. »")
    quotes = extract(nlp, text)
    assert pick(quotes, "Le malade pourrait saisir").speaker == "Gaëtan Gorce"


def test_an_office_title_is_its_holder_in_the_articles_year(nlp):
    text = ("Jean-Marc Ayrault, président du groupe socialiste, a critiqué le plan.\n\n"
            "Le Premier ministre a souhaité que les banques « jouent le jeu ».")
    doc = nlp(text)
    mentions = repair_mentions(doc, _mentions(doc))[0]
    dated = pick({q.text: q for q in find_quotes(doc, mentions, (), "2008-10-20")}, "jouent le jeu")
    assert dated.speaker != "Jean-Marc Ayrault"  # Prime Minister from 2012 only
    later = pick({q.text: q for q in find_quotes(doc, mentions, (), "2013-01-15")}, "jouent le jeu")
    assert later.speaker == "Jean-Marc Ayrault"


def test_a_source_between_a_copula_and_its_predicate_reports_the_predicate(nlp):
    text = ("Les ministres rencontreront le dalaï lama, dont l'accueil officiel a été, selon l'opposition, "
            "frileux et confus pour ne pas froisser Pékin.\n\n"
            "Un seul des deux hélicoptères s'est posé, selon les militaires colombiens, et le second est reparti.")
    quotes = extract(nlp, text)
    assert pick(quotes, "frileux et confus", start=True).speaker == "opposition"
    assert pick(quotes, "Un seul des deux hélicoptères", start=True).speaker == "militaires colombiens"


def test_the_side_with_the_predicate_and_views_held(nlp):
    text = ("Les salariés se voyaient offrir une augmentation de 0,8%.\n\n"
            "Alors que l'inflation, selon les prévisions, s'élèvera à 2%.\n\n"
            "La jeune femme a demandé à la justice de lui rendre le garçonnet qu'elle affirme avoir recueilli "
            "légalement et qu'elle considère comme \"son fils\".\n\n"
            "Le député plaidait pour cette solution.")
    quotes = extract(nlp, text)
    assert pick(quotes, "s'élèvera à 2%").speaker == "prévisions"  # the predicate's side of "selon"
    asked = pick(quotes, "lui rendre le garçonnet", start=True)
    assert asked.cue == "a demandé" and asked.text.endswith("\"son fils\"")
    assert not any(t.startswith("elle considère") for t in quotes)  # a view held, in a second relative
    assert "cette solution" not in quotes  # an anaphor reports nothing


def test_a_bare_organisation_noun_takes_up_the_name_it_came_with(nlp):
    text = ("Une nouvelle plainte a été déposée, a indiqué jeudi le cabinet d'avocats Weiss et Lurie.\n\n"
            "Le cabinet précise que sa plainte vise aussi un dirigeant de la banque.")
    quotes = extract(nlp, text)
    assert pick(quotes, "sa plainte vise").speaker == pick(quotes, "Une nouvelle plainte").speaker != "cabinet"


def test_speaker_phrases_are_cut_to_the_speaker(nlp):
    text = ("Des policiers sont allés dans l'immeuble de Jérôme Kerviel, selon des témoins interrogés vendredi par l'AFP.\n\n"
            "Le trader de la Société Générale est en détention.\n\n"
            "La banque elle-même, dans un audit interne, a relevé qu'\"à ce stade, aucune preuve n'a été constatée\".\n\n"
            "Les enquêteurs, qui ont épluché ses relevés, ont relevé de nombreux échanges, selon une source proche du dossier.\n\n"
            "« Il est de l'intérêt de tout le monde que la relation se poursuive », pointait, d'ailleurs, hier soir, "
            "Christine Lagarde, la ministre française.\n\n"
            "Jean-Luc Romero préside l'ADMD. Pour lui la mission Leonetti « accouche d'une souris » alors que 86 % des "
            "Français réclament la légalisation : « On a voulu calmer les gens », s'est-il indigné.\n\n"
            "Pour Eric Dussart, ce n'est pas suffisant. Regardant du côté de la Belgique, il évoque les 495 cas autorisés.")
    quotes = extract(nlp, text)
    assert pick(quotes, "Des policiers").speaker == "témoins"  # not "vendredi par l'AFP"
    assert pick(quotes, "à ce stade").speaker == "Société Générale"  # not the incise "dans un audit interne"
    assert pick(quotes, "Les enquêteurs").speaker == "source proche du dossier"  # "de nombreux échanges" is no subject
    assert pick(quotes, "l'intérêt de tout le monde").speaker == "Christine Lagarde"  # past ", d'ailleurs, hier soir,"
    assert pick(quotes, "calmer les gens").speaker == "Jean-Luc Romero"  # "86 % des Français" only demand; "mission Leonetti" is a thing
    assert pick(quotes, "les 495 cas").speaker == "Eric Dussart"  # "Regardant" is no name


def test_verbs_the_lemmatiser_files_as_nouns_and_voiced_views(nlp):
    text = ("Au nom du Parti socialiste, Delphine Batho, secrétaire nationale, demande le retrait du décret.\n\n"
            "La Commission informatique et libertés a émis des réserves sur le décret.\n\n"
            "Le coureur émettait des doutes.\n\n"
            "La banque va émettre des titres de dette subordonnée.\n\n"
            "Le rapport Leonetti, comme les précédents d'ailleurs, prône le développement des soins palliatifs.")
    quotes = extract(nlp, text)
    assert quotes["le retrait du décret"].speaker == "Delphine Batho"  # "demande", lemmatised as the noun
    assert quotes["des réserves sur le décret"].cue == "a émis"
    assert "des doutes" not in quotes and not any("titres" in t for t in quotes)  # no content; no view voiced
    assert pick(quotes, "le développement des soins palliatifs").speaker == "Leonetti"  # not "le développement"


def test_thought_verbs_report_a_que_clause(nlp):
    text = ("Didier Pobel, dans Le Dauphiné Libéré, pense que le moment est mal choisi pour légiférer.\n\n"
            "Il pense à sa famille.\n\n"
            "Les enquêteurs croient en sa bonne foi.\n\n"
            "L'économiste Nicolas Bouzou pronostique que le chômage va augmenter.")
    quotes = extract(nlp, text)
    assert pick(quotes, "le moment est mal choisi", start=True).speaker == "Didier Pobel"
    assert pick(quotes, "le chômage va augmenter").cue == "pronostique"  # a verb the guidelines list
    assert not any("famille" in t or "bonne foi" in t for t in quotes)  # "penser à", "croire en": no report


def test_core_constructions_survive_a_wrong_parse(nlp):
    text = ("La banque a déclaré dimanche 27 janvier que la fraude atteignait initialement 50 milliards d'euros.\n\n"
            "Chantal Sébire exigeait de la société qu'elle prenne en compte sa souffrance.\n\n"
            "Marie de Hennezel note aussi que les lits ont été souvent financés par le plan cancer.\n\n"
            "L'élu note par ailleurs qu'un certain nombre d'informations sont inutiles.\n\n"
            "Lors des auditions, Jérôme Kerviel a mis en cause plusieurs supérieurs hiérarchiques.\n\n"
            "Il a montré le rôle qu'il a joué.")
    quotes = extract(nlp, text)
    assert pick(quotes, "la fraude atteignait", start=True).cue == "a déclaré"  # "que" after a date is no relative
    assert pick(quotes, "elle prenne en compte", start=True).speaker == "Chantal Sébire"  # its clause has an object
    assert pick(quotes, "les lits ont été", start=True).speaker == "Marie de Hennezel"  # "note", tagged a noun
    assert pick(quotes, "un certain nombre", start=True).cue == "note"
    assert pick(quotes, "plusieurs supérieurs hiérarchiques", start=True).speaker == "Jérôme Kerviel"  # tagged ADJ
    assert not any("joué" in t for t in quotes)  # a true relative pronoun still reports nothing


def test_perspective_sources_and_clause_ends(nlp):
    text = ("Pour ce spécialiste de la Colombie, ce sont les Farc qui ont manipulé la radio.\n\n"
            "Pour les enquêteurs, l'hypothèse la plus crédible serait celle de parents partis en vacances.\n\n"
            "Pour les ménages modestes, la hausse des prix sera lourde.\n\n"
            "Selon lui, aucune avancée n'était possible : « On sait que la mission était contre. »\n\n"
            "Lundi, le septuple vainqueur, qui a annoncé en septembre qu'il sortait de sa retraite, avait écrit : "
            "« Devinez quoi ?!? Contrôle numéro 10. »")
    quotes = extract(nlp, text)
    assert pick(quotes, "ce sont les Farc", start=True).cue == "Pour"
    assert pick(quotes, "l'hypothèse la plus crédible", start=True).speaker == "enquêteurs"
    assert not any("hausse des prix" in t for t in quotes)  # households are no view holders
    assert "aucune avancée n'était possible" in quotes  # the quotation after the colon is its own quote
    assert "il sortait de sa retraite" in quotes  # ends with its relative clause; a quoted "?" is no question


def test_reporting_verbs_of_the_standard_lists(nlp):
    text = ("Le parquet général a requis le maintien en détention du trader.\n\n"
            "Karim est convaincu que Mohamed a été utilisé.\n\n"
            "Reste aux banques à convaincre que la philosophie de l'opération est bonne.\n\n"
            "Le ministre maintient la pression sur les banques.\n\n"
            "La femme qui se prétendait sa mère a été arrêtée.\n\n"
            "Les syndicats s'insurgent contre la réforme des retraites.")
    quotes = extract(nlp, text)
    assert pick(quotes, "le maintien en détention", start=True).speaker == "parquet général"
    assert pick(quotes, "Mohamed a été utilisé", start=True).speaker == "Karim"
    assert pick(quotes, "la réforme des retraites", start=True).cue == "s'insurgent"
    assert not any("philosophie" in t or "pression" in t or "mère" in t for t in quotes)


def test_incises_channels_and_the_narrators_relatives(nlp):
    text = ("Pour Olivier Pastré, professeur d'économie, les contrôles sont insuffisants.\n\n"
            "\"Pourtant, assure un analyste parisien, le contrôle évolue au même rythme que les produits.\"\n\n"
            "Autrement dit : les systèmes de surveillance sont aussi subtils que les produits.\n\n"
            "Le lendemain, l'association publiait un communiqué réclamant le droit de mourir paisiblement.\n\n"
            "La Cnil a notamment réclamé des garanties sur les personnes ayant accès au fichier, qui contiendra "
            "des données personnelles.")
    quotes = extract(nlp, text)
    assert pick(quotes, "le contrôle évolue", start=True).speaker == "analyste parisien"  # not Olivier Pastré
    assert not any("subtils" in t for t in quotes)  # "Autrement dit": the narrator rewording
    assert pick(quotes, "le droit de mourir", start=True).speaker == "association"  # who issues the communiqué
    assert "des garanties sur les personnes ayant accès au fichier" in quotes  # not ", qui contiendra …"


def test_an_inverted_subject_the_parse_found_past_adjuncts(nlp):
    quotes = extract(nlp, "« On est beaucoup plus inquiets pour le segment des entreprises », a dit mercredi sur BFM "
                          "Pierre Nanterme, le président de la commission économique du Medef.")
    assert pick(quotes, "On est beaucoup plus inquiets", start=True).speaker == "Pierre Nanterme"
    # with straight marks the parse makes him the object and the recogniser merges him into "BFM Pierre Nanterme"
    quotes = extract(nlp, '"On est beaucoup plus inquiets pour le segment des entreprises petites à moyennes-petites", '
                          'a dit mercredi sur BFM '
                          'Pierre Nanterme, le président de la commission économique du Medef.')
    assert pick(quotes, "On est beaucoup plus inquiets", start=True).speaker == "Pierre Nanterme"


def test_a_colon_quotation_belongs_to_the_subject_of_its_clause(nlp):
    text = ("L'Américain Lance Armstrong revient à la compétition.\n\n"
            "« Il faut du temps », a expliqué l'Espagnol Alberto Contador.\n\n"
            "Hier, au salon du sport, l'Américain a dévoilé ses intentions : « C'est historique "
            "et fantastique d'être au Giro pour la centième édition. »")
    quotes = extract(nlp, text)
    assert pick(quotes, "C'est historique", start=True).speaker == "Lance Armstrong"  # not the last one quoted


def test_a_role_said_with_a_demonym_adjective_is_the_one_said_with_a_people(nlp):
    text = ("Le dalaï lama, chef spirituel des Tibétains, est arrivé à Gdansk, où il rencontrera Lech Walesa.\n\n"
            "Le chef spirituel tibétain a insisté sur sa lutte pacifique pour l'autonomie du Tibet.\n\n"
            "Le leader tibétain a assuré n'avoir « aucun agenda politique ».")
    quotes = extract(nlp, text)
    assert pick(quotes, "sa lutte pacifique").speaker == "dalaï lama"  # not Lech Walesa, the last one named
    assert pick(quotes, "aucun agenda politique").speaker == "dalaï lama"


def test_organisation_descriptions_take_up_the_right_organisation(nlp):
    text = ("Natixis paie toujours un lourd tribut à la crise.\n\n"
            "La banque de gros des groupes Banque Populaire et Caisses d'Epargne vient d'annoncer une perte nette "
            "de 234 millions d'euros.\n\n"
            "La Caisse d'Epargne devrait accuser une perte sur l'année, écrit Les Echos.\n\n"
            "Il s'agirait de la première perte de l'histoire du groupe, ajoute le quotidien économique.\n\n"
            "La mesure a été condamnée par Act-Up comme une « atteinte aux libertés publiques ».\n\n"
            "L'association a expliqué dans un communiqué qu'elle soutenait ces démarches.")
    quotes = extract(nlp, text)
    assert pick(quotes, "une perte nette").speaker == "Natixis"  # not a group the description names
    assert pick(quotes, "la première perte").speaker.endswith("Echos")  # the outlet just cited
    assert pick(quotes, "elle soutenait ces démarches").speaker == "Act-Up"  # a MISC name that acts


def test_misspelt_names_and_lone_first_names_are_linked_in_an_article():
    from recoupe.analyse.annotate import _link_names, entity_key
    from recoupe.records import Mention

    names = ["Lance Armstrong", "Alberto Contador", "Lance Armsrong", "Aberto Contador", "Lance Armstrong",
             "Lance", "Contador", "Jean Martin", "Jeanne Martin", "Marie Dubois", "Marie Durand", "Marie"]
    mentions = [Mention(i * 20, i * 20 + len(n), n, "PER", entity_key(n)) for i, n in enumerate(names)]
    keys = [m.key for m in _link_names(mentions)]
    assert keys[:7] == ["lance armstrong", "alberto contador", "lance armstrong", "alberto contador",
                        "lance armstrong", "lance armstrong", "alberto contador"]
    assert keys[7:10] == ["jean martin", "jeanne martin", "marie dubois"]  # two people, not one typing slip
    assert keys[11] == "marie"  # two Maries: which one is not said
    names = ["Michel Dupont", "Michèle Dupont", "Michel Dupont", "Florence Parly", "Florence"]
    mentions = [Mention(i * 20, i * 20 + len(n), n, "LOC" if n == "Florence" else "PER", entity_key(n))
                for i, n in enumerate(names)]
    linked = _link_names(mentions)
    assert linked[1].key == "michele dupont"  # a feminine first name is no slip of the masculine
    assert (linked[4].label, linked[4].key) == ("LOC", "florence")  # the city, not Florence Parly


def test_a_gerund_after_coordinated_verbs_reports_for_their_subject(nlp):
    text = ("Dans sa première déclaration publique après sa libération, Betancourt a rendu grâce à Dieu et remercié "
            "l'armée colombienne en exprimant l'espoir que sa libération soit un \"signe de paix\" pour la Colombie.\n\n"
            "Des moines et nonnes, prient et chantent en demandant la \"fin du génocide culturel\" au Tibet, "
            "avec quelques heurts entre Tibétains et policiers.")
    quotes = extract(nlp, text)
    assert pick(quotes, "signe de paix").speaker == "Betancourt"  # not the army she thanked
    assert 'la "fin du génocide culturel" au Tibet' in quotes and pick(quotes, "génocide").speaker == "moines et nonnes"


def test_a_participle_after_a_noun_modifier_reports_for_the_sentence_subject(nlp):
    quotes = extract(nlp, "L'agence officielle Chine Nouvelle a rendu publics jeudi deux commentaires défendant le "
                          "régime communiste dans la région et accusant le dalaï lama de comploter en vue de rétablir "
                          "la théocratie bouddhiste au Tibet.")
    assert pick(quotes, "comploter").speaker == "Chine Nouvelle"  # not the regime its comments defend


def test_a_subject_keeps_clear_of_its_incise_and_a_local_outlet_names_itself(nlp):
    text = ("Le président vénézuélien Hugo Chavez a reçu vendredi les proches des otages.\n\n"
            "Chavez, après avoir obtenu la libération de plusieurs captifs des Farc en début d'année, avait appelé "
            "les Farc à libérer les otages sans conditions.\n\n"
            "Le quotidien Le Monde a publié vendredi une enquête sur l'opération.\n\n"
            "Les otages seront libérés dans les prochains jours, a rapporté la télévision de Caracas.")
    quotes = extract(nlp, text)
    assert pick(quotes, "libérer les otages sans conditions").speaker == "Hugo Chavez"
    assert pick(quotes, "Les otages seront libérés").speaker == "télévision de Caracas"  # not Le Monde


def test_a_quoted_qualifier_brings_the_noun_phrase_it_qualifies(nlp):
    quotes = extract(nlp, "Des banquiers reçus mardi à l'Elysée ont jugé le système bancaire et financier français "
                          "\"solide\" et \"stable\".")
    assert 'le système bancaire et financier français "solide" et "stable"' in quotes


def test_a_stance_said_with_se_dire_is_reported(nlp):
    quotes = extract(nlp, "Nadine Morano, nommée hier secrétaire d'Etat, s'est dite elle aussi favorable à "
                          "l'euthanasie.\n\nLes commerçants se disent sceptiques.")
    assert pick(quotes, "favorable").text == "favorable à l'euthanasie"
    assert pick(quotes, "favorable").speaker == "Nadine Morano"
    assert "sceptiques" in quotes
    quotes = extract(nlp, "Elle est allée encore plus loin, en se disant favorable à une inscription \"dans la loi\" "
                          "de \"toutes les garanties\" nécessaires aux libertés publiques.")
    assert pick(quotes, "dans la loi").text.startswith("favorable à une inscription")  # parsed as an adverbial


def test_a_source_with_a_name_in_apposition_reports_up_to_the_next_report(nlp):
    quotes = extract(nlp, "Selon une cousine, Khaldia Dussourt, la \"nounou\" lui aurait menti pendant 12 jours, "
                          "affirmant à la maman que l'enfant allait bien mais qu'il ne pouvait pas lui parler parce "
                          "qu'il dormait ou était chez sa propre mère.")
    lied = pick(quotes, "lui aurait menti")
    assert lied.text == 'la "nounou" lui aurait menti pendant 12 jours' and lied.speaker == "Khaldia Dussourt"
    assert pick(quotes, "l'enfant allait bien", start=True).text.startswith(  # a coordinated que-clause goes on
        "l'enfant allait bien mais qu'il ne pouvait pas lui parler")


def test_remarks_and_a_cue_the_tagger_took_for_an_adjective(nlp):
    quotes = extract(nlp, "Jean-Luc Romero, président de l'ADMD, remarquait mardi que la différence est ténue.\n\n"
                          "La mission suggère aussi la création d'un \"observatoire des pratiques médicales de la fin "
                          "de vie\" chargé de \"faire connaître la législation\".")
    assert pick(quotes, "la différence est ténue").speaker == "Jean-Luc Romero"
    assert pick(quotes, "observatoire").speaker == "mission"


def test_an_agent_and_what_nobody_says_are_no_quotes(nlp):
    quotes = extract(nlp, "Alors que le fichier est critiqué tant par l'opposition que par une partie de la droite et "
                          "des associations, le chef de l'Etat demande une solution.\n\n"
                          "Rien ne dit que l'Américain aura d'ici là retrouvé son niveau de 2005.")
    assert not [t for t in quotes if t.startswith("par ") or "retrouvé son niveau" in t]


def test_reporting_verbs_of_the_grammars_beyond_the_usual_ones(nlp):
    quotes = extract(nlp, "Les pro-Kerviel glosent sur le thème \"c'est une victime du système\".\n\n"
                          "Un responsable de l'UMP a brocardé les errements de la communication de la ministre.\n\n"
                          "Le rapport stipule que les mineurs de 16 ans sont seuls concernés.")
    assert pick(quotes, "victime du système").speaker == "pro-Kerviel"
    assert pick(quotes, "les errements de la communication", start=True).speaker == "responsable de l'UMP"
    assert pick(quotes, "les mineurs de 16 ans").kind == "indirect"


def test_relatives_in_subjects_press_agencies_and_the_french_president(nlp):
    text = ("Nicolas Sarkozy a reçu le dalaï lama samedi à Gdansk.\n\n"
            "Ingrid Betancourt, que l'on a vue plusieurs fois en train de prier après sa libération, a affirmé "
            "qu'elle allait rencontrer le pape Benoît XVI la semaine prochaine.\n\n"
            "La télévision CCTV a dénoncé la rencontre.\n\n"
            "Samedi soir, l'agence de presse Chine Nouvelle (Xinhua) avait estimé que la rencontre était une erreur.\n\n"
            "Peu avant de voir le dalaï lama, le président français avait demandé que cette rencontre ne soit pas "
            "\"dramatisée\".")
    quotes = extract(nlp, text)
    assert pick(quotes, "rencontrer le pape").speaker == "Ingrid Betancourt"
    assert pick(quotes, "était une erreur").speaker == "Chine Nouvelle"  # not CCTV, the organisation named before
    assert pick(quotes, "dramatisée").speaker == "Nicolas Sarkozy"  # not the last person named


def test_a_name_after_a_date_or_in_apposition_is_the_person_talked_about(nlp):
    text = ("C'est par ces mots que Nicolas Sarkozy a accueilli vendredi 4 juillet Ingrid Betancourt.\n\n"
            "Elle a descendu seule la passerelle de l'avion.\n\n"
            "Très émue, elle s'est dite heureuse de \"respirer l'air de la France\".\n\n"
            "\"Il a la solidité pour très bien marcher\", a déclaré mercredi le manager de l'équipe Silence Lotto, "
            "Roberto Damiani.")
    quotes = extract(nlp, text)
    assert pick(quotes, "respirer").speaker == "Ingrid Betancourt"  # "juillet Ingrid Betancourt" modifies no noun
    assert pick(quotes, "la solidité").speaker == "Roberto Damiani"  # not the team of the description


def test_incises_with_a_partitive_or_a_relative_subject_split_their_quotation(nlp):
    text = ("Ingrid Betancourt se repose aux Seychelles.\n\n"
            "«Ceux qui l'imaginaient repartir se trompaient, poursuit un de ses proches. Elle avait besoin d'un "
            "long repos.»\n\n"
            "«Il n'y a rien qui pourrait fournir des preuves quant au Tour 1999, explique dans un communiqué "
            "l'Américain qui vient d'annoncer son retour à la compétition. Les échantillons n'ont pas été "
            "conservés correctement.»\n\n"
            "Anne-Cécile Antoni, présidente de l'Acat, craint que la collecte de données ne porte atteinte au "
            "principe de non-discrimination.")
    quotes = extract(nlp, text)
    assert quotes["Ceux qui l'imaginaient repartir se trompaient"].speaker == "proche d'Ingrid Betancourt"
    assert quotes["Elle avait besoin d'un long repos"].speaker == "proche d'Ingrid Betancourt"
    assert "Les échantillons n'ont pas été conservés correctement" in quotes
    assert pick(quotes, "la collecte de données").speaker == "Anne-Cécile Antoni"


def test_what_the_review_found(nlp):
    text = ("« Par respect pour les victimes, je ne dirai rien », a déclaré Jean Dupont.\n\n"
            "Le parquet a ouvert une enquête, a déclaré la Société Générale.\n\n"
            "La banque était au courant, ajoute le quotidien.\n\n"
            "Jérôme Kerviel est sorti de prison.\n\n"
            "Il n'a jamais caché ses positions, affirme l'un de ses avocats.")
    quotes = extract(nlp, text)
    assert pick(quotes, "Par respect pour les victimes", start=True).speaker == "Jean Dupont"
    assert pick(quotes, "La banque était au courant").speaker != "Société Générale"  # no news outlet
    assert pick(quotes, "jamais caché ses positions").speaker == "avocat de Jérôme Kerviel"
    quotes = extract(nlp, "Act-Up dénonce une « atteinte d'une extrême gravité aux libertés ».\n\n"
                          "L'association a expliqué qu'elle soutenait ces démarches.")
    assert pick(quotes, "elle soutenait ces démarches").speaker == "Act-Up"  # a name that acts, first in the text



def test_regional_press_constructions(nlp):
    """Constructions of L'Est Républicain's articles (French TimeBank, the tenth held-out set)."""
    text = ("Bernard affirme qu'en se promenant, il a chuté. D'après lui, c'est dans cette position que deux "
            "jeunes filles l'ont découvert.\n\n"
            "Hier à 10 h, une dizaine de délégués de la FNEC FP Force Ouvrière ont appelé leurs collègues à "
            "boycotter la deuxième journée de pré-rentrée. « L'allongement de la pré-rentrée n'a pas de véritables "
            "justifications », ont-ils souligné.\n\n"
            "Dans un point de vue paru dans «Le Monde», le président socialiste de l'Assemblée nationale juge que "
            "la cohabitation comporte «trois inconvénients».\n\n"
            "« Même si cela représente zéro et des poussières sur le total des recettes, c'est un service "
            "obligatoire », analyse le propriétaire, Jean Motsch.")
    quotes = extract(nlp, text)
    assert pick(quotes, "deux jeunes filles").speaker == "Bernard"  # a first name spaCy filed as MISC, that acts
    boycott = pick(quotes, "boycotter")  # the infinitive the parse hung on the addressee
    assert boycott.text == "boycotter la deuxième journée de pré-rentrée" and boycott.cue == "ont appelé"
    assert same_speaker(pick(quotes, "véritables justifications").speaker, "délégués de la FNEC FP Force Ouvrière")
    assert pick(quotes, "la cohabitation comporte").cue == "juge"  # tagged as the role's apposition
    motsch = pick(quotes, "un service obligatoire")  # any verb after "», " with its subject after it
    assert (motsch.cue, motsch.speaker) == ("analyse", "Jean Motsch")


def test_what_reports_nothing(nlp):
    text = ("Selon la tradition, Michel Barnier est sénateur de Savoie. Le premier succédera à Thibault de Silguy, "
            "qui devrait être appelé à d'autres fonctions.\n\n"
            "Pour la Belgique, Philippe Busquin, président du parti socialiste francophone. Pour Suzuki, Carla "
            "Bruni incarne la «femme moderne et dynamique».\n\n"
            "L'espoir est le mot qui qualifie le mieux l'état d'esprit des personnes interrogées. Autant dire que "
            "les 600 hommes se trouvent en terrain connu. Selon toute vraisemblance, il viendra.")
    assert list(extract(nlp, text)) == ["Carla Bruni incarne la «femme moderne et dynamique»"]


def test_anonymous_on_and_the_maker_of_a_poll(nlp):
    quotes = extract(nlp, "Plus sérieusement, on indiquait à Bruxelles que Romano Prodi pourrait être entouré de "
                          "deux vice-présidents.\n\n"
                          "Près de deux tiers des Français (65 %) se disent plutôt optimistes (56 %) ou très "
                          "optimistes (9 %) en pensant à l'avenir, selon un sondage sur le moral des Français à la "
                          "rentrée de septembre réalisé par l'IFOP pour Ouest-France.\n\n"
                          "Selon un sondage Sofres de 2007 sur les religions en France, on dénombre 500.000 bouddhistes.")
    assert pick(quotes, "Romano Prodi pourrait").speaker == "on"  # kept as the anonymous phrase, as the guide says
    assert pick(quotes, "500.000 bouddhistes").speaker == "Sofres"
    assert pick(quotes, "optimistes").speaker == "IFOP"  # "réalisé par": who made it, not whom it was for


def test_a_participle_opening_the_sentence_reports_for_the_main_clause_subject(nlp):
    quotes = extract(nlp, "Considérant que les faits étaient constitués, le tribunal a condamné Bernard à 5.000 F "
                          "d'amende.\n\nEstimant que la situation était grave, le ministre de l'Intérieur Jean Dupont a "
                          "annulé son voyage.")
    tribunal = quotes["les faits étaient constitués"]  # not running on into the main clause
    assert (tribunal.cue, tribunal.speaker) == ("Considérant", "tribunal")
    assert quotes["la situation était grave"].speaker == "Jean Dupont"


def test_a_que_clause_before_a_colon_and_its_quotation_are_two_quotes(nlp):
    quotes = extract(nlp, "Daniel Lanquetin, maire, rappela que la jeunesse a toujours été une préoccupation des "
                          "élus : « Si nous avons mis du temps pour élaborer ce contrat, c'est que nous avons cherché "
                          "les meilleures solutions. »")
    assert quotes["la jeunesse a toujours été une préoccupation des élus"].kind == "indirect"
    direct = pick(quotes, "Si nous avons mis du temps")
    assert (direct.kind, direct.cue, direct.speaker) == ("direct", "rappela :", "Daniel Lanquetin")


def test_a_title_introduces_a_name_the_recogniser_missed(nlp):
    quotes = extract(nlp, "La reine Elizabeth a présidé hier la cérémonie d'ouverture du nouveau Parlement du Pays "
                          "de Galles. Devant les 60 membres du Parlement, la souveraine a salué ce «moment important "
                          "dans la longue histoire de notre nation».\n\n"
                          "Le célèbre mannequin roule japonais : pour Suzuki, Carla Bruni incarne la «femme moderne "
                          "et dynamique».")
    assert pick(quotes, "moment important").speaker == "Elizabeth"  # not "reine Elizabeth", a title
    assert pick(quotes, "femme moderne").speaker == "Suzuki"  # "pour X," opening the clause after a colon


def test_what_the_review_of_the_regional_press_rules_found(nlp):
    quotes = extract(nlp, "« Mon client est innocent », a déclaré Me Jean Martin, l'avocat du suspect. Selon "
                          "l'enquête, le suspect connaissait la victime depuis plusieurs années.\n\n"
                          "Selon un sondage réalisé par téléphone auprès de 1 000 personnes, les Français sont inquiets.\n\n"
                          "Pour Marine Le Pen, « une trahison pure et simple ». Pour le syndicat, pas question de céder.\n\n"
                          "Selon la formule de Jacques Chirac, la maison brûle.\n\n"
                          "Le ministre, qui a qualifié la situation de « préoccupante », rencontre Emmanuel Macron ce "
                          "jeudi.\n\n"
                          "Les salariés ont été appelés par la CGT à faire grève jeudi.\n\n"
                          "Estimant que la situation était grave, Jean Dupont, le maire, a annulé son voyage. Estimant "
                          "que la route était coupée, la décision a été prise d'annuler la course.")
    assert pick(quotes, "le suspect connaissait").speaker != "Me Jean Martin"  # a study is no one's communiqué
    assert pick(quotes, "les Français sont inquiets").speaker != "téléphone"  # "réalisé par" names no one here
    assert "une trahison pure et simple" in quotes and "pas question de céder" in quotes  # views, not lists
    assert "la maison brûle" in quotes  # "la formule de X" has an author
    assert [q.cue for q in quotes.values() if "préoccupante" in q.text] == ["a qualifié"]  # no incise "rencontre"
    assert pick(quotes, "faire grève").speaker == "CGT"  # a passive call with its agent is a call
    assert pick(quotes, "la situation était grave").speaker == "Jean Dupont"  # past his apposition
    assert pick(quotes, "la route était coupée").speaker is None  # a decision does not think


def test_names_of_things_that_start_with_a_first_name_stay_things(nlp):
    for text, name in (("Le directeur Nancy Handball a annoncé l'arrivée d'un nouvel entraîneur.", "Nancy Handball"),
                       ("Ariane Espace annonce un lancement.", "Ariane Espace")):
        doc = nlp(text)
        labels = {m.text: m.label for m in repair_mentions(doc, _mentions(doc))[0]}
        assert labels.get(name) not in (None, "PER"), labels


def test_a_quoted_fragment_reports_with_the_phrase_that_holds_it(nlp):
    quotes = extract(nlp, "Elle a affirmé avoir été souvent victime de \"sévices\".\n\n"
                          "Le texte souligne les pratiques des pays voisins, soulignant les risques de \"dérives\".\n\n"
                          "La psychologue a pu observer « la misère en personnel » des services de soins de suite.")
    assert pick(quotes, "sévices").text == 'avoir été souvent victime de "sévices"'  # the infinitive reported
    assert pick(quotes, "dérives").text == 'les risques de "dérives"'  # a participle's object
    assert pick(quotes, "misère").text.endswith("des services de soins de suite")  # the noun's complement


def test_a_sentence_whose_predicate_is_quoted_goes_on_quoting(nlp):
    text = ("Christine Lagarde a jugé lundi que la situation restait « sous contrôle ».\n\n"
            "Les banques françaises « ont subi des pertes, je ne le cache pas, à peu près 20 milliards d'euros ».\n\n"
            "Le film « Les Choristes » sort mercredi.")
    quotes = extract(nlp, text)
    follow = pick(quotes, "ont subi des pertes")
    assert follow.text.startswith("Les banques françaises") and follow.kind == "mixed"
    assert follow.speaker == "Christine Lagarde"
    assert not any("Choristes" in t for t in quotes)  # a title carries no predicate


def test_the_answers_of_an_interview_are_the_interviewee_s_words(nlp):
    interview = ("Dominique Versini, la Défenseure des enfants, s'inquiète du fichage des mineurs.\n\n"
                 "Comment réagissez-vous à ce décret ?\n\n"
                 "Cette escalade dans le fichage est vraiment regrettable.\n\n"
                 "Nous avons exigé sa publication, car la question de l'âge nous semblait problématique.\n\n"
                 "Quels dangers présente ce critère ?\n\n"
                 "Il est beaucoup trop vaste. Je ne veux pas minimiser les actes délictueux.\n\n"
                 "Propos recueillis par Jean Martin")
    quotes = extract(nlp, interview)
    first = pick(quotes, "Cette escalade", start=True)
    assert first.text.endswith("nous semblait problématique.") and first.kind == "direct"
    assert first.speaker == "Dominique Versini" and first.cue is None
    last = pick(quotes, "Il est beaucoup trop vaste", start=True)
    assert "recueillis" not in last.text and last.speaker == "Dominique Versini"
    assert not any(t.startswith("sa publication") for t in quotes)  # inside her answer, not a quote of its own
    column = ("Jean Leonetti vient de rendre ses conclusions sur la fin de vie.\n\n"
              "Serions-nous vraiment à l'aube d'un péril éthique ?\n\n"
              "Nos voisins ont légiféré depuis longtemps. Je ne le crois pas.\n\n"
              "Ne sommes-nous pas bien prétentieux ?\n\n"
              "Nous devons débattre sans anathème.")
    assert not extract(nlp, column)  # a column's rhetorical questions are no interview


def test_a_pronoun_opening_its_sentence_is_the_person_the_sentence_before_is_about(nlp):
    quotes = extract(nlp, "Le dalaï lama est arrivé lundi à Paris, où Nicolas Sarkozy ne le recevra pas.\n\n"
                          "« Les relations avec la Chine sont importantes », a-t-il déclaré.")
    assert pick(quotes, "Les relations avec la Chine").speaker == "dalaï lama"  # not the last person named


def test_standard_reporting_constructions_under_a_wrong_parse(nlp):
    quotes = extract(nlp, "Sarkozy a réuni les banquiers pour faire le point sur la crise financière. Il leur a "
                          "rappelé leur mission prioritaire de financement de l'économie en les incitant à prêter.\n\n"
                          "Il a refusé en argumentant que les échantillons n'ont pas été conservés correctement.\n\n"
                          "Le gouvernement et les banquiers jugent le système français solide, stable et fiable, les "
                          "pertes restent donc limitées.\n\n"
                          "Elle a réclamé à la justice de le lui rendre.\n\n"
                          "Les autorités refusent de révéler le nombre de journalistes accrédités. La garde à vue avait "
                          "été révélée quelques heures avant la décision du juge.")
    assert "leur mission prioritaire de financement de l'économie" in quotes  # "Il" parsed as a vocative; no gerund
    assert "argumentant" in pick(quotes, "les échantillons").cue  # a gerund the tagger took for a noun
    assert "le système français solide, stable et fiable" in quotes  # a judgement
    assert "le lui rendre" in quotes  # two clitics before the infinitive
    assert not any("journalistes" in t or "quelques heures" in t for t in quotes)  # refused; passive, no agent


def test_a_participle_hung_on_the_object_reports_for_the_subject(nlp):
    quotes = extract(nlp, "Lance Armstrong a refusé ces nouvelles analyses prétextant une mauvaise conservation des "
                          "échantillons.")
    assert pick(quotes, "une mauvaise conservation").speaker == "Lance Armstrong"  # not "ces nouvelles analyses"


def test_what_the_review_of_this_session_s_rules_found(nlp):
    quotes = extract(nlp, "Le juge a entendu plusieurs témoins affirmant avoir vu le suspect.\n\n"
                          "Le ministre n'a pas hésité à dénoncer un scandale d'État.\n\n"
                          "Si la ministre a annoncé la fermeture de l'usine, elle n'a pas donné de date.\n\n"
                          "Le préfet a annoncé une baisse des impôts en 2025, suscitant la colère de l'opposition.\n\n"
                          "Les fouilles ont révélé des vestiges romains sous la place du marché.\n\n"
                          "Le tribunal correctionnel de Paris a jugé le prévenu coupable.")
    assert pick(quotes, "avoir vu le suspect").speaker == "témoins"  # the witnesses speak, not the judge
    assert "un scandale d'État" in quotes  # not refusing: "n'a pas hésité à"
    assert "la fermeture de l'usine" in quotes  # a concessive "si" asks nothing
    assert "une baisse des impôts en 2025" in quotes  # "en 2025" is no gerund
    assert not any("vestiges" in t or "coupable" in t for t in quotes)  # evidence; a verdict
    interview = extract(nlp, "Après la démission de Nicolas Hulot, la nouvelle ministre Barbara Pompili a répondu à "
                             "nos questions.\n\nComment réagissez-vous ?\n\nJe suis très heureuse.\n\n"
                             "Quelles sont vos priorités ?\n\nLe climat, d'abord. Je veux agir vite.")
    assert pick(interview, "Je suis très heureuse").speaker == "Barbara Pompili"  # the introduction's subject
