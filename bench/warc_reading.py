"""WARC reading cost, against the HTML extraction it feeds, in the same run.

Writes a WARC of N HTML responses (the test pages, repeated), then times, on one core:

* warcio (the reader cleaner uses): iterate the records and read every payload;
* the gzip completeness check cleaner adds (``gzip_complete``: one more decompression);
* trafilatura (the peer whose cost dominates a WARC run): ``bare_extraction`` of the same pages;
* cleaner end to end on the WARC (``Cleaner().run``), for scale.

Prints records/s for each and the reader's share of a run: the reason a faster
compiled reader (fastwarc) would not pay for its build.

    python bench/warc_reading.py [--records 2000]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.readers.warc import gzip_complete  # noqa: E402
from tests.corpus_maker import ARTICLES, page_html  # noqa: E402


def write(path: Path, records: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(records):
            html = page_html(i % len(ARTICLES)).encode("utf-8")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://bench.example/{i}", "response", payload=io.BytesIO(html),
                                                          length=len(html), http_headers=http))


def timed(label: str, count: int, fn) -> float:
    started = time.perf_counter()
    fn()
    seconds = time.perf_counter() - started
    print(f"{label:<34} {count / seconds:10,.0f} records/s  ({seconds:.2f} s)")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=2000)
    args = parser.parse_args()
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        write(path, args.records)
        pages = [page_html(i % len(ARTICLES)) for i in range(args.records)]

        def read_all():
            with open(path, "rb") as fh:
                for record in ArchiveIterator(fh):
                    record.content_stream().read()

        n = args.records
        reader = timed("warcio: iterate + read payloads", n, read_all)
        check = timed("cleaner: gzip completeness check", n, lambda: gzip_complete(str(path)))
        peer = timed("trafilatura: bare_extraction", n,
                     lambda: [trafilatura.bare_extraction(p, with_metadata=True, output_format="python") for p in pages])
        cleaner = Cleaner()
        whole = timed("cleaner: Cleaner().run(warc)", n, lambda: sum(1 for _ in cleaner.run([path])))
        print(f"reader + check = {100 * (reader + check) / whole:.1f}% of the cleaner run; "
              f"trafilatura alone = {100 * peer / whole:.0f}% (it runs twice: template pass + clean)")


if __name__ == "__main__":
    main()
