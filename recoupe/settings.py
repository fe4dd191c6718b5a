"""Every threshold and weight of the pipeline, in one place.

Values are chosen by measurement on the dev corpora (``recoupe eval``); the comment beside each
says what it controls.  Override from Python with ``dataclasses.replace(Settings(), ...)`` or from
the CLI with ``--set name=value``.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    # --- reading -------------------------------------------------------------------------
    max_file_bytes: int = 200 * 1024 * 1024   # a .txt/.html/.json file larger than this is refused
    max_article_chars: int = 300_000          # one article's cleaned text over this is refused (≈ 60 pages)
    max_html_chars: int = 10_000_000          # an HTML page over this is refused before extraction
    max_jsonl_line_bytes: int = 5 * 1024 * 1024  # one JSONL line over this is refused

    # --- analysis ------------------------------------------------------------------------
    spacy_model: str = "fr_core_news_md"
    nlp_batch_size: int = 32

    # --- duplicates (MinHash LSH over word shingles) --------------------------------------
    shingle_size: int = 3
    minhash_permutations: int = 128
    duplicate_threshold: float = 0.45         # estimated Jaccard of 3-word shingles to call a copy (10%-edited copy ≈ 0.6; two outlets on one event < 0.1)

    # --- storylines: what an article is about (online clustering, index candidates) ----------
    storyline_threshold: float = 0.16
    storyline_window_days: int = 60           # a storyline accepts articles this far from its dates
    storyline_weight_text: float = 0.6        # TF-IDF cosine of the whole text
    storyline_weight_entities: float = 0.2    # TF-IDF cosine of named entities
    storyline_weight_semantic: float = 0.2    # multilingual embedding of title + lead (USE)
    refine_passes: int = 2                    # second looks at each ingested batch (0: purely online)
    refine_margin: float = 0.0                # second look: another storyline must beat the own one by this
    embedding_floor: float = 0.3              # embedding cosine that counts as unrelated
    salient_terms: int = 30                   # index keys taken from each article
    profile_terms: int = 300                  # terms kept in a storyline's or event's profile
    candidates_per_key: int = 20              # storylines fetched per index key (those that used it most recently, within the window)
    max_candidates: int = 8                   # storyline candidates scored per article, most evidence first (rpm2-dev: 2 already give 1.000)
    candidate_evidence: float = 0.3           # …and only those with this share of the best one's evidence, the idf of the keys shared (rpm2-dev: the chosen one has ≥ 0.58)
    max_event_candidates: int = 60            # most recent events of the storyline scored per article
    idf_cache_keys: int = 200_000             # document frequencies kept in memory while grouping (two generations of this many)
    grouping_page_cache_mb: int = 64          # SQLite page cache of the store while grouping (its indexes are read at random)

    # --- events: the same happening, inside a storyline -------------------------------------
    event_threshold: float = 0.33             # similarity needed to join an event
    event_window_days: int = 7                # an event accepts dated articles this far from its dates
    weight_lead: float = 0.5                  # TF-IDF cosine of title + lead (what the news is)
    weight_text: float = 0.3                  # TF-IDF cosine of the whole text
    weight_entities: float = 0.2              # TF-IDF cosine of named entities
    weight_time: float = 0.33                 # bonus for dated articles within the window (0 at its edge)
    title_weight: float = 2.0                 # title terms count this many times
    lead_sentences: int = 3                   # sentences that make the lead

    # --- summary -------------------------------------------------------------------------
    summary_words: int = 100                  # word budget of an event summary
    summary_weight_centrality: float = 0.5    # cosine of the sentence to the event's centroid
    summary_weight_position: float = 0.6      # early sentences (the lead) carry the news
    summary_weight_support: float = 0.2       # share of the other independent sources that say it
    summary_redundancy: float = 0.4           # max cosine between two summary sentences
    timeline_entries: int = 8                # most dated statements on an event's timeline
    agreed_facts: int = 8                     # most agreed statements listed per event
    support_threshold: float = 0.5            # TF-IDF cosine at which another article "says" a sentence…
    support_overlap: float = 0.6              # …and holds this share of the sentence's content words

    # Quotes (who said what)
    quotes: bool = True                       # the quotes stage (off: no quotes, speakers or same_as)
    quote_same_threshold: float = 0.8         # embedding cosine at which two quotes of one speaker are one utterance
    quote_same_overlap: float = 0.7           # …or this share of the shorter quote's content words in the other

    extra: dict = field(default_factory=dict)

    def with_overrides(self, pairs: dict[str, str]) -> "Settings":
        """Return a copy with ``name=value`` strings applied, converted to each field's type."""
        changes = {}
        fields = {f.name: f for f in dataclasses.fields(self)}
        for name, raw in pairs.items():
            if name not in fields or name == "extra":
                raise ValueError(f"unknown setting {name!r}; known: {', '.join(sorted(fields))}")
            current = getattr(self, name)
            changes[name] = type(current)(raw)
        return dataclasses.replace(self, **changes)


DEFAULT_SETTINGS = Settings()
