"""Quote detection and speaker accuracy against a hand-made gold set, the way the Gender Gap
Tracker scores its French extractor.

Gold: ``recoupe-quotes-gold/1`` JSON (``recoupe/evaluate/gold/quotes.json``, documented in
``docs/quotes-gold.md``): per article id, quotes with character offsets into the cleaned text, kind
and speaker.  The articles are read from the paths given (files or folders) and cleaned and analysed
exactly as ``recoupe ingest`` does; articles absent from the gold are ignored, gold articles not
found are reported.

* A predicted quote *matches* a gold quote of the same article when their character overlap is at
  least ``overlap`` (0.5) of the longer of the two spans; matching is one-to-one, best overlap first.
  Precision = matched / predicted, recall = matched / gold, F1 their harmonic mean.
* Speaker accuracy = matched quotes whose speaker is right / matched quotes.  Right: the folded
  names are equal, or one is the other's surname-suffix ("Rutte" / "Mark Rutte"), or — for role
  phrases, groups and anonymous sources — they share at least half of the shorter one's content
  words ("responsables occidentaux" / "les responsables occidentaux de l'Otan"), or one is a
  one-word acronym of the other: its letters, in order, are the initials of the other's words once the
  short function words (de, des, du, la, le, les, l', d', et, pour, sur, aux, en) and the
  preposition contre are left out ("Farc" / "Forces Armées Révolutionnaires de Colombie", "PCF" /
  "Parti communiste français", "Afub" / "Association française des usagers des banques", "AFLD" /
  "Agence française de lutte contre le dopage"; not "PS" / "Parti communiste français").  The gold
  writes an organisation by the full form where the article spells its acronym out, and an extractor
  may name it by either.
* Misses are listed by gold kind and speaker kind; false positives by predicted kind; speaker errors
  with both names.

A baseline runs in the same pass: quotation marks only (every « … » / " … " span of three words or
more), speaker = the nearest person named in the same sentence, else the previous one — what a
quote extractor without a parse does.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import orjson
from unidecode import unidecode

from ..analyse.speakers import is_pronoun
from ..settings import Settings

GOLD = Path(__file__).with_name("gold") / "quotes.json"
_STOP = {"le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "et", "a", "au", "aux", "en"}
# left out of an expansion before its initials are compared with an acronym (folded: "l'" -> "l");
# "contre" too, or "AFLD" would not be "Agence française de lutte contre le dopage"
_ACRONYM_SKIP = {"de", "des", "du", "la", "le", "les", "l", "d", "et", "pour", "sur", "aux", "en", "contre"}


def _fold(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", unidecode(text or "").lower()).strip()


def _acronym_of(short: str, long: str) -> bool:
    """``short`` (folded, one word) is the acronym of ``long`` (folded): its letters are the initials
    of ``long``'s words, the short function words and "contre" left out."""
    if not short.isalpha() or not 2 <= len(short) <= 10:
        return False
    words = [w for w in long.split() if w not in _ACRONYM_SKIP]
    return len(words) == len(short) and "".join(w[0] for w in words) == short


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    p, g = _fold(predicted), _fold(gold)
    if not p or not g:
        return p == g
    if p == g or g.endswith(" " + p) or p.endswith(" " + g):
        return True
    if _acronym_of(p, g) or _acronym_of(g, p):
        return True
    pw = {w for w in p.split() if w not in _STOP}
    gw = {w for w in g.split() if w not in _STOP}
    if not (pw and gw and len(pw & gw) >= 0.5 * min(len(pw), len(gw)) and (len(pw) > 1 or len(gw) > 1 or pw == gw)):
        return False
    # two people's names share more than a first name: "Jean-Luc Romero" is not "Jean Leonetti"
    p_name, g_name = _name_words(predicted), _name_words(gold)
    if p_name and g_name:
        surname = lambda words: set(_fold(words[-1]).split())  # "Alliot-Marie" → {alliot, marie}
        return bool(surname(p_name) & surname(g_name))
    return True


