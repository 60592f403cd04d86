"""Dyad state and shift alerts on synthetic event sequences (pure core)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from riftwatch.ids import dyad_key
from riftwatch.relations import RelationParams, apply, new_state, replay

P = RelationParams()
A = {"id": "EGY", "name": "Egypt"}
B = {"id": "QAT", "name": "Qatar"}
T0 = datetime(2025, 1, 1, tzinfo=UTC)


def ev(day: float, weight: float, n: int, article: str | None = None,
       etype: str = "x") -> dict:
    return {"event_id": f"ev-{n:024x}", "article_id": article or f"art-{n}", "type": etype,
            "weight": weight, "confidence": 1.0, "source": A, "target": B,
            "sentence": f"sentence {n}",
            "published_at": (T0 + timedelta(days=day)).strftime("%Y-%m-%dT%H:%M:%SZ")}


def test_steady_hostile_and_steady_friendly_pairs_never_alert() -> None:
    hostile = [ev(d * 3, -8.0, d) for d in range(60)]
    friendly = [ev(d * 3, 4.0, d) for d in range(60)]
    assert replay(hostile, P) == []
    assert replay(friendly, P) == []


def test_friendly_pair_turning_hostile_alerts_once() -> None:
    events = [ev(d * 10, 4.0, d) for d in range(10)]
    events += [ev(100 + d, -7.0, 100 + d) for d in range(5)]
    alerts = replay(events, P)
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert["direction"] == "deteriorating"
    assert alert["dyad"] == [A, B]
    assert len({e["article_id"] for e in alert["evidence"]}) >= P.min_articles
    assert alert["explanation"].startswith("Relations between Egypt and Qatar deteriorated")


def test_hostile_pair_reconciling_alerts_improving() -> None:
    events = [ev(d * 10, -6.0, d) for d in range(10)]
    events += [ev(100 + d, 6.0, 100 + d) for d in range(5)]
    assert [a["direction"] for a in replay(events, P)] == ["improving"]


def test_one_article_cannot_trigger_alone() -> None:
    events = [ev(d * 10, 4.0, d) for d in range(10)]
    events += [ev(100, -9.0, 100 + i, article="same-story") for i in range(6)]
    assert replay(events, P) == []


def test_cold_start_is_not_a_shift_from_zero() -> None:
    assert replay([ev(d, -9.0, d) for d in range(6)], P) == []


def test_applying_an_event_twice_changes_nothing() -> None:
    state = new_state(dyad_key("EGY", "QAT"), A, B)
    e = ev(0, -7.0, 1)
    once, _ = apply(state, e, P)
    twice, alerts = apply(once, e, P)
    assert twice == once and alerts == []


def test_order_within_a_timestamp_does_not_matter() -> None:
    events = [ev(d * 10, 4.0, d) for d in range(10)]
    events += [ev(100, -7.0, 100 + i) for i in range(4)]
    assert replay(events, P) == replay(list(reversed(events)), P)
