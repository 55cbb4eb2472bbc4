"""The bundled corpus: every article has a gold file, every gold file is valid,
and the seed article comes out exactly as its gold says."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from extractor import extract
from extractor.cli import app
from extractor.records import Document
from extractor.text import read_article
from extractor.validate import validate_paths

ROOT = Path(__file__).parents[1]
SEED = "000_d69e61afd5523e7d"


def test_one_gold_file_per_article() -> None:
    articles = {p.stem for p in (ROOT / "corpus").glob("*.txt")}
    golds = {p.stem for p in (ROOT / "gold").glob("*.json")}
    assert len(articles) >= 13
    assert articles == golds


def test_gold_files_validate() -> None:
    assert validate_paths([ROOT / "gold"]) == []
    result = CliRunner().invoke(app, ["validate", str(ROOT / "gold")])
    assert result.exit_code == 0, result.output


def test_seed_article_equals_its_gold() -> None:
    text = read_article(ROOT / "corpus" / f"{SEED}.txt")
    gold = Document.model_validate_json(
        (ROOT / "gold" / f"{SEED}.json").read_text(encoding="utf-8"), context={"text": text}
    )
    got = extract(text, doc_id=SEED)
    assert (len(gold.events), len(gold.trade), len(gold.mentions)) == (6, 6, 20)

    def key(records: list) -> list:  # type: ignore[type-arg]
        return sorted(r.model_dump_json() for r in records)

    assert key(got.mentions) == key(gold.mentions)
    assert key(got.trade) == key(gold.trade)
    # Events are scored on type, date and participants; the clause span and actor are checked too.
    assert key(got.events) == key(gold.events)
