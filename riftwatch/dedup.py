"""Deduplication before any NLP runs. Inside one article, wire copies often paste a
block twice, and each event must be coded once. Across articles, syndicated copies and
re-publications (other ids, nearly the same text) must never count twice: a MinHash/LSH
index skips them before parsing. The first copy seen wins; the CLI feeds articles in
input order (`code`) or published_at order (`replay`), the stream in arrival order, so
for in-order input all three keep the same copy."""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from functools import lru_cache
from importlib import resources
from typing import Any

from datasketch import MinHash, MinHashLSH

from riftwatch.ids import content_hash

_PARA_SPLIT = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")

EXACT = "exact"
NEAR = "near"


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


@lru_cache(maxsize=2)
def load_dedup_params(path: str | None = None) -> dict[str, Any]:
    """Near-duplicate parameters (data/dedup.json, documented in data/TAXONOMY.md)."""
    if path:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    return json.loads(resources.files("riftwatch.data").joinpath("dedup.json").read_text())


def shingles(text: str, size: int) -> set[bytes]:
    """Word n-grams of the case- and punctuation-folded text of unique paragraphs."""
    words = _WORD.findall(normalise(" ".join(unique_paragraphs(text)[0])))
    if len(words) <= size:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


class SeenArticles:
    """Bounded memory of articles already coded: the same id and text again (a
    redelivery) is an exact duplicate; another id with nearly the same text (estimated
    Jaccard similarity of word shingles ≥ threshold) is a near duplicate."""

    def __init__(self, capacity: int | None = None, params: dict[str, Any] | None = None) -> None:
        self.params = params or load_dedup_params()
        self.capacity = capacity or int(self.params["capacity"])
        self._seen: OrderedDict[str, str] = OrderedDict()
        self._num_perm = int(self.params["num_perm"])
        self._template = MinHash(num_perm=self._num_perm, seed=int(self.params["seed"]))
        self._lsh = MinHashLSH(threshold=float(self.params["threshold"]),
                               num_perm=self._num_perm)
        self._sketch: dict[str, MinHash] = {}
        self.counts = {EXACT: 0, NEAR: 0}
        self.last: str | None = None

    def _minhash(self, text: str) -> MinHash:
        mh = MinHash(num_perm=self._num_perm, seed=int(self.params["seed"]),
                     permutations=self._template.permutations, scheme=self._template.scheme)
        mh.update_batch(sorted(shingles(text, int(self.params["shingle_words"]))))
        return mh

    def is_duplicate(self, article_id: str, text: str) -> bool:
        """True for a copy of an article already seen; remembers the article otherwise."""
        digest = content_hash(normalise(text))
        self.last = None
        if self._seen.get(article_id) == digest:
            self._seen.move_to_end(article_id)
            self.last = EXACT
            self.counts[EXACT] += 1
            return True
        mh = self._minhash(text)
        threshold = float(self.params["threshold"])
        for key in sorted(self._lsh.query(mh)):
            if key.split("\x00", 1)[0] != article_id and \
                    self._sketch[key].jaccard(mh) >= threshold:
                self.last = NEAR
                self.counts[NEAR] += 1
                return True
        self._remember(article_id, digest, mh)
        return False

    def _remember(self, article_id: str, digest: str, mh: MinHash) -> None:
        old = self._seen.pop(article_id, None)
        if old is not None:
            self._forget(f"{article_id}\x00{old}")
        self._seen[article_id] = digest
        key = f"{article_id}\x00{digest}"
        self._lsh.insert(key, mh)
        self._sketch[key] = mh
        while len(self._seen) > self.capacity:
            oldest, old_digest = self._seen.popitem(last=False)
            self._forget(f"{oldest}\x00{old_digest}")

    def _forget(self, key: str) -> None:
        if key in self._sketch:
            self._lsh.remove(key)
            del self._sketch[key]
