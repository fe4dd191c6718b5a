"""The one cached loader of language models, and language identification."""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


_CLOSERS = {'"', "»", "”", ")", "]"}
_ENDS_SENTENCE = re.compile(r"[.!?…:;»\"”)\]]$")


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Constrain the parser's sentence boundaries: a line break always ends a sentence, and a
    sentence never starts after a token that cannot end one (the parser alone splits
    "d'état-major" and cuts an opening « from its quote)."""
    previous = None
    for token in doc:
        if previous is not None:
            text = previous.text
            if previous.is_space and "\n" in text:
                token.is_sent_start = True
            elif not (token.is_space or _ENDS_SENTENCE.search(text)):
                token.is_sent_start = False
            elif token.text in ("»", "”") or (token.text in _CLOSERS and not previous.whitespace_):
                token.is_sent_start = False  # `définition."`: the closing quote belongs to its sentence
        previous = token
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline once per process (models are package dependencies: no download)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise RuntimeError(f"spaCy model {model!r} is not installed; reinstall recoupe "
                           f"(it is a package dependency): {exc}") from exc
    if "parser" in nlp.pipe_names and "paragraph_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid, offline, bundled model)."""
    import py3langid

    sample = text[:3000]
    if not sample.strip():
        return "und"
    code, _ = py3langid.classify(sample)
    return code
