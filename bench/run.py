"""Throughput and memory benchmark (issue 6). Never run as a timed test.

    python bench/run.py                 # 20 MB of varied text, all measurements
    python bench/run.py --size-mb 1 --rss-mb 2 --skip-dateparser   # a quick smoke run (CI)

Builds varied Bengali text from the bundled corpus (numbers, country names and
sentence order changed in every copy so that no tokenizer cache helps) and
reports on the same text, as MB/s of UTF-8 input and as a ratio to (a):
(a) spaCy blank("bn") tokenizer alone, (b) the full pipeline in one process,
(c) the full pipeline with 2 worker processes, (d) dateparser's search_dates on
a subset, (e) the extractor's date stage alone (what (d) does); then one
worker's RSS after 10 MB and 100 MB of input and its peak.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import platform
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parents[1]
BN_DIGITS = "০১২৩৪৫৬৭৮৯"
_NUMBER = regex.compile(r"[0-9০-৯]+")
_SENTENCE = regex.compile(r"[^।?!\n]+[।?!]?")


def _countries() -> list[str]:
    from babel import Locale

    names = Locale("bn").territories
    return sorted(str(v) for k, v in names.items() if isinstance(k, str) and k.isalpha())


def _vary_number(m: regex.Match[str], rng: random.Random) -> str:
    digits = [str(rng.randrange(10)) for _ in m.group()]
    if len(digits) > 1:
        digits[0] = str(rng.randrange(1, 10))
    if m.group()[0] in BN_DIGITS or rng.random() < 0.8:
        return "".join(BN_DIGITS[int(d)] for d in digits)
    return "".join(digits)


def varied_documents(size_mb: float, seed: int = 7) -> Iterator[str]:
    """Yield article-sized documents until about size_mb MB of UTF-8 text."""
    sources = sorted((ROOT / "corpus").glob("*.txt")) or sorted(
        (ROOT.parent / "shared" / "seed").glob("*.txt")
    )
    if not sources:
        raise SystemExit("no corpus/*.txt to build benchmark text from")
    sentences = []
    for path in sources:
        sentences += [s.strip() for s in _SENTENCE.findall(path.read_text(encoding="utf-8"))]
    sentences = [s for s in sentences if s]
    countries = _countries()
    country_re = regex.compile("|".join(regex.escape(c) for c in countries[:200]))
    rng = random.Random(seed)
    target = int(size_mb * 1_000_000)
    produced = 0
    while produced < target:
        picked = rng.sample(sentences, min(len(sentences), 40))
        doc = " ".join(picked)
        doc = _NUMBER.sub(lambda m: _vary_number(m, rng), doc)
        doc = country_re.sub(lambda _m: rng.choice(countries), doc)
        produced += len(doc.encode("utf-8"))
        yield doc


def _mb(docs: list[str]) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 1_000_000


def bench_spacy(docs: list[str]) -> float:
    import spacy

    nlp = spacy.blank("bn")
    start = time.perf_counter()
    for d in docs:
        nlp.tokenizer(d)
    return time.perf_counter() - start


def bench_pipeline(docs: list[str]) -> float:
    from extractor import extract

    extract("১৯৮৩ সালে ২৮.১ মিলিয়ন ডলার", doc_id="warm")
    start = time.perf_counter()
    for i, d in enumerate(docs):
        extract(d, doc_id=str(i)).model_dump_json()
    return time.perf_counter() - start


def bench_dates_only(docs: list[str]) -> float:
    """The date stage alone (normalize, then find dates): the like-for-like rival of (d)."""
    from extractor.dates import find_dates
    from extractor.text import normalize

    find_dates(normalize("১৯৮৩ সালে").text)
    start = time.perf_counter()
    for d in docs:
        find_dates(normalize(d).text)
    return time.perf_counter() - start


def _work(item: tuple[int, str]) -> str:
    from extractor import extract

    return extract(item[1], doc_id=str(item[0])).model_dump_json()


def bench_workers(docs: list[str], workers: int) -> float:
    ctx = mp.get_context("fork") if sys.platform == "linux" else mp.get_context()
    with ctx.Pool(workers) as pool:
        pool.map(_work, [(0, "১৯৮৩ সালে")] * workers)  # start-up and imports off the clock
        start = time.perf_counter()
        for _ in pool.imap(_work, enumerate(docs), chunksize=8):
            pass
        return time.perf_counter() - start


def bench_dateparser(docs: list[str], mb: float) -> tuple[float, float] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    subset, size = [], 0.0
    for d in docs:
        subset.append(d)
        size += len(d.encode("utf-8")) / 1_000_000
        if size >= mb:
            break
    start = time.perf_counter()
    for d in subset:
        search_dates(d, languages=["bn"])
    return time.perf_counter() - start, size


def date_accuracy() -> dict[str, int] | None:
    """Gold date mentions of the bundled corpus found with the right value.

    dateparser returns full datetimes, so it is right only where the gold value
    is a full day (a bare year it fills with today's month and day).
    """
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    from extractor import extract
    from extractor.records import Document

    gold_total = ours = theirs = 0
    for gold_path in sorted((ROOT / "gold").glob("*.json")):
        text = (ROOT / "corpus" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        gold = Document.model_validate_json(gold_path.read_text(encoding="utf-8"))
        dates = [m for m in gold.mentions if m.kind == "date"]
        gold_total += len(dates)
        found = {(m.start, m.end, m.value) for m in extract(text).mentions if m.kind == "date"}
        ours += sum(
            any(s < g.end and g.start < e and v == g.value for s, e, v in found) for g in dates
        )
        pos = 0
        hits = []
        for phrase, when in search_dates(text, languages=["bn"]) or []:
            start = text.find(phrase, pos)
            if start >= 0:
                pos = start + len(phrase)
                hits.append((start, pos, when.date().isoformat()))
        theirs += sum(
            any(s < g.end and g.start < e and v == g.value for s, e, v in hits) for g in dates
        )
    return {"gold_dates": gold_total, "extractor_correct": ours, "dateparser_correct": theirs}


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 1_000_000


def _peak_mb() -> float:
    """This process's peak RSS (VmHWM: unlike getrusage's ru_maxrss, which Linux
    carries across exec, it starts afresh in the worker subprocess)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1_000_000
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1_000_000


