"""Analyse: per-article NLP (language, sentences, entities, terms)."""
from .annotate import analyse_articles, entity_key
from .nlp import detect_language, load_nlp

__all__ = ["analyse_articles", "entity_key", "detect_language", "load_nlp"]
