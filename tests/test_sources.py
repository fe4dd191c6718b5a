"""Reading: bytes to text in every encoding French news files come in, files and folders to raw
documents, and an HTML page to a clean article.  No language model is loaded here."""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from recoupe.clean import clean_document
from recoupe.records import RawDocument, ReadError
from recoupe.settings import Settings
from recoupe.sources import NotText, decode_bytes, read_paths

SETTINGS = Settings()
# Real text (seeds 001, 003, 004): œ, é, « » and an apostrophe, the characters legacy encodings get wrong.
QUOTE_001 = ("Ce « filet de sécurité » américain, ou « backstop » en anglais, pourrait prendre différentes "
             "formes - renseignement, soutien logistique, communications.")
LINE_003 = ("Les dirigeants européens ont déclaré que la Russie devait désormais œuvrer à la fin des combats, "
            "et le gouvernement allemand a suggéré que les sanctions européennes contre la Russie seraient "
            "renforcées si Moscou traînait les pieds.")
LINE_004 = ("La Russie a toutefois réaffirmé à plusieurs reprises son opposition à toute présence militaire "
            "occidentale en Ukraine.")
TITLE_002 = "OTAN : une \"discussion franche\" sur les garanties de sécurité pour l'Ukraine"
LEAD_002 = ("Les chefs d'état-major de la défense de l'OTAN ont eu une \"discussion franche\" mercredi sur les "
            "garanties de sécurité qu'ils pourraient offrir à Kiev.")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66"


def _items(*paths, settings: Settings = SETTINGS) -> list[RawDocument | ReadError]:
    return list(read_paths([str(p) for p in paths], settings))


def _docs(items) -> dict[str, RawDocument]:
    return {item.id: item for item in items if isinstance(item, RawDocument)}


def _errors(items) -> list[ReadError]:
    return [item for item in items if isinstance(item, ReadError)]


# --- decode_bytes -------------------------------------------------------------------------------
def test_decode_bytes_utf8():
    assert decode_bytes(LINE_003.encode("utf-8")) == (LINE_003, "utf-8")


def test_decode_bytes_utf8_with_bom_drops_the_bom():
    text, encoding = decode_bytes(codecs.BOM_UTF8 + QUOTE_001.encode("utf-8"))
    assert text == QUOTE_001 and encoding == "utf-8-sig"


def test_decode_bytes_keeps_crlf_for_the_cleaner():
    text, _ = decode_bytes(f"{QUOTE_001}\r\n\r\n{LINE_003}\r\n".encode("utf-8"))
    assert text == f"{QUOTE_001}\r\n\r\n{LINE_003}\r\n"


def test_decode_bytes_cp1252_reads_oe_accents_and_guillemets():
    text, encoding = decode_bytes(f"{QUOTE_001}\r\n{LINE_003}".encode("cp1252"))
    assert text == f"{QUOTE_001}\r\n{LINE_003}"
    assert "œuvrer" in text and "« filet de sécurité »" in text
    assert encoding == "cp1252"


def test_decode_bytes_latin1_reads_accents():
    text, _ = decode_bytes(LINE_004.encode("latin-1"))
    assert text == LINE_004
    assert "réaffirmé" in text and "présence" in text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_decode_bytes_utf16_with_bom(encoding):
    data = (b"" if encoding == "utf-16" else codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE)
    data += LINE_003.encode(encoding)
    assert decode_bytes(data)[0] == LINE_003


def test_decode_bytes_utf16_without_bom():
    assert decode_bytes(LINE_003.encode("utf-16-le"))[0] == LINE_003


def test_decode_bytes_utf8_with_one_stray_cp1252_byte_is_still_utf8():
    data = LINE_003.encode("utf-8") + b" \xab caf\xe9 \xbb " + QUOTE_001.encode("utf-8")
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8"
    assert text == f"{LINE_003} « café » {QUOTE_001}"
    assert "Ã" not in text


@pytest.mark.parametrize("data", [
    PNG,
    b"Vingt-six pays\x00\x00\x01\x02 sont pr\x00ts",
    LINE_003.encode("utf-8") * 100 + b"\x00\x00\x00\x00",  # a NUL after the first 8 KB
    bytes(range(256)) * 8,
])
def test_decode_bytes_refuses_binary(data):
    with pytest.raises(NotText, match="binary"):
        decode_bytes(data)


@pytest.mark.parametrize("data", [b"", b"  \r\n\t\n"])
def test_decode_bytes_refuses_an_empty_file(data):
    with pytest.raises(NotText, match="empty"):
        decode_bytes(data)