def worker_rss(total_mb: float) -> dict[str, float]:
    """Stream total_mb MB through one process; RSS after 10% and 100%, and the peak."""
    from extractor import extract

    seen = 0.0
    marks: dict[str, float] = {}
    checkpoint = total_mb / 10
    for i, d in enumerate(varied_documents(total_mb, seed=11)):
        extract(d, doc_id=str(i)).model_dump_json()
        seen += len(d.encode("utf-8")) / 1_000_000
        if "rss_at_10pct" not in marks and seen >= checkpoint:
            marks["rss_at_10pct"] = _rss_mb()
    marks["rss_at_end"] = _rss_mb()
    marks["peak_rss"] = _peak_mb()
    marks["input_mb"] = seen
    return marks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=20.0, help="text for (a)-(c)")
    ap.add_argument("--dateparser-mb", type=float, default=0.5, help="subset for (d)")
    ap.add_argument("--rss-mb", type=float, default=100.0, help="input streamed for RSS")
    ap.add_argument("--skip-dateparser", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--_rss-worker", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._rss_worker:
        print(json.dumps(worker_rss(args._rss_worker)))
        return

    docs = list(varied_documents(args.size_mb))
    mb = _mb(docs)
    rows: list[tuple[str, float, float]] = []
    t_spacy = bench_spacy(docs)
    rows.append(("(a) spaCy blank('bn') tokenizer", mb, t_spacy))
    rows.append(("(b) extractor, 1 process", mb, bench_pipeline(docs)))
    rows.append(("(c) extractor, 2 workers", mb, bench_workers(docs, 2)))
    if not args.skip_dateparser:
        dp = bench_dateparser(docs, args.dateparser_mb)
        if dp:
            rows.append((f"(d) dateparser search_dates ({dp[1]:.1f} MB subset)", dp[1], dp[0]))
    rows.append(("(e) extractor dates only, 1 process", mb, bench_dates_only(docs)))
    accuracy = None if args.skip_dateparser else date_accuracy()
    rss = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--_rss-worker", str(args.rss_mb)],
            check=True,
            stdout=subprocess.PIPE,  # the worker's errors go to our stderr
            text=True,
        ).stdout
    )
    base = mb / t_spacy
    results = {
        "machine": f"{platform.processor() or platform.machine()}, {mp.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "text_mb": round(mb, 2),
        "rows": [
            {
                "what": w,
                "mb": round(m, 2),
                "seconds": round(t, 2),
                "mb_per_s": round(m / t, 2),
                "ratio_to_a": round((m / t) / base, 2),
            }
            for w, m, t in rows
        ],
        "worker_rss_mb": {k: round(v, 1) for k, v in rss.items()},
        "corpus_dates": accuracy,
    }
    results["targets"] = targets(results)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"machine: {results['machine']}; text: {mb:.1f} MB of varied Bengali")
    print(f"| {'what':<48} | {'MB/s':>7} | {'× (a)':>6} |")
    print(f"|{'-' * 50}|{'-' * 9}|{'-' * 8}|")
    for r in results["rows"]:
        print(f"| {r['what']:<48} | {r['mb_per_s']:>7.2f} | {r['ratio_to_a']:>6.2f} |")
    if accuracy:
        print(
            f"dates of the bundled corpus found with the right value: extractor "
            f"{accuracy['extractor_correct']}/{accuracy['gold_dates']}, dateparser "
            f"{accuracy['dateparser_correct']}/{accuracy['gold_dates']}"
        )
    r = results["worker_rss_mb"]
    growth = 100 * (r["rss_at_end"] / r["rss_at_10pct"] - 1)
    print(
        f"worker RSS: {r['rss_at_10pct']:.0f} MB after {r['input_mb'] / 10:.0f} MB, "
        f"{r['rss_at_end']:.0f} MB after {r['input_mb']:.0f} MB ({growth:+.1f}%), "
        f"peak {r['peak_rss']:.0f} MB"
    )
    for name, (value, goal, met) in results["targets"].items():
        print(f"target {name}: {value} (goal {goal}) {'met' if met else 'MISSED'}")


