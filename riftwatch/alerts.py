"""Alert records: deterministic id, evidence and a one-sentence explanation."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from riftwatch.ids import alert_id

SCHEMA_VERSION = 1


def severity(shift: float, threshold: float) -> str:
    size = abs(shift) / threshold
    return "high" if size >= 2.0 else "medium" if size >= 1.5 else "low"


def _counted(types: Counter[str]) -> str:
    parts = [f"{n} {t.replace('_', ' ')} event{'s' if n > 1 else ''}"
             for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def explain(names: list[str], direction: str, evidence: list[dict[str, Any]],
            prior_long: float) -> str:
    """E.g. 'Relations between Egypt and Qatar deteriorated sharply: 2 espionage events
    and 1 expel diplomats event in 6 days after a mostly cooperative history.'"""
    first = datetime.fromisoformat(evidence[0]["published_at"].replace("Z", "+00:00"))
    last = datetime.fromisoformat(evidence[-1]["published_at"].replace("Z", "+00:00"))
    days = max(1, round((last - first).total_seconds() / 86400))
    verb = "deteriorated" if direction == "deteriorating" else "improved"
    history = ("a mostly cooperative history" if prior_long > 1 else
               "a mostly hostile history" if prior_long < -1 else "a mixed history")
    counts = _counted(Counter(e["type"] for e in evidence))
    return (f"Relations between {names[0]} and {names[1]} {verb} sharply: {counts} "
            f"in {days} day{'s' if days > 1 else ''} after {history}.")


def make_alert(key: str, actors: list[dict[str, Any]], direction: str, shift: float,
               short: float, prior_long: float, trigger: dict[str, Any],
               evidence: list[dict[str, Any]], threshold: float) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "alert_id": alert_id(key, direction, trigger["event_id"]),
        "dyad": actors,
        "direction": direction,
        "severity": severity(shift, threshold),
        "triggered_at": trigger["published_at"],
        "trigger_event_id": trigger["event_id"],
        "evidence": [{k: e[k] for k in ("event_id", "article_id", "sentence", "type",
                                         "published_at")} for e in evidence],
        "explanation": explain([a["name"] for a in actors], direction, evidence, prior_long),
        "score": {"shift": round(shift, 3), "short_mean": round(short, 3),
                  "long_mean_before": round(prior_long, 3)},
    }
