"""The pieces behind the command: settings files, reports, streaming, the worker pool."""

from __future__ import annotations

import io
import json
import os
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext import Change, Config, default_pipeline
from cleantext.cli import main
from cleantext.cli_io import (
    BinaryInput,
    InputError,
    atomic_writer,
    decode,
    is_binary,
    short,
    unified_diff,
)
from cleantext.cli_run import Cleaner, Job, Stats, Workers, explain_lines
from cleantext.configfile import ConfigError, find_config, load_config, parse_table
from cleantext.jsonl import (
    BATCH_LINES,
    Batch,
    Slice,
    Source,
    batches,
    process_batch,
    process_record,
    raw_lines,
    read_slice,
)

_CLEANER = Cleaner(Job())


# ----------------------------------------------------------------------------- settings
def test_parse_table_builds_a_config() -> None:
    settings = parse_table(
        {
            "select": ["normalize", "boilerplate"],
            "ignore": "normalize.spaces, normalize.layout",
            "markers": {"promo": ["Support our newsroom"], "share": "Share on Mastodon"},
            "place_names": {"Kiev": "Kyiv"},
            "place-names-mode": "always",
            "calques": {"take a decision": "make a decision"},
            "model": "site-lines.json",
            "group-field": "site",
        },
        Path("/proj/pyproject.toml"),
    )
    assert settings.select == ("normalize", "boilerplate")
    assert settings.ignore == ("normalize.spaces", "normalize.layout")
    assert settings.config == Config(
        extra_markers=(("promo", "Support our newsroom"), ("share", "Share on Mastodon")),
        place_names=(("Kiev", "Kyiv"),),
        place_names_mode="always",
        calques=(("take a decision", "make a decision"),),
    )
    assert settings.model == Path("/proj/site-lines.json")
    assert settings.group_field == "site"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"selct": []}, "unknown key 'selct'"),
        ({"select": [1]}, "select must be a list"),
        ({"markers": ["x"]}, "markers must be a table"),
        ({"markers": {"promo": [1]}}, "markers.promo"),
        ({"place-names": {"Kiev": 1}}, "place-names must be a table"),
        ({"place-names-mode": "sometimes"}, "place_names_mode"),
        ({"model": 3}, "model must be a string"),
    ],
)
def test_parse_table_rejects_bad_settings(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        parse_table(table, Path("cleantext.toml"))
    assert "cleantext.toml" in str(info.value)


def test_find_config_prefers_the_nearest(tmp_path: Path) -> None:
    (tmp_path / "cleantext.toml").write_text('ignore = ["normalize.spaces"]\n')
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text('[tool.cleantext]\nselect = ["normalize"]\n')
    found = find_config(inner)
    assert found is not None
    assert found[0] == tmp_path / "a" / "pyproject.toml"
    assert load_config(start=tmp_path).ignore == ("normalize.spaces",)
    assert load_config(start=inner).select == ("normalize",)


def test_cleantext_toml_may_use_the_tool_table(tmp_path: Path) -> None:
    (tmp_path / "cleantext.toml").write_text('[tool.cleantext]\nselect = ["normalize"]\n')
    assert load_config(start=tmp_path).select == ("normalize",)


def test_explicit_pyproject_without_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool\.cleantext\]"):
        load_config(tmp_path / "pyproject.toml")


# ----------------------------------------------------------------------------- input and output
def test_decode_error_reports_offset_and_line() -> None:
    with pytest.raises(InputError, match=r"f\.txt: cannot decode as utf-8 at byte offset 6 \(line 3\)"):
        decode(b"a\nbb\nc\xe9d", "f.txt")


def test_binary_detection() -> None:
    assert is_binary(b"abc\x00")
    assert not is_binary(b"abc")
    assert not is_binary("ab".encode("utf-16-le"), "utf-16-le")
    with pytest.raises(BinaryInput, match="<stdin>: skipped"):
        decode(b"\x00\x01", "-")


