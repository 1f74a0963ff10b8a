"""Small HTML pages written for these tests (never copied from ../shared)."""

from __future__ import annotations

import json

PARAGRAPHS = [
    "The harbour town of Wexley woke on Tuesday to find its old stone pier split in two, after a night of waves "
    "that the coastguard called the strongest in thirty years of records kept at the station.",
    "Fishermen who tie up their boats along the pier said the crack had been growing slowly for months, but that "
    "nobody had expected the whole seaward end to drop into the water in a single night.",
    "The council has closed the harbour road while engineers inspect the remaining stones, and it asked visitors "
    "to stay away from the sea wall until the weekend, when the forecast promises calmer weather.",
    "Repairs could take most of the year, the harbour master said, because the granite used in the original pier "
    "came from a quarry that closed long ago and matching blocks will have to be found elsewhere.",
    "Local schools will use the pier's story in their lessons about the coast, and the museum plans a small "
    "exhibition of photographs showing the pier as it looked when it was first built.",
]


def article_page(*, title: str = "Old pier splits in two after storm", site: str = "Wexley Gazette",
                 author: str = "Mara Quill", paragraphs: list[str] | None = None, lang: str = "en",
                 caption: str | None = "The broken end of the pier at low tide on Tuesday morning.",
                 extra_body: str = "") -> str:
    paragraphs = PARAGRAPHS if paragraphs is None else paragraphs
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "author": {"@type": "Person", "name": author}, "datePublished": "2021-03-02T08:00:00Z"}
    figure = f"<figure><img src='pier.jpg'><figcaption>{caption}</figcaption></figure>" if caption else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<link rel="canonical" href="https://news.example.org/coast/old-pier-splits">
<script type="application/ld+json">{json.dumps(ld)}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/coast">Coast</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>{title}</h1>
<div class="byline">By <a href="/authors/mara-quill">{author}</a></div>
<time datetime="2021-03-02">2 March 2021</time>
{figure}
{body}
</article>
{extra_body}
</main>
<footer><p>Copyright Wexley Gazette. All rights reserved.</p></footer>
</body></html>"""
