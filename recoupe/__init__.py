"""recoupe: cross-check the news.

The Python API is the product; the CLI and the web app are thin shells over it::

    import recoupe
    doc, report = recoupe.brief(["examples/seeds"])        # a recoupe/1 document
    with recoupe.Store("news.db") as store:
        recoupe.ingest(["more/articles"], store)            # incremental
        doc = recoupe.export(store)
"""
__version__ = "0.1.0"

from .pipeline import IngestReport, brief, export, ingest  # noqa: E402
from .settings import Settings  # noqa: E402
from .store import Store  # noqa: E402

__all__ = ["brief", "ingest", "export", "Store", "Settings", "IngestReport", "__version__"]
