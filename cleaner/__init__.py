"""cleaner: strip site chrome from scraped web pages and emit clean article records.

The library API (see the README, "Library")::

    from cleaner import Cleaner, clean_html, clean_text

    doc = clean_text(scraped_text)       # doc.text, doc.meta, doc.removals, doc.status
    doc = clean_html(page_html, url=url)
    cleaner = Cleaner()                  # reuse for many documents
    outcome = cleaner(text, source="id") # as a step: outcome.record, or outcome.reject
"""

from .api import Cleaner, Outcome, RuleOptions, clean_html, clean_text
from .config import Config
from .document import Document, Line, Metadata, Removal, Status
from .errors import CleanerError, DecodeError, InputError, RuleFileError

__version__ = "0.1.0"

__all__ = [
    "Cleaner", "Outcome", "RuleOptions", "clean_html", "clean_text", "Config", "Document", "Line", "Metadata", "Removal", "Status",
    "CleanerError", "DecodeError", "InputError", "RuleFileError", "__version__",
]