_PARTICLES = {"de", "d'", "d’", "du", "des", "le", "la", "van", "von", "der", "den", "di", "da", "del"}


def _name_words(text: str | None) -> list[str]:
    """The capitalised words of a person's name ("Dominique de Villepin" → Dominique, Villepin), an
    aside in brackets and a generational suffix left out ("François Hollande (PS)", "Martin Luther King
    Jr."); empty when ``text`` does not read as a name of two to four such words."""
    text = re.sub(r"\([^)]*\)", " ", text or "")
    words = [w for w in re.findall(r"[\w'’-]+", text) if w not in ("Jr", "Sr", "II", "III")]
    named = [w for w in words if w.lower() not in _PARTICLES]
    if not 2 <= len(named) <= 4 or not all(w[:1].isupper() for w in named):
        return []
    return named


def _match(gold: list[dict], predicted: list[dict], overlap: float) -> list[tuple[int, int]]:
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            inter = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if inter <= 0:
                continue
            ratio = inter / max(g["end"] - g["start"], p["end"] - p["start"])
            if ratio >= overlap:
                pairs.append((ratio, i, j))
    used_g, used_p, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _cover(gold: list[dict], predicted: list[dict], threshold: float) -> list[tuple[int, int]]:
    """The Gender Gap Tracker's matching (nlp/french/evaluation): each gold quote in turn takes the
    remaining prediction that covers the largest share of the gold span, if that share is above
    ``threshold``. Unlike ``_match`` it does not penalise a prediction longer than the gold."""
    remaining = list(range(len(predicted)))
    out = []
    for i, g in enumerate(gold):
        length = g["end"] - g["start"]
        best, best_share = None, threshold
        for j in remaining:
            share = max(0, min(g["end"], predicted[j]["end"]) - max(g["start"], predicted[j]["start"])) / length \
                if length > 0 else 0.0
            if share > best_share:
                best, best_share = j, share
        if best is not None:
            remaining.remove(best)
            out.append((i, best))
    return out


def _baseline(text: str, doc) -> list[dict]:
    from ..analyse.quotes import quotation_spans

    persons = [(e.start_char, e.text) for e in doc.ents if e.label_ == "PER"]
    out = []
    for s, e in quotation_spans(text):
        inner = text[s + 1:e - 1].strip()
        if len(inner.split()) < 3:
            continue
        sent = doc.char_span(s, e, alignment_mode="expand")
        sent_start, sent_end = (sent.sent.start_char, sent.sent.end_char) if sent is not None else (s, e)
        near = [p for p in persons if sent_start <= p[0] < sent_end and not s <= p[0] < e]
        before = [p for p in persons if p[0] < s]
        speaker = near[0][1] if near else (before[-1][1] if before else None)
        start = text.index(inner, s)
        out.append({"start": start, "end": start + len(inner), "kind": "direct", "speaker": speaker})
    return out


def _designation(predicted: dict) -> str:
    """How a predicted quote designates its speaker: by a name, a description ("le ministre", "la
    banque"), a pronoun, or not at all (a quotation whose speaker the context gives), or "unknown"
    for predictions that do not say (the baseline's)."""
    if "speaker_text" not in predicted:
        return "unknown"
    phrase = (predicted["speaker_text"] or "").strip()
    if not phrase:
        return "context"
    if is_pronoun(phrase):
        return "pronoun"
    if re.match(r"(?:l['’]|(?:le|la|les|un|une|des|du|ce|cet|cette|ces|son|sa|ses|leur|leurs|d['’]autres|plusieurs|"
                r"certains|certaines|quelques|nombre|beaucoup|tous|toutes|deux|trois|quatre|cinq|six|sept|huit|neuf|"
                r"dix|\d+)\b)", phrase, re.IGNORECASE) or phrase[:1].islower():
        return "description"
    return "name"


