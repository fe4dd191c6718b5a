"""The `recoupe/1` schema and the Markdown and HTML briefings built from it."""

from __future__ import annotations

import copy
import re
from html import unescape
from html.parser import HTMLParser

import pytest
from jsonschema import Draft202012Validator

from recoupe.render import load_schema, render_html, render_markdown

ID_000 = "000_c356cf971c256b11"
ID_001 = "001_832e27856e8c07f2"
ID_002 = "002_44c57f388506a4d0"
# An id from a hostile feed: characters that are not fragment-safe, markup, an accent.
ID_EVIL = 'x<y>/"évil" 1'

TEXT_000 = (
    "Le secrétaire général de l'Otan, Mark Rutte, a déclaré mercredi qu'il s'attendait à ce que "
    "la réunion de la \"coalition des volontaires\" organisée jeudi en France apporte des "
    "éclaircissements sur les garanties de sécurité que l'Europe peut offrir à l'Ukraine en cas "
    "de trêve ou d'accord de paix avec la Russie.\n\n"
    "\"Je m'attends à ce que demain, ou peu après, nous ayons une idée claire de ce que nous "
    "pouvons offrir collectivement\", a déclaré Mark Rutte lors d'une conférence de presse au "
    "siège de l'Otan à Bruxelles, en compagnie du président estonien, Alar Karis."
)
TEXT_001 = (
    "La réunion jeudi à Paris de la coalition des volontaires va « clarifier » l'engagement des "
    "Européens dans le cadre des garanties de sécurité pour l'Ukraine, en attendant la "
    "contribution américaine, a affirmé mercredi le secrétaire général de l'Otan, Mark Rutte.\n\n"
    "« Je m'attends à avoir demain, ou peu de temps après, une idée claire de ce que nous pouvons "
    "accomplir collectivement » pour garantir la sécurité de l'Ukraine, a-t-il déclaré devant la "
    "presse à Bruxelles.\n\n"
    "La Coalition des volontaires réunit une trentaine de pays, principalement européens, prêts à "
    "apporter un soutien à l'armée ukrainienne."
)
TEXT_002 = (
    "Les chefs d'état-major de la défense de l'OTAN ont eu une \"discussion franche\" mercredi sur "
    "les garanties de sécurité qu'ils pourraient offrir à Kiev pour aider à forger un accord de "
    "paix qui mettrait fin à la guerre de trois ans menée par la Russie contre l'Ukraine, a "
    "déclaré un haut responsable de l'alliance."
)
TEXT_EVIL = (
    "<script>alert(1)</script> Vingt-six pays sont prêts à envoyer des troupes en Ukraine.\n"
    "[cliquez ici](javascript:alert(1)) <img src=\"https://tracker.example/p.gif\">"
)

SUMMARY_PRESS = [
    "Le secrétaire général de l'Otan, Mark Rutte, a déclaré mercredi qu'il s'attendait à ce que "
    "la réunion de la \"coalition des volontaires\" organisée jeudi en France apporte des "
    "éclaircissements sur les garanties de sécurité que l'Europe peut offrir à l'Ukraine en cas "
    "de trêve ou d'accord de paix avec la Russie.",
    "Mark Rutte s'attend à avoir une idée claire de ce que les alliés peuvent accomplir "
    "collectivement pour garantir la sécurité de l'Ukraine.",
]
SUMMARY_COALITION = "Vingt-six pays sont prêts à envoyer des troupes en Ukraine."


def _sentences(text: str) -> list[dict[str, int]]:
    """Paragraph-level sentences: each paragraph of these fixtures is one sentence."""
    spans, cursor = [], 0
    for paragraph in text.split("\n"):
        if paragraph:
            spans.append({"start": cursor, "end": cursor + len(paragraph)})
        cursor += len(paragraph) + 1
    return spans


def _span(text: str, surface: str, last: str | None = None) -> dict:
    """Offsets of `surface` in `text` (up to the end of `last` when given) and the text there."""
    start = text.index(surface)
    end = text.index(last, start) + len(last) if last else start + len(surface)
    return {"start": start, "end": end, "text": text[start:end]}


def _mention(entity: str, text: str, surface: str) -> dict:
    return {"entity": entity, **_span(text, surface)}


