"""Bad input: every kind is recognised, named, and never stops a batch."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import batch, text
from extractor.text import InputError, decode, looks_like_bijoy, read_article

BENGALI = "বাংলাদেশের রপ্তানি ২০২৩ সালে ৫ শতাংশ বেড়েছে। মানুষ দেশে টাকা পাঠিয়েছে।\n"
ENGLISH = (
    "The ministry said exports rose by five percent last year, while imports of "
    "wheat and fuel fell. Officials expect the trend to continue into next spring.\n"
)

# A small Bijoy (SutonnyMJ) keymap written for these tests: Unicode letter -> glyph key.
_BIJOY = {
    "অ": "A", "আ": "Av", "ই": "B", "উ": "D", "এ": "G", "ও": "I",
    "ক": "K", "খ": "L", "গ": "M", "চ": "P", "ছ": "Q", "জ": "R", "ট": "U", "ঠ": "V",
    "ড": "W", "ণ": "Y", "ত": "Z", "থ": "_", "দ": "`", "ধ": "a", "ন": "b", "প": "c",
    "ফ": "d", "ব": "e", "ভ": "f", "ম": "g", "য": "h", "র": "i", "ল": "j", "শ": "k",
    "ষ": "l", "স": "m", "হ": "n", "য়": "q", "ড়": "o",
    "ং": "s", "া": "v", "ী": "x", "ু": "y", "ূ": "~", "ি": "w", "ে": "‡", "ৈ": "ˆ",
    "্র": "ª", "্য": "¨", "।": "|", " ": " ", "\n": "\n",
}  # fmt: skip
_NUKTA = {"য়": "য়", "ড়": "ড়", "\u09df": "য়", "\u09dc": "ড়"}
_CONSONANTS = set("কখগচছজটঠডণতথদধনপফবভমযরলশষসহ") | set(_NUKTA.values())


def to_bijoy(bengali: str) -> str:
    """Map Bengali through the table above. Bijoy is typed in visual order: a
    pre-base vowel sign (ি ে ৈ, and the ে of ো) goes before its consonant cluster."""
    for composed, key in _NUKTA.items():
        bengali = bengali.replace(composed, key)
    out: list[str] = []
    cluster = 0  # where the last consonant cluster starts in `out`
    i = 0
    while i < len(bengali):
        ch = bengali[i]
        pair = bengali[i : i + 2]
        if pair in _BIJOY and len(pair) == 2:
            if pair[0] in _CONSONANTS or pair in _NUKTA.values():
                cluster = len(out)
            out.append(_BIJOY[pair])
            i += 2
            continue
        if ch == "ো":
            out[cluster:cluster] = ["‡"]
            out.append("v")
        elif ch in "িেৈ":
            out[cluster:cluster] = [_BIJOY[ch]]
        else:
            if ch in _CONSONANTS:
                cluster = len(out)
            out.append(_BIJOY[ch])
        i += 1
    return "".join(out)


BIJOY_SAMPLE = (
    "বাংলাদেশের মানুষ দেশে টাকা পাঠিয়েছে। কেনাকাটা বেড়েছে না কমেছে তা দেখা দরকার।\n"
    "সরকার বিদেশে পণ্য পাঠায়। ভারতের সাথে ব্যবসা বাড়ছে।\n"
)


def kind_of(data: bytes) -> str | None:
    try:
        decode(data, "x.txt")
    except InputError as exc:
        assert exc.path == "x.txt"
        return exc.kind
    return None


def test_the_bijoy_table_maps_known_words() -> None:
    assert to_bijoy("বাংলাদেশ") == "evsjv‡`k"
    assert to_bijoy("কে") == "‡K"
    assert to_bijoy("টাকা") == "UvKv"
    assert to_bijoy("কোন পণ্য") == "‡Kvb cY¨"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (BENGALI.encode(), None),
        (b"\xef\xbb\xbf" + BENGALI.encode(), None),
        (ENGLISH.encode(), None),
        ("Größe Ökonomie «très» naïve — “quoted” © 2024\n".encode(), None),
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (BENGALI.encode("utf-16"), "encoding"),
        (BENGALI.encode("utf-16-le"), "encoding"),
        (BENGALI.encode("utf-16-be"), "encoding"),
        (ENGLISH.encode("utf-16-le"), "encoding"),
        (ENGLISH.encode("utf-16-be"), "encoding"),
        (BENGALI.encode("utf-32"), "encoding"),
        ("Café naïve “quoted” – déjà vu\n".encode("cp1252"), "encoding"),
        ("Größe und Ökonomie\n".encode("latin-1"), "encoding"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)), "binary"),
        (BENGALI.encode() + b"\x00" + BENGALI.encode(), "binary"),
        (b"\x01\x02\x03\x04 abc \x05\x06\x07\x08\x0e\x0f", "binary"),
        (to_bijoy(BIJOY_SAMPLE).encode("utf-8"), "legacy-encoding"),
        (to_bijoy(BIJOY_SAMPLE).encode("cp1252"), "legacy-encoding"),
    ],
    ids=lambda v: v if isinstance(v, str) or v is None else repr(v[:12]),
)
def test_decode_names_the_problem(data: bytes, kind: str | None) -> None:
    assert kind_of(data) == kind


def test_decode_names_the_guessed_encoding() -> None:
    messages = {}
    for name, data in {
        "UTF-16LE": BENGALI.encode("utf-16-le"),
        "UTF-16BE": ENGLISH.encode("utf-16-be"),
        "cp1252": "“smart quotes”\n".encode("cp1252"),
        "Latin-1": "Größe\n".encode("latin-1"),
        "Bijoy": to_bijoy(BIJOY_SAMPLE).encode("cp1252"),
    }.items():
        with pytest.raises(InputError) as info:
            decode(data)
        messages[name] = info.value.message
    for name, message in messages.items():
        assert name in message, message
    assert "without a byte order mark" in messages["UTF-16LE"]
    with pytest.raises(InputError) as info:
        decode(BENGALI.encode("utf-16"))
    assert "UTF-16LE (byte order mark)" in info.value.message


def test_random_bytes_are_never_decoded_as_an_article() -> None:
    rng = random.Random(7)
    for _ in range(50):
        data = bytes(rng.randrange(256) for _ in range(2000))
        assert kind_of(data) in {"binary", "encoding"}


@pytest.mark.parametrize(
    "sample",
    [
        ENGLISH * 3,
        "Use getValue() and setValue() in JavaScript; McDonald opened an iPhone store. © 2020\n",
        "Le «marché» a ouvert à Paris. Größe, Übung, Ökonomie, Çà et là. ¿Qué? ¡Sí!\n" * 3,
        BENGALI * 3,
        "",
    ],
)
def test_bijoy_heuristic_leaves_real_text_alone(sample: str) -> None:
    assert not looks_like_bijoy(sample)


def test_bijoy_heuristic_finds_legacy_text_even_inside_english() -> None:
    mixed = to_bijoy(BIJOY_SAMPLE) + "Reporter: A. Rahman\n"
    assert looks_like_bijoy(mixed)


def test_read_article_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError) as info:
        read_article(tmp_path / "nope.txt")
    assert info.value.kind == "missing"
    with pytest.raises(InputError) as info:
        read_article(tmp_path)
    assert info.value.kind == "unreadable"
    locked = tmp_path / "locked.txt"
    locked.write_text(BENGALI, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(text, "open", refuse, raising=False)
    with pytest.raises(InputError) as info:
        read_article(locked)
    assert info.value.kind == "unreadable"
    assert "permission" in info.value.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads chmod 000 files")
def test_chmod_000_file_is_unreadable(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(BENGALI, encoding="utf-8")
    locked.chmod(0)
    try:
        with pytest.raises(InputError) as info:
            read_article(locked)
        assert info.value.kind == "unreadable"
    finally:
        locked.chmod(0o644)


def _bad_folder(root: Path) -> dict[str, str | None]:
    """A folder of good and bad articles; file stem -> expected error kind."""
    files: dict[str, tuple[bytes, str | None]] = {
        "a_good": (BENGALI.encode(), None),
        "b_empty": (b"", "empty"),
        "c_utf16": (BENGALI.encode("utf-16"), "encoding"),
        "d_utf16_nobom": (BENGALI.encode("utf-16-le"), "encoding"),
        "e_cp1252": ("“Exports” rose\n".encode("cp1252"), "encoding"),
        "f_bijoy": (to_bijoy(BIJOY_SAMPLE).encode(), "legacy-encoding"),
        "g_nul": (b"abc\x00def", "binary"),
        "h_binary": (bytes(range(256)) * 4, "binary"),
        "i_good": (ENGLISH.encode(), None),
    }
    for stem, (data, _) in files.items():
        (root / f"{stem}.txt").write_bytes(data)
    return {stem: kind for stem, (_, kind) in files.items()}


def test_batch_records_one_error_per_bad_input_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    expected = _bad_folder(folder)
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(
        "\n".join(
            [
                json.dumps({"id": "j1", "text": BENGALI}, ensure_ascii=False),
                "{not json",
                json.dumps({"id": "j3"}),
                "[1, 2]",
                json.dumps({"id": "j5", "text": BENGALI, "date": "tomorrow"}, ensure_ascii=False),
                "",
                json.dumps({"id": "j7", "text": "   "}),
                json.dumps({"id": "j8", "text": BENGALI, "date": "2024-05-06"}, ensure_ascii=False),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    utf16_jsonl = tmp_path / "wide.jsonl"
    utf16_jsonl.write_bytes(json.dumps({"id": "w", "text": "x"}).encode("utf-16"))
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = batch.run(
        [str(folder), str(tmp_path / "missing"), str(jsonl), str(utf16_jsonl)],
        out=out,
        errors=errors,
        workers=1,
        progress=False,
    )
    docs = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert docs == ["a_good", "i_good", "j1", "j8"]
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert all(set(r) == {"path", "line", "kind", "message"} for r in records)
    by_path = {(Path(r["path"]).stem, r["line"]): r["kind"] for r in records}
    for stem, kind in expected.items():
        if kind is not None:
            assert by_path[(stem, None)] == kind
    assert by_path[("missing", None)] == "missing"
    assert by_path[("more", 2)] == "malformed-json"
    assert by_path[("more", 3)] == "bad-record"
    assert by_path[("more", 4)] == "malformed-json"
    assert by_path[("more", 5)] == "bad-record"
    assert by_path[("more", 7)] == "empty"
    assert by_path[("wide", None)] == "encoding"
    assert len(records) == summary.errors == 14
    assert summary.documents == 4


def test_cli_exit_status_and_summary(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BENGALI, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BENGALI.encode("utf-16"))
    cmd = [sys.executable, "-m", "extractor.cli", "run", "--workers", "1"]
    ok = subprocess.run([*cmd, str(good)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["doc_id"] == "good"
    assert ok.stderr.strip() == "1 documents, 0 errors"
    errors = tmp_path / "e.jsonl"
    mixed = subprocess.run(
        [*cmd, str(good), str(bad), "--errors", str(errors), "--out", str(tmp_path / "o.jsonl")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert mixed.returncode == 1
    assert mixed.stderr.strip() == f"1 documents, 1 errors (see {errors})"
    assert json.loads(errors.read_text(encoding="utf-8"))["kind"] == "encoding"


def _adversarial(size: int, sentences: bool = True) -> str:
    """Long runs of what the number and date patterns look for, in a seeded mix;
    with ``sentences`` some pieces end a sentence, else it is all one sentence."""
    pieces = [
        "১২৩৪৫৬৭৮৯০" * 40,
        "9" * 300,
        "," * 200,
        "১," * 150,
        "1,00," * 80,
        "(" * 100,
        ")" * 100,
        "((১ (২ (৩ " * 30,
        " কোটি" * 60,
        " লাখ হাজার" * 40,
        " মিলিয়ন বিলিয়ন" * 30,
        "২.৮১ কোটি (" * 40,
        "৫০ বিলিয়ন বা " * 40,
        "১৯৮৩ সালে " * 30,
        "জুলাই-ডিসেম্বর " * 30,
        "-" * 150,
        "." * 150,
        "১.২.৩.৪." * 50,
        "২০২৩-২৪-২৫-" * 40,
        "প্রায় " * 40,
        "১২.৫ শতাংশ % " * 30,
        " ডলার টাকা ৳$" * 30,
        " " * 300,
    ]
    if sentences:
        pieces += ["। ", "\n", "? "]
    rng = random.Random(1)
    out: list[str] = []
    total = 0
    while total < size:
        piece = rng.choice(pieces)
        out.append(piece)
        total += len(piece.encode("utf-8"))
    return "".join(out)


def _extract_in_subprocess(path: Path, timeout: int) -> dict[str, object]:
    # A guard, not a timing assertion: a catastrophic backtrack would hang the suite.
    code = (
        "import json, sys; from extractor import batch;"
        "o = batch.process_item(batch.Job(sys.argv[1], None, 'adv', None, None));"
        "print(json.dumps({'ok': o.error is None, 'error': o.error and o.error.message}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_adversarial_text_finishes(tmp_path: Path) -> None:
    # 256 KB in CI; the megabyte versions run with EXTRACTOR_SLOW_TESTS=1.
    path = tmp_path / "adversarial.txt"
    path.write_text(_adversarial(1 << 18), encoding="utf-8")
    result = _extract_in_subprocess(path, timeout=900)
    assert result == {"ok": True, "error": None}


@pytest.mark.skipif(
    os.environ.get("EXTRACTOR_SLOW_TESTS") != "1", reason="set EXTRACTOR_SLOW_TESTS=1"
)
def test_adversarial_megabyte_finishes(tmp_path: Path) -> None:
    path = tmp_path / "adversarial.txt"
    path.write_text(_adversarial(1 << 20), encoding="utf-8")
    result = _extract_in_subprocess(path, timeout=3600)
    assert result == {"ok": True, "error": None}


@pytest.mark.skipif(
    os.environ.get("EXTRACTOR_SLOW_TESTS") != "1", reason="set EXTRACTOR_SLOW_TESTS=1"
)
def test_adversarial_megabyte_without_a_sentence_end(tmp_path: Path) -> None:
    path = tmp_path / "adversarial.txt"
    path.write_text(_adversarial(1 << 20, sentences=False), encoding="utf-8")
    result = _extract_in_subprocess(path, timeout=3600)
    assert result == {"ok": True, "error": None}


@pytest.mark.skipif(
    os.environ.get("EXTRACTOR_SLOW_TESTS") != "1", reason="set EXTRACTOR_SLOW_TESTS=1"
)
def test_single_100_megabyte_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = BENGALI.strip() + " "
    with open(path, "w", encoding="utf-8") as f:
        for _ in range((100 << 20) // len(line.encode("utf-8"))):
            f.write(line)
    result = _extract_in_subprocess(path, timeout=3600)
    assert result == {"ok": True, "error": None}
