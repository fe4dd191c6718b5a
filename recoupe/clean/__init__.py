"""Clean: raw documents into ``Article`` records with repaired text and metadata fields."""
from .document import clean_document, parse_published

__all__ = ["clean_document", "parse_published"]
