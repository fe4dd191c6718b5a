"""Summarise: extractive summaries with citations, titles for events and storylines."""
from .extractive import Member, agreed_facts, event_title, shorten, summarise_event

__all__ = ["Member", "agreed_facts", "event_title", "summarise_event", "shorten"]
