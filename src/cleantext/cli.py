"""The ``cleantext`` command: a filter, a corpus tool and a pre-commit hook.

Exit codes: 0 clean or unchanged (or a plain filter run), 1 changes needed (``--check``,
``--diff``, ``--explain``) or made (``--fix``), 2 usage or input error.  Cleaned text
and reports (diffs, explanations) go to stdout; messages and ``--stats`` to stderr.
See docs/cli.md.
"""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:  # only for annotations: keep start-up light
    import argparse

    from .cli_run import FileResult, Job
    from .config import Config

__all__ = ["main"]

PROG = "cleantext"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: the files a folder given on the command line contributes (recursively, hidden ones skipped)
FOLDER_SUFFIXES = (".txt", ".md", *JSONL_SUFFIXES)
#: broken JSONL lines reported one by one per file; the rest are counted
MAX_REPORTED = 100
HTML_EXTRA = 'pip install "proseclean[html]"'


class UsageError(Exception):
    """Bad flags or settings (exit 2)."""


class _Abort(Exception):
    """Stop the run: an input error with ``--on-error fail`` (exit 2)."""


class _Unchanged(Exception):
    """Raised inside an atomic write to leave an unchanged file alone."""


def main(argv: list[str] | None = None) -> int:
    """Run the command with *argv* (default ``sys.argv[1:]``) and return the exit code."""
    args_list = sys.argv[1:] if argv is None else list(argv)
    if args_list[:1] == ["learn"]:
        return _learn(args_list[1:])
    if args_list == ["--version"]:  # the fast path: nothing but the version string
        from ._version import __version__

        sys.stdout.write(f"{PROG} {__version__}\n")
        return 0
    try:
        args = _parser().parse_args(args_list)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return _run(args)
    except UsageError as exc:
        _say(f"{PROG}: error: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. ``cleantext big.jsonl | head``: stop quietly
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _learn(argv: list[str]) -> int:
    try:
        from . import learn
    except ImportError as exc:
        if exc.name not in ("cleantext.learn", None):
            raise
        _say(f"{PROG}: error: 'cleantext learn' is not available in this installation ({exc})")
        return 2
    return int(learn.main(argv))


def _say(message: str) -> None:
    """One message line on stderr (above a progress bar if one is showing)."""
    bar = _Progress.active
    if bar is not None:
        bar.write(message, file=sys.stderr)
    else:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


# ----------------------------------------------------------------------------- arguments
def _names(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _parser() -> argparse.ArgumentParser:
    import argparse

    from ._version import __version__

    p = argparse.ArgumentParser(
        prog=PROG,
        description="Turn scraped article text into clean prose. Reads FILEs (or stdin) and writes the "
        "cleaned text to stdout, or fixes/checks files in place. 'cleantext learn --help': site models.",
        epilog="Exit codes: 0 clean or unchanged; 1 changes needed (--check, --diff, --explain) or made "
        "(--fix); 2 usage or input error. Settings: [tool.cleantext] in pyproject.toml or cleantext.toml, "
        "found from the working directory upwards; flags win.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="input files; '-' or none: stdin")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")

    out = p.add_argument_group("output and modes")
    out.add_argument("-o", "--output", metavar="FILE", help="write the cleaned text to FILE (atomically)")
    out.add_argument("--fix", action="store_true", help="rewrite FILEs in place; exit 1 if any changed")
    out.add_argument("--check", action="store_true", help="change nothing; exit 1 if any FILE would change")
    out.add_argument("--diff", action="store_true", help="print a unified diff of the changes")
    out.add_argument(
        "--explain", action="store_true", help="list each change as 'file:line rule: removed/changed text'"
    )
    out.add_argument("--stats", action="store_true", help="print per-rule counts on stderr at the end")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colored diffs")
    out.add_argument("-q", "--quiet", action="store_true", help="no 'fixed:'/'would fix:' lines or summary")
    out.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    rules = p.add_argument_group("rules")
    rules.add_argument(
        "--select", type=_names, metavar="RULES", help="rule names or families (comma separated)"
    )
    rules.add_argument("--ignore", type=_names, metavar="RULES", help="rule names or families to leave out")
    rules.add_argument("--extend-select", type=_names, metavar="RULES", help="add rules to the selection")
    rules.add_argument("--extend-ignore", type=_names, metavar="RULES", help="add rules to the ignored ones")
    rules.add_argument("--list-rules", action="store_true", help="list every rule with its description")
    rules.add_argument("--config", metavar="FILE", help="read settings from FILE instead of searching")
    rules.add_argument("--isolated", action="store_true", help="ignore configuration files")

    inp = p.add_argument_group("input")
    inp.add_argument("--encoding", metavar="ENC", help="input encoding (default utf-8; HTML: detected)")
    fmt = inp.add_mutually_exclusive_group()
    fmt.add_argument("--jsonl", action="store_const", const="jsonl", dest="format", help="inputs are JSONL")
    fmt.add_argument(
        "--text", action="store_const", const="text", dest="format", help="inputs are text (even *.jsonl)"
    )
    inp.add_argument("--field", default="text", help="JSONL: the field to clean (default: text)")
    inp.add_argument(
        "--output-field", metavar="FIELD", help="JSONL: where to put the result (default: --field)"
    )
    inp.add_argument(
        "--on-error",
        choices=("keep", "fail"),
        default="keep",
        help="JSONL: a broken line is reported and kept unchanged (keep) or stops the run, exit 2 (fail)",
    )
    inp.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (0: one per CPU)"
    )
    inp.add_argument(
        "--html", action="store_true", help="inputs are HTML pages: extract the article, then clean"
    )
    inp.add_argument("--url-field", default="url", metavar="FIELD", help="JSONL + --html: the page URL field")

    site = p.add_argument_group("site models")
    site.add_argument("--model", metavar="FILE", help="a site model from 'cleantext learn'")
    site.add_argument(
        "--group-field", metavar="FIELD", help="JSONL: the field naming each record's site (url)"
    )
    site.add_argument("--site", metavar="SITE", help="text input: the site (URL or host) the text is from")
    return p


# ----------------------------------------------------------------------------- settings
def _run(args: argparse.Namespace) -> int:
    from .configfile import ConfigError, FileSettings, load_config

    try:
        if args.isolated:
            settings = FileSettings()
        elif args.config:
            from pathlib import Path

            settings = load_config(Path(args.config))
        else:
            settings = load_config()
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc
    select = tuple(args.select) if args.select is not None else settings.select
    ignore = tuple(args.ignore) if args.ignore is not None else settings.ignore
    if args.extend_select:
        select = (*(select or ("ALL",)), *args.extend_select)
    if args.extend_ignore:
        ignore = (*(ignore or ()), *args.extend_ignore)

    if args.list_rules:
        return _list_rules(select, ignore, settings.config)

    _check_flags(args)
    model_path = args.model or (str(settings.model) if settings.model else None)
    job = _job(
        args,
        select=select,
        ignore=ignore,
        config=settings.config,
        model_path=model_path,
        group_field=args.group_field or settings.group_field,
        settings_path=settings.path,
    )
    return _execute(args, job)


def _check_flags(args: argparse.Namespace) -> None:
    if args.fix and args.check:
        raise UsageError("--fix and --check exclude each other")
    if args.output and (args.fix or args.check):
        raise UsageError("-o/--output writes the cleaned text; it does not go with --fix or --check")
    if (args.fix or args.check or args.diff) and args.html:
        raise UsageError(
            "--html turns pages into text: use it as a filter (stdout or -o), not with --fix/--check"
        )
    if args.fix and (not args.files or "-" in args.files):
        raise UsageError("--fix rewrites files: name them (stdin cannot be fixed in place)")
    if args.files.count("-") > 1:
        raise UsageError("stdin ('-') can be read only once")
    if args.jobs < 0:
        raise UsageError("-j/--jobs must be 0 (one per CPU) or more")


def _job(
    args: argparse.Namespace,
    *,
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...] | None,
    config: Config,
    model_path: str | None,
    group_field: str | None,
    settings_path: object = None,
) -> Job:
    import os

    from .cli_run import Job
    from .registry import default_pipeline

    try:
        default_pipeline(select, ignore, config)  # fail early on unknown rule names or marker categories
    except ValueError as exc:
        where = f" (settings from {settings_path})" if settings_path else ""
        raise UsageError(f"{exc}{where}") from exc
    if args.encoding:
        import codecs

        try:
            codecs.lookup(args.encoding)
        except LookupError as exc:
            raise UsageError(f"unknown encoding {args.encoding!r}") from exc
    if args.html:
        _require_html()
    if args.site and not model_path:
        raise UsageError("--site chooses the site of a site model: give --model too")
    model = _load_model(model_path) if model_path else None
    if model is not None and args.site:
        from .site import site_of

        site: str | None = site_of(args.site)
    else:
        site = None
    if args.fix:
        mode = "fix"
    elif args.check or ((args.diff or args.explain) and not args.output):
        mode = "check"
    else:
        mode = "filter"
    if args.color == "auto":
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    else:
        color = args.color == "always"
    return Job(
        select=select,
        ignore=ignore,
        config=config,
        model=model,
        site=site,
        html=args.html,
        encoding=args.encoding,
        mode=mode,
        explain=args.explain,
        diff=args.diff,
        stats=args.stats,
        color=color,
        field=args.field,
        output_field=args.output_field or args.field,
        group_field=group_field or "url",
        url_field=args.url_field,
    )


