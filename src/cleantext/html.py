"""HTML input: :func:`clean_html` and :func:`extract`.

trafilatura finds the article body; cleantext then removes what trafilatura leaves:
furniture elements are pruned from the page before extraction, the headline and
standfirst repeated at the top of the body move to the metadata, and the text pipeline
cleans the rest.  Needs the ``html`` extra (``pip install "proseclean[html]"``).

>>> from cleantext.html import clean_html
>>> prose = "A sentence of prose. " * 20
>>> page = f"<html><body><article><h1>Title</h1><p>{prose}</p></article></body></html>"
>>> clean_html(page).startswith("A sentence of prose.")
True
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from typing import Any, TypeVar

from .core import Pipeline
from .html_encoding import decode_html

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "Document",
    "HtmlError",
    "HtmlExtraMissing",
    "HtmlTimeout",
    "HtmlTooLarge",
    "clean_html",
    "extract",
]

#: pages larger than this many bytes are refused (:class:`HtmlTooLarge`)
DEFAULT_MAX_BYTES = 20_000_000
#: seconds one page may take to extract (:class:`HtmlTimeout`); ``None`` = no limit
DEFAULT_TIMEOUT: float | None = 30.0

_INSTALL_HINT = 'HTML input needs the html extra: pip install "proseclean[html]"'
_T = TypeVar("_T")


class HtmlError(ValueError):
    """A page that cannot be processed (base class of the HTML errors)."""


class HtmlTooLarge(HtmlError):
    """The page is larger than ``max_bytes``."""


class HtmlTimeout(HtmlError, TimeoutError):
    """Extraction took longer than ``timeout`` seconds."""


class HtmlExtraMissing(ImportError):
    """trafilatura (the ``html`` extra) is not installed."""


@dataclass(frozen=True)
class Document:
    """An article extracted from a page: cleaned body text plus metadata.

    Fields the page does not provide are ``None``; ``text`` is ``""`` when no body
    was found.
    """

    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None
    description: str | None = None
    text: str = ""


def clean_html(
    html: str | bytes,
    *,
    url: str | None = None,
    pipeline: Pipeline | None = None,
    include_comments: bool = False,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> str:
    """Return the cleaned article text of the page *html*.

    *html* is ``str`` or ``bytes`` (the encoding is detected).  *url* helps metadata
    extraction.  *pipeline* cleans the extracted text (default:
    :func:`cleantext.default_pipeline`).  Reader comments are dropped unless
    *include_comments*.  Raises :class:`HtmlTooLarge` above *max_bytes*,
    :class:`HtmlTimeout` after *timeout* seconds (``None`` disables either guard) and
    :class:`HtmlExtraMissing` (an ``ImportError``) without the ``html`` extra.
    Broken markup never raises: it gives what can be extracted, possibly ``""``.
    """
    return _run(
        html,
        url=url,
        pipeline=pipeline,
        include_comments=include_comments,
        max_bytes=max_bytes,
        timeout=timeout,
        metadata=False,
    ).text


def extract(
    html: str | bytes,
    url: str | None = None,
    *,
    pipeline: Pipeline | None = None,
    include_comments: bool = False,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Document:
    """Return the page's :class:`Document`: metadata and cleaned body text.

    Same arguments and errors as :func:`clean_html`.
    """
    return _run(
        html,
        url=url,
        pipeline=pipeline,
        include_comments=include_comments,
        max_bytes=max_bytes,
        timeout=timeout,
        metadata=True,
    )


def _run(
    html: str | bytes,
    *,
    url: str | None,
    pipeline: Pipeline | None,
    include_comments: bool,
    max_bytes: int | None,
    timeout: float | None,
    metadata: bool,
) -> Document:
    _require_trafilatura()
    if not isinstance(html, (str, bytes, bytearray)):
        raise TypeError(f"extract() takes str or bytes, not {type(html).__name__}")
    _check_size(html, max_bytes)
    text = decode_html(bytes(html)) if isinstance(html, (bytes, bytearray)) else html
    if pipeline is None:
        from .registry import default_pipeline

        pipeline = default_pipeline()
    raw = _with_timeout(timeout, _extract_raw, text, url, include_comments, metadata)
    body = pipeline.clean(raw.text) if raw.text else ""
    return Document(
        title=raw.title,
        author=raw.author,
        date=raw.date,
        url=raw.url,
        sitename=raw.sitename,
        description=raw.description,
        text=body,
    )


def _extract_raw(
    text: str,
    url: str | None,
    include_comments: bool,
    metadata: bool = True,
    *,
    html_signals: bool = True,
    settings: dict[str, Any] | None = None,
) -> Document:
    """trafilatura's part: metadata and body, before the text pipeline.

    Without *metadata* only what the headline check needs is read (the page's own
    title and description tags), which skips trafilatura's date and author search.

    *html_signals* off leaves out what cleantext adds on the HTML side (pruning,
    split-body repair, headline removal); *settings* override trafilatura arguments.
    Both exist for benchmarks/html_eval.py.
    """
    from . import html_extract as hx

    tree = hx.parse(text)
    if tree is None:
        return Document(url=url)
    meta = hx.run_metadata(deepcopy(tree), url) if metadata else dict.fromkeys(hx.METADATA_FIELDS)
    if not html_signals:
        body = hx.run_trafilatura(tree, url=url, include_comments=include_comments, settings=settings)[0]
        return Document(text=body)
    headlines = hx.page_headlines(tree)
    descriptions = hx.page_descriptions(tree)
    standfirsts = hx.page_standfirsts(tree)
    hx.prune(tree)
    body = hx.run_trafilatura(tree, url=url, include_comments=include_comments, settings=settings)[0]
    pieces = hx.split_bodies(tree)
    if pieces and hx.pieces_missing(body, pieces):
        # trafilatura kept the first piece of a body split by ads: join the pieces, retry
        hx.merge_pieces(pieces)
        body = hx.run_trafilatura(tree, url=url, include_comments=include_comments, settings=settings)[0]
    body = hx.strip_heading(
        body, (meta["title"], *headlines), (meta["description"], *descriptions), standfirsts
    )
    return Document(text=body, **{k: v for k, v in meta.items() if k != "url"}, url=meta["url"] or url)


# ---------------------------------------------------------------------------- guards
def _require_trafilatura() -> None:
    try:
        import trafilatura  # noqa: F401
    except ImportError as err:
        raise HtmlExtraMissing(_INSTALL_HINT) from err


def _check_size(html: str | bytes | bytearray, max_bytes: int | None) -> None:
    if max_bytes is None:
        return
    size = len(html)
    if isinstance(html, str) and max_bytes // 4 < size <= max_bytes:
        size = len(html.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise HtmlTooLarge(
            f"page is larger than max_bytes={max_bytes:,} ({size:,}+ bytes); pass a larger max_bytes or None"
        )


def _with_timeout(timeout: float | None, func: Callable[..., _T], *args: Any) -> _T:
    """Run ``func(*args)``, raising :class:`HtmlTimeout` after *timeout* seconds.

    In the main thread a ``SIGALRM`` timer interrupts the work; elsewhere (threads,
    Dask workers) the work runs in a helper thread that is abandoned on timeout.
    """
    if timeout is None or timeout <= 0:
        return func(*args)
    if _can_use_alarm():
        with _alarm(timeout):
            return func(*args)
    return _in_thread(timeout, func, *args)


def _can_use_alarm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


class _Expired(BaseException):
    """Raised by the alarm handler; a BaseException so library code cannot swallow it."""


@contextmanager
def _alarm(timeout: float) -> Iterator[None]:
    def _on_alarm(signum: int, frame: Any) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        yield
    except _Expired:
        raise HtmlTimeout(f"HTML extraction took longer than timeout={timeout}s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_thread(timeout: float, func: Callable[..., _T], *args: Any) -> _T:
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = func(*args)
        except BaseException as err:  # handed to the caller below
            box["error"] = err

    worker = threading.Thread(target=work, name="cleantext-html", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise HtmlTimeout(f"HTML extraction took longer than timeout={timeout}s")
    if "error" in box:
        raise box["error"]
    value: _T = box["value"]
    return value