def targets(results: dict[str, Any]) -> dict[str, tuple[float, str, bool]]:
    """The issue's targets from one run: name -> (measured, goal, met)."""
    speed = {r["what"][:3]: r["mb_per_s"] for r in results["rows"]}
    out: dict[str, tuple[float, str, bool]] = {}
    one = speed["(b)"] / speed["(a)"]
    out["1 process / spaCy"] = (round(one, 2), ">= 3", one >= 3)
    two = speed["(c)"] / speed["(b)"]
    out["2 workers / 1 process"] = (round(two, 2), ">= 1.7", two >= 1.7)
    if "(d)" in speed:
        vs = speed["(b)"] / speed["(d)"]
        out["1 process / dateparser"] = (round(vs, 1), ">= 50", vs >= 50)
        dates = speed["(e)"] / speed["(d)"]
        out["dates only / dateparser"] = (round(dates, 1), ">= 50", dates >= 50)
    rss = results["worker_rss_mb"]
    out["peak RSS MB"] = (rss["peak_rss"], "<= 250", rss["peak_rss"] <= 250)
    growth = 100 * (rss["rss_at_end"] / rss["rss_at_10pct"] - 1)
    out["RSS growth 10 -> 100 MB, %"] = (round(growth, 1), "< 10", growth < 10)
    return out


if __name__ == "__main__":
    main()