def _quote(quote_id: str, article_id: str, text: str, cue: str, same_as: str) -> dict:
    return {
        "id": quote_id, "article": article_id, **_span(text, "Je m'attends", "collectivement"),
        "kind": "direct", "cue": cue, "speaker": {"entity": "ent-rutte", "name": "Mark Rutte"},
        "same_as": [same_as],
    }


def _article(article_id: str, text: str, **fields) -> dict:
    record = {
        "id": article_id, "path": f"seeds/{article_id}.txt", "url": None, "source": None,
        "author": None, "title": None, "published": None, "language": "fr", "text": text,
        "duplicate_of": None, "event": None, "mentions": [], "dates": [], "quantities": [],
        "sentences": _sentences(text), "repairs": [],
    }
    record.update(fields)
    return record


def _event(event_id: str, title: str, date: str | None, articles: list[str], **fields) -> dict:
    record = {
        "id": event_id, "title": title, "date": date, "storyline": "sl-garanties",
        "articles": articles, "summary": [], "quotes": [], "agreed": [], "discrepancies": [],
        "timeline": [],
    }
    record.update(fields)
    return record


def make_doc() -> dict:
    return {
        "schema": "recoupe/1",
        "articles": [
            _article(
                ID_000, TEXT_000, source="Reuters", author="Andrew Gray",
                title="Rutte attend des éclaircissements sur les garanties de sécurité",
                published="2025-09-03", event="ev-press",
                mentions=[_mention("ent-rutte", TEXT_000, "Mark Rutte"),
                          _mention("ent-otan", TEXT_000, "Otan"),
                          _mention("ent-bruxelles", TEXT_000, "Bruxelles")],
                dates=[{**_span(TEXT_000, "mercredi"), "value": "2025-09-03"}],
            ),
            _article(
                ID_001, TEXT_001, source="AFP", published="2025-09-03", published_inferred=True,
                event="ev-press",
                repairs=[{"name": "strip_inline_date_prefix",
                          "detail": "removed ' date 2025-09-03'"}],
                mentions=[_mention("ent-rutte", TEXT_001, "Mark Rutte")],
                quantities=[{**_span(TEXT_001, "une trentaine de pays"),
                             "value": None, "low": 25, "high": 35, "unit": "pays"}],
            ),
            _article(ID_002, TEXT_002, title='OTAN : une "discussion franche"', event="ev-chiefs",
                     mentions=[_mention("ent-kiev", TEXT_002, "Kiev")]),
            _article(ID_EVIL, TEXT_EVIL, title="<script>alert(1)</script> Coalition",
                     url="javascript:alert(1)", source="<b>Feed</b>", event="ev-paris"),
        ],
        "entities": [
            {"id": "ent-rutte", "name": "Mark Rutte", "type": "PER",
             "aliases": ["Mark Rutte", "Rutte", "le secrétaire général de l'alliance atlantique"],
             "roles": ["secrétaire général de l'Otan"]},
            {"id": "ent-otan", "name": "OTAN", "type": "ORG", "aliases": ["Otan", "OTAN"],
             "roles": []},
            {"id": "ent-bruxelles", "name": "Bruxelles", "type": "LOC", "aliases": [], "roles": []},
            {"id": "ent-kiev", "name": "Kyiv", "type": "LOC", "aliases": ["Kiev"], "roles": []},
        ],
        "quotes": [
            _quote("q-000-1", ID_000, TEXT_000, "a déclaré", same_as="q-001-1"),
            _quote("q-001-1", ID_001, TEXT_001, "a-t-il déclaré", same_as="q-000-1"),
        ],
        # Out of date order on purpose: the briefing sorts them.
        "events": [
            _event("ev-chiefs", "Vidéoconférence des chefs d'état-major de l'OTAN", None, [ID_002],
                   summary=[{"text": TEXT_002, "sources": [ID_002]}]),
            _event("ev-paris", "Réunion de la coalition des volontaires à Paris", "2025-09-04",
                   [ID_EVIL], date_inferred=True,
                   summary=[{"text": SUMMARY_COALITION, "sources": [ID_EVIL]}]),
            _event("ev-press", "Conférence de presse de Mark Rutte à Bruxelles", "2025-09-03",
                   [ID_000, ID_001],
                   summary=[{"text": SUMMARY_PRESS[0], "sources": [ID_000]},
                            {"text": SUMMARY_PRESS[1], "sources": [ID_000, ID_001]}],
                   quotes=["q-000-1", "q-001-1"],
                   agreed=[{"text": "La réunion de la coalition des volontaires a lieu jeudi.",
                            "sources": [ID_000, ID_001], "independent_sources": 2}],
                   timeline=[{"date": "2025-09-03", "text": "Conférence de presse à Bruxelles.",
                              "sources": [ID_000]}]),
        ],
        "storylines": [
            {"id": "sl-garanties", "title": "Garanties de sécurité pour l'Ukraine",
             "events": ["ev-chiefs", "ev-paris", "ev-press"],
             "summary": [{"text": SUMMARY_PRESS[0], "sources": [ID_000]}],
             "discrepancies": [{"about": "taille de la coalition", "claims": [
                 {"text": "une trentaine de pays", "value": 30, "article": ID_001},
                 {"text": "Vingt-six pays", "value": 26, "article": ID_EVIL}]}],
             "timeline": []},
        ],
    }


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.srcs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if attributes.get("href") is not None:
            self.hrefs.append(attributes["href"])
        if attributes.get("src") is not None:
            self.srcs.append(attributes["src"])