def _same_mention(predicted: dict, gold: dict) -> bool:
    """The Gender Gap Tracker's speaker match (``nlp/french/evaluation``): the words the prediction
    names its speaker with overlap the speaker mention annotated at the quote (a name, a description
    or a pronoun, unresolved); a quote with no mention of its own (context only) matches a prediction
    that names none."""
    if gold.get("mention_start") is None:
        return predicted.get("speaker_start") is None
    if predicted.get("speaker_start") is None:
        return False
    return min(gold["mention_end"], predicted["speaker_end"]) > max(gold["mention_start"], predicted["speaker_start"])


def _score(gold_by_article: dict[str, list[dict]], predicted_by_article: dict[str, list[dict]],
           overlap: float, details: bool, match=_match) -> dict:
    """Detection and speaker figures; ``match`` pairs gold and predicted quotes (``_match``, or the
    Gender Gap Tracker's ``_cover``) at ``overlap``."""
    tp = n_gold = n_pred = right = mentions = mentions_right = 0
    by_designation: Counter = Counter()
    right_by_designation: Counter = Counter()
    missed: Counter = Counter()
    missed_speaker_kind: Counter = Counter()
    false_kinds: Counter = Counter()
    wrong_speaker: Counter = Counter()
    examples = {"missed": [], "false": [], "wrong_speaker": []}
    for article_id, gold in gold_by_article.items():
        predicted = predicted_by_article.get(article_id, [])
        pairs = match(gold, predicted, overlap)
        n_gold += len(gold)
        n_pred += len(predicted)
        tp += len(pairs)
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in matched_g:
                missed[g["kind"]] += 1
                missed_speaker_kind[g.get("speaker_kind", "?")] += 1
                examples["missed"].append(f"{article_id} [{g['kind']}] {g['text'][:90]}")
        for j, p in enumerate(predicted):
            if j not in matched_p:
                false_kinds[p["kind"]] += 1
                examples["false"].append(f"{article_id} [{p['kind']}] {p.get('text', '')[:90]}")
        for i, j in pairs:
            g, p = gold[i], predicted[j]
            if "mention_start" in g and "speaker_start" in p:
                mentions += 1
                mentions_right += _same_mention(p, g)
            designation = _designation(p)
            by_designation[designation] += 1
            if same_speaker(p.get("speaker"), g.get("speaker")):
                right += 1
                right_by_designation[designation] += 1
            else:
                wrong_speaker[g.get("speaker_kind", "?")] += 1
                examples["wrong_speaker"].append(f"{article_id}: gold {g.get('speaker')!r}, "
                                                 f"predicted {p.get('speaker')!r} — {g['text'][:60]}")
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result = {"gold_quotes": n_gold, "predicted": n_pred, "matched": tp, "precision": precision,
              "recall": recall, "f1": f1, "speaker_accuracy": right / tp if tp else 0.0,
              "missed_by_kind": dict(missed), "missed_by_speaker_kind": dict(missed_speaker_kind),
              "false_positives_by_kind": dict(false_kinds),
              "wrong_speaker_by_speaker_kind": dict(wrong_speaker),
              "speaker_accuracy_by_designation": {
                  d: {"matched": n, "speaker_accuracy": right_by_designation[d] / n}
                  for d, n in sorted(by_designation.items()) if d != "unknown"}}
    if mentions:
        result["speaker_mention_accuracy"] = mentions_right / mentions
        result["speaker_mentions"] = mentions
    if details:
        result["examples"] = examples
    return result


