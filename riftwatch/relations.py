"""Events → dyad state → alerts. Pure: the relations agent and `riftwatch replay`
share `apply`, and state is a plain JSON-able dict so a Faust table can hold it.

Scoring runs on event time. Each dyad keeps exponentially decayed sums of event
weights and counts over a short and a long half-life; their ratio is a weighted
mean tone. A shift is the short-horizon mean minus the long-horizon mean as it
stood before the event, so a dyad is judged against its own history: a steadily
hostile or steadily friendly pair has short ≈ long and never alerts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from riftwatch.alerts import make_alert
from riftwatch.ids import dyad_key

DAY = 86400.0


@dataclass(frozen=True)
class RelationParams:
    """Every knob of scoring and alerting (documented in the README)."""

    short_half_life_days: float = 7.0
    long_half_life_days: float = 120.0
    threshold: float = 4.0
    min_events: int = 3
    min_articles: int = 2
    warmup_events: int = 4
    cooldown_days: float = 21.0
    evidence_max: int = 8
    seen_max: int = 512


def epoch(iso: str) -> float:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def new_state(key: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    actors = sorted(({"id": a["id"], "name": a["name"]}, {"id": b["id"], "name": b["name"]}),
                    key=lambda x: x["id"])
    return {"key": key, "actors": actors, "t": None, "sw": 0.0, "sn": 0.0, "lw": 0.0,
            "ln": 0.0, "n": 0, "recent": [], "seen": [], "last_alert": None}


def _decay(dt: float, half_life_days: float) -> float:
    return math.exp(-math.log(2) * max(dt, 0.0) / (half_life_days * DAY))


def _evidence(event: dict[str, Any]) -> dict[str, Any]:
    return {"event_id": event["event_id"], "article_id": event["article_id"],
            "sentence": event["sentence"], "type": event["type"],
            "published_at": event["published_at"], "weight": event["weight"]}


def apply(state: dict[str, Any], event: dict[str, Any],
          params: RelationParams) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Fold one event into its dyad; returns the new state and any alerts it triggers.
    Applying an event already seen is a no-op (at-least-once delivery is safe)."""
    if event["event_id"] in state["seen"]:
        return state, []
    st = {**state, "recent": list(state["recent"]), "seen": list(state["seen"])}
    t = epoch(event["published_at"])
    w = float(event["weight"]) * float(event.get("confidence", 1.0))
    late = st["t"] is not None and t < st["t"]
    prior_long = st["lw"] / st["ln"] if st["ln"] > 0 else 0.0
    prior_n = st["n"]
    if late:
        ks = _decay(st["t"] - t, params.short_half_life_days)
        kl = _decay(st["t"] - t, params.long_half_life_days)
    else:
        if st["t"] is not None:
            ds = _decay(t - st["t"], params.short_half_life_days)
            dl = _decay(t - st["t"], params.long_half_life_days)
            st["sw"], st["sn"], st["lw"], st["ln"] = (st["sw"] * ds, st["sn"] * ds,
                                                      st["lw"] * dl, st["ln"] * dl)
        st["t"] = t
        ks = kl = 1.0
    st["sw"] += w * ks
    st["sn"] += ks
    st["lw"] += w * kl
    st["ln"] += kl
    st["n"] += 1
    st["seen"] = (st["seen"] + [event["event_id"]])[-params.seen_max:]
    recent = sorted(st["recent"] + [_evidence(event)],
                    key=lambda e: (e["published_at"], e["event_id"]))
    st["recent"] = recent[-4 * params.evidence_max:]
    if late:
        return st, []
    return st, _maybe_alert(st, event, prior_long, prior_n, params)


def _maybe_alert(st: dict[str, Any], event: dict[str, Any], prior_long: float, prior_n: int,
                 params: RelationParams) -> list[dict[str, Any]]:
    short = st["sw"] / st["sn"]
    shift = short - prior_long
    if abs(shift) < params.threshold or prior_n < params.warmup_events:
        return []
    direction = "deteriorating" if shift < 0 else "improving"
    horizon = st["t"] - 2 * params.short_half_life_days * DAY
    window = [e for e in st["recent"] if epoch(e["published_at"]) >= horizon
              and (e["weight"] < 0) == (direction == "deteriorating") and e["weight"] != 0]
    articles = {e["article_id"] for e in window}
    if len(window) < params.min_events or len(articles) < params.min_articles:
        return []
    last = st["last_alert"]
    if last and last["direction"] == direction and \
            st["t"] - last["t"] < params.cooldown_days * DAY:
        return []
    st["last_alert"] = {"t": st["t"], "direction": direction}
    return [make_alert(st["key"], st["actors"], direction, shift, short, prior_long, event,
                       window[-params.evidence_max:], params.threshold)]


def event_dyad(event: dict[str, Any]) -> str | None:
    """Partitioning key of an event, or None when it names no target."""
    target = event.get("target")
    if not target or target["id"] == event["source"]["id"]:
        return None
    return dyad_key(event["source"]["id"], target["id"])


def replay(events: Iterable[dict[str, Any]], params: RelationParams) -> list[dict[str, Any]]:
    """All alerts for events processed in (published_at, event_id) order."""
    states: dict[str, dict[str, Any]] = {}
    alerts: list[dict[str, Any]] = []
    for event in sorted(events, key=lambda e: (e["published_at"], e["event_id"])):
        key = event_dyad(event)
        if key is None:
            continue
        state = states.get(key) or new_state(key, event["source"], event["target"])
        states[key], fired = apply(state, event, params)
        alerts.extend(fired)
    return alerts
