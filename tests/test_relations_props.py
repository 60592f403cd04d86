"""Property-based tests of the relations stage (hypothesis): steady dyads stay quiet,
sustained shifts alert quickly in the right direction, order within a timestamp and
redelivery do not matter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from riftwatch.relations import RelationParams, replay

P = RelationParams.load(baselines={})
A = {"id": "AAA", "name": "Aland"}
B = {"id": "BBB", "name": "Borduria"}
T0 = datetime(2025, 1, 1, tzinfo=UTC)
TYPES = {w: t for t, w in (("attack", -9.0), ("threaten", -6.0), ("accuse", -4.0),
                           ("meet", 2.0), ("praise", 3.0), ("agree", 5.0))}


def events_from(draws: list[tuple[float, float, int, bool]],
                start: float = 0.0, tag: str = "e") -> list[dict[str, Any]]:
    """(gap in days, weight, article number, direction of the pair) → events."""
    out, day = [], start
    for i, (gap, weight, article, flip) in enumerate(draws):
        day += gap
        src, tgt = (B, A) if flip else (A, B)
        out.append({"event_id": f"ev-{tag}{i:06d}", "article_id": f"art-{tag}{article}",
                    "type": TYPES.get(weight, "other"), "weight": weight, "confidence": 0.9,
                    "source": src, "target": tgt, "sentence": f"s{tag}{i}",
                    "published_at": (T0 + timedelta(days=day)).strftime(
                        "%Y-%m-%dT%H:%M:%SZ")})
    return out


def stream(weights: st.SearchStrategy[float], min_size: int = 5,
           max_size: int = 120) -> st.SearchStrategy[list[tuple[float, float, int, bool]]]:
    """Bursty timing (same day up to three weeks apart), many or few articles."""
    gaps = st.one_of(st.just(0.0), st.floats(0.01, 1.0), st.floats(1.0, 21.0))
    return st.lists(st.tuples(gaps, weights, st.integers(0, 40), st.booleans()),
                    min_size=min_size, max_size=max_size)


@settings(max_examples=150, deadline=None)
@given(stream(st.sampled_from([-9.0, -6.0, -4.0])))
def test_steadily_hostile_dyads_never_alert(draws: list) -> None:
    assert replay(events_from(draws), P) == []


@settings(max_examples=150, deadline=None)
@given(stream(st.sampled_from([2.0, 3.0, 4.0, 5.0, 6.0])))
def test_steadily_friendly_dyads_never_alert(draws: list) -> None:
    assert replay(events_from(draws), P) == []


@settings(max_examples=150, deadline=None)
@given(st.floats(-6.0, 6.0), stream(st.floats(0.0, 1.0)))
def test_dyads_fluctuating_less_than_the_threshold_never_alert(centre: float,
                                                               draws: list) -> None:
    width = P.threshold * 0.95
    scaled = [(g, centre - width / 2 + w * width, a, f) for g, w, a, f in draws]
    assert replay(events_from(scaled), P) == []


def _history_then_shift(history: list, shift: list[float], gaps: list[float],
                        alternate_flag: bool) -> tuple[list[dict], list[dict]]:
    """A steady history, then a week later a run of shifted events (article per event)."""
    before = events_from([(max(g, 2.0), w, a, f) for g, w, a, f in history])
    start = (datetime.fromisoformat(before[-1]["published_at"].replace("Z", "+00:00"))
             - T0).total_seconds() / 86400 + 7
    after = events_from([(g, w, 1000 + i, alternate_flag and i % 2 == 0) for i, (g, w) in
                         enumerate(zip(gaps, shift, strict=True))], start=start, tag="s")
    return before, after


@settings(max_examples=100, deadline=None)
@given(stream(st.sampled_from([2.0, 3.0, 4.0, 5.0]), min_size=8, max_size=40),
       st.lists(st.sampled_from([-9.0, -7.0, -6.0]), min_size=8, max_size=8),
       st.lists(st.floats(0.1, 2.0), min_size=8, max_size=8))
def test_a_sustained_turn_to_hostility_alerts_within_five_events(
        history: list, shift: list[float], gaps: list[float]) -> None:
    before, after = _history_then_shift(history, shift, gaps, alternate_flag=True)
    alerts = replay(before + after, P)
    assert alerts, "a sustained shift must alert"
    first = alerts[0]
    assert first["direction"] == "deteriorating"
    assert first["trigger_event_id"] in {e["event_id"] for e in after[:5]}
    assert all(a["direction"] == "deteriorating" for a in alerts)


@settings(max_examples=100, deadline=None)
@given(stream(st.sampled_from([-9.0, -6.0, -4.0]), min_size=8, max_size=40),
       st.lists(st.sampled_from([4.0, 5.0, 6.0]), min_size=10, max_size=10),
       st.lists(st.floats(0.1, 2.0), min_size=10, max_size=10))
def test_a_sustained_reconciliation_alerts_improving_within_eight_events(
        history: list, shift: list[float], gaps: list[float]) -> None:
    before, after = _history_then_shift(history, shift, gaps, alternate_flag=False)
    alerts = replay(before + after, P)
    assert alerts and alerts[0]["direction"] == "improving"
    # slower than a rupture: the recent tone must first turn positive (min_tone)
    assert alerts[0]["trigger_event_id"] in {e["event_id"] for e in after[:8]}


@settings(max_examples=100, deadline=None)
@given(stream(st.sampled_from([-9.0, -4.0, 2.0, 5.0]), min_size=10, max_size=60),
       st.randoms(use_true_random=False))
def test_order_within_a_timestamp_and_redelivery_do_not_change_the_output(
        draws: list, rnd: Any) -> None:
    events = events_from(draws)
    want = replay(events, P)
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert replay(shuffled, P) == want
    redelivered = events + [rnd.choice(events) for _ in range(5)]
    assert replay(redelivered, P) == want