def test_atomic_writer_leaves_the_file_alone_on_error(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_writer(str(target)) as fh:
        fh.write(b"half of the new")
        raise RuntimeError("disk on fire")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_atomic_writer_new_file(tmp_path: Path) -> None:
    with atomic_writer(str(tmp_path / "new.txt")) as fh:
        fh.write(b"x")
    assert (tmp_path / "new.txt").read_bytes() == b"x"


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("a  b", "a b", "f")
    missing = "\\ No newline at end of file\n"
    assert diff == f"--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a  b\n{missing}+a b\n{missing}"


def test_short_quotes_and_cuts() -> None:
    assert short("a\nb") == '"a\\nb"'
    long = short("x" * 50 + "y" * 50, limit=20)
    assert long.startswith('"xxxxxxxxxx…') and long.endswith('yyyyyyyyy"')
    assert short("\ud800") == '"\\ud800"'


def test_explain_lines_include_findings() -> None:
    changes = [
        Change("boilerplate.share", 3, "Share this\n", "", 10, 21),
        Change("normalize.spaces", 1, "  ", " ", 2, 4),
        Change("translation.calque", 7, "take a decision", None, 30, 45),
    ]
    changes.append(Change("normalize.ellipsis-spacing", 3, "", " ", 4, 4))
    assert explain_lines("f.txt", changes) == (
        'f.txt:1 normalize.spaces: changed "  " -> " "\n'
        'f.txt:3 boilerplate.share: removed "Share this\\n"\n'
        'f.txt:3 normalize.ellipsis-spacing: inserted " "\n'
        'f.txt:7 translation.calque: found "take a decision"\n'
    )
    assert explain_lines("c.jsonl", changes[2:3], record=12, field="body") == (
        'c.jsonl:12 translation.calque: found "take a decision" (body line 7)\n'
    )


def test_stats_counts_lines_replacements_findings_and_documents() -> None:
    stats = Stats()
    stats.add(
        [
            Change("boilerplate.share", 3, "Share this\n", "", 0, 11),
            Change("boilerplate.share", 5, "Follow us\n", "", 0, 10),
            Change("normalize.layout", 1, "\n\n\n\n", "\n\n", 0, 4),
            Change("normalize.spaces", 1, "  ", " ", 0, 2),
            Change("translation.calque", 2, "x", None, 0, 1),
        ],
        changed=True,
    )
    stats.add([Change("normalize.spaces", 1, "  ", " ", 0, 2)], changed=True)
    stats.add([], changed=False)
    assert stats.rules == {
        "boilerplate.share": [1, 2, 0, 0],
        "normalize.layout": [1, 2, 0, 0],
        "normalize.spaces": [2, 0, 2, 0],
        "translation.calque": [0, 0, 0, 1],
    }
    merged = Stats()
    merged.merge(stats)
    merged.merge(stats)
    assert merged.documents == 6 and merged.changed == 4
    assert merged.rules["normalize.spaces"] == [4, 0, 4, 0]
    table = stats.render(["normalize.spaces", "boilerplate.share"]).splitlines()
    assert table[1].startswith("normalize.spaces")
    assert table[-1] == "3 documents, 2 changed"


# ----------------------------------------------------------------------------- streaming
class _CountingReader(io.RawIOBase):
    """A file of *n* JSONL lines of about 1 KB made as read, counting the bytes read."""

    def __init__(self, n: int) -> None:
        self.lines = (f'{{"text": "line  {i} {"x" * 1000}"}}\n'.encode() for i in range(n))
        self.read_bytes = 0
        self._rest = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        while len(self._rest) < len(buf):
            line = next(self.lines, None)
            if line is None:
                break
            self._rest += line
        part, self._rest = self._rest[: len(buf)], self._rest[len(buf) :]
        buf[: len(part)] = part
        self.read_bytes += len(part)
        return len(part)


def test_batches_are_lazy() -> None:
    from cleantext.jsonl import READ_SIZE

    reader = _CountingReader(20 * READ_SIZE // 1000)  # about 20 blocks
    stream = batches("big", io.BufferedReader(reader))
    first = next(stream)
    assert (first.first, len(first.lines)) == (1, BATCH_LINES)
    assert reader.read_bytes <= READ_SIZE + io.DEFAULT_BUFFER_SIZE  # a block, not the file
    second = next(stream)
    assert second.first == BATCH_LINES + 1


def test_workers_keep_few_items_in_flight() -> None:
    taken = 0

    def items() -> Iterator[Batch]:
        nonlocal taken
        for i in range(50):
            taken += 1
            yield Batch("x", i + 1, [b'{"text": "a  b"}\n'])

    with Workers(Job(), jobs=2) as workers:
        results = workers.map(process_batch, items())
        first = next(results)
        assert first.records[0].data == b'{"text": "a b"}\n'
        assert taken <= 5  # 2 * jobs in flight, plus the one being handed out
        assert len(list(results)) == 49


def test_pipelines_are_cached_per_site_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleantext import cli_run, registry

    built: list[str | None] = []

    def fake_pipeline(select: object, ignore: object, config: Config) -> object:
        built.append(config.site)
        return object()

    monkeypatch.setattr(registry, "default_pipeline", fake_pipeline)
    cleaner = Cleaner(Job(model=object()))  # a model makes the pipeline depend on the site
    first = cleaner.pipeline("a.example")
    assert cleaner.pipeline("a.example") is first
    for i in range(cli_run.PIPELINE_CACHE + 5):
        cleaner.pipeline(f"s{i}.example")
    assert len(cleaner._pipelines) == cli_run.PIPELINE_CACHE
    cleaner.pipeline("a.example")
    assert built.count("a.example") == 2  # evicted, then rebuilt
    plain = Cleaner(Job())  # without a model every site shares one pipeline
    assert plain.pipeline("x.example") is plain.pipeline("y.example")


# ----------------------------------------------------------------------------- learn dispatch
def test_learn_is_dispatched_with_its_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def fake_main(argv: list[str]) -> int:
        seen.append(argv)
        return 7

    fake = types.ModuleType("cleantext.learn")
    fake.main = fake_main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cleantext.learn", fake)
    monkeypatch.setattr(sys.modules["cleantext"], "learn", fake, raising=False)
    assert main(["learn", "corpus.jsonl", "-o", "m.json"]) == 7
    assert seen == [["corpus.jsonl", "-o", "m.json"]]


# ----------------------------------------------------------------------------- JSONL properties
_json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
_json_values = st.recursive(
    _json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(
    st.dictionaries(st.text(max_size=8).filter(lambda k: k != "text"), _json_values, max_size=5),
    st.text(max_size=200),
    st.integers(min_value=0, max_value=5),
    st.sampled_from([b"\n", b"\r\n", b""]),
)
def test_a_record_keeps_every_other_field_and_its_order(
    others: dict[str, object], text: str, position: int, end: bytes
) -> None:
    keys = list(others)
    keys.insert(min(position, len(keys)), "text")
    record = {k: (text if k == "text" else others[k]) for k in keys}
    raw = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass") + end
    result = process_record(_CLEANER, "c.jsonl", 1, raw)
    if result.error:  # only lone surrogates make a line that is not UTF-8
        assert result.data == raw
        return
    assert result.data.endswith(end)
    out = json.loads(result.data.decode("utf-8"))
    assert list(out) == keys
    assert out == {**record, "text": default_pipeline()(text)}
    assert result.changed == (out["text"] != text)
    if not result.changed:
        assert result.data == raw  # byte for byte


@given(st.binary(max_size=200))
def test_any_line_comes_back_or_is_reported(raw: bytes) -> None:
    line = raw.replace(b"\n", b" ") + b"\n"
    result = process_record(_CLEANER, "c.jsonl", 9, line)
    if result.changed:
        assert json.loads(result.data)["text"] is not None
    else:
        assert result.data == line
    if result.error:
        assert result.error.startswith("c.jsonl:9: ")


def test_a_worker_sends_back_only_the_lines_it_did_not_keep() -> None:
    from cleantext.jsonl import process_batch_sparse, restore_batch

    lines = [b'{"text": "a  b"}\n', b'{"text": "clean"}\n', b"\n", b"{broken\n", b'{"text": "x"}']
    batch = Batch("s.jsonl", 7, lines)
    full = process_batch(_CLEANER, batch)
    sparse = process_batch_sparse(_CLEANER, Batch("s.jsonl", 7, list(lines)))
    assert [r.data for r in sparse.records] == [b'{"text": "a b"}\n', b"", b"", b"", b""]
    assert [r.kept for r in sparse.records] == [False, True, True, True, True]
    assert sparse.records[3].error  # a broken line is reported, and kept as read
    assert restore_batch(batch, sparse) == full
    with Workers(Job(), jobs=2) as workers:
        piped = list(workers.map_jsonl("s.jsonl", io.BytesIO(b"".join(lines))))
    assert piped == [process_batch(_CLEANER, Batch("s.jsonl", 1, lines))]


# ----------------------------------------------------------------------------- workers reading the file
_SLICE_LINES = [
    b'{"text": "a  b"}\r\n',
    b"\n",
    b'{"text": "clean"}\n',
    b"{broken\n",
    b'{"text": "x\\u2028y"}',  # the last line, with no newline
]


def _source_of(path: Path) -> Source:
    st_ = path.stat()
    return Source(str(path), None, st_.st_dev, st_.st_ino)


def test_a_slice_reads_back_the_lines_the_main_process_read(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(b"skip me\n" + b"".join(_SLICE_LINES))
    start = len(b"skip me\n")
    with path.open("rb") as fh:
        fh.readline()
        read = next(batches("s.jsonl", fh))
    size = sum(map(len, _SLICE_LINES))
    piece = Slice("s.jsonl", 2, _source_of(path), offset=start, size=size, count=len(_SLICE_LINES))
    assert read_slice(piece) == Batch("s.jsonl", 2, _SLICE_LINES) == read._replace(first=2)
    # only "\n" ends a line (not "\r" alone, nor U+2028 or other line breaks of str.splitlines)
    odd = b'{"text": "a\rb"}\x0b\x1c\n'
    path.write_bytes(odd)
    piece = Slice("s.jsonl", 1, _source_of(path), offset=0, size=len(odd), count=1)
    assert read_slice(piece).lines == [odd]


def test_a_slice_of_a_file_that_changed_or_was_replaced_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cleantext.jsonl

    monkeypatch.setattr(cleantext.jsonl, "_OPEN", [])  # a worker that has opened nothing yet
    path = tmp_path / "s.jsonl"
    data = b"".join(_SLICE_LINES)
    path.write_bytes(data)
    source = _source_of(path)
    path.write_bytes(data[:-5])  # truncated while being cleaned
    with pytest.raises(InputError, match="changed while being read"):
        read_slice(Slice("s.jsonl", 1, source, offset=0, size=len(data), count=len(_SLICE_LINES)))
    path.write_bytes(data.replace(b"\r\n", b"\n\n"))  # as long, but the lines moved
    with pytest.raises(InputError, match="changed while being read"):
        read_slice(Slice("s.jsonl", 1, source, offset=0, size=len(data), count=len(_SLICE_LINES)))
    other = tmp_path / "other.jsonl"
    other.write_bytes(data)
    other.replace(path)  # a new file under the same name: a worker keeps reading the one it opened
    with pytest.raises(InputError, match="changed while being read"):
        read_slice(Slice("s.jsonl", 1, source, offset=0, size=len(data), count=len(_SLICE_LINES)))
    monkeypatch.setattr(cleantext.jsonl, "_OPEN", [])  # one that opens it now
    with pytest.raises(InputError, match="replaced"):
        read_slice(Slice("s.jsonl", 1, source, offset=0, size=len(data), count=len(_SLICE_LINES)))


def test_workers_read_a_regular_file_themselves_and_are_sent_lines_otherwise(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    texts = [f"t{i}  x" if i % 2 else f"t{i}" for i in range(300)]
    lines = [json.dumps({"i": i, "text": t}).encode() + b"\n" for i, t in enumerate(texts)]
    path.write_bytes(b"".join(lines))
    expected = [process_batch(_CLEANER, b) for b in batches("s.jsonl", io.BytesIO(b"".join(lines)))]
    with Workers(Job(), jobs=2) as workers, path.open("rb") as fh:
        source = workers._source(fh)
        assert source is not None and source[0].path == os.path.realpath(path) and source[1] == 0
        assert list(workers.map_jsonl("s.jsonl", fh)) == expected
        assert workers._source(io.BytesIO(b"")) is None  # no descriptor: the lines go by pipe
    with Workers(Job(), jobs=1) as workers, path.open("rb") as fh:
        assert list(workers.map_jsonl("s.jsonl", fh)) == expected


@given(
    data=st.lists(st.sampled_from([b"\n", b"{", b"\r", b"\xc3\xa9", b"\x00", b"ab" * 9]), max_size=30),
    block=st.integers(1, 12),
)
def test_raw_lines_splits_as_iterating_the_file_does(data: list[bytes], block: int) -> None:
    import cleantext.jsonl

    raw = b"".join(data)
    old = cleantext.jsonl.READ_SIZE
    cleantext.jsonl.READ_SIZE = block  # lines across block boundaries, and longer than a block
    try:
        assert list(raw_lines(io.BytesIO(raw))) == list(io.BytesIO(raw))
    finally:
        cleantext.jsonl.READ_SIZE = old


def test_raw_lines_hands_on_what_a_pipe_holds_without_waiting_for_a_full_block() -> None:
    class Pipe(io.RawIOBase):
        """Two writes so far, and no end: a read for more would block (here: fail)."""

        def __init__(self) -> None:
            self.parts = [b'{"a": 1}\n{"b"', b": 2}\n"]

        def readable(self) -> bool:
            return True

        def readinto(self, buf: Any) -> int:
            if not self.parts:
                raise AssertionError("read past what the writer has written")
            part = self.parts.pop(0)
            buf[: len(part)] = part
            return len(part)

    lines = raw_lines(io.BufferedReader(Pipe()))
    assert next(lines) == b'{"a": 1}\n'
    assert next(lines) == b'{"b": 2}\n'


def test_a_file_that_changes_under_the_workers_is_an_error_and_is_not_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.jsonl"
    data = b'{"text": "a  b"}\n' * 3
    path.write_bytes(data)
    real = Workers.map_jsonl

    def changing(self: Workers, name: str, fh: Any) -> Iterator[Any]:
        yield from list(real(self, name, fh))[:1]
        raise InputError(f"{name}: the file changed while being read (from line 2)")

    monkeypatch.setattr(Workers, "map_jsonl", changing)
    assert main(["--fix", str(path)]) == 2
    assert "c.jsonl: the file changed while being read (from line 2)" in capsys.readouterr().err
    assert path.read_bytes() == data  # nothing half-written
