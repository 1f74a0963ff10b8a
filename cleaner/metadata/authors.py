"""Recognise bylines ("By Jane Roe, Staff Writer") and tidy author names.

>>> parse_byline("By NATALIYA VASILYEVA and JIM HEINTZ")
['Nataliya Vasilyeva', 'Jim Heintz']
>>> parse_byline("Por María López y Juan Pérez")
['María López', 'Juan Pérez']
>>> parse_byline("By Jane Roe and John Doe, The Daily Example")
['Jane Roe', 'John Doe']
>>> parse_byline("By the end of the year, prices rose 5%.") is None
True
>>> split_names("Jane Roe; John Doe & Reuters")
['Jane Roe', 'John Doe']
>>> normalise_name("JEAN-YVES VAN DER BERG")
'Jean-Yves van der Berg'
"""

from __future__ import annotations

import re

from .dates import find_date

#: words that open a byline, by language (case-insensitive, followed by the names)
BYLINE_MARKERS = {
    "en": ("by", "written by", "story by", "words by", "text by", "article by", "posted by",
           "reporting by", "reported by"),
    "de": ("von", "text von", "geschrieben von", "ein beitrag von"),
    "es": ("por", "escrito por", "texto de"),
    "fr": ("par", "écrit par", "texte de"),
    "it": ("di", "scritto da", "a cura di", "testo di"),
    "pt": ("por", "escrito por", "texto de"),
    "nl": ("door", "geschreven door", "tekst door"),
    "sv": ("av", "skriven av", "text av"),
    "da": ("af", "skrevet af"),
    "nb": ("av", "skrevet av"),
}
#: labels that introduce names after an optional colon ("Author: Jane Roe")
AUTHOR_LABELS = ("author", "authors", "author(s)", "contributor", "contributors", "autor", "autorin", "autoren", "autora",
                 "autores", "auteur", "auteurs", "autrice", "autore", "autori", "författare",
                 "forfatter", "forfattere")
#: labels that introduce names only with a colon ("Text: Hans Müller", a mailing list's "From: Jane Roe")
COLON_LABELS = ("text", "texto", "texte", "testo", "tekst", "reporter", "writer", "from")
#: job titles: a part made of these (or ending in them) is a role, not a name
ROLE_WORDS = frozenset("""
    staff writer writers correspondent correspondents reporter reporters editor editors
    contributor contributors contributing senior chief columnist producer journalist analyst
    intern freelance freelancer special foreign political business sports science health
    investigative national international deputy managing associate assistant executive desk
    bureau team staffer photographer writer-at-large editor-at-large reviewer critic blogger
    presenter commentator columnists guest lead expert specialist consultant strategist educator
    dietitian nutritionist director manager founder co-founder ceo president head digital master
    sr snr vp svp evp professor attorney lawyer officer coordinator scientist researcher physician instructor
    redakteur redakteurin korrespondent korrespondentin reporterin redaktion chefredakteur
    mitarbeiter autorin corresponsal redactor redactora periodista enviado enviada especial
    journaliste correspondant correspondante rédacteur rédactrice envoyé envoyée spécial
    spéciale giornalista corrispondente redattore redattrice inviato inviata jornalista
    correspondente redator redatora redacteur verslaggever verslaggeefster redaktör skribent
    medarbetare journalisten
""".split())
#: profile links an author box prints after the name ("Jane Roe LinkedIn")
PROFILE_LINKS = frozenset(("linkedin", "twitter", "facebook", "instagram", "mastodon", "bluesky", "github", "website"))
#: news agencies and wire services (a whole part equal to one of these is dropped)
AGENCIES = frozenset((
    "associated press", "the associated press", "ap", "reuters", "thomson reuters", "afp",
    "agence france-presse", "agence france presse", "dpa", "efe", "ansa", "bloomberg",
    "bloomberg news", "apa", "sda", "kna", "epd", "xinhua", "tass", "upi", "pa", "pa media",
    "press association", "anp", "belga", "lusa", "europa press", "kyodo", "yonhap", "tt", "ntb",
    "ritzau", "agencies", "agenturen", "agencias", "agences", "agenzie",
))
#: words of a company's or an institution's name: it owns the site (a copyright line) but seldom signs an article
COMPANY_WORDS = frozenset(("inc", "llc", "ltd", "corp", "corporation", "company", "co", "gmbh", "group", "technologies",
                           "solutions", "services", "institute", "university", "college", "clinic", "hospital",
                           "foundation", "association", "society", "agency", "software", "labs", "studio", "studios"))