def _links(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def _cite_href(html: str, sentence: str, article_id: str) -> str:
    """The href of the chip citing `article_id` right after `sentence` in the HTML."""
    escaped = sentence.replace("&", "&amp;").replace('"', "&#34;").replace("'", "&#39;")
    after = html[html.index(escaped) + len(escaped):]
    label = article_id.replace('"', "&#34;").replace("<", "&lt;").replace(">", "&gt;")
    chip = r'<a class="cite" href="([^"]*)"[^>]*>\[<span class="id">' + re.escape(label)
    match = re.search(chip + r"</span>\]</a>", after)
    assert match, f"no citation of {article_id} after the sentence"
    return match.group(1)


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(make_doc())


@pytest.fixture(scope="module")
def markdown() -> str:
    return render_markdown(make_doc())


def test_sample_document_validates_against_schema(validator):
    assert list(validator.iter_errors(make_doc())) == []


CONTRACT_BREAKS = {
    "missing-schema-name": lambda d: d.pop("schema"),
    "other-schema-name": lambda d: d.update(schema="recoupe/2"),
    "unknown-quote-kind": lambda d: d["quotes"][0].update(kind="foo"),
    "speaker-without-entity": lambda d: d["quotes"][0].update(speaker={"name": None}),
    "published-not-iso": lambda d: d["articles"][0].update(published="03/09/2025"),
    "date-value-not-iso": lambda d: d["articles"][0]["dates"][0].update(value="mercredi"),
    "negative-offset": lambda d: d["articles"][0]["mentions"][0].update(start=-1),
    "article-key-missing": lambda d: d["articles"][0].pop("duplicate_of"),
    "uncited-summary": lambda d: d["events"][0]["summary"][0].update(sources=[]),
    "no-independent-source": lambda d: d["events"][2]["agreed"][0].update(independent_sources=0),
    "unknown-entity-type": lambda d: d["entities"][0].update(type="PERSON"),
}


@pytest.mark.parametrize("break_it", CONTRACT_BREAKS.values(), ids=CONTRACT_BREAKS.keys())
def test_schema_rejects_document_that_breaks_the_contract(validator, break_it):
    doc = make_doc()
    break_it(doc)
    assert not validator.is_valid(doc)


def test_schema_accepts_month_and_year_precision_dates(validator):
    doc = make_doc()
    doc["articles"][0]["dates"][0]["value"] = "2025-09"
    doc["events"][2]["timeline"][0]["date"] = "2025"
    assert validator.is_valid(doc)


def test_schema_allows_fields_added_by_later_versions(validator):
    doc = make_doc()
    doc["generated_by"] = "recoupe 9.9"
    doc["articles"][0]["sentiment"] = 0.2
    doc["events"][0]["confidence"] = 0.9
    assert validator.is_valid(doc)


def test_markdown_lists_every_event_title_and_summary_sentence_with_its_citations(markdown):
    for event in make_doc()["events"]:
        assert event["title"] in markdown
        for sentence in event["summary"]:
            # Markdown escapes what could open raw HTML; the rest of the id is kept as is.
            labels = [s.replace("<", r"\<").replace(">", r"\>") for s in sentence["sources"]]
            cited = " ".join(f"[{label}]" for label in labels)
            assert f"{sentence['text']} {cited}" in markdown
    assert f"[{ID_000}]: #art-{ID_000}" in markdown


def test_markdown_orders_events_by_date_with_undated_last(markdown):
    press = markdown.index("Conférence de presse de Mark Rutte")
    paris = markdown.index("Réunion de la coalition des volontaires à Paris")
    chiefs = markdown.index("Vidéoconférence des chefs d'état-major")
    assert press < paris < chiefs
    assert "*2025-09-04 (inferred)*" in markdown


def test_markdown_escapes_markup_and_links_from_articles(markdown):
    assert "<script>" not in markdown
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown)
    assert r"\<script\>alert(1)\</script\>" in markdown


