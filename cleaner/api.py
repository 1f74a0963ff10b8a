"""The library API: :class:`Cleaner`, :func:`clean_text` and :func:`clean_html`.

A :class:`Cleaner` holds what a run owns (config, rules, the language model)
and can be used as a step inside another pipeline: one text in, one record or
one rejection out, no file system involved.

>>> cleaner = Cleaner()
>>> doc = cleaner.clean_text("Home News Big storm hits coast\\n\\nBig storm hits coast\\n\\n"
...     "A big storm hit the coast on Monday, cutting power to thousands of homes along the bay, officials said.\\n\\n"
...     "Crews worked through the night to restore the lines and clear fallen trees from the roads, and most "
...     "homes had power again by the morning, although some villages in the hills could wait until Friday.\\n\\n"
...     "The weather service said the storm was the strongest to reach the coast in a decade.")
>>> doc.meta.title, doc.status.value
('Big storm hits coast', 'kept')

As a step of another pipeline, a Cleaner is a callable: a text (or HTML, or a
:class:`Document`) in, an :class:`Outcome` out, with the output record or the
rejection:

>>> outcome = cleaner("Too short to be an article.", source="upstream-42")
>>> outcome.kept, outcome.reject["reason_id"]
(False, 'filter.too-short')
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .config import Config
from .corpus.templates import TemplateIndex, TemplateStripper
from .document import Document, Status
from .errors import InputError
from .filters import NoArticle, NoProse, TooShort
from .metadata.byline import BylineCandidates, RankedAuthors
from .metadata.captions import TrailingCaptions
from .metadata.fallback import ContainerFallback
from .metadata.language import LanguageAnnotator, LanguageDetector
from .metadata.published import DateCandidates, RankedDate
from .metadata.title import RankedTitle, TitleCandidates
from .pipeline import Pipeline
from .readers import discover, input_kind, read_bytes
from .ruleset import RuleSet, builtin_rules_dir, load_rules
from .steps import Step
from .strippers.author_bio import AuthorBio
from .strippers.boxes import ChromeBoxes
from .strippers.classifier import LineClassifier
from .strippers.header import HeaderStripper
from .strippers.lead import EdgeLabels
from .strippers.lines import ClassifierStripper
from .strippers.repeated import RepeatedParagraphs
from .strippers.rules import RuleStripper, SectionCutter
from .strippers.separators import Separators
from .writers import to_record, to_reject


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """Which rules a run uses: the built-in ones (optionally without their
    site-scoped rules) plus the user's folders."""

    builtin: bool = True
    site_rules: bool = True
    extra_dirs: tuple[str, ...] = field(default_factory=tuple)

    def load(self) -> RuleSet:
        dirs: list[str | os.PathLike] = []
        if self.builtin:
            dirs.append(builtin_rules_dir())
        dirs.extend(self.extra_dirs)
        rules = load_rules(dirs)
        return rules if self.site_rules else rules.without_site_rules()


class RunResources:
    """Word lists (stoplists, chrome vocabulary) shared by the steps of one
    run, loaded on first use; owned by the run, never by the import."""

    def __init__(self):
        self._resources = None
        self._models: dict = {}

    def get(self):
        if self._resources is None:
            from .strippers.line_features import load_resources

            self._resources = load_resources()
        return self._resources

    def model(self, field: str):
        """The ranking model of a metadata field ("title", "date", "byline", "html_date"), loaded once per run
        from ``cleaner/data/<field>_model.json``."""
        if field not in self._models:
            from .html.dates import FEATURES as HTML_DATE
            from .metadata.byline import FEATURES as BYLINE
            from .metadata.published import FEATURES as DATE
            from .metadata.ranking import RankingModel
            from .metadata.title import FEATURES as TITLE

            features = {"title": TITLE, "date": DATE, "byline": BYLINE, "html_date": HTML_DATE}[field]
            self._models[field] = RankingModel.load(f"{field}_model.json", features)
        return self._models[field]

    def is_chrome_line(self, text: str) -> bool:
        """Chrome vocabulary covers half the line's words or more ("Share",
        "Privacy Policy", "5 min read")."""
        from .strippers.line_features import WORD, chrome_match

        tokens = WORD.findall(text)
        covered, _ = chrome_match(tokens, self.get())
        return bool(tokens) and covered * 2 >= len(tokens)


