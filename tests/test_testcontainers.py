"""The broker users with Docker get: a testcontainers Kafka (KRaft). Skips with the
reason where no Docker daemon answers (as on the development machines)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from conftest import docker_available

from riftwatch.broker import create_topics
from riftwatch.settings import Settings

pytestmark = pytest.mark.docker


def test_topics_on_testcontainers_kafka() -> None:
    ok, why = docker_available()
    if not ok:
        pytest.skip(f"testcontainers path not exercised: {why}")
    from testcontainers.kafka import KafkaContainer

    with KafkaContainer().with_kraft() as kafka:
        settings = replace(Settings(), bootstrap_servers=kafka.get_bootstrap_server())
        created = asyncio.run(create_topics(settings))
        assert set(created) == {settings.topic_articles, settings.topic_events,
                                settings.topic_alerts, settings.topic_deadletter,
                                settings.topic_dyad_events}
