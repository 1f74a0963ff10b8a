"""Steps for text extracted from HTML: what the page's markup already told us.

trafilatura's text has little chrome left; the text classifier (fitted on raw
scrapes) removes good paragraphs from it, so the HTML step list
(:func:`cleaner.api.default_steps`) is gentler: the rules, then these steps,
which use the page's facts (:class:`cleaner.html.metadata.PageFacts`) instead of
guessing from the text:

* :class:`PageCaptions`: lines that are a ``<figcaption>`` of the page are
  removed into ``captions``; the page's other figcaptions are listed too;
* :class:`PageHeader`: near the top, a line that is the headline
  (``meta.title``), a byline ("By Jane Roe", or the known author names) or a
  date line is removed into its field;
* :class:`PageLanguage`: langdetect on the clean text, the page's declared
  ``lang`` only as a tie-breaker (when langdetect is unsure).
"""

from __future__ import annotations

import re
import unicodedata

from ..document import Document
from ..metadata.authors import parse_byline
from ..metadata.dates import date_line
from ..metadata.language import LanguageDetector, language_sample
from ..steps import Annotator, Stripper
from .config import HtmlConfig

_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


class PageCaptions(Stripper):
    name = "html.captions"

    def strip(self, doc: Document) -> None:
        captions = (doc.page or {}).get("captions")
        if not captions:
            return
        folded = {_fold(c): c for c in captions}
        for line in doc.kept_lines():
            caption = folded.get(_fold(line.text))
            if caption and doc.remove(line, "html.figcaption", "the text of a <figcaption> of the page", field="captions"):
                doc.add_to_list("captions", caption, line)
        for caption in captions:
            if caption not in doc.meta.captions:
                doc.meta.captions.append(caption)


class PageHeader(Stripper):
    name = "html.header"

    def __init__(self, config: HtmlConfig = HtmlConfig()):
        self.config = config

    def strip(self, doc: Document) -> None:
        title = _fold(doc.meta.title) if doc.meta.title else None
        authors = {_fold(a) for a in doc.meta.authors}
        for line in doc.kept_lines()[: self.config.header_lines]:
            folded = _fold(line.text)
            short = len(line.text.split()) <= self.config.byline_max_words
            if title and folded == title:
                doc.remove(line, "html.title", "the page's headline, repeated at the top of the text", field="title")
            elif short and authors and (folded in authors or set(_fold(n) for n in parse_byline(line.text) or ()) & authors):
                doc.remove(line, "html.byline", "a byline naming the page's author", field="authors")
            elif short and date_line(line.text) is not None:
                found = date_line(line.text)
                same = bool(found.iso and doc.meta.published and doc.meta.published.startswith(found.iso[:10]))
                doc.remove(line, "html.date", f"a date line above the article ({found.raw})", field="published" if same else None)


class PageLanguage(Annotator):
    """Language of the clean text; the page's declared language decides only
    when langdetect is unsure (best probability under ``declared_lang_below_prob``)
    and names the declared language among its candidates."""

    name = "html.language"

    def __init__(self, detector: LanguageDetector, sample_chars: int, min_prob: float, config: HtmlConfig = HtmlConfig()):
        self.detector, self.sample_chars, self.min_prob, self.config = detector, sample_chars, min_prob, config

    def annotate(self, doc: Document) -> None:
        candidates = self.detector.candidates(language_sample(doc.text, self.sample_chars))
        declared = (doc.page or {}).get("declared_lang")
        code, prob = candidates[0] if candidates else (None, None)
        confirmed = False
        if declared and (prob is None or prob < self.config.declared_lang_below_prob):
            for lang, p in candidates:
                if lang.split("-")[0] == declared:
                    code, prob, confirmed = lang, p, True  # langdetect's candidate, confirmed by the page
                    break
        if code is not None and prob is not None and (confirmed or prob >= self.min_prob):
            doc.meta.language = code.split("-")[0] if code not in ("zh-cn", "zh-tw") else code
            doc.meta.language_prob = prob
