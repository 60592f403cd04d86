"""The offline runs (`code`, `replay`) and the per-record triage the code agent
shares with them: parse → validate → deduplicate → code."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from riftwatch.article import Article, Rejection, parse_article
from riftwatch.coding import Coder
from riftwatch.dedup import SeenArticles
from riftwatch.relations import RelationParams, replay_states

DUPLICATE = "duplicate"


def triage(raw: bytes, seen: SeenArticles) -> Article | Rejection | str:
    """An Article to code, a Rejection to dead-letter, or DUPLICATE."""
    result = parse_article(raw)
    if isinstance(result, Article) and seen.is_duplicate(result.id, result.text):
        return DUPLICATE
    return result


@dataclass
class Tally:
    """How every input line ended: the run's accounting and exit status."""

    coded: int = 0
    deduplicated: int = 0
    skipped: list[tuple[int, Rejection]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.coded} coded, {len(self.skipped)} skipped, "
                f"{self.deduplicated} deduplicated")


def read_records(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line number, raw bytes) for every non-blank line."""
    for lineno, line in enumerate(stream, start=1):
        stripped = line.rstrip(b"\r\n")
        if stripped.strip():
            yield lineno, stripped


def collect_articles(records: Iterable[tuple[int, bytes]], tally: Tally,
                     err: IO[str] = sys.stderr, by_time: bool = False) -> list[Article]:
    """Valid articles, copies removed. The first copy wins, in input order, or in
    published_at order (stable) with `by_time` (replay), as the stream sees in-order input."""
    valid: list[Article] = []
    for lineno, raw in records:
        result = parse_article(raw)
        if isinstance(result, Rejection):
            tally.skipped.append((lineno, result))
            where = f" (article {result.article_id})" if result.article_id else ""
            print(f"line {lineno}: {result.reason}: {result.detail}{where}", file=err)
        else:
            valid.append(result)
    if by_time:
        valid.sort(key=lambda a: a.published_iso)
    seen = SeenArticles()
    articles: list[Article] = []
    for article in valid:
        if seen.is_duplicate(article.id, article.text):
            tally.deduplicated += 1
        else:
            articles.append(article)
    return articles


def code_articles(articles: list[Article], coder: Coder, tally: Tally) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for article_events in coder.code(articles):
        events.extend(article_events)
    tally.coded += len(articles)
    return events


def run_code(records: Iterable[tuple[int, bytes]], coder: Coder,
             tally: Tally) -> list[dict[str, Any]]:
    """Events of every valid article, in input order."""
    return code_articles(collect_articles(records, tally), coder, tally)


def run_replay_states(records: Iterable[tuple[int, bytes]], coder: Coder, tally: Tally,
                      params: RelationParams
                      ) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Final dyad states and the alerts the stream emits for this input, articles taken
    (and deduplicated) in published_at order."""
    articles = collect_articles(records, tally, by_time=True)
    return replay_states(code_articles(articles, coder, tally), params)


def run_replay(records: Iterable[tuple[int, bytes]], coder: Coder, tally: Tally,
               params: RelationParams) -> list[dict[str, Any]]:
    """Alerts the stream emits for this input."""
    return run_replay_states(records, coder, tally, params)[1]
