"""Why each heuristic removes what it removes: one line per heuristic id.

Rules carry their rationale in their TOML file (``rules/``); the heuristics
(code, not rule files) and the filters and error kinds have theirs here, so
that ``explain`` and the run report can say *why* for every id they show.
``tests/report/test_rationale.py`` checks that every ``heuristic.*`` and
``filter.*`` id in the code has an entry.
"""

from __future__ import annotations

from collections.abc import Mapping

HEURISTICS: dict[str, str] = {
    # header (cleaner/strippers/header.py)
    "heuristic.header.title": "The heading-like line just above the first body paragraph is the headline; it goes to 'title'.",
    "heuristic.header.breadcrumb": "A line that ends with the title printed again on the next line is a breadcrumb trail.",
    "heuristic.header.before-title": "What stands above the headline is site chrome: banners, menus, logos.",
    "heuristic.header.section": "A short line in the metadata block under the title names the section; it goes to 'sections'.",
    "heuristic.author-bio": "A line in the lower half of the article that opens with the author's name and 'is', 'has', "
                            "'writes' … is the author's bio box, not the story.",
    "heuristic.lead-label": "A short line that ends no sentence, left above the article's first sentence, is a label "
                            "(image alt text, kicker, section name), not the story.",
    "heuristic.tail-label": "A short line that ends no sentence, left below the article's last sentence, is a label "
                            "('Tags', a category, a share prompt), not the story.",
    "heuristic.header.standfirst": "A short line between the title and the byline or date under it is the standfirst "
                                   "(the summary printed with the headline); the story starts below the byline.",
    "heuristic.header.heading": "A heading-like line between the title and the body is a kicker or a standfirst label, not body text.",
    "heuristic.meta.byline": "A 'By Name' line is the byline; the names go to 'authors'.",
    "heuristic.meta.date": "A line that is only a date (and time) is the dateline; it goes to 'published'.",
    "heuristic.meta.name-byline": "A bare person's name next to the title is the byline; it goes to 'authors'.",
    # line-level heuristics
    "heuristic.repeated.caption": "A line printed twice in a row is a photo caption (alt text + caption); it goes to 'captions'.",
    "heuristic.repeated.copy": "A long line printed again further down (pull quote, repeated lede) keeps only its first copy.",
    "heuristic.separator": "A line of only separator characters (----, ***, ===) carries no text.",
    "heuristic.chrome-box": "A short line enclosed by two lines of one box rule (newsletter/cookie heading and button) is the box's pitch.",
    "heuristic.template.line": "A line that recurs across many different documents of one site is site template (banner, menu, footer).",
    # line classifier (cleaner/strippers/classifier.py): what best explains a low score
    "heuristic.region.outside": "The line lies outside the article region found by the classifier (maximum-subarray of line scores).",
    "heuristic.classifier.chrome-vocabulary": "Site-chrome words ('Share', 'Subscribe', 'Privacy Policy') make up much of the line.",
    "heuristic.classifier.link-list": "Separators or a bullet on a short line: a flattened menu or list of links.",
    "heuristic.classifier.teaser": "The line is cut off ('…', 'Read more'): a teaser of another story.",
    "heuristic.classifier.credit": "A parenthesised credit ('(Photo: Agency)') is not body text.",
    "heuristic.classifier.date": "A short line dominated by a date is a timestamp of a list item or teaser.",
    "heuristic.classifier.repeated": "The line repeats elsewhere in the page: navigation or a teaser, not the story.",
    "heuristic.classifier.short-run": "One of a run of short lines: a menu, tag cloud or list of headlines.",
    "heuristic.classifier.teaser-list": "Headline-like lines in a row: a list of teasers for other stories.",
    "heuristic.classifier.low-score": "The classifier's score (link words, stopwords, length, punctuation, context) says chrome.",
    # HTML inputs (cleaner/html/steps.py): what the page's markup says
    "html.figcaption": "The line is the text of a <figcaption> of the page: a photo caption; it goes to 'captions'.",
    "html.title": "The page's headline repeated at the top of the extracted text; it goes to 'title'.",
    "html.byline": "A byline naming the page's declared or visible author, at the top of the extracted text; it goes to 'authors'.",
    "html.date": "A line that is only a date, at the top of the extracted text: the dateline.",
    # other steps
    "metadata.container-fallback": "The WARC record's date stands in for a publication date when the page gives none.",
}

#: filters and error kinds (the reason_id of rejects)
REASONS: dict[str, str] = {
    "filter.no-article": "Nothing is left after stripping: an index page, an error page, a login wall or an empty input.",
    "filter.too-short": "Fewer words than min_article_words are left: not enough for an article.",
    "filter.no-prose": "No line left reads as a sentence: a list of headlines or links, not an article.",
    "error.input": "The input could not be read or decoded (missing, binary, corrupt gzip, damaged WARC).",
    "error.html-too-large": "The HTML page is larger than HtmlConfig.max_html_chars: rejected before parsing.",
    "error.html-unparsable": "The HTML could not be parsed (empty or not HTML).",
    "error.internal": "A step failed on this document; the run went on (please report it).",
    # the kinds of unreadable input (README, "Reliability")
    "error.empty": "The input is empty or holds only white space.",
    "error.binary": "The input is binary (an image, a PDF, an archive), not text.",
    "error.gzip": "The gzip data is truncated or corrupt.",
    "error.too-large": "The input (or what its gzip data decompresses to) is over the size cap, max_input_bytes.",
    "error.unreadable": "The file could not be read: permission denied, vanished, a broken link or loop, not a regular file.",
    "error.timeout": "Reading or cleaning the input took longer than the time cap, max_seconds_per_document.",
}

#: rationale for ids not listed above, by their prefix (heuristics added later still get a line)
PREFIXES: dict[str, str] = {
    "heuristic.classifier.": "The line classifier scored the line as chrome.",
    "heuristic.header.": "Part of the page header (breadcrumb, title block) rather than the article.",
    "heuristic.meta.": "A metadata line (byline, date); its content went to the record's metadata.",
    "heuristic.": "A built-in heuristic removed the line.",
    "filter.": "A filter dropped the document.",
    "error.": "The document could not be processed.",
    "dedup.": "A copy of another document in the run.",
}


def rationale(rule_id: str, rules: Mapping | None = None) -> str | None:
    """The one-line rationale of a rule, heuristic, filter or error id: the rule
    file's for rules, the tables above for the rest (by longest prefix last).

    >>> rationale("heuristic.separator")
    'A line of only separator characters (----, ***, ===) carries no text.'
    >>> rationale("heuristic.classifier.new-kind")
    'The line classifier scored the line as chrome.'
    >>> rationale("site.unknown") is None
    True
    """
    if rules and rule_id in rules:
        return rules[rule_id].rationale
    if rule_id in HEURISTICS:
        return HEURISTICS[rule_id]
    if rule_id in REASONS:
        return REASONS[rule_id]
    for prefix in sorted(PREFIXES, key=len, reverse=True):
        if rule_id.startswith(prefix):
            return PREFIXES[prefix]
    return None


def origin(rule_id: str, rules: Mapping | None = None) -> str:
    """Where an id is defined: ``file:line`` of a rule, else the kind of id.

    >>> origin("heuristic.separator"), origin("filter.too-short")
    ('built-in heuristic', 'filter')
    """
    if rules and rule_id in rules:
        return rules[rule_id].where
    if rule_id.startswith("filter."):
        return "filter"
    if rule_id.startswith("error."):
        return "error"
    return "built-in heuristic"