def test_html_escapes_script_tags_from_article_title_and_text(html):
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Feed</b>" not in html


def test_html_loads_nothing_from_the_network_and_links_no_javascript(html):
    links = _links(html)
    assert links.srcs == []
    assert all(href.startswith("#") for href in links.hrefs)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
    assert "@import" not in html and "url(" not in html


def test_html_has_an_anchor_for_every_article_and_every_sentence(html):
    ids = _links(html).ids
    for article_id in (ID_000, ID_001, ID_002):
        assert f"art-{article_id}" in ids
        assert f"art-{article_id}-s0" in ids
    evil_anchors = [i for i in ids if i.startswith("art-x-y---") and not i.endswith(("-s0", "-s1"))]
    assert len(evil_anchors) == 1
    assert re.fullmatch(r"[A-Za-z0-9_-]+", evil_anchors[0])
    # The visible id stays exactly what the feed gave.
    assert "x&lt;y&gt;/&#34;évil&#34; 1" in html


def test_html_citations_link_to_the_best_matching_sentence_of_each_cited_article(html):
    # Word for word from 000's first sentence.
    assert _cite_href(html, SUMMARY_PRESS[0], ID_000) == f"#art-{ID_000}-s0"
    # A paraphrase: the quote paragraph shares the most words, in 000 and in 001.
    assert _cite_href(html, SUMMARY_PRESS[1], ID_000) == f"#art-{ID_000}-s1"
    assert _cite_href(html, SUMMARY_PRESS[1], ID_001) == f"#art-{ID_001}-s1"
    ids = _links(html).ids
    cited = [href[1:] for href in _links(html).hrefs if "-s" in href]
    assert cited and all(anchor in ids for anchor in cited)
    assert ".sentence:target" in html


def test_html_article_text_survives_sentence_wrapping_unchanged(html):
    body = re.search(rf'id="art-{ID_001}".*?<div class="text">(.*?)</div>', html, re.DOTALL)
    assert body
    assert unescape(re.sub(r"<[^>]+>", "", body.group(1))) == TEXT_001


def test_html_shows_counts_inferred_dates_quotes_and_only_non_empty_sections(html):
    assert "4 articles · 3 events · 1 storyline" in html
    assert '<span class="inferred">(inferred)</span>' in html
    assert "2 articles · 2 sources" in html
    # The two translations of Rutte's quote are one utterance on the board.
    assert html.count("<blockquote") == 1
    assert html.count("<h4>Agreed facts</h4>") == 1
    assert html.count("<h4>Timeline</h4>") == 1
    assert "<h4>Storyline timeline</h4>" not in html
    assert "Discrepancies across the storyline" in html
    assert "le secrétaire général de l&#39;alliance atlantique" in html


def test_renderers_accept_a_document_without_optional_sections():
    doc = copy.deepcopy(make_doc())
    for event in doc["events"]:
        for key in ("agreed", "discrepancies", "timeline", "quotes"):
            event.pop(key)
    doc["storylines"] = []
    for article in doc["articles"]:
        article.pop("sentences")
    html = render_html(doc)
    assert f'id="art-{ID_000}-s0"' in html
    assert "Other events" in html
    assert "Other events" in render_markdown(doc)