#: a part after a comma that starts with one of these is a publication ("The Daily Example")
PUBLICATION_ARTICLES = frozenset(("the", "der", "die", "das", "le", "les", "el", "il", "het"))
#: a part holding one of these words names a publication, not a person
PUBLICATION_WORDS = frozenset((
    "times", "post", "news", "journal", "herald", "tribune", "gazette", "daily", "magazine",
    "zeitung", "newspaper", "media", "press", "network", "radio", "tv", "online", "wire", "agency",
))
#: name particles written in lower case inside a name ("Jan de Vries", "Bashar al-Assad")
PARTICLES = frozenset((
    "de", "da", "di", "del", "della", "delle", "dei", "degli", "der", "den", "des", "du", "dos",
    "das", "do", "van", "von", "ter", "ten", "zu", "zum", "zur", "bin", "bint", "ibn", "al",
    "el", "af", "le", "la", "lo", "los", "las", "y", "e",
))
#: particles that are lower-cased only right after another particle ("de la", "van der")
SECOND_PARTICLES = frozenset(("la", "le", "lo", "los", "las", "der", "den"))
#: capitalised words that start "By ..." headings and sentences rather than names
NOT_NAME_START = frozenset("""
    the an this that these those it its his her their our my your all some any no every
    then now far way contrast comparison default design category date topic type name price
    popularity relevance region country car train bus air plane bike foot boat email phone
    mail day week month year today tomorrow yesterday monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september
    october november december updated published posted edited reviewed last
""".split())
#: a credential after a name's comma: "Jane Roe, MD", "Jane Roe, CFP®", "Jane Roe, Ph.D."
CREDENTIAL = re.compile(r"^(?:[A-Z]{2,6}|Ph\.?D\.?|(?:[A-Z]\.){2,3}|M\.?Sc\.?|B\.?Sc\.?)[®™]?$")
#: a team signing as one author: "Workzone Team", "EDB Team", "Example Staff" (a trailing "team" is otherwise a role)
TEAM_NAME = re.compile(r"^[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2} (?:Team|Staff|Editors|Desk|Newsroom)$")
ROMAN_NUMERALS = frozenset(("ii", "iii", "iv", "vi", "vii", "viii"))
MAX_NAME_TOKENS = 4  # capitalised tokens per name (particles not counted)
#: a byline's line may be this many times ``max_words`` long when the names end within ``max_words``
LONG_LINE_FACTOR = 2
#: month names that are also given names: "April Fulton" is a name, "May 2025" is not
MONTH_GIVEN_NAMES = frozenset(("april", "may", "june", "august"))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_MARKERS = {m for ms in BYLINE_MARKERS.values() for m in ms}
#: a byline's label on a line of its own: "By", "Written by", "Author:", "Article written by:" (the names follow on the next line)
AUTHOR_LABEL = re.compile(r"(?i)^\W*(?:(?:article|post|story|guide|review) )?"
                          r"(?:by|written by|posted by|author|authors|about the author|autor|von|por|par|door)\W*$")
