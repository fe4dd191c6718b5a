"""Group: near-duplicates, events and storylines, incrementally, in the store."""
from .grouper import Grouper

__all__ = ["Grouper"]