def evaluate_quotes(paths: Iterable[str | Path], settings: Settings, gold_path: Path = GOLD,
                    overlap: float = 0.5, baseline: bool = True, details: bool = False) -> dict:
    from ..analyse import analyse_articles
    from ..analyse.nlp import load_nlp
    from ..clean import clean_document
    from ..records import ReadError
    from ..sources import read_paths

    wanted = _load_gold(gold_path)
    articles = []
    for raw in read_paths(paths, settings):
        if isinstance(raw, ReadError) or raw.id not in wanted:
            continue
        articles.append(clean_document(raw))
    found = {a.id for a in articles}
    gold_by_article = {aid: quotes for aid, quotes in wanted.items() if aid in found}
    predicted: dict[str, list[dict]] = {}
    for article, analysis in zip(articles, analyse_articles(articles, settings)):
        predicted[article.id] = [{"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker,
                                  "speaker_text": q.speaker_text, "speaker_start": q.speaker_start,
                                  "speaker_end": q.speaker_end, "text": q.text} for q in analysis.quotes]
    result = {"gold": str(gold_path), "articles": len(gold_by_article),
              "gold_articles_not_found": sorted(set(wanted) - found), "overlap": overlap,
              "recoupe": _score(gold_by_article, predicted, overlap, details)}
    result["recoupe"]["by_gold_kind"] = _by_gold_kind(gold_by_article, predicted, overlap)
    # the same predictions matched as the Gender Gap Tracker matches, at its two thresholds, so that its
    # published figures can be read against these (its speaker match is looser: any overlap of the
    # speaker's span; this one asks for the resolved name)
    result["ggt_matching"] = {str(t): {k: v for k, v in _score(gold_by_article, predicted, t, False, _cover).items()
                                       if k in ("precision", "recall", "f1", "speaker_accuracy",
                                                "speaker_mention_accuracy")}
                              for t in (0.3, 0.8)}
    if baseline:
        nlp = load_nlp(settings.spacy_model)
        base = {a.id: [dict(q, text=a.text[q["start"]:q["end"]]) for q in _baseline(a.text, doc)]
                for a, doc in zip(articles, nlp.pipe(a.text for a in articles))}
        result["quotation_marks_baseline"] = _score(gold_by_article, base, overlap, False)
    return result


def _by_gold_kind(gold_by_article: dict[str, list[dict]], predicted_by_article: dict[str, list[dict]],
                  overlap: float) -> dict[str, dict]:
    """Recall and speaker accuracy over the gold quotes of each kind."""
    out = {}
    for kind in ("direct", "mixed", "indirect"):
        only = {aid: [g for g in qs if g["kind"] == kind] for aid, qs in gold_by_article.items()}
        scored = _score(only, predicted_by_article, overlap, False)
        out[kind] = {"gold": scored["gold_quotes"], "recall": scored["recall"],
                     "speaker_accuracy": scored["speaker_accuracy"]}
    return out


def _load_gold(path: Path) -> dict[str, list[dict]]:
    """The quotes of each article of a recoupe-quotes-gold/1 file."""
    gold = orjson.loads(Path(path).read_bytes())
    if gold.get("format") != "recoupe-quotes-gold/1" or not isinstance(gold.get("articles"), dict):
        raise ValueError(f"{path}: not a recoupe-quotes-gold/1 file")
    return {aid: entry["quotes"] for aid, entry in gold["articles"].items()}


def quote_agreement(path_a: Path, path_b: Path, overlap: float = 0.5, details: bool = False) -> dict:
    """Inter-annotator agreement between two quote annotations of the same articles, scored the way
    the extractor is (``b`` read as predictions against ``a``): F1 at character overlap, which is
    symmetric, and speaker agreement on the quotes both marked. It bounds what any system can score."""
    a, b = _load_gold(path_a), _load_gold(path_b)
    common = sorted(set(a) & set(b))
    if not common:
        raise ValueError(f"{path_a} and {path_b} share no article")
    first, second = {k: a[k] for k in common}, {k: b[k] for k in common}
    result = {"a": str(path_a), "b": str(path_b), "articles": len(common), "overlap": overlap,
              "agreement": _score(first, second, overlap, details)}
    result["agreement"]["by_kind_of_a"] = {kind: v["recall"]
                                           for kind, v in _by_gold_kind(first, second, overlap).items()}
    return result
