"""Event-time ordering for the relations stage.

Events reach a dyad partition from every article partition, interleaved by timing.
To apply them in the same (published_at, event_id) order as `replay`, the code
agent sends a watermark for its source partition after each batch ("I have sent
everything up to time T") and an idle mark when the partition is caught up and
quiet. A dyad partition releases pending events strictly older than the lowest
watermark of the non-idle sources; when every source is idle, it releases all.
Times are canonical `YYYY-MM-DDTHH:MM:SSZ` strings, so string order is time order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

RELEASE_ALL = "\uffff"


@dataclass
class Watermarks:
    """Per-source progress as seen by one dyad partition."""

    sources: int
    times: dict[int, str | None] = field(default_factory=dict)
    idle: dict[int, bool] = field(default_factory=dict)

    def update(self, source: int, time: str | None, idle: bool) -> None:
        if time is not None:
            prev = self.times.get(source)
            self.times[source] = time if prev is None or time > prev else prev
        self.idle[source] = idle

    def low(self) -> str | None:
        """Events strictly older than this may be released; None releases nothing."""
        active: list[str] = []
        for source in range(self.sources):
            if source not in self.idle:
                return None
            if self.idle[source]:
                continue
            time = self.times.get(source)
            if time is None:
                return None
            active.append(time)
        return min(active) if active else RELEASE_ALL


def event_order(event: dict[str, Any]) -> tuple[str, str]:
    return (event["published_at"], event["event_id"])


def split_ready(pending: list[dict[str, Any]], low: str | None,
                max_pending: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(events to apply now in order, events still waiting). Beyond `max_pending`
    waiting events the oldest are released anyway, so state stays bounded."""
    ordered = sorted(pending, key=event_order)
    ready_n = 0 if low is None else sum(1 for e in ordered if e["published_at"] < low)
    ready_n = max(ready_n, len(ordered) - max_pending)
    return ordered[:ready_n], ordered[ready_n:]
