"""The command line: a thin layer over :mod:`cleaner.api`.

    python -m cleaner INPUT... -o OUT.jsonl         clean files or folders (+ OUT.report.json)
    python -m cleaner rules check [DIR...]          validate rule files
    python -m cleaner explain FILE [--html OUT]     show what was removed and why
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from .api import Cleaner, RuleOptions
from .config import Config, InputConfig
from .document import Status
from .errors import CleanerError, ConfigError, RuleFileError, RunStopped
from .explain import explain
from .ruleset import builtin_rules_dir, load_rules
from .runner import RunControl, run

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE, EXIT_STOPPED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

RUN_EXAMPLE = """examples:
  python -m cleaner ../shared/seeds -o out.jsonl
  python -m cleaner scrapes/ --rules my-rules/ -o clean.jsonl --rejects rejected.jsonl
  python -m cleaner page.txt                      # records to stdout
  python -m cleaner crawl.warc.gz -o out.parquet --report-html   # + out.report.json, out.report.html
  python -m cleaner CC-MAIN-1.warc.wet.gz -o wet.jsonl --report run/report.json
  python -m cleaner docs.jsonl --text-field content --id-field doc_id --url-field metadata.url -o out.jsonl
  python -m cleaner scrapes/ --no-dedup --quiet -o out.jsonl     # no summary on stderr
  python -m cleaner scrapes/ -o out.jsonl --dedup exact   # only identical copies are duplicates
  python -m cleaner scrapes/ -o out.jsonl --workers 8      # 8 processes, same output as --workers 1
  python -m cleaner s3://bucket/crawl/ -o out.jsonl --engine ray --address auto   # on a Ray cluster
  python -m cleaner scrapes/ -o clean.jsonl --resume   # continue a killed run

