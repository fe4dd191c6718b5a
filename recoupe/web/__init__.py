"""``recoupe serve``: a web app and a REST API over a store (FastAPI, Jinja2, uvicorn).

``create_app(db, token=None)`` returns the ASGI app; see ``recoupe/web/app.py``.
"""
from .app import create_app

__all__ = ["create_app"]
