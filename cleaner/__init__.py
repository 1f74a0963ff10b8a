"""cleaner: strip site chrome from scraped web pages and emit clean article records."""

from .api import Cleaner, Outcome, RuleOptions, clean_html, clean_text
from .config import Config
from .document import Document, Line, Metadata, Removal, Status
from .errors import CleanerError, DecodeError, InputError, RuleFileError

__version__ = "0.1.0"

__all__ = [
    "Cleaner", "Outcome", "RuleOptions", "clean_html", "clean_text", "Config", "Document", "Line", "Metadata", "Removal", "Status",
    "CleanerError", "DecodeError", "InputError", "RuleFileError", "__version__",
]