BYLINE_LEAD = re.compile(
    rf"^[\W_]*(?:(?:{_alternation(_MARKERS)})(?:\s*:\s*|\s+)"
    rf"|(?:{_alternation(AUTHOR_LABELS)})(?:\s*:\s*|\s+)"
    rf"|(?:{_alternation(COLON_LABELS)})\s*:\s*)(?=\w)",
    re.I,
)
#: where the names end: " | Reuters", " ⋅ Senior Analyst", a wide gap ("By Jane Roe    View Edition"),
#: " - 1 October 2015", " for The Guardian", " (AP)", " (CNXSoft) - 5 Comments",
#: " in Travel" (the category), " 15 min read"
TAIL = re.compile(r"\s*(?:[|•·⋅●◆▪/]|\s[-–—]\s|\()|\s{3,}|\s+(?:for|für|pour|para|per|voor|för)\s+"
                  r"|\s+in\s+(?=[A-Z])|\s+In$"
                  r"|\s+\d+\+?\s*(?i:min|mins|minutes?|comments?|hours?|days?|views?|likes?|shares?)\b"
                  r"|(?<=[a-z]{2})\.\s+(?=[A-Z])"  # "By Jane Roe. Last updated ..."
                  r"|(?<=\w)[–—](?=\w)")  # "by Jane Roe—10 min read"
#: between names (captured: a comma after a job title continues the description, "and" starts a new name)
SEPARATORS = re.compile(r"(\s*(?:[,;&+]|\b(?:and|und|et|en|och|og)\b)\s*)", re.I)
LOWER_LETTER_SEPARATORS = re.compile(r"\s+[ye]\s+")
UPPER_LETTER_SEPARATORS = re.compile(r"\s+[YE]\s+")
SENTENCE_END = re.compile(r"[.!?;:…]['\"”’»)]*$")
INITIAL_OR_SUFFIX = re.compile(r"(?:^|\s)(?:[^\W\d_]\.)+$|(?:^|\s)(?:Jr|Sr|St)\.$")
HANDLE = re.compile(r"(?:^|\s)@\w+")
#: "with" joining a co-author or an agency ("Par Jeanne Olivier avec AFP")
WITH_JOINER = re.compile(r"\s+(?:with|avec|mit|con|com|met|med)\s+", re.I)
#: words joining a byline to a date printed after it ("By Jane Roe on October 1, 2015")
DATE_JOINER = re.compile(r"(?:\s+(?:on|at|am|le|el|il|op|em|den|published|posted|updated|monday|tuesday|wednesday|thursday|friday"
                         r"|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?)*[\s,|–—-]*$", re.I)
NAME_TOKEN = re.compile(r"^(?:[^\W\d_]\.)+$|^[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]+)*\.?$")


def _words(part: str) -> list[str]:
    return [w.strip(".,'\"’()").lower() for w in part.split()]


def _is_role(part: str) -> bool:
    words = _words(part)
    return bool(words) and (words[0] in ROLE_WORDS or words[-1] in ROLE_WORDS)


def _trim_roles(part: str) -> str:
    """Drop trailing job titles and profile links: "Jane Roe Staff Writer", "Jane Roe LinkedIn" -> "Jane Roe"."""
    tokens = part.split()
    while tokens and (tokens[-1].strip(".,").lower() in ROLE_WORDS or tokens[-1].strip(".,").lower() in PROFILE_LINKS):
        tokens.pop()
    return " ".join(tokens)


def _is_publication(part: str, index: int) -> bool:
    words = _words(part)
    return bool(words) and (
        " ".join(words) in AGENCIES
        or (index > 0 and words[0] in PUBLICATION_ARTICLES)
        or any(w in PUBLICATION_WORDS for w in words)
    )


def is_publication(name: str) -> bool:
    """A publication or agency rather than a person ("Regional Wire", "Reuters", "The Daily Times").

    >>> is_publication("Regional Wire"), is_publication("Jane Roe")
    (True, False)
    """
    return _is_publication(name, 0)


