"""Compare: numeric claims across the articles of an event or storyline (agreements, discrepancies)."""
from .claims import Claim, Subject, article_claims, build_subject, compare_claims, unit_key

__all__ = ["Claim", "Subject", "article_claims", "build_subject", "compare_claims", "unit_key"]