def _require_html() -> None:
    # imported here only when --html is given: trafilatura is slow to import
    try:
        import trafilatura  # noqa: F401

        from . import html  # noqa: F401
    except ImportError as exc:
        raise UsageError(f"--html needs the HTML extra: {HTML_EXTRA} ({exc})") from exc


def _load_model(path: str) -> Any:
    try:
        from .site import SiteModel
    except ImportError as exc:
        raise UsageError(f"--model: site models are not available in this installation ({exc})") from exc
    try:
        return SiteModel.load(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"--model: cannot load {path}: {exc}") from exc


def _list_rules(select: tuple[str, ...] | None, ignore: tuple[str, ...] | None, config: Config) -> int:
    from .registry import all_rules, default_pipeline

    try:
        chosen = set(default_pipeline(select, ignore, config).names)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    rules = all_rules(config)
    width = max((len(r.name) for r in rules), default=4)
    lines = []
    for rule in rules:
        state = "on" if rule.name in chosen else ("opt-in" if not rule.default else "off")
        lines.append(f"{rule.name:<{width}}  {state:<6}  {rule.description}\n")
    sys.stdout.write("".join(lines))
    return 0


# ----------------------------------------------------------------------------- running
class _Progress:
    """A tqdm bar on stderr when stderr is a terminal and tqdm is installed; else nothing."""

    active: Any = None

    def __init__(self, enabled: bool, total: int | None, desc: str, unit: str = "B") -> None:
        self.bar: Any = None
        if not enabled or not sys.stderr.isatty():
            return
        try:
            from tqdm import tqdm
        except ImportError:
            return
        self.bar = tqdm(
            total=total,
            desc=desc,
            unit=unit,
            unit_scale=unit == "B",
            file=sys.stderr,
            leave=False,
            dynamic_ncols=True,
        )
        _Progress.active = self.bar

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            _Progress.active = None