def split_names(value: str) -> list[str]:
    """Split a list of names on commas, semicolons, "&" and "and" in several
    languages; drop empty parts, job titles, agencies and publications.

    >>> split_names("Hans Müller und Eva Schmidt, Redakteurin")
    ['Hans Müller', 'Eva Schmidt']
    >>> split_names("MARIO ROSSI E LUCA BIANCHI")
    ['MARIO ROSSI', 'LUCA BIANCHI']
    """
    letters = LOWER_LETTER_SEPARATORS
    if any(c.isalpha() for c in value) and value == value.upper():
        letters = UPPER_LETTER_SEPARATORS
    pieces = SEPARATORS.split(value)  # part, separator, part, ...
    parts = [(p, "y" if k else pieces[i - 1] if i else "") for i in range(0, len(pieces), 2)
             for k, p in enumerate(letters.split(pieces[i]))]
    names = []
    described = False  # a job title came after the last name: commas now add to the description
    for index, (part, joiner) in enumerate((p.strip(" \t,;:-–—"), j) for p, j in parts):
        if part.endswith(".") and not INITIAL_OR_SUFFIX.search(part):
            part = part.rstrip(".").strip()
        if TEAM_NAME.match(part) and not _is_role(part.rsplit(" ", 1)[0]):
            names.append(part)
            continue
        if described and (joiner.strip() == "," or not _new_name(part)):
            continue  # "Jane Roe, Senior Director, Content & Marketing, Example Institute": all of it describes her
        if index > 0 and (_is_role(part) or CREDENTIAL.match(part)):
            described = described or _is_role(part)
            continue  # "Environment Correspondent" after a comma: all of it is the title
        described = False
        part = _trim_credentials(_trim_roles(part))
        if part and not _is_role(part) and not _is_publication(part, index):
            names.append(part)
    return names


def is_affiliation(text: str) -> bool:
    """An institution or a publication rather than a person: "Example University", "The Daily Times"."""
    return any(w in COMPANY_WORDS for w in _words(text)) or _is_publication(text.strip(), 0)


def _new_name(part: str) -> bool:
    """After a job title, "and Tom Reed" names a co-author; "& Marketing", "and Example Institute" go on describing."""
    return len(_words(part)) >= 2 and not is_affiliation(part)


def _is_description(part: str) -> bool:
    """A part after the first name that says who the author is rather than
    naming a co-author: it holds a lower-case word that is no name particle
    ("Representative to the Liaison Committee", "Head of Research")."""
    return any(w[:1].islower() and w not in PARTICLES for w in part.split())


def _trim_credentials(part: str) -> str:
    """Drop credentials printed without a comma: "Jane A. Roe CPP" -> "Jane A. Roe" (not in
    a name written all in capitals, whose every word looks like a credential)."""
    tokens = part.split()
    if part != part.upper():
        while len(tokens) > 2 and CREDENTIAL.match(tokens[-1]):
            tokens.pop()
    return " ".join(tokens)


def _looks_like_name(name: str) -> bool:
    tokens = name.split()
    if not tokens or tokens[0].lower() in NOT_NAME_START and not (
            tokens[0].lower() in MONTH_GIVEN_NAMES and len(tokens) >= 2 and tokens[1][:1].isupper()):
        return False
    proper = 0
    for token in tokens:
        if token.lower() in PARTICLES or token.lower().startswith(("al-", "el-", "d'", "d’")):
            continue
        if not (NAME_TOKEN.match(token) and token[0].isupper()):
            return False
        proper += 1
    return 1 <= proper <= MAX_NAME_TOKENS


#: words glued to what stood next to them when a page was flattened to text ("ByJane Roe", "Jane RoePublished: ...")
GLUED_BY = re.compile(r"^(\W*)(By|Von|Por|Par|Door)(?=[A-Z][a-z])")
GLUED_META = re.compile(r"(?<=[a-z])(?=(?:Published|Updated|Posted|Last Updated|Reviewed|Fact[- ]checked)\b)")
#: a GLUED_META match starts one of these words (a quick test first: most lines hold none)
GLUED_META_WORDS = ("Published", "Updated", "Posted", "Reviewed", "Fact")


