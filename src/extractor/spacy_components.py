"""spaCy components: thin wrappers that put the pipeline's records on a Doc.

After ``pip install``, the entry points in pyproject.toml make the factories
known to spaCy::

    nlp = spacy.blank("bn")
    nlp.add_pipe("bn_mentions")            # doc._.mentions, doc.spans["mentions"]
    nlp.add_pipe("bn_records")             # doc._.events, doc._.trade, doc._.record

No extraction logic lives here: ``bn_mentions`` calls extractor.mentions on the
normalized doc text, ``bn_records`` calls :func:`extractor.pipeline.extract`.

The records are kept in ``doc.user_data`` as JSON strings and exposed through
getter extensions: ``nlp.pipe(texts, n_process=2)`` ships docs back from its
workers with ``Doc.to_bytes``, which keeps user_data only when msgpack can
serialize it (pydantic models cannot be), so plain strings travel and the
getters rebuild contract records on access.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from extractor import mentions, tokenizer
from extractor.pipeline import extract
from extractor.records import Document, Event, Mention, TradeFlow
from extractor.text import normalize

# user_data keys (strings: msgpack-serializable, unlike the records themselves).
MENTIONS_KEY = "extractor.mentions"
RECORD_KEY = "extractor.record"
SPANS_KEY = "mentions"


def _get_record(doc: Doc) -> Document | None:
    data = doc.user_data.get(RECORD_KEY)
    return None if data is None else Document.model_validate_json(data)


def _get_mentions(doc: Doc) -> list[Mention] | None:
    data = doc.user_data.get(MENTIONS_KEY)
    if data is not None:
        return [Mention.model_validate(m) for m in json.loads(data)]
    record = _get_record(doc)
    return None if record is None else list(record.mentions)


def _get_events(doc: Doc) -> list[Event] | None:
    record = _get_record(doc)
    return None if record is None else list(record.events)


def _get_trade(doc: Doc) -> list[TradeFlow] | None:
    record = _get_record(doc)
    return None if record is None else list(record.trade)


_GETTERS: dict[str, Callable[[Doc], Any]] = {
    "mentions": _get_mentions,
    "events": _get_events,
    "trade": _get_trade,
    "record": _get_record,
}


def register_extensions() -> None:
    """Register the Doc extensions (idempotent; also run at import)."""
    for name, getter in _GETTERS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)


register_extensions()


def _parse_date(doc_date: str | None) -> dt.date | None:
    return None if doc_date is None else dt.date.fromisoformat(doc_date)


class MentionsComponent:
    """Sets ``doc._.mentions`` (contract Mentions) and ``doc.spans["mentions"]``."""

    def __init__(self, name: str = "bn_mentions", doc_date: str | None = None) -> None:
        self.name = name
        self.doc_date = doc_date
        self._date = _parse_date(doc_date)

    def __call__(self, doc: Doc) -> Doc:
        nt = normalize(doc.text)
        records = mentions.to_records(nt, mentions.find(nt.text, self._date))
        doc.user_data[MENTIONS_KEY] = json.dumps([m.model_dump(mode="json") for m in records])
        spans = []
        for m in records:
            span = doc.char_span(m.start, m.end, label=m.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


class RecordsComponent:
    """Sets ``doc._.record`` (the contract Document), ``doc._.events`` and ``doc._.trade``.

    ``doc_id`` comes from ``doc.user_data["doc_id"]`` (default "doc").
    """

    def __init__(self, name: str = "bn_records", doc_date: str | None = None) -> None:
        self.name = name
        self.doc_date = doc_date
        self._date = _parse_date(doc_date)

    def __call__(self, doc: Doc) -> Doc:
        doc_id = str(doc.user_data.get("doc_id", "doc"))
        doc.user_data[RECORD_KEY] = extract(doc.text, doc_id, self._date).to_json()
        return doc


@Language.factory("bn_mentions", default_config={"doc_date": None})
def make_mentions(nlp: Language, name: str, doc_date: str | None) -> MentionsComponent:
    """Factory of the ``bn_mentions`` component (entry point ``spacy_factories``)."""
    return MentionsComponent(name, doc_date)


@Language.factory("bn_records", default_config={"doc_date": None})
def make_records(nlp: Language, name: str, doc_date: str | None) -> RecordsComponent:
    """Factory of the ``bn_records`` component (entry point ``spacy_factories``)."""
    return RecordsComponent(name, doc_date)


@registry.tokenizers("extractor.bn_tokenizer.v1")
def create_tokenizer(backend: str = "spacy") -> Callable[[Language], Any]:
    """Tokenizer ``extractor.bn_tokenizer.v1``: backend "spacy" (fixed rules), "regex", "bnlp"."""
    return tokenizer.create_tokenizer(backend)


def blank(backend: str = "spacy") -> Language:
    """``spacy.blank("bn")`` with our tokenizer fix (or another tokenizer backend).

    The tokenizer is named in the pipeline's config, so ``nlp.to_disk`` and
    ``spacy.load`` keep it.
    """
    import spacy

    config = {
        "nlp": {"tokenizer": {"@tokenizers": "extractor.bn_tokenizer.v1", "backend": backend}}
    }
    return spacy.blank("bn", config=config)
