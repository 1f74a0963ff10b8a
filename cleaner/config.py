"""Every threshold of cleaner, in one typed place, named for what it controls.

Make a variant with :func:`dataclasses.replace`::

    >>> from dataclasses import replace
    >>> strict = replace(Config(), min_article_words=50)
    >>> strict.min_article_words
    50

The line classifier has its own block of thresholds
(:class:`cleaner.strippers.classifier.ClassifierConfig`), held here as
``classifier`` so that one object configures a run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .corpus.templates import TemplateConfig
from .dedup.config import DedupConfig
from .html.config import HtmlConfig
from .strippers.classifier import ClassifierConfig


@dataclass(frozen=True, slots=True)
class InputConfig:
    """How JSONL inputs from other pipelines are read (``--text-field`` ...).
    A dotted name reaches into nested objects (``metadata.url``)."""

    #: the field that holds the document's text
    text_field: str = "text"
    #: the field whose value names the document (its ``source`` becomes ``FILE#ID``)
    id_field: str = "id"
    #: the field that holds the page URL (becomes ``url`` and ``site``)
    url_field: str = "url"


@dataclass(frozen=True, slots=True)
class Config:
    # --- reading ---------------------------------------------------------
    #: inputs larger than this (after decompression) are rejected, not read
    max_input_bytes: int = 50_000_000
    #: share of NUL / control characters above which decoded bytes are "binary"
    binary_control_ratio: float = 0.05
    #: field names of JSONL inputs
    inputs: InputConfig = field(default_factory=InputConfig)
    #: reading + cleaning one input may take at most this many seconds, else it fails with error.timeout (0: no limit)
    max_seconds_per_document: float = 60.0

    # --- repeated paragraphs (photo captions printed twice) ---------------
    #: a line printed twice in a row is a caption when it has at least this many words
    caption_repeat_min_words: int = 6

    # --- template lines across documents (a first pass over the inputs) -------------
    #: find lines that recur across different documents of a site and remove them (cleaner.corpus.templates)
    template_lines: bool = True
    #: the thresholds of template-line detection
    templates: TemplateConfig = field(default_factory=TemplateConfig)

    # --- deduplication across the corpus (a corpus stage of the run, cleaner.dedup) ----
    #: mode (exact / near), threshold, shingle size, MinHash permutations, LSH bands and rows
    dedup: DedupConfig = field(default_factory=DedupConfig)

    # --- chrome boxes (newsletter, cookie notice) ----------------------------------
    #: rules whose lines form a box: a line enclosed by two of their lines is part of the box
    box_rule_ids: tuple[str, ...] = ("generic.newsletter-signup", "generic.newsletter-box", "generic.cookie-notice")
    #: an enclosed line is removed only when it has at most this many words
    box_max_words: int = 20
    #: the box's heading and button are among the first this-many box lines above and below the enclosed line
    box_edge_reach: int = 2

    # --- header: title, byline, date --------------------------------------
    #: a "body" line (the first paragraph) has at least this many words
    body_min_words: int = 12
    #: only the first this many lines are searched for the title and the first paragraph
    header_search_lines: int = 80
    #: bylines and date lines are looked for above the first body paragraph and this many lines below it
    meta_lines_after_body: int = 3
    #: after the classifier, the title is looked for among this many lines above the article's first line
    title_region_reach: int = 40
    #: ... and among this many lines from the article's first line on (a headline the classifier kept)
    title_inside_reach: int = 8
    #: a title candidate printed again (alone or inside a longer line) this many lines away or closer is
    #: "echoed near" (a breadcrumb ending with it, the headline repeated above the text): a ranking feature
    title_echo_reach: int = 8
    #: a title candidate of ten words or more that ends like a sentence is prose, unless at least this share
    #: of its words of four letters or more are capitalised (a headline in title case that ends with a full stop)
    title_case_share: float = 0.8
    #: at most this many dates of a page are ranked for ``published`` (the first ones)
    date_max_candidates: int = 60
    #: names for ``authors`` are looked for in this many first lines of a page
    byline_max_lines: int = 2000
    #: added to the score of the *no author* candidate of the byline ranking (``cleaner/data/byline_model.json``):
    #: lower names someone on more pages. Cross-validated on wcxb-dev whole-page text (549 pages with gold
    #: authors, 159 without): 0 -> 0.668 of the authored pages right, a name on 20 of the others; -0.5 -> 0.694
    #: and 29, the most pages right in all (511 of 708); -1 -> 0.707 and 53
    byline_none_offset: float = -0.5
    #: after the classifier, a bare name among this many lines above the article is the byline (when none was found)
    byline_region_reach: int = 15
    #: a bare name this many lines or fewer from the title is taken for the byline
    name_byline_distance: int = 3
    #: a title line has at most this many words
    title_max_words: int = 30
    #: score lost per line between a title candidate and the first body paragraph
    title_distance_penalty: float = 0.1
    #: score gained by a title candidate that is the first line left (main-content scrapes start with the headline)
    title_first_line_bonus: float = 1.0
    #: a breadcrumb line has at most this many words before the title it ends with
    breadcrumb_max_prefix_words: int = 6
    #: a section line in the metadata block under the title has at most this many words
    meta_block_max_words: int = 6
    #: a line between the title and the body of at least this many words ...
    heading_prose_min_words: int = 15
    #: ... with at least this share of stopwords reads as prose (a sentence without its full stop): it stays
    heading_prose_min_stopwords: float = 0.25
    #: lines of standfirst_min_words to standfirst_max_words between the title and a byline or date line
    #: at most standfirst_reach lines below it are the standfirst, not the story
    standfirst_reach: int = 4
    standfirst_min_words: int = 4
    standfirst_max_words: int = 40
    #: above a title the header guessed, a line of at least this many words that reads as prose (as above)
    #: is a paragraph that lost its full stop, left to the classifier; shorter lines above the title go
    prose_above_title_min_words: int = 40

    # --- line classifier ------------------------------------------------------
    #: the classifier's own thresholds (region search, keep threshold, context revision)
    classifier: ClassifierConfig = field(default_factory=ClassifierConfig)
    #: the classifier runs again on what it kept until a pass removes nothing, at most this often
    classifier_max_passes: int = 4

    # --- trailing sections ("More in News") ---------------------------------
    #: a trailing section is cut only when at least this many body words precede it
    section_cut_min_words_before: int = 50
    #: a heading the classifier already removed starts a cut only if the kept words after it are at most
    #: this share of the kept words before it (a trailing list, not half the article)
    section_cut_removed_heading_max_after: float = 0.3
    #: a cut_section rule with ``stop_at_prose`` ends where this many kept paragraphs in a row ...
    section_cut_prose_resume_lines: int = 2
    #: ... each of at least this many words and ending a sentence, follow: the article resumes
    section_cut_prose_min_words: int = 30

    # --- author bios -----------------------------------------------------------
    #: a bio ("Jane Roe is a reporter …") is looked for from this share of the kept lines on
    author_bio_from_share: float = 0.5
    #: a bio line has at most this many words
    author_bio_max_words: int = 120

    # --- labels at the edges of the article ---------------------------------------
    #: a kept line above the article's first sentence or below its last that ends no sentence and
    #: has at most this many words is a leftover label (alt text, kicker, section name, "Tags") ...
    edge_label_max_words: int = 20
    #: ... when at most this many of them stand above the first sentence ...
    lead_label_max_lines: int = 3
    #: ... or at most this many below the last one ...
    tail_label_max_lines: int = 3
    #: ... and at least this many kept lines remain
    edge_label_min_lines_left: int = 2

    # --- language ------------------------------------------------------------
    #: characters of clean text given to the language detector (speed vs accuracy)
    language_sample_chars: int = 1000
    #: "auto" (langdetect-rs when installed, else langdetect), "langdetect" or "langdetect-rs"
    language_backend: str = "auto"
    #: below this probability the language is reported as None
    language_min_prob: float = 0.5

    # --- HTML inputs (cleaner.html) ----------------------------------------------
    #: limits, trafilatura settings, fallback and metadata thresholds of the HTML path
    html: HtmlConfig = field(default_factory=HtmlConfig)

    # --- filters ---------------------------------------------------------------
    #: a kept article needs at least this many words, else it is dropped
    min_article_words: int = 25
    #: an article has at least one sentence of this many words (a line ending with . ! ? …)
    prose_min_words: int = 8