exit status: 0 every input was read (kept, dropped or duplicate); 1 the run
finished but some inputs failed (status error in the rejects file); 2 usage,
rule-file, --resume or output-writing errors; 3 stopped by --fail-fast at the first failed
input (nothing written; the checkpoint is kept); 130 interrupted (Ctrl-C; run
again with --resume to continue)."""


def _rule_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("rules")
    group.add_argument("--rules", action="append", default=[], metavar="DIR",
                       help="also load the rule files (*.toml) under DIR; repeatable. Example: --rules my-rules/")
    group.add_argument("--no-builtin-rules", action="store_true",
                       help="use only the rules given with --rules, not the built-in ones. "
                       "Example: --no-builtin-rules --rules my-rules/")
    group.add_argument("--no-site-rules", action="store_true",
                       help="ignore site-scoped rules (rules with 'site' or 'fingerprint'): generic rules and heuristics only. "
                       "Example: --no-site-rules")


def _dedup_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("deduplication")
    group.add_argument("--dedup", choices=("exact", "near"), default="near",
                       help="near (default): exact copies and near copies (MinHash + LSH over word shingles of the clean "
                       "text, e.g. a wire story on three sites, one with an editor's note); exact: only copies whose "
                       "normalised text is identical. Duplicates go to the rejects file with status duplicate "
                       "(example: --dedup exact)")
    group.add_argument("--no-dedup", action="store_true", help="keep every copy (example: --no-dedup)")


def _stages(args: argparse.Namespace, config: Config) -> list:
    """The corpus stages the options ask for (dedup, unless --no-dedup)."""
    if args.no_dedup:
        return []
    from .dedup.stage import DedupStage

    return [DedupStage(replace(config.dedup, mode=args.dedup))]


def _options(args: argparse.Namespace) -> RuleOptions:
    return RuleOptions(builtin=not args.no_builtin_rules, site_rules=not args.no_site_rules, extra_dirs=tuple(args.rules))


def run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cleaner",
        description="Strip site chrome from scraped pages (.txt, .html, .htm, optionally .gz; WARC and WET files "
        "(.warc, .warc.gz, .warc.wet.gz); JSONL from other pipelines (.jsonl, named explicitly)) and write one JSON "
        "record per article, plus a run report. Other commands: 'rules check', 'explain' (see 'python -m cleaner COMMAND --help').",
        epilog=RUN_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders (searched recursively)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="JSONL output, or Parquet when FILE ends in .parquet (needs: pip install 'cleaner[parquet]'); "
                        "default: stdout. Example: -o out.parquet")
    parser.add_argument("--rejects", metavar="FILE",
                        help="where inputs without a kept record go, with status and reason "
                        "(default: OUTPUT with .rejects.jsonl; with stdout output, a summary on stderr only)")
    _dedup_options(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    report = parser.add_argument_group("run report")
    report.add_argument("--report", metavar="FILE",
                        help="where report.json goes: counts per status, per rule, per language, lengths, duplicate "
                        "clusters, time per step (default: OUTPUT with .report.json; none for stdout). Example: --report run/report.json")
    report.add_argument("--report-html", metavar="FILE", nargs="?", const=True,
                        help="also write the report as a self-contained page with charts (default FILE: beside the "
                        "JSON report, .html). Example: --report-html report.html")
    _input_options(parser)
    _rule_options(parser)
    _reliability_options(parser)
    _scale_options(parser)
    return parser


def _scale_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("scale (the output is the same whatever these are)")
    group.add_argument("--workers", type=int, metavar="N", default=None,
                       help="clean with N worker processes (default: all cores; 1: in this process). Example: --workers 4")
    group.add_argument("--engine", choices=("local", "ray"), default="local",
                       help="local (default): this machine; ray: a Ray cluster (pip install 'cleaner[ray]'), inputs must be "
                       "paths the workers see or URLs (s3://...). Example: --engine ray --address auto")
    group.add_argument("--address", metavar="ADDR", help="the Ray cluster to join (default: start a local one). "
                       "Example: --address ray://head:10001")


def _executor(args: argparse.Namespace, parser: argparse.ArgumentParser):
    """The executor and progress line the scale options ask for."""
    from .parallel import Progress, make_executor

    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.address and args.engine != "ray":
        parser.error("--address needs --engine ray")
    return make_executor(args.engine, args.workers, args.address), Progress.for_terminal(quiet=args.quiet)


def _input_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("JSONL inputs (from other pipelines; a dotted NAME reaches into nested objects)")
    group.add_argument("--text-field", metavar="NAME", default="text",
                       help="the field holding the text (default: text). Example: --text-field content")
    group.add_argument("--id-field", metavar="NAME", default="id",
                       help="the field naming the document; its source becomes FILE#ID (default: id). Example: --id-field doc_id")
    group.add_argument("--url-field", metavar="NAME", default="url",
                       help="the field holding the page URL (default: url). Example: --url-field metadata.url")


def _reliability_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("bad input, crashes and resumption (README: Reliability)")
    group.add_argument("--resume", action="store_true",
                       help="continue the interrupted run whose checkpoint (OUTPUT.checkpoint/) is beside the output; "
                       "the output is identical to an uninterrupted run's. Example: -o out.jsonl --resume")
    group.add_argument("--fail-fast", action="store_true",
                       help="stop at the first input that cannot be read or processed (exit status 3) "
                       "instead of recording it as an error and going on. Example: --fail-fast")
    group.add_argument("--max-input-bytes", type=int, metavar="N",
                       help=f"inputs larger than N bytes (after gunzip) are rejected (default {Config().max_input_bytes}). "
                       "Example: --max-input-bytes 200000000")
    group.add_argument("--max-seconds", type=float, metavar="S",
                       help=f"reading + cleaning one input may take S seconds, else it fails with error.timeout "
                       f"(default {Config().max_seconds_per_document:g}; 0: no limit). Example: --max-seconds 10")
    group.add_argument("--manifest", metavar="FILE",
                       help="where the run manifest (counts, reasons, config, timing) goes (default: OUTPUT with "
                       ".manifest.json). Example: --manifest run/manifest.json")


def _config(args: argparse.Namespace) -> Config:
    changes = {}
    if getattr(args, "max_input_bytes", None) is not None:
        changes["max_input_bytes"] = args.max_input_bytes
    if getattr(args, "max_seconds", None) is not None:
        changes["max_seconds_per_document"] = args.max_seconds
    if any(value < 0 for value in changes.values()):
        raise ConfigError("--max-input-bytes and --max-seconds must be 0 or more")
    inputs = InputConfig(text_field=args.text_field, id_field=args.id_field, url_field=args.url_field)
    return replace(Config(), inputs=inputs, **changes)


def cmd_run(argv: list[str]) -> int:
    parser = run_parser()
    args = parser.parse_args(argv)
    if isinstance(args.report_html, str) and not args.report_html.lower().endswith((".html", ".htm")):
        parser.error(f"--report-html {args.report_html}: the page's name must end in .html "
                     "(to use the default name, put --report-html after the inputs)")
    if args.resume and args.output in (None, "-"):
        print("cleaner: --resume needs an output file (-o OUT.jsonl): the checkpoint lives beside it", file=sys.stderr)
        return EXIT_USAGE
    cleaner = Cleaner(config=_config(args), rule_options=_options(args))
    control = RunControl(resume=args.resume, fail_fast=args.fail_fast, manifest=args.manifest)
    executor, progress = _executor(args, parser)
    try:
        summary = run(cleaner, args.inputs, output=args.output, rejects=args.rejects, report=args.report,
                      report_html=args.report_html, stages=_stages(args, cleaner.config), control=control,
                      executor=executor, progress=progress)
    except RunStopped as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return EXIT_STOPPED
    except OSError as exc:  # the output side: disk full, folder not writable
        print(f"cleaner: cannot write the output: {exc}; nothing was written under the output names", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("cleaner: interrupted; nothing was written under the output names"
              + ("; run the same command with --resume to continue" if args.output not in (None, "-") else ""), file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        executor.close()
    if not args.quiet:
        for note in summary.notes:
            print(f"cleaner: {note}", file=sys.stderr)
        kept, inputs, statuses = summary.kept, summary.inputs, summary.statuses
        duplicates = f", {statuses['duplicate']} duplicates" if not args.no_dedup else ""
        print(f"cleaner: {inputs} inputs = {kept} kept + {inputs - kept} rejected "
              f"({statuses['dropped']} dropped, {statuses['error']} errors{duplicates})"
              + (f"; rejects in {summary.rejects}" if summary.rejects and inputs > kept else "")
              + (f"; manifest in {summary.manifest}" if summary.manifest else ""), file=sys.stderr)
        if not summary.rejects:
            for entry in summary.rejected:
                print(f"  {entry['status']}: {entry['source']}: {entry['reason']}", file=sys.stderr)
        written = [path for path in (summary.report_json, summary.report_html) if path]
        if written:
            print(f"cleaner: report in {' and '.join(written)}", file=sys.stderr)
    return EXIT_INPUT_ERRORS if summary.errors else EXIT_OK


def cmd_rules(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cleaner rules", description="Work with rule files. 'check' validates them.",
        epilog="examples:\n  python -m cleaner rules check            # the built-in rules\n"
        "  python -m cleaner rules check my-rules/   # your rules (and nothing else)",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="action", required=True)
    check = sub.add_parser("check", help="validate rule files: unknown keys, bad patterns, duplicate ids",
                           description="Validate every *.toml rule file under DIR (default: the built-in rules).",
                           epilog="example:\n  python -m cleaner rules check rules/", formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("dirs", nargs="*", metavar="DIR", help="rule folders or files (default: built-in rules)")
    args = parser.parse_args(argv)
    dirs = args.dirs or [str(builtin_rules_dir())]
    try:
        rules = load_rules(dirs)
    except RuleFileError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    kinds: dict[str, int] = {}
    for rule in rules.rules:
        kinds[rule.kind] = kinds.get(rule.kind, 0) + 1
    detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(f"ok: {len(rules)} rules in {', '.join(dirs)} ({detail})")
    return EXIT_OK


def cmd_explain(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cleaner explain",
        description="Print FILE with every removed line marked by the rule or heuristic that removed it, "
        "its evidence, and the metadata found (coloured by rule on a terminal). With --html, write the same as a page: "
        "removed lines struck through and coloured by rule, a legend of rule ids with their rationale, the metadata. "
        "A WARC or JSONL FILE shows every document in it.",
        epilog="examples:\n  python -m cleaner explain ../shared/seeds/004_407e9e002ca6946b.txt | less -R\n"
        "  python -m cleaner explain page.html --html explain.html      # then open explain.html in a browser\n"
        "  python -m cleaner explain crawl.warc.gz --color always | less -R",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", metavar="FILE", help="one input: a page (.txt, .html), a WARC/WET file or a JSONL file")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour removed lines by rule (default: on a terminal). Example: --color always")
    parser.add_argument("--html", metavar="OUT", help="write the explanation as a self-contained HTML page to OUT "
                        "instead of printing it. Example: --html explain.html")
    _input_options(parser)
    _rule_options(parser)
    args = parser.parse_args(argv)
    cleaner = Cleaner(config=_config(args), rule_options=_options(args))
    docs = [cleaner.pipeline.process(doc) for doc in cleaner.pipeline.read_all(args.file)]
    if args.html:
        from .report import write_page
        from .report.explain_html import render_explain

        write_page(args.html, render_explain(docs, cleaner.rules.by_id()))
        print(f"cleaner: explanation of {len(docs)} document{'s' if len(docs) != 1 else ''} in {args.html}", file=sys.stderr)
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        for doc in docs:
            sys.stdout.write(explain(doc, cleaner.rules.by_id(), color=color))
    return EXIT_INPUT_ERRORS if any(doc.status is Status.ERROR for doc in docs) else EXIT_OK


COMMANDS = {"rules": cmd_rules, "explain": cmd_explain, "run": cmd_run}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:  # to clean a folder named like a command: 'run rules' or './rules'
            return COMMANDS[argv[0]](argv[1:])
        return cmd_run(argv)
    except RuleFileError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CleanerError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
