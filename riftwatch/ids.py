"""Deterministic ids and canonical JSON, in one place: at-least-once redelivery
must reproduce byte-identical records that consumers can drop by id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

import orjson

_DUMP_OPTS = orjson.OPT_SORT_KEYS


def canonical_json(obj: Any) -> bytes:
    """Sorted-key compact JSON: the one serialisation used for ids, topics and files."""
    return orjson.dumps(obj, option=_DUMP_OPTS)


def content_hash(*parts: Any) -> str:
    """Hex SHA-256 of the canonical JSON of `parts`."""
    return hashlib.sha256(canonical_json(list(parts))).hexdigest()


def event_id(article_id: str, etype: str, source_id: str, target_id: str | None,
             sentence: str) -> str:
    """Same article + same content gives the same id."""
    return "ev-" + content_hash("event", article_id, etype, source_id, target_id, sentence)[:24]


def alert_id(dyad_key: str, direction: str, triggered_by: str) -> str:
    """One alert per dyad, direction and triggering event."""
    return "al-" + content_hash("alert", dyad_key, direction, triggered_by)[:24]


def dyad_key(a: str, b: str) -> str:
    """Order-free key of an actor pair; also the partitioning key of the relations stage."""
    first, second = sorted((a, b))
    return f"{first}|{second}"


_NON_ALNUM = re.compile(r"[^A-Z0-9]+")


def unresolved_actor_id(name: str) -> str:
    """Deterministic id for an actor the dictionary does not know."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    slug = _NON_ALNUM.sub("_", folded).strip("_")[:40] or "UNKNOWN"
    return f"X:{slug}"
