"""Reading inputs: every file ends as articles or as rejects with a clear reason."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from flows.io import sources
from flows.io.sources import discover_files, doc_id_for, read_input
from flows.text.vocabulary import QUARANTINE_REASONS


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _read(tmp_path: Path, name: str, data: bytes):
    _write(tmp_path / name, data)
    files, missing = discover_files([tmp_path])
    assert not missing
    (file,) = [f for f in files if f.path.name == name]
    read = read_input(file)
    return read.articles, read.rejected


def test_doc_id_for_is_the_content_hash_prefix():
    assert doc_id_for("abc") == "ba7816bf8f01cfea"


@pytest.mark.parametrize(
    ("name", "data", "code", "reason_start"),
    [
        ("empty.txt", b"", "empty", "empty article"),  # zero bytes
        ("blank.txt", b"  \n\t\n", "empty", "empty article"),  # white space only
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "binary content"),  # NUL bytes
        ("latin1.txt", "Café crème".encode("latin-1"), "not_utf8", "not valid UTF-8"),  # wrong encoding
        ("truncated.jsonl.gz", gzip.compress(b'{"id": "a", "text": "hello"}\n')[:-8], "bad_gzip", "truncated gzip"),
        ("garbage.txt.gz", b"this is not gzip at all", "bad_gzip", "corrupt gzip"),  # bad magic
        ("table.csv", b"a,b\n1,2\n", "unsupported_type", "unsupported file type"),  # not an article format
        ("nothing.jsonl", b"\n\n", "empty", "empty file"),  # only blank lines
        ("image.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "no article and bytes"),  # no line is JSON
        ("latin1.jsonl", '{"text": "Café"}'.encode("latin-1"), "not_utf8", "no article and bytes"),  # the one line
    ],
)
def test_read_input_rejects_whole_bad_files_with_a_reason(tmp_path, name, data, code, reason_start):
    articles, rejected = _read(tmp_path, name, data)
    assert articles == []
    assert len(rejected) == 1 and rejected[0].reason.startswith(reason_start)
    assert rejected[0].code == code and code in QUARANTINE_REASONS
    assert rejected[0].line_number is None


def test_read_input_keeps_good_jsonl_lines_and_rejects_bad_ones_by_number(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "First article.", "url": "https://x.test/a1", "source": "wire"}),
        "{not json",
        json.dumps({"id": "a2"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a3", "text": 42}),
        json.dumps({"id": "a4", "text": "   "}),
        json.dumps({"id": "a5", "text": "Second article.", "title": "T"}),
    ]
    articles, rejected = _read(tmp_path, "feed.jsonl", "\n".join(lines).encode())
    assert [a.external_id for a in articles] == ["a1", "a5"]
    assert [a.line_number for a in articles] == [1, 7]
    assert articles[0].article.metadata == {"url": "https://x.test/a1", "source": "wire"}
    assert articles[0].article.doc_id == doc_id_for("First article.")
    assert [(r.line_number, r.code, r.reason.split(" (")[0]) for r in rejected] == [
        (2, "broken_json", "broken JSON line"),
        (3, "no_text", "JSON line has no 'text' field"),
        (4, "not_an_object", "JSON line is a list, not an object"),
        (5, "no_text", "'text' is a int, not a string"),
        (6, "empty_text", "empty article"),
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("one.txt", "Un article en français.".encode()),  # plain UTF-8
        ("bom.txt", "\ufeffUn article en français.".encode()),  # UTF-8 with BOM
        ("utf16.txt", "Un article en français.".encode("utf-16")),  # UTF-16 with BOM
        ("one.txt.gz", gzip.compress("Un article en français.".encode())),  # gzip of text
    ],
)
def test_read_input_reads_a_text_article_in_every_supported_form(tmp_path, name, data):
    articles, rejected = _read(tmp_path, name, data)
    assert rejected == []
    assert [a.article.text for a in articles] == ["Un article en français."]
    assert articles[0].external_id == "one" if name.startswith("one") else True


def test_read_input_reads_gzipped_jsonl(tmp_path):
    data = gzip.compress(b'{"id": "g1", "text": "Zipped."}\n{"id": "g2", "text": "Also zipped."}\n')
    articles, rejected = _read(tmp_path, "feed.jsonl.gz", data)
    assert rejected == [] and [a.external_id for a in articles] == ["g1", "g2"]


def test_discover_files_recurses_skips_docs_and_reports_missing_paths(tmp_path):
    _write(tmp_path / "a" / "b" / "deep.txt", b"Deep article.")
    _write(tmp_path / "ATTRIBUTION.md", b"# credits")
    _write(tmp_path / ".hidden.txt", b"hidden")
    files, missing = discover_files([tmp_path, tmp_path / "nope"])
    assert [f.path.name for f in files] == ["deep.txt"]
    assert files[0].size_bytes == len(b"Deep article.") and len(files[0].sha256) == 64
    assert missing == [tmp_path / "nope"]


def test_read_input_keeps_lines_with_unicode_line_separators_whole(tmp_path):
    text = "Para one.\u2028Para two.\u2029Three\u0085end."
    data = (json.dumps({"id": "u", "text": text}, ensure_ascii=False) + "\n").encode()
    articles, rejected = _read(tmp_path, "seps.jsonl", data)
    assert rejected == [] and [a.article.text for a in articles] == [text]


def test_read_input_maps_metadata_names_with_the_setting(tmp_path):
    line = json.dumps({"id": "m", "text": "Body.", "issued": "2020-02-02", "link": "https://www.x.test/m"})
    articles, _ = _read(tmp_path, "m.jsonl", line.encode())
    assert articles[0].article.metadata == {"url": "https://www.x.test/m", "source": "x.test"}
    files, _ = discover_files([tmp_path / "m.jsonl"])
    (mapped,) = read_input(files[0], {"published_at": "issued"}).articles
    assert mapped.article.metadata["published_at"] == "2020-02-02"


def _line(ident: str, text: str) -> bytes:
    return json.dumps({"id": ident, "text": text}).encode()


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        (b'{"id": "x", "text": "caf\xe9"}', "not valid UTF-8 (byte 0xe9 at offset 54 of the file)"),  # latin-1 byte
        (b'{"id": "x", "text": "a\x00b"}', "NUL byte at offset 52 of the file"),  # NUL early in the file
    ],
)
def test_read_input_rejects_only_the_jsonl_line_with_bad_bytes(tmp_path, bad_line, reason):
    data = b"\n".join([_line("a", "First."), bad_line, _line("b", "Third.")])
    articles, rejected = _read(tmp_path, "feed.jsonl", data)
    assert [(a.external_id, a.line_number) for a in articles] == [("a", 1), ("b", 3)]
    assert [(r.line_number, r.code, r.reason) for r in rejected] == [(2, "bad_bytes", reason)]
    assert "\\x" in (rejected[0].raw_excerpt or "")  # the bad byte shown escaped


def test_read_input_reads_crlf_bom_and_utf16_jsonl(tmp_path):
    lines = [_line("a", "Première."), _line("b", "Deuxième.")]
    for name, data in [
        ("crlf.jsonl", b"\xef\xbb\xbf" + b"\r\n".join(lines) + b"\r\n"),  # BOM and Windows line ends
        ("wide.jsonl", b"\n".join(lines).decode().encode("utf-16")),  # UTF-16 with BOM
    ]:
        articles, rejected = _read(tmp_path, name, data)
        assert rejected == [] and [a.article.text for a in articles] == ["Première.", "Deuxième."], name


def test_read_input_refuses_a_line_above_the_line_limit_and_keeps_counting_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "LINE_LIMIT_BYTES", 64)
    monkeypatch.setattr(sources, "CHUNK_BYTES", 16)  # the long line spans chunks
    data = b"\n".join([_line("a", "Short."), _line("long", "x" * 200), _line("b", "Also short.")])
    articles, rejected = _read(tmp_path, "feed.jsonl", data)
    assert [(a.external_id, a.line_number) for a in articles] == [("a", 1), ("b", 3)]
    ((number, code, reason),) = [(r.line_number, r.code, r.reason) for r in rejected]
    assert (number, code) == (2, "line_too_long") and reason == "line longer than the 64 bytes limit (226 bytes)"


def test_read_input_refuses_a_gzip_that_expands_past_the_file_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "FILE_LIMIT_BYTES", 1 << 20)
    bomb = gzip.compress(_line("a", "Fine.") + b"\n" + b" " * (8 << 20))  # 8 MB of blanks from ~8 kB
    articles, rejected = _read(tmp_path, "bomb.jsonl.gz", bomb)
    assert articles == []
    assert [(r.code, r.reason) for r in rejected] == [("too_large", "file larger than the 1 MB limit (decompressed)")]


def test_read_input_refuses_a_text_article_above_the_line_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "LINE_LIMIT_BYTES", 1 << 10)
    monkeypatch.setattr(sources, "CHUNK_BYTES", 100)
    articles, rejected = _read(tmp_path, "long.txt.gz", gzip.compress(b"word " * 300))
    assert articles == [] and [(r.code, r.reason) for r in rejected] == [
        ("too_large", "article file larger than the 1 kB limit")
    ]
    assert len(_read(tmp_path, "short.txt", b"word " * 200)[0]) == 1


def test_read_input_hashes_the_bytes_it_read_not_those_discovered(tmp_path):
    path = _write(tmp_path / "feed.jsonl", _line("a", "Original."))
    (discovered,), _ = discover_files([path])
    replaced = _line("a", "Replaced after discovery.")
    path.write_bytes(replaced)
    read = read_input(discovered)
    assert read.sha256 == hashlib.sha256(replaced).hexdigest() != discovered.sha256
    assert read.size_bytes == len(replaced)
    assert [a.article.text for a in read.articles] == ["Replaced after discovery."]


def test_read_input_of_a_file_deleted_after_discovery_reads_nothing(tmp_path):
    path = _write(tmp_path / "feed.jsonl.gz", gzip.compress(_line("a", "Gone.")))
    (discovered,), _ = discover_files([path])
    path.unlink()
    read = read_input(discovered)
    assert (read.articles, read.sha256, read.size_bytes) == ([], "", 0)
    assert [(r.code, r.reason) for r in read.rejected] == [
        ("unreadable", "unreadable file (No such file or directory)")
    ]


def test_read_input_hashes_a_whole_gzip_even_when_refusing_it(tmp_path):
    data = gzip.compress(b"not json at all\n") + b"trailing garbage"
    path = _write(tmp_path / "feed.jsonl.gz", data)
    (discovered,), _ = discover_files([path])
    read = read_input(discovered)
    assert [r.code for r in read.rejected] == ["bad_gzip"]
    assert (read.sha256, read.size_bytes) == (discovered.sha256, len(data))


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("newlines.jsonl", b"\n" * (8 << 20), "empty"),  # millions of empty lines
        ("spaces.jsonl", b" \r\n\t" * (2 << 20), "empty"),  # millions of white-space lines
        ("junk.jsonl", b"x\n" * (4 << 20), "not_jsonl"),  # millions of bad lines
    ],
)
def test_read_input_gets_through_millions_of_short_lines_at_once(tmp_path, name, data, code):
    articles, rejected = _read(tmp_path, name, data)  # line by line in Python this took minutes
    assert articles == [] and [r.code for r in rejected] == [code]


def test_read_input_numbers_lines_after_skipped_white_space(tmp_path):
    data = b"\n \n\r\n" + _line("a", "First.") + b"\n\n\t  " + _line("b", "Second.") + b"\r\n\n"
    articles, rejected = _read(tmp_path, "gaps.jsonl", data)
    assert rejected == [] and [(a.external_id, a.line_number) for a in articles] == [("a", 4), ("b", 6)]


def test_read_input_refuses_a_jsonl_file_of_mostly_bad_lines_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BAD_LINES", 3)
    good, bad = _line("a", "Fine."), b"{broken"
    articles, rejected = _read(tmp_path, "mixed.jsonl", b"\n".join([good] * 4 + [bad] * 4))
    assert [a.line_number for a in articles] == [1, 2, 3, 4]  # more than 3 bad lines, but not more than articles
    assert [r.line_number for r in rejected] == [5, 6, 7, 8]
    articles, rejected = _read(tmp_path, "worse.jsonl", b"\n".join([good, bad, bad, bad, bad]))
    assert articles == [] and [(r.code, r.reason) for r in rejected] == [
        ("not_jsonl", "not JSON Lines: 4 bad lines, 1 articles")
    ]


def test_discover_files_returns_a_dangling_link_so_that_reading_it_quarantines_it(tmp_path):
    _write(tmp_path / "in" / "real.txt", b"Real article.")
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    files, _ = discover_files([tmp_path / "in"])
    assert [(f.path.name, f.sha256 != "") for f in files] == [("gone.txt", False), ("real.txt", True)]
    rejected = read_input(files[0]).rejected
    assert [(r.code, r.reason) for r in rejected] == [("unreadable", "unreadable file (No such file or directory)")]


def test_discover_files_returns_a_folder_it_cannot_list_so_that_reading_it_quarantines_it(tmp_path, monkeypatch):
    _write(tmp_path / "in" / "real.txt", b"Real article.")
    (tmp_path / "in" / "locked").mkdir()
    real_walk = sources.os.walk

    def walk(top, onerror):  # as if the folder were not readable (root reads every folder)
        for folder, names, files in real_walk(top):
            if folder.endswith("locked"):
                onerror(PermissionError(13, "Permission denied", folder))
                continue
            yield folder, names, files

    monkeypatch.setattr(sources.os, "walk", walk)
    files, _ = discover_files([tmp_path / "in"])
    assert [f.path.name for f in files] == ["locked", "real.txt"]
    assert [(r.code, r.reason) for r in read_input(files[0]).rejected] == [
        ("unreadable", "unreadable folder (its files cannot be listed)")
    ]
