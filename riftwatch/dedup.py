"""Remove repeated paragraphs inside one article before any NLP runs: wire copies
often paste a block twice, and each event must be coded once."""

from __future__ import annotations

import re
from collections import OrderedDict

from riftwatch.ids import content_hash

_PARA_SPLIT = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def unique_paragraphs(text: str) -> tuple[list[str], int]:
    """Paragraphs in order with verbatim (whitespace/case-insensitive) repeats removed,
    and the number removed."""
    seen: set[str] = set()
    kept: list[str] = []
    dropped = 0
    for para in _PARA_SPLIT.split(text):
        key = normalise(para)
        if not key:
            continue
        if key in seen:
            dropped += 1
            continue
        seen.add(key)
        kept.append(_SPACE.sub(" ", para).strip())
    return kept, dropped


class SeenArticles:
    """Bounded memory of article ids and content hashes: a redelivered or re-published
    copy with the same id and text is deduplicated, not coded twice."""

    def __init__(self, capacity: int = 100_000) -> None:
        self.capacity = capacity
        self._seen: OrderedDict[str, str] = OrderedDict()

    def is_duplicate(self, article_id: str, text: str) -> bool:
        digest = content_hash(normalise(text))
        if self._seen.get(article_id) == digest:
            self._seen.move_to_end(article_id)
            return True
        self._seen[article_id] = digest
        if len(self._seen) > self.capacity:
            self._seen.popitem(last=False)
        return False
