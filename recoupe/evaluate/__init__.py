"""Evaluation against labelled data: ``recoupe eval``."""