# --- read_paths ---------------------------------------------------------------------------------
@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "002_otan.txt").write_bytes(f"{TITLE_002}\r\n\r\n{LEAD_002}\r\n".encode("utf-8-sig"))
    (tmp_path / "page.html").write_text(f"<html><body><p>{LINE_004}</p></body></html>", encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({
        "id": "afp-001", "url": "https://example.org/rutte", "source": "AFP", "title": "Rutte à Bruxelles",
        "text": QUOTE_001, "published": "2025-09-03", "language": "fr", "author": "Service international",
        "ignored": {"nested": True}}), encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps([{"text": LINE_003}, {"id": "b", "text": LINE_004}]),
                                        encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "feed-a", "text": LINE_003, "source": "Reuters"}, ensure_ascii=False),
        json.dumps({"text": LINE_004, "published": "2025-09-04"}, ensure_ascii=False),
        "",
        json.dumps({"html": f"<p>{QUOTE_001}</p>", "title": "Filet de sécurité"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    nested = tmp_path / "archive" / "2025" / "09"
    nested.mkdir(parents=True)
    (nested / "deep.txt").write_text(LINE_003, encoding="cp1252")
    (tmp_path / ".hidden.txt").write_text(LINE_004, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(LINE_004, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "notes.md").write_text(LINE_004, encoding="utf-8")
    return tmp_path


def test_read_paths_reads_every_supported_file_of_a_folder(folder):
    items = _items(folder)
    assert _errors(items) == []
    assert sorted(_docs(items)) == sorted(["002_otan", "page", "afp-001", "list-1", "b", "feed-a", "feed-2",
                                           "feed-4", "deep"])


def test_read_paths_uses_the_id_field_else_the_file_stem(folder):
    docs = _docs(_items(folder))
    assert docs["002_otan"].text.startswith(TITLE_002)          # .txt: file stem
    assert docs["page"].html.startswith("<html>")                 # .html: file stem
    assert docs["afp-001"].path.endswith("one.json")              # .json object: its id field
    assert docs["list-1"].text == LINE_003 and docs["b"].text == LINE_004  # .json list: stem-index else id
    assert docs["feed-a"].line == 1                                # .jsonl: id field
    assert docs["feed-2"].line == 2 and docs["feed-4"].line == 4   # .jsonl without id: <stem>-<line>


def test_read_paths_json_object_without_id_is_named_after_its_file(tmp_path):
    (tmp_path / "rutte-bruxelles.json").write_text(json.dumps({"text": QUOTE_001}), encoding="utf-8")
    assert list(_docs(_items(tmp_path))) == ["rutte-bruxelles"]


def test_read_paths_carries_the_metadata_fields(folder):
    docs = _docs(_items(folder))
    afp = docs["afp-001"]
    assert (afp.url, afp.source, afp.title, afp.published, afp.language, afp.author) == (
        "https://example.org/rutte", "AFP", "Rutte à Bruxelles", "2025-09-03", "fr", "Service international")
    assert afp.text == QUOTE_001 and afp.html is None
    assert docs["feed-a"].source == "Reuters"
    assert docs["feed-2"].published == "2025-09-04"
    assert docs["feed-4"].html == f"<p>{QUOTE_001}</p>" and docs["feed-4"].text is None
    assert docs["feed-4"].title == "Filet de sécurité"


def test_read_paths_decodes_bom_and_legacy_encodings(folder):
    docs = _docs(_items(folder))
    assert docs["002_otan"].text.startswith("OTAN")   # BOM gone
    assert docs["deep"].text == LINE_003             # cp1252 file, œ and accents intact


def test_read_paths_goes_into_subfolders_but_skips_hidden_and_unsupported_files(folder):
    paths = {Path(item.path).name for item in _items(folder)}
    assert "deep.txt" in paths
    assert not {".hidden.txt", "notes.txt", "photo.png", "notes.md"} & paths


def test_read_paths_reports_an_explicit_unsupported_file(folder):
    (error,) = _items(folder / "notes.md")
    assert isinstance(error, ReadError)
    assert error.path.endswith("notes.md") and "unsupported file type '.md'" in error.message


def test_read_paths_reports_a_missing_path(tmp_path):
    (error,) = _items(tmp_path / "absent.txt")
    assert isinstance(error, ReadError) and "no such file" in error.message


def test_read_paths_accepts_a_single_path_string(folder):
    items = list(read_paths(str(folder / "002_otan.txt"), SETTINGS))
    assert [item.id for item in items] == ["002_otan"]


def test_read_paths_reports_bad_files_and_reads_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text(LINE_003, encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    (tmp_path / "broken.json").write_text('{"text": "Vingt-six pays', encoding="utf-8")
    (tmp_path / "empty-list.json").write_text("[]", encoding="utf-8")
    items = _items(tmp_path)
    assert list(_docs(items)) == ["good"]
    messages = {Path(e.path).name: e.message for e in _errors(items)}
    assert set(messages) == {"image.txt", "empty.txt", "empty.jsonl", "broken.json", "empty-list.json"}
    assert "binary" in messages["image.txt"]
    assert "empty" in messages["empty.txt"] and "empty" in messages["empty.jsonl"]
    assert "malformed JSON" in messages["broken.json"]
    assert "no articles" in messages["empty-list.json"]


def test_read_paths_reports_each_bad_jsonl_line_with_its_number(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": LINE_003}),
        '{"id": "b", "text": "Vingt-six pays sont prêts',          # malformed
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "title": "sans texte"}),
        json.dumps({"id": "e", "text": "   "}),
        json.dumps({"id": "f", "text": LINE_004}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline after the last line
    items = _items(path)
    assert list(_docs(items)) == ["a", "f"]
    errors = _errors(items)
    assert [e.line for e in errors] == [2, 3, 4, 5]
    assert str(errors[0]).startswith(f"{path}:2: malformed JSON line")
    assert "expected a JSON object" in errors[1].message
    assert "neither 'text' nor 'html'" in errors[2].message
    assert "empty" in errors[3].message


def test_read_paths_reads_a_jsonl_line_in_a_legacy_encoding(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(json.dumps({"id": "cp", "text": LINE_003}, ensure_ascii=False).encode("cp1252") + b"\n")
    (doc,) = _items(path)
    assert doc.text == LINE_003


def test_read_paths_skips_a_jsonl_line_over_the_limit_and_reads_the_next(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([json.dumps({"id": "long", "text": LINE_003 * 100}),
                               json.dumps({"id": "short", "text": LINE_004})]) + "\n", encoding="utf-8")
    items = _items(path, settings=Settings(max_jsonl_line_bytes=5000))
    assert list(_docs(items)) == ["short"]
    (error,) = _errors(items)
    assert error.line == 1 and "longer than 5,000 bytes" in error.message


def test_read_paths_refuses_a_file_over_max_file_bytes(tmp_path):
    (tmp_path / "big.txt").write_text(LINE_003 * 20, encoding="utf-8")
    (error,) = _items(tmp_path, settings=Settings(max_file_bytes=1000))
    assert isinstance(error, ReadError) and "file too large" in error.message


def test_read_paths_takes_html_when_text_is_an_empty_placeholder(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "h", "text": "", "html": f"<p>{LINE_004}</p>"}) + "\n", encoding="utf-8")
    (doc,) = _items(path)
    assert doc.text is None and doc.html == f"<p>{LINE_004}</p>"


# --- an HTML page through clean_document ----------------------------------------------------------
PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Ukraine : Rutte attend des « clarifications » de la coalition des volontaires</title>
<meta property="og:site_name" content="Le Quotidien">
<meta property="article:published_time" content="2025-09-03T14:12:00+02:00">
</head>
<body>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/economie">Économie</a></li><li><a href="/abonnement">S'abonner</a></li></ul></nav></header>
<main><article>
<h1>Ukraine : Rutte attend des « clarifications » de la coalition des volontaires</h1>
<p>La réunion jeudi à Paris de la coalition des volontaires va « clarifier » l'engagement des Européens dans le
cadre des garanties de sécurité pour l'Ukraine, en attendant la contribution américaine, a affirmé mercredi le
secrétaire général de l'Otan, Mark Rutte.</p>
<p>« Je m&rsquo;attends à avoir demain, ou peu de temps après, une idée claire de ce que nous pouvons accomplir
collectivement » pour garantir la sécurité de l'Ukraine, a-t-il déclaré devant la presse à Bruxelles.</p>
<p>La Coalition des volontaires réunit une trentaine de pays, principalement européens, prêts à apporter un
soutien à l'armée ukrainienne, voire à déployer des soldats en Ukraine une fois un cessez-le-feu conclu, pour
dissuader la Russie de toute nouvelle agression.</p>
</article>
<aside><h2>Lire aussi</h2><ul><li><a href="/a">Les marchés européens en hausse</a></li>
<li><a href="/b">Météo : orages sur le Sud-Ouest</a></li></ul></aside></main>
<footer><p>© 2025 Le Quotidien. Tous droits réservés.</p><a href="/mentions">Mentions légales</a>
<a href="/cookies">Gestion des cookies</a></footer>
</body>
</html>
"""


def test_html_page_yields_the_body_title_and_date_without_boilerplate(tmp_path):
    path = tmp_path / "rutte-coalition.html"
    path.write_text(PAGE, encoding="utf-8")
    (raw,) = _items(path)
    article = clean_document(raw)
    assert article.id == "rutte-coalition"
    assert article.title == "Ukraine : Rutte attend des « clarifications » de la coalition des volontaires"
    assert article.published == "2025-09-03"
    assert article.source == "Le Quotidien"
    assert article.language == "fr"
    assert article.text.startswith("La réunion jeudi à Paris de la coalition des volontaires")
    assert "« Je m'attends à avoir demain" in article.text   # entity decoded, apostrophe normalised
    assert article.text.endswith("pour dissuader la Russie de toute nouvelle agression.")
    assert article.text.count("\n\n") == 2                   # three paragraphs
    for boilerplate in ("Accueil", "S'abonner", "Lire aussi", "Météo", "marchés", "Tous droits réservés",
                        "Mentions légales", "cookies", "<"):
        assert boilerplate not in article.text
    assert "html_extracted" in {r.name for r in article.repairs}


def test_html_in_a_jsonl_line_keeps_the_line_metadata_over_the_page_metadata(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "q", "html": PAGE, "title": "Rutte et la coalition",
                                "published": "2025-09-04", "source": "AFP"}) + "\n", encoding="utf-8")
    (raw,) = _items(path)
    article = clean_document(raw)
    assert (article.title, article.published, article.source) == ("Rutte et la coalition", "2025-09-04", "AFP")
    assert article.text.startswith("La réunion jeudi à Paris")


# --- ISO-TimeML (French TimeBank) ---------------------------------------------------------------
TIMEML = ('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" '
          'value="1999-05-19" functionInDocument="CREATION_TIME">19/05/1999</TIMEX3></DCT>\n<TEXT>\n'
          'Grosse bronchite pour Eltsine.\n\nLe président russe Boris Eltsine a annulé '
          '<TIMEX3 tid="t1" type="DATE" value="1999-05-18">hier</TIMEX3> une rencontre, a affirmé '
          "l'ambassade : « Il va mieux ».\n</TEXT></TimeML>\n")


def test_read_paths_reads_a_timeml_article_with_its_creation_date(tmp_path):
    (tmp_path / "1999-05-19-0489a.tml").write_text(TIMEML, encoding="utf-8")
    (doc,) = _items(tmp_path)
    assert (doc.id, doc.published, doc.html) == ("1999-05-19-0489a", "1999-05-19", None)
    # The words of TEXT with the TIMEX3 tags dropped, not the creation date of DCT.
    assert doc.text.strip().startswith("Grosse bronchite pour Eltsine.")
    assert "annulé hier une rencontre, a affirmé l'ambassade : « Il va mieux »." in doc.text
    assert "19/05/1999" not in doc.text


def test_read_paths_reports_a_malformed_timeml_file_with_its_line(tmp_path):
    (tmp_path / "broken.tml").write_text(TIMEML.replace("</TEXT>", "</TXT>"), encoding="utf-8")
    (tmp_path / "good.txt").write_text(LINE_003, encoding="utf-8")
    items = _items(tmp_path)
    (error,) = _errors(items)
    assert error.path.endswith("broken.tml") and "malformed TimeML" in error.message and error.line == 7
    assert list(_docs(items)) == ["good"]


def test_read_paths_reads_a_timeml_file_in_latin_1_nested_and_with_html_entities(tmp_path):
    latin = TIMEML.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    (tmp_path / "latin.tml").write_bytes(latin.encode("latin-1"))
    nested = TIMEML.replace("<TEXT>", "<BODY><TEXT>").replace("</TEXT>", "</TEXT></BODY>") \
        .replace("président", "pr&eacute;sident")
    (tmp_path / "nested.tml").write_text(nested, encoding="utf-8")
    docs = _docs(_items(tmp_path))
    for name in ("latin", "nested"):
        assert "Le président russe Boris Eltsine a annulé" in docs[name].text, name
        assert docs[name].published == "1999-05-19"