class _Totals:
    """What a run did, for the exit code, the summary and ``--stats``."""

    def __init__(self, job: Job) -> None:
        from .cli_run import Stats

        self.files = 0
        self.changed_files = 0
        self.errors = 0
        self.stats: Stats | None = Stats() if job.stats else None


def _execute(args: argparse.Namespace, job: Job) -> int:
    from contextlib import ExitStack

    from .cli_io import atomic_writer
    from .cli_run import Workers, default_jobs

    inputs = _expand(args.files)
    if args.files and not inputs:  # only empty folders: nothing to do (never fall back to stdin)
        _say(f"{PROG}: no {', '.join('*' + s for s in FOLDER_SUFFIXES)} files in the given folders")
        return 0
    inputs = inputs or ["-"]
    kinds = [_kind(path, args.format) for path in inputs]
    totals = _Totals(job)
    stdin_data: bytes | None = None
    if job.mode == "filter":
        # Read and decode every text input first: an undecodable file stops the run
        # before anything is written (never a truncated output).
        valid = _validate_texts(inputs, kinds, job)
        if valid is None:
            return 2
        inputs, kinds, stdin_data = valid
    try:
        with ExitStack() as stack:
            out: BinaryIO | None = None
            if job.mode == "filter":
                out = stack.enter_context(atomic_writer(args.output)) if args.output else sys.stdout.buffer
            workers = stack.enter_context(Workers(job, default_jobs(args.jobs)))
            texts = [
                (p, stdin_data if p == "-" else None)
                for p, k in zip(inputs, kinds, strict=True)
                if k == "text"
            ]
            text_results = workers.map_text(texts)
            progress = not args.no_progress
            bar = _Progress(progress and len(texts) > 1, len(texts), "files", unit="file")
            try:
                for path, kind in zip(inputs, kinds, strict=True):
                    if kind == "jsonl":
                        _run_jsonl(
                            path,
                            job=job,
                            workers=workers,
                            out=out,
                            totals=totals,
                            on_error=args.on_error,
                            progress=progress,
                            quiet=args.quiet,
                        )
                    else:
                        _report_text(next(text_results), job, out, totals, args.quiet)
                        bar.update(1)
            finally:
                bar.close()
            if totals.errors and args.output:
                raise _Abort  # -o: all or nothing
    except _Abort:
        sys.stdout.flush()
        totals.errors = max(totals.errors, 1)
    sys.stdout.flush()
    if totals.stats is not None:
        from .registry import all_rules

        sys.stderr.write(totals.stats.render([r.name for r in all_rules(job.config)]))
    if job.mode in ("fix", "check") and not args.quiet and totals.files:
        verb = "fixed" if job.mode == "fix" else "would fix"
        _say(f"{PROG}: {verb} {totals.changed_files} of {totals.files} file{'s' * (totals.files != 1)}")
    if totals.errors:
        return 2
    if job.mode in ("fix", "check") and totals.changed_files:
        return 1
    return 0


