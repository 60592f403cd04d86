"""All Prometheus metrics, defined once. Every article ends in exactly one
`riftwatch_articles_total{outcome}`: coded, deadlettered or deduplicated."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

ARTICLES = Counter("riftwatch_articles_total", "Articles by final outcome", ["outcome"])
DEADLETTERS = Counter("riftwatch_deadletters_total", "Dead-lettered inputs by reason", ["reason"])
EVENTS = Counter("riftwatch_events_total", "Coded events by type", ["type"])
ALERTS = Counter("riftwatch_alerts_total", "Relationship alerts", ["direction", "severity"])
LATE_EVENTS = Counter("riftwatch_late_events_total", "Events older than their dyad's state")
DYADS = Gauge("riftwatch_dyads", "Dyads held in relationship state on this worker")
EXPIRED_DYADS = Counter("riftwatch_dyads_expired_total", "Idle dyads dropped from state")
BATCH_SECONDS = Histogram("riftwatch_code_batch_seconds", "Time to code one batch of articles")
