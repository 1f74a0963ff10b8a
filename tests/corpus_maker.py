"""Test inputs made in the tests: WARC, WET and JSONL files written from our own
text (warcio writes the WARCs), so no test data comes from anywhere else."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

ARTICLES = [
    ("Harbour bridge reopens after repairs", "2024-05-14", [
        "The old harbour bridge opened to traffic again on Tuesday morning after eight months of repairs to its steel deck and railings.",
        "Engineers replaced more than four hundred rusted bolts and repainted the whole span, which carries about twelve thousand cars a day.",
        "Shop owners on the north bank said the closure had cost them customers, and several of them welcomed the first drivers with coffee.",
        "The city council said a second, smaller footbridge will be closed for similar work next spring, with a ferry service in the meantime.",
    ]),
    ("Library extends opening hours for exam season", None, [
        "The central library will stay open until midnight for the next six weeks so that students can prepare for their final exams in peace.",
        "Librarians said the reading rooms were full by nine o'clock most mornings last year, and many students had to work on the stairs.",
        "Extra staff have been hired for the evenings, and the cafe on the ground floor will serve soup and sandwiches until eleven at night.",
        "Visitors are asked to bring their library card, since the doors switch to card access after eight in the evening for safety reasons.",
    ]),
    ("Neue Buslinie verbindet die Dörfer im Tal", "2024-03-02", [
        "Seit Montag fährt eine neue Buslinie stündlich zwischen den Dörfern im oberen Tal und dem Bahnhof in der Kreisstadt hin und her.",
        "Viele ältere Bewohner hatten sich seit Jahren eine bessere Verbindung gewünscht, weil sie selbst kein Auto mehr fahren können.",
        "Der Landkreis bezahlt die Linie zunächst für zwei Jahre und will danach anhand der Fahrgastzahlen entscheiden, wie es weitergeht.",
        "Am ersten Tag waren die Busse am Morgen gut besetzt, am Nachmittag stiegen dagegen nur wenige Fahrgäste in den Dörfern ein.",
    ]),
]
CHROME = ["Home | News | Sport | Weather", "Subscribe to our newsletter", "Share this article", "© 2024 Valley Courier. All rights reserved."]


def page_text(i: int) -> str:
    title, date, paragraphs = ARTICLES[i]
    lines = [CHROME[0], title] + ([date] if date else []) + paragraphs + CHROME[1:]
    return "\n\n".join(lines)


def page_html(i: int) -> str:
    title, date, paragraphs = ARTICLES[i]
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body><nav><a href='/'>Home</a> "
            f"<a href='/news'>News</a></nav><article><h1>{title}</h1>{body}</article>"
            "<footer><p>Valley Courier. All rights reserved.</p></footer></body></html>")


def write_warc(path: Path, *, gz: bool = True, wet: bool = False) -> list[int]:
    """A WARC (or WET) file with requests, HTML responses, an image and a
    robots.txt; returns the 1-based record numbers that hold pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        number = 0

        def add(record):
            nonlocal number
            writer.write_record(record)
            number += 1

        add(writer.create_warcinfo_record(path.name, {"software": "cleaner tests"}))
        for i in range(len(ARTICLES)):
            url = f"https://valley-courier.example/news/story-{i}"
            date = f"2024-06-0{i + 1}T08:30:00Z"
            if wet:
                payload = page_text(i).encode("utf-8")
                add(writer.create_warc_record(url, "conversion", payload=io.BytesIO(payload), length=len(payload),
                                              warc_headers_dict={"WARC-Date": date, "Content-Type": "text/plain"}))
                pages.append(number)
                continue
            request = StatusAndHeaders("GET /news HTTP/1.1", [("Host", "valley-courier.example")], is_http_request=True)
            add(writer.create_warc_record(url, "request", http_headers=request, warc_headers_dict={"WARC-Date": date}))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            html = page_html(i).encode("utf-8")
            add(writer.create_warc_record(url, "response", payload=io.BytesIO(html), length=len(html),
                                          http_headers=http, warc_headers_dict={"WARC-Date": date}))
            pages.append(number)
        if not wet:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            add(writer.create_warc_record("https://valley-courier.example/logo.png", "response",
                                          payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)), length=72, http_headers=image))
            robots = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
            add(writer.create_warc_record("https://valley-courier.example/robots.txt", "response",
                                          payload=io.BytesIO(b"User-agent: *\nDisallow:\n"), length=24, http_headers=robots))
    return pages


def write_jsonl(path: Path, records: list[dict], *, gz: bool = False) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)


def pipeline_records() -> list[dict]:
    """Records as another pipeline (datatrove-style) writes them."""
    return [{"doc_id": f"doc-{i}", "content": page_text(i), "metadata": {"url": f"https://valley-courier.example/{i}"}}
            for i in range(len(ARTICLES))]