def _expand(paths: list[str]) -> list[str]:
    """Folders become the corpus files under them (sorted); other paths stay as given."""
    import os

    out: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            out.append(path)
            continue
        found: list[str] = []
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(
                os.path.join(root, f)
                for f in files
                if f.lower().endswith(FOLDER_SUFFIXES) and not f.startswith(".")
            )
        out.extend(sorted(found))
    return out


def _looks_binary(fh: IO[bytes], encoding: str | None) -> bool:
    """Look at the start of a stream without consuming it."""
    from .cli_io import BINARY_SNIFF, is_binary

    peek = getattr(fh, "peek", None)
    head = peek(BINARY_SNIFF)[:BINARY_SNIFF] if peek is not None else b""
    return is_binary(head, encoding or "utf-8")


def _kind(path: str, fmt: str | None) -> str:
    if fmt:
        return str(fmt)
    return "jsonl" if path.lower().endswith(JSONL_SUFFIXES) else "text"


def _validate_texts(
    inputs: list[str], kinds: list[str], job: Job
) -> tuple[list[str], list[str], bytes | None] | None:
    """Read and decode the text inputs; drop binary ones; ``None`` after an input error."""
    from .cli_io import BinaryInput, InputError, prepare, read_bytes

    keep_inputs: list[str] = []
    keep_kinds: list[str] = []
    stdin_data: bytes | None = None
    for path, kind in zip(inputs, kinds, strict=True):
        if kind == "text":
            try:
                data = read_bytes(path)
                if path == "-":
                    stdin_data = data
                prepare(data, path, job.encoding, html=job.html)
            except BinaryInput as exc:
                _say(f"{PROG}: {exc}")
                continue
            except InputError as exc:
                _say(f"{PROG}: error: {exc}")
                return None
        keep_inputs.append(path)
        keep_kinds.append(kind)
    return keep_inputs, keep_kinds, stdin_data


