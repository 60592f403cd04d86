"""Alert records: deterministic id, evidence and a one-sentence explanation.
The wording (event phrases, history words, severity cut-offs) is data in
riftwatch/data/relations.json, so it can be changed without code."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from riftwatch.ids import alert_id

SCHEMA_VERSION = 1
DAY = 86400.0


def severity(shift: float, need: float, cutoffs: list[list[Any]]) -> str:
    """Severity from the size of the shift relative to the bar it had to clear."""
    size = abs(shift) / need
    for name, at_least in cutoffs:
        if size >= at_least:
            return str(name)
    return str(cutoffs[-1][0])


def _t(iso: str) -> float:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def _counted(types: Counter[str], phrases: dict[str, list[str]]) -> str:
    parts = []
    for etype, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0])):
        one, many = phrases.get(etype, phrases["*"])
        parts.append((one if n == 1 else many).format(n=n, type=etype.replace("_", " ")))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _span(seconds: float) -> str:
    days = seconds / DAY
    return ("days" if days < 14 else "weeks" if days < 60 else "months" if days < 730
            else "years")


def history_phrase(state: dict[str, Any], scores: dict[str, float], start: float,
                   params: Any) -> str:
    """'months of cooperation', 'a long-standing rivalry', … from the dyad's history."""
    hist = scores["history"]
    tone = "friendly" if hist > 1.0 else "hostile" if hist < -1.0 else "mixed"
    words = params.history_words
    if state["seed"] and tone != "mixed":
        return words[f"seeded_{tone}"]
    return f"{_span(max(start - state['since'], 0.0))} of {words[tone]}"


def explain(state: dict[str, Any], direction: str, evidence: list[dict[str, Any]],
            scores: dict[str, float], params: Any) -> str:
    """E.g. 'Relations between Egypt and Qatar deteriorated sharply: 2 espionage
    accusations and a diplomatic expulsion or recall in 6 days after months of
    cooperation.'"""
    names = [f"the {a['name']}" if a["name"] in params.names_with_the else a["name"]
             for a in state["actors"]]
    first, last = _t(evidence[0]["published_at"]), _t(evidence[-1]["published_at"])
    days = round((last - first) / DAY)
    within = "within a day" if days < 1 else f"in {days} day{'s' if days > 1 else ''}"
    verb = "deteriorated" if direction == "deteriorating" else "improved"
    counts = _counted(Counter(e["type"] for e in evidence), params.phrases)
    disputed = sum(1 for e in evidence if e["disputed"])
    note = f" ({disputed} of them disputed)" if disputed else ""
    return (f"Relations between {names[0]} and {names[1]} {verb} sharply: {counts}{note} "
            f"{within} after {history_phrase(state, scores, first, params)}.")


def make_alert(state: dict[str, Any], direction: str, scores: dict[str, float], need: float,
               trigger: dict[str, Any], evidence: list[dict[str, Any]],
               params: Any) -> dict[str, Any]:
    """The alert record (schemas/alert.schema.json)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "alert_id": alert_id(state["key"], direction, trigger["event_id"]),
        "dyad": state["actors"],
        "direction": direction,
        "severity": severity(scores["shift"], need, params.severity),
        "triggered_at": trigger["published_at"],
        "trigger_event_id": trigger["event_id"],
        "evidence": [{k: e[k] for k in ("event_id", "article_id", "sentence", "type",
                                         "published_at", "disputed")} for e in evidence],
        "explanation": explain(state, direction, evidence, scores, params),
        "score": {"shift": round(scores["shift"], 3), "recent_tone": round(scores["short"], 3),
                  "history_tone": round(scores["history"], 3),
                  "history_spread": round(scores["sd"], 3), "bar": round(need, 3)},
    }