def unglue(line: str) -> str:
    """Split words a flattened page glued together around a byline.

    >>> unglue("ByJane RoePublished: Jan 29, 2025")
    'By Jane Roe | Published: Jan 29, 2025'
    """
    glued = GLUED_BY.match(line)  # (anchored: one match at most)
    if glued:
        line = f"{line[:glued.end()]} {line[glued.end():]}"
    return GLUED_META.sub(" | ", line) if any(map(line.__contains__, GLUED_META_WORDS)) else line


def parse_byline(line: str, *, max_words: int = 12) -> list[str] | None:
    """Author names if ``line`` is a byline, else None.

    >>> parse_byline("• By Jane Roe, Staff Writer")
    ['Jane Roe']
    >>> parse_byline("Authors: A, B and C")
    ['A', 'B', 'C']
    >>> parse_byline("Door Jan de Vries en Piet Jansen")
    ['Jan de Vries', 'Piet Jansen']
    >>> parse_byline("ByJane RoePublished: Jan 29, 2025"), parse_byline("by Jane Roe ● December 23, 2025 ● 6 min read")
    (['Jane Roe'], ['Jane Roe'])
    """
    line = unglue(line)
    lead = BYLINE_LEAD.match(line)
    if lead is None or len(line.split()) > LONG_LINE_FACTOR * max_words:
        return None
    rest = HANDLE.sub(" ", line[lead.end():]).strip()
    date = find_date(rest)
    if date:  # what follows the date ("… @08:00PM from the tech dept.") is not the byline's
        rest = DATE_JOINER.sub("", rest[:date.span[0]])
    tail = TAIL.search(rest)
    if tail:
        rest = rest[:tail.start()]
    if len(rest.split()) > max_words:
        return None  # (a long line is a byline only when its names end early: "By Jane Roe, Director - 10+ Years in …")
    if SENTENCE_END.search(rest) and not INITIAL_OR_SUFFIX.search(rest) and not (tail and rest.endswith(".")):
        return None  # (a period before a separator ends the byline, not a sentence: "by Jane Roe. — Contact")
    rest = WITH_JOINER.sub(", ", rest)
    names = []
    for name in split_names(rest):
        if not _looks_like_name(name):
            if names and (any(c.isdigit() for c in name) or _is_description(name)):
                continue  # "By Jane Roe, 1 October 2015", "By Jane Roe, Representative to the Liaison Committee"
            return None
        names.append(normalise_name(name))
    return names or None


def _title_part(part: str) -> str:
    if len(part) > 3 and part.startswith("mc") and part[2].isalpha():
        return "Mc" + part[2].upper() + part[3:]
    for apostrophe in ("'", "’"):
        head, sep, tail = part.partition(apostrophe)
        if sep and len(head) == 1 and tail:
            return head.upper() + sep + tail[:1].upper() + tail[1:]
    if part in ROMAN_NUMERALS:
        return part.upper()
    return ".".join(p[:1].upper() + p[1:] for p in part.split("."))


def normalise_name(name: str) -> str:
    """Title-case a name written in all capitals or all lower case; keep a
    mixed-case name as written.

    >>> normalise_name("PATRICK O'BRIEN")
    "Patrick O'Brien"
    >>> normalise_name("ronald mcdonald")
    'Ronald McDonald'
    >>> normalise_name("JUAN DE LA CRUZ")
    'Juan de la Cruz'
    >>> normalise_name("BASHAR AL-ASSAD")
    'Bashar al-Assad'
    >>> normalise_name("Jane deVries")
    'Jane deVries'
    """
    name = " ".join(name.split())
    if not any(c.isalpha() for c in name) or name not in (name.upper(), name.lower()):
        return name
    out: list[str] = []
    previous = ""
    for i, token in enumerate(name.lower().split(" ")):
        particle = token in PARTICLES and (token not in SECOND_PARTICLES or previous in PARTICLES)
        if i > 0 and particle:
            out.append(token)
        else:
            parts = token.split("-")
            out.append("-".join(
                p if (j == 0 and i > 0 and p in ("al", "el") and len(parts) > 1)
                else _title_part(p)
                for j, p in enumerate(parts)))
        previous = token
    return " ".join(out)