def _report_text(result: FileResult, job: Job, out: BinaryIO | None, totals: _Totals, quiet: bool) -> None:
    name = "<stdin>" if result.path == "-" else result.path
    if result.status == "binary":
        _say(f"{PROG}: {result.message}")
        return
    if result.status == "error":
        _say(f"{PROG}: error: {result.message}")
        totals.errors += 1
        return
    totals.files += 1
    if result.report:
        _write_report(result.report)
    if out is not None and result.output is not None:
        out.write(result.output.encode("utf-8"))
    if result.stats is not None and totals.stats is not None:
        totals.stats.merge(result.stats)
    if result.changed:
        totals.changed_files += 1
        if job.mode in ("fix", "check") and not quiet:
            _say(f"{'fixed' if job.mode == 'fix' else 'would fix'}: {name}")


def _write_report(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8", "backslashreplace"))


def _run_jsonl(
    path: str,
    *,
    job: Job,
    workers: Any,
    out: BinaryIO | None,
    totals: _Totals,
    on_error: str,
    progress: bool,
    quiet: bool,
) -> None:
    import os
    from contextlib import ExitStack

    from .cli_io import InputError, atomic_writer

    name = "<stdin>" if path == "-" else path
    try:
        fh: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        _say(f"{PROG}: error: {name}: {exc.strerror or exc}")
        totals.errors += 1
        return
    if _looks_binary(fh, job.encoding):
        _say(f"{PROG}: {name}: skipped: binary file (NUL bytes)")
        if path != "-":
            fh.close()
        return
    size = None
    if path != "-":
        try:
            size = os.fstat(fh.fileno()).st_size
        except OSError:
            size = None
    bar = _Progress(progress, size, os.path.basename(name))
    changed = broken = 0
    try:
        with ExitStack() as stack:
            if path != "-":
                stack.callback(fh.close)
            target = out
            if job.mode == "fix":
                target = stack.enter_context(atomic_writer(path))
            chunk: list[bytes] = []  # a batch's output lines, written at once

            def flush() -> None:
                if target is not None and chunk:
                    target.write(b"".join(chunk))
                    chunk.clear()

            for result in workers.map_jsonl(name, fh):
                for rec in result.records:
                    if rec.error:
                        if on_error == "fail":
                            flush()
                            _say(f"{PROG}: error: {rec.error}")
                            totals.errors += 1
                            raise _Abort
                        broken += 1
                        if broken <= MAX_REPORTED:
                            _say(f"{PROG}: kept broken line: {rec.error}")
                    if rec.report:
                        flush()  # reports and lines stay in order
                        _write_report(rec.report)
                    if target is not None:
                        data = rec.data
                        if job.mode == "filter" and not data.endswith(b"\n"):
                            data += b"\n"
                        chunk.append(data)
                flush()
                changed += result.changed
                if result.stats is not None and totals.stats is not None:
                    totals.stats.merge(result.stats)
                bar.update(result.size)
            if job.mode == "fix" and not changed:
                raise _Unchanged
    except _Unchanged:
        pass
    except InputError as exc:  # the file changed while the workers read it (nothing is fixed)
        _say(f"{PROG}: error: {exc}")
        totals.errors += 1
        return
    finally:
        bar.close()
    if broken:
        shown = f" ({MAX_REPORTED} listed)" if broken > MAX_REPORTED else ""
        _say(f"{PROG}: {name}: {broken} broken line{'s' * (broken != 1)} kept unchanged{shown}")
    totals.files += 1
    if changed:
        totals.changed_files += 1
        if job.mode in ("fix", "check") and not quiet:
            verb = "fixed" if job.mode == "fix" else "would fix"
            _say(f"{verb}: {name} ({changed} record{'s' * (changed != 1)})")