def html_steps(config: Config, rules: RuleSet, detector: LanguageDetector, resources: RunResources) -> list[Step]:
    """The pipeline for text that trafilatura extracted from a page
    (``kind == "html"``): gentler than the text list, whose line classifier,
    fitted on raw scrapes, removes good paragraphs from extracted text (measured:
    docs/algorithm.md, HTML section). The page's fallback text
    (``html-page-text``) takes the text list."""
    from .html.dates import RankedHtmlDate
    from .html.steps import PageCaptions, PageHeader, PageLanguage

    return [
        RuleStripper(rules, config),
        PageCaptions(),
        RankedHtmlDate(resources.model("html_date")),
        PageHeader(config.html),
        PageLanguage(detector, config.language_sample_chars, config.language_min_prob, config.html),
        ContainerFallback(),
        NoArticle(),
    ]


def default_steps(config: Config, rules: RuleSet, detector: LanguageDetector, resources: RunResources,
                  templates: TemplateIndex | None = None) -> list[Step]:
    """The standard pipeline for one document, in order. ``templates`` is the
    template-line index of the run's inputs (a first pass builds it)."""
    header = HeaderStripper(config, chrome=resources.is_chrome_line, stopwords=resources.get().merged_stoplist)
    return [
        RuleStripper(rules, config),
        ChromeBoxes(config),
        RepeatedParagraphs(config),
        Separators(),
        header,
        # after the header: a site's byline and date lines recur too, and must become metadata first
        *([TemplateStripper(templates)] if templates is not None else []),
        ClassifierStripper(LineClassifier(config.classifier, resources=resources.get()), detector, config),
        SectionCutter(rules, config),
        TrailingCaptions(),
        RankedTitle(TitleCandidates(config, resources.is_chrome_line, resources.get().merged_stoplist), resources.model("title")),
        RankedDate(DateCandidates(config), resources.model("date")),
        RankedAuthors(BylineCandidates(config, header.name_like, resources.is_chrome_line, header.stopwords or frozenset()),
                      resources.model("byline")),
        AuthorBio(config),
        EdgeLabels(config),
        LanguageAnnotator(config, detector),
        ContainerFallback(),
        NoArticle(),
        TooShort(config),
        NoProse(config),
    ]


#: what builds the step list of text scrapes: ``default_steps`` or a caller's function of the same
#: arguments (a module-level function, so that worker processes and Ray actors can import it)
StepsFactory = Callable[[Config, RuleSet, LanguageDetector, RunResources, "TemplateIndex | None"], list[Step]]


