"""Watermarks that make the stream apply events in replay order."""

from riftwatch.ordering import RELEASE_ALL, Watermarks, split_ready


def _ev(t: str, i: str) -> dict[str, str]:
    return {"published_at": t, "event_id": i}


def test_nothing_released_until_every_source_reported() -> None:
    marks = Watermarks(2)
    marks.update(0, "2025-01-05T00:00:00Z", idle=False)
    assert marks.low() is None
    marks.update(1, "2025-01-03T00:00:00Z", idle=False)
    assert marks.low() == "2025-01-03T00:00:00Z"


def test_idle_sources_do_not_hold_back_and_all_idle_releases_all() -> None:
    marks = Watermarks(2)
    marks.update(0, "2025-01-05T00:00:00Z", idle=False)
    marks.update(1, None, idle=True)
    assert marks.low() == "2025-01-05T00:00:00Z"
    marks.update(0, None, idle=True)
    assert marks.low() == RELEASE_ALL


def test_watermark_never_moves_back() -> None:
    marks = Watermarks(1)
    marks.update(0, "2025-01-05T00:00:00Z", idle=False)
    marks.update(0, "2025-01-04T00:00:00Z", idle=False)
    assert marks.low() == "2025-01-05T00:00:00Z"


def test_split_ready_orders_and_holds_back_at_watermark() -> None:
    pending = [_ev("2025-01-03T00:00:00Z", "b"), _ev("2025-01-01T00:00:00Z", "z"),
               _ev("2025-01-03T00:00:00Z", "a"), _ev("2025-01-02T00:00:00Z", "c")]
    ready, waiting = split_ready(pending, "2025-01-03T00:00:00Z", max_pending=10)
    assert [e["event_id"] for e in ready] == ["z", "c"]
    assert [e["event_id"] for e in waiting] == ["a", "b"]
    ready, waiting = split_ready(pending, None, max_pending=3)
    assert [e["event_id"] for e in ready] == ["z"] and len(waiting) == 3
