"""The header of an article: breadcrumb, title, byline, date and section lines.

Observations behind it (seed-style text scrapes):

* the body starts with a run of long, sentence-like lines;
* the title is the heading-like line just above the body, possibly separated
  from it by a short metadata block (bullets with byline, date, section);
* a breadcrumb ("Home News <title>") ends with the title, which is then
  printed again on the next line: that repetition identifies the title with
  certainty, even when banners above look like body text;
* what stands above the title is site chrome (banners, menus, logos);
* a byline or a date printed on a line of its own is metadata wherever it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..config import Config
from ..document import Document, Line
from ..metadata.authors import AUTHOR_LABEL, normalise_name, parse_byline
from ..metadata.dates import date_line, find_date
from ..steps import Stripper

TITLE_ID = "heuristic.header.title"
BREADCRUMB_ID = "heuristic.header.breadcrumb"
BEFORE_TITLE_ID = "heuristic.header.before-title"
SECTION_ID = "heuristic.header.section"
HEADING_ID = "heuristic.header.heading"
BYLINE_ID = "heuristic.meta.byline"
DATE_ID = "heuristic.meta.date"
NAME_BYLINE_ID = "heuristic.meta.name-byline"
STANDFIRST_ID = "heuristic.header.standfirst"

BULLET = re.compile(r"^[•·▪●◦‣∙*\-–—]\s*")
SENTENCE_END = re.compile(r"[.!?…:;]['\"”’»)\]]*$")
TITLE_BAD_END = re.compile(r"[.,;:]$")
#: breadcrumbs and menus flattened into one line: "Home › News › Politics", "Home | Arts | Music"
MENU_SEPARATORS = re.compile(r"\s[›»>|/·•]\s.*\s[›»>|/·•]\s|^\S+\s[›»>|]\s")
#: image alt texts printed as lines ("Picture of Jane Roe", "Headshot of …", "… logo")
ALT_TEXT = re.compile(
    r"(?i)^(picture|photo|image|headshot|portrait|avatar|profile (photo|picture)) of\b|\b(logo|icon|avatar)$"
    r"|^(image|photo|picture|slide|foto|bild) \d+ ?(of|/|von|de|di) ?\d+$")
#: "Jane Roe, MS, RD" / "Jane Roe PhD": a byline with credentials, not a title
NAME_WITH_CREDENTIALS = re.compile(
    r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3},? "
    r"(,? ?(MS|MA|MD|RD|PhD|Ph\.D\.|MBA|RN|DO|CPA|FAND|LD|CDN|CSCS|Esq\.?|Jr\.?|Sr\.?)\b)+")


#: "Jane Roe on March 3, 2024 at 4:47 pm said:": a reader comment's header, not the article's byline or date
COMMENT_HEADER = re.compile(r"(?i)(?=[srw])\b(said|says|wrote|replied)\s*:?$")  # (the look-ahead: where the search may start)
#: COMMENT_HEADER without its tail (white space, a colon), searched in the last characters of a line only
_COMMENT_VERB = re.compile(r"(?i)\b(said|says|wrote|replied)$")
#: the longest verb of _COMMENT_VERB plus the character before it, which its \b looks at
_COMMENT_VERB_REACH = len("replied") + 1


def comment_header(text: str) -> bool:
    """``COMMENT_HEADER.search(text)`` for one line (no newline), in a few
    characters: the verb ends the line but for white space and a colon, so
    the search is not run from every "s", "r" and "w" of a paragraph."""
    core = (text[:-1] if text.endswith(":") else text).rstrip()
    return _COMMENT_VERB.search(core[-_COMMENT_VERB_REACH:]) is not None


def word_count(text: str) -> int:
    return len(text.split())


class HeaderStripper(Stripper):
    """Finds the title (breadcrumb repetition first, else the heading-like
    line above the first run of body paragraphs), moves the metadata block
    under it into fields and removes what stands above it."""

    name = "header"

    def __init__(self, config: Config = Config(), chrome: Callable[[str], bool] | None = None,
                 stopwords: frozenset[str] | None = None):
        self.config = config
        #: tells whether a line holds chrome vocabulary ("Share", "Privacy Policy"): never a title
        self.chrome = chrome
        #: function words of many languages: a title has some, a one-line menu has none
        self.stopwords = stopwords

    def is_body(self, text: str) -> bool:
        return word_count(text) >= self.config.body_min_words and bool(SENTENCE_END.search(text))

    def heading_like(self, text: str) -> bool:
        words = word_count(text)
        return (
            2 <= words <= self.config.title_max_words
            and not TITLE_BAD_END.search(text)
            and not BULLET.match(text)
            and any(ch.isalpha() for ch in text)
        )

    def strip(self, doc: Document) -> None:
        kept = doc.kept_lines()[: self.config.header_search_lines]
        first_body = self._body_start(kept, after=None)
        zone_end = len(kept) if first_body is None else first_body + self.config.meta_lines_after_body
        self._meta_lines(doc, kept[:zone_end])
        zone = kept[:zone_end]
        self._title_block(doc, [line for line in kept if line.kept])
        if (doc.meta.published is None and doc.meta.published_raw is None) or not doc.meta.authors:
            after = zone[-1].index if zone else -1
            self._first_meta_below(doc, [line for line in doc.kept_lines() if line.index > after])

    def _title_block(self, doc: Document, kept: list[Line]) -> None:
        """Title, and what stands above it and between it and the body."""
        # a breadcrumb or a declared title counts only above the first run of body paragraphs:
        # further down, "<teaser> … <headline>" pairs belong to lists of other stories
        first_body = self._body_start(kept, after=None)
        top = kept if first_body is None else kept[: first_body]
        title_pos = self._breadcrumb_title(doc, top)
        crumb = title_pos is not None
        if title_pos is None:
            title_pos = self._known_title(doc, top)
        confident = title_pos is not None  # the page itself confirms the title (breadcrumb, <title>)
        body_pos = self._body_start(kept, after=title_pos)
        if title_pos is None and body_pos is not None:
            title_pos = self._title_above(kept, body_pos)
        if title_pos is None:
            return
        title = kept[title_pos]
        if doc.meta.title is None:
            doc.meta.title = title.text
        # a declared title is final; a breadcrumb's is evidence for the title ranker (was_header_title,
        # echo_near): a "crumb" may be a teaser or a sidebar entry that happens to end with its neighbour
        doc.title_confirmed = doc.title_confirmed or (confident and not crumb)
        doc.remove(title, TITLE_ID, "heading-like line above the first body paragraph", field="title")
        for line in kept[:title_pos]:
            # above a title the page confirms, everything is chrome; above a title we guessed, only
            # what does not read as prose goes (the classifier judges the rest)
            if confident or not (self.is_body(line.text) or self._long_prose(line.text)):
                doc.remove(line, BEFORE_TITLE_ID, f"above the title (line {title.number})")
        self._name_byline(doc, kept, title_pos, body_pos)
        self._standfirst(doc, title)
        end = body_pos if body_pos is not None and body_pos > title_pos else title_pos + 1
        for line in kept[title_pos + 1 : end]:
            if not line.kept:
                continue
            if self._reads_as_prose(line.text):
                break  # the body has begun, whether or not its first sentence kept its full stop
            if BULLET.match(line.text) or word_count(line.text) <= self.config.meta_block_max_words:
                section = BULLET.sub("", line.text)
                doc.add_to_list("sections", section, line)
                doc.remove(line, SECTION_ID, f"short line in the metadata block under the title (line {title.number})", field="sections")
            elif self.heading_like(line.text):
                # a second heading between title and body (kicker, image alt text, subtitle without a
                # full stop); removing it also keeps cleaning idempotent: left in, it would be taken
                # for the title when the output is cleaned again
                doc.remove(line, HEADING_ID, f"heading-like line between the title (line {title.number}) and the body")

    def _reads_as_prose(self, text: str) -> bool:
        """A long line full of function words is a sentence that lost its full stop, not a heading."""
        if self.stopwords is None or word_count(text) < self.config.heading_prose_min_words:
            return False
        tokens = [t.casefold() for t in text.split()]
        return sum(t in self.stopwords for t in tokens) >= self.config.heading_prose_min_stopwords * len(tokens)

    def _standfirst(self, doc: Document, title: Line) -> None:
        """Short lines between the title and the byline or date line under it
        (within ``standfirst_reach`` lines) are the standfirst: the summary
        printed with the headline, not the story, which starts below the byline.
        A line of fewer than ``standfirst_min_words`` words is left to the
        byline ranker: it may be the author's name ("Supermove")."""
        below = doc.lines[title.index + 1: title.index + 1 + self.config.standfirst_reach]
        meta = next((k for k, line in enumerate(below)
                     if line.removal is not None and line.removal.field in ("authors", "published")), None)
        if meta is None:
            return
        for line in below[:meta]:
            if line.kept and self.config.standfirst_min_words <= word_count(line.text) <= self.config.standfirst_max_words:
                doc.remove(line, STANDFIRST_ID, f"between the title (line {title.number}) and the byline or date "
                                                f"(line {below[meta].number})")

    def _long_prose(self, text: str) -> bool:
        return word_count(text) >= self.config.prose_above_title_min_words and self._reads_as_prose(text)

    def _name_byline(self, doc: Document, kept: list[Line], title_pos: int, body_pos: int | None) -> None:
        """A bare name printed next to the title ("Jane Roe", "Jane Roe, MS, RD") is the byline
        without its "By": the first such line within ``name_byline_distance`` lines of the title
        (and above the body) gives the authors when no byline did."""
        if doc.meta.authors:
            return
        reach = self.config.name_byline_distance
        end = min(len(kept), title_pos + reach + 1, body_pos if body_pos is not None and body_pos > title_pos else len(kept))
        for line in kept[max(0, title_pos - reach): end]:
            name = self.bare_name(line.text) if line.kept else None
            if not name:
                continue
            doc.meta.authors = [name]
            doc.remove(line, NAME_BYLINE_ID, f"a bare name next to the title (line {kept[title_pos].number})", field="authors")
            return

    def _first_meta_below(self, doc: Document, lines: list[Line]) -> None:
        """No date or byline in the header zone: the first date line and the first byline
        further down give ``published`` and ``authors``, but their lines stay (dated lines and
        names below the article are evidence for the classifier: comment headers, teasers)."""
        for line in lines:
            text = BULLET.sub("", line.text)
            if comment_header(text):
                continue
            if doc.meta.published is None and doc.meta.published_raw is None:
                parsed = date_line(text, order=doc.date_order, context=doc.raw)
                if parsed is not None and parsed.iso is not None:
                    doc.meta.offer_published(parsed.iso, parsed.raw, parsed.resolved_by)
            if not doc.meta.authors:
                names = parse_byline(text)
                if names:
                    doc.meta.authors = names
            if doc.meta.authors and doc.meta.published is not None:
                return

    def bare_name(self, text: str) -> str | None:
        """The person's name when ``text`` is a bare name (perhaps with credentials), else None."""
        if not self.name_like(text) or (self.chrome and self.chrome(text)) or ALT_TEXT.match(text):
            return None
        if self.stopwords is not None:
            # function words make a menu entry ("About Us", "Log In"), but stoplists hold given names too
            # ("paul" is German, "john" and "david" English): only a last word or two words in them count
            tokens = [t.casefold() for t in text.split(",")[0].split()]
            hits = sum(t in self.stopwords for t in tokens)
            if tokens and (tokens[-1] in self.stopwords or hits >= 2):
                return None
        name = normalise_name(text.split(",")[0].strip())
        return name if len(name.split()) >= 2 else None

    def _meta_lines(self, doc: Document, zone: list[Line]) -> None:
        """Bylines and date lines of the header zone become metadata. (Further
        down, dated lines are comment headers and teaser dates: evidence the
        classifier needs to recognise those blocks, so they stay for it.)"""
        labelled = None  # the line after a "By" line of its own: its names were read with the label
        for position, line in enumerate(zone):
            text = BULLET.sub("", line.text)
            if comment_header(text) or line is labelled:
                continue
            following = zone[position + 1] if position + 1 < len(zone) else None
            if following is not None and AUTHOR_LABEL.match(text) and (names := parse_byline(f"{text} {following.text}")):
                if not doc.meta.authors:
                    doc.meta.authors = names
                for part in (line, following):
                    doc.remove(part, BYLINE_ID, f"byline: {', '.join(names)} (label on line {line.number})", field="authors")
                labelled = following
                continue
            names = parse_byline(text)
            # a byline may carry the date too ("Posted by Jane Roe on March 3, 2024")
            parsed = (find_date if names else date_line)(text, order=doc.date_order, context=doc.raw)
            if parsed is not None:
                doc.meta.offer_published(parsed.iso, parsed.raw, parsed.resolved_by)
            if names:
                if not doc.meta.authors:
                    doc.meta.authors = names
                doc.remove(line, BYLINE_ID, f"byline: {', '.join(names)}", field="authors")
            elif parsed is not None:
                doc.remove(line, DATE_ID, f"date line: {parsed.raw!r} → {parsed.iso} ({parsed.resolved_by})", field="published")

    def _breadcrumb_title(self, doc: Document, kept: list[Line]) -> int | None:
        limit = self.config.breadcrumb_max_prefix_words
        for i, crumb in enumerate(kept):
            for j in range(i + 1, min(i + 4, len(kept))):
                title = kept[j].text
                if (crumb.text != title and crumb.text.endswith(title) and self.heading_like(title)
                        and len(title.split()) >= 3 and not (self.chrome and self.chrome(title))
                        and not self.name_like(title)):
                    prefix = crumb.text[: -len(title)].strip()
                    if (prefix and any(ch.isalpha() for ch in prefix) and word_count(prefix) <= limit and not prefix.endswith((".", "!", "?"))
                            and not ALT_TEXT.match(prefix) and prefix.casefold() != title.casefold()):
                        doc.remove(crumb, BREADCRUMB_ID, f"ends with the title printed on line {kept[j].number}")
                        return j
        return None

    def _known_title(self, doc: Document, kept: list[Line]) -> int | None:
        """The title a page declared (HTML ``<title>``) printed as a line."""
        if not doc.meta.title:
            return None
        for position, line in enumerate(kept):
            if line.text == doc.meta.title:
                return position
        return None

    def _body_start(self, kept: list[Line], after: int | None) -> int | None:
        """The first body line followed closely by another (a run of body
        paragraphs), else the first body line at all."""
        start = 0 if after is None else after + 1
        first = None
        for position in range(start, len(kept)):
            if not self.is_body(kept[position].text):
                continue
            if first is None:
                first = position
            if any(self.is_body(kept[k].text) for k in range(position + 1, min(position + 3, len(kept)))):
                return position
        return first

    def _title_above(self, kept: list[Line], body_pos: int) -> int | None:
        """The best title candidate above the body (see :meth:`title_score`)."""
        texts = [line.text for line in kept]
        best, best_score = None, 0.0
        for position in range(body_pos - 1, -1, -1):
            if self._list_item(kept, position):
                continue
            score = self.title_score(texts, position, body_pos)
            if score is not None and (best is None or score > best_score):
                best, best_score = position, score
        return best

    @staticmethod
    def _list_item(kept: list[Line], position: int) -> bool:
        """An item of a list, not a headline: inside a block of lines with no
        blank line between them, or at either end of one next to an item that
        starts the same way ("11a etapa: …" / "12a etapa: …")."""
        line = kept[position]
        before = kept[position - 1] if position > 0 and kept[position - 1].number + 1 == line.number else None
        after = kept[position + 1] if position + 1 < len(kept) and kept[position + 1].number == line.number + 1 else None
        if before is not None and after is not None:
            return True

        def same_start(a: str, b: str) -> bool:
            a_words, b_words = a.split(), b.split()
            return bool(a_words and b_words) and (
                a_words[0] == b_words[0] or (a_words[0][:1].isdigit() and b_words[0][:1].isdigit()))

        return any(other is not None and same_start(other.text, line.text) for other in (before, after))

    @staticmethod
    def name_like(text: str) -> bool:
        """A person's name, perhaps with credentials: a byline without "By"."""
        tokens = text.split()
        return bool(NAME_WITH_CREDENTIALS.match(text)) or (
            len(tokens) <= 3 and all(t[:1].isupper() for t in tokens) and not any(ch.isdigit() for ch in text))

    def title_score(self, texts: list[str], position: int, body_pos: int) -> float | None:
        """Score a title candidate; None when it cannot be the title.

        Named features: a heading shape (2 to ``title_max_words`` words, no
        closing period or comma, no bullet); no chrome vocabulary; repeated
        elsewhere on the page (breadcrumb, <title> printed again) is strong
        evidence; 4 or more words and a headline's length help; a bare name
        (2-3 capitalised words: a byline without "By") counts against; the
        further above the body, the less likely.
        """
        text = texts[position]
        if not self.heading_like(text):
            return None
        tokens = text.split()
        if (self.chrome is not None and self.chrome(text)) or ALT_TEXT.match(text) or MENU_SEPARATORS.search(text):
            return None
        if self.stopwords is not None and len(tokens) >= 4 and all(t[:1].isupper() for t in tokens) \
                and sum(t.casefold() in self.stopwords for t in tokens) < 0.25 * len(tokens):
            return None  # a menu printed on one line: "Home News Sport Business Opinion"
        score = 1.0
        if len(tokens) >= 4:
            score += 1.0
        if len(tokens) >= 7:
            score += 0.5
        if 20 <= len(text) <= 160:
            score += 0.5
        if position == 0:  # the first line of what is left: where a main-content scrape puts the headline
            score += self.config.title_first_line_bonus
        capitalised = sum(1 for t in tokens if t[:1].isupper())
        if len(tokens) >= 3 and capitalised / len(tokens) >= 0.6:
            score += 0.5
        folded = text.casefold()
        if any(i != position and (other.casefold() == folded or (len(text) >= 12 and folded in other.casefold()))
               for i, other in enumerate(texts[: body_pos + 3])):
            score += 2.0
        if self.name_like(text):
            score -= 2.0  # a bare name: a byline without "By"
        if position > 0 and MENU_SEPARATORS.search(texts[position - 1]):
            score += 1.5  # right under a breadcrumb ("Home › Reviews › E-readers"): where headlines stand
        score -= self.config.title_distance_penalty * (body_pos - 1 - position)
        return score if score > 0 else None