class Cleaner:
    """A configured cleaner. Build once, use for many documents.

    ``steps`` changes the step list of text scrapes for every run of this
    cleaner, folder runs on worker processes and Ray included: a module-level
    function with the arguments of :func:`default_steps` that returns the list
    (for example ``default_steps``'s list with a step added or removed).
    Editing ``cleaner.pipeline.steps`` in place reaches only the documents
    this process cleans itself (``clean_text``, ``clean_document``, ``__call__``):
    a folder run builds its pipeline again, with the template-line index."""

    def __init__(self, config: Config = Config(), rules: RuleSet | None = None, rule_options: RuleOptions = RuleOptions(),
                 steps: StepsFactory | None = None):
        self.config = config
        self.rules = rules if rules is not None else rule_options.load()
        self.steps = steps if steps is not None else default_steps
        self.detector = LanguageDetector(backend=config.language_backend)
        self.resources = RunResources()
        self.pipeline = self.build_pipeline()

    def build_pipeline(self, templates: TemplateIndex | None = None) -> Pipeline:
        steps = self.steps(self.config, self.rules, self.detector, self.resources, templates)
        # the HTML fallback (the page's paragraphs) is cleaned as a text scrape, but its metadata came from the markup,
        # and it may be one paragraph (JSON-LD articleBody, the <article> text) that does not end like a sentence
        from .html.dates import RankedHtmlDate

        page_text = [RankedHtmlDate(self.resources.model("html_date")),
                     *(step for step in steps if not isinstance(step, (RankedTitle, RankedDate, RankedAuthors, NoProse)))]
        by_kind = {"html": html_steps(self.config, self.rules, self.detector, self.resources), "html-page-text": page_text}
        return Pipeline(steps, self.config, steps_by_kind=by_kind)

    @property
    def stats(self):
        return self.pipeline.stats

    def clean_document(self, doc: Document) -> Document:
        return self.pipeline.process(doc)

    def clean_text(self, text: str, source: str = "<text>") -> Document:
        """Clean a text scrape given as a string."""
        return self.pipeline.process(Document.from_text(source, text.replace("\r\n", "\n").replace("\r", "\n")))

    def clean_bytes(self, data: bytes, source: str, kind: str = "text") -> Document:
        """Clean raw bytes (any encoding, gzip allowed). Never raises for bad
        input: an unreadable input comes back with ``status`` error and a reason."""
        try:
            doc = read_bytes(data, source, kind=kind, config=self.config)
        except InputError as exc:
            doc = Document.unreadable(source, exc.reason, exc.reason_id)
            self.pipeline.stats.count(doc)
            return doc
        return self.pipeline.process(doc)

    def clean_html(self, html: str | bytes, source: str = "<html>", url: str | None = None) -> Document:
        """Clean an HTML page given as a string (or bytes in any encoding): the
        article is extracted (trafilatura), then cleaned like a text scrape.
        ``url``, when given, becomes the record's ``url`` and ``site`` (and
        scopes site rules). Never raises for bad input: see ``status``."""
        try:
            data = html if isinstance(html, bytes) else html.encode("utf-8")
            doc = read_bytes(data, source, kind="html", config=self.config)
        except InputError as exc:
            doc = Document.unreadable(source, exc.reason, exc.reason_id)
        except Exception as exc:  # the HTML parser failed on this page: a record, not a crash
            doc = Document.unreadable(source, f"HTML extraction failed: {type(exc).__name__}: {exc}")
        if url and doc.status is Status.KEPT:
            from urllib.parse import urlsplit

            doc.meta.url, doc.meta.site = url, urlsplit(url).hostname
        if doc.status is not Status.KEPT:
            self.pipeline.stats.count(doc)
            return doc
        return self.pipeline.process(doc)

    def __call__(self, item: str | bytes | Document, *, source: str = "<text>", html: bool = False, url: str | None = None) -> Outcome:
        """Clean one document as a step of another pipeline, without touching
        the file system: ``item`` is a text scrape, an HTML page (``html=True``;
        bytes are taken for HTML) or a :class:`Document` made by the caller.
        Returns an :class:`Outcome`: the output record, or the rejection."""
        if isinstance(item, Document):
            doc = self.pipeline.process(item)
        elif html or isinstance(item, bytes):
            doc = self.clean_html(item, source=source, url=url)
        else:
            doc = Document.from_text(source, item.replace("\r\n", "\n").replace("\r", "\n"))
            if url:  # before cleaning: the URL's host scopes site rules
                from urllib.parse import urlsplit

                doc.meta.url, doc.meta.site = url, urlsplit(url).hostname
            doc = self.pipeline.process(doc)
        return Outcome(doc)

    def run(self, paths: Iterable[str | os.PathLike]) -> Iterator[Document]:
        """Clean every input under ``paths`` (files or folders): files in sorted
        order, the documents of a WARC or JSONL file in file order.

        With ``Config.template_lines`` (the default) the inputs are read twice:
        a first pass maps every document into the template-line index (map →
        reduce, memory-bounded), the second cleans them with it."""
        files = list(discover(paths))
        return self.corpus_pipeline(files).run(files)

    def corpus_pipeline(self, files: list[str]) -> Pipeline:
        """The pipeline that cleans ``files``: with template lines, a first
        pass over them builds the template-line index it uses. (A resumed
        run, cleaner.checkpoint, drives it file by file itself.)"""
        pipeline = self.pipeline
        # template lines are a text-scrape step: HTML inputs are not read twice (their extraction is the costly part)
        text_files = [path for path in files if input_kind(path) != "html"]
        if self.config.template_lines and text_files:
            index = TemplateIndex(self.config.templates)
            for path in text_files:
                for doc in pipeline.read_all(path):
                    if doc.status is Status.KEPT:
                        index.add_document(doc)
            pipeline = self.build_pipeline(index.compact())
            pipeline.stats = self.pipeline.stats  # one set of counters for the Cleaner
        return pipeline


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a :class:`Cleaner` made of one document: ``record`` (the output
    record, as in the JSONL output) when kept, else ``reject`` (status,
    ``reason_id``, reason). ``document`` has everything (removals, metadata)."""

    document: Document

    @property
    def kept(self) -> bool:
        return self.document.status is Status.KEPT

    @property
    def record(self) -> dict | None:
        return to_record(self.document) if self.kept else None

    @property
    def reject(self) -> dict | None:
        return None if self.kept else to_reject(self.document)


def clean_html(html: str | bytes, url: str | None = None, **options) -> Document:
    """Clean one HTML page with the default configuration: the article text in
    ``.text``, metadata in ``.meta``, every removal in ``.removals``.

    ``options`` go to :class:`Cleaner`; for many pages build one and reuse it.
    """
    return Cleaner(**options).clean_html(html, url=url)


def clean_text(text: str, **options) -> Document:
    """Clean one text scrape with the default configuration.

    ``options`` go to :class:`Cleaner`. For many documents build one
    :class:`Cleaner` and reuse it (it loads rules and the language model once).
    """
    return Cleaner(**options).clean_text(text)
