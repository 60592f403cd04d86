"""The broker-facing commands as a user runs them: topics, publish, worker, tail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from conftest import SAMPLE

from riftwatch.demo import start_worker, stop_worker
from riftwatch.settings import Settings

pytestmark = pytest.mark.broker


def _cli(env: dict[str, str], *args: str,
         timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "riftwatch.cli", *args], capture_output=True,
                          env={**os.environ, **env}, timeout=timeout, check=False)


def test_topics_publish_worker_tail(stream_env: dict[str, str], tmp_path: Path) -> None:
    created = _cli(stream_env, "topics")
    assert created.returncode == 0, created.stderr
    assert b"articles.raw." in created.stderr
    again = _cli(stream_env, "topics")
    assert b"none (all exist)" in again.stderr

    published = _cli(stream_env, "publish", "--input", str(SAMPLE))
    assert published.returncode == 0, published.stderr
    n = sum(1 for line in SAMPLE.read_bytes().splitlines() if line.strip())
    assert f"published {n} records".encode() in published.stderr

    settings = Settings(bootstrap_servers=stream_env["KAFKA_BOOTSTRAP_SERVERS"])
    worker = start_worker(settings, tmp_path, extra_env=stream_env)
    try:
        alerts = _cli(stream_env, "tail", "alerts", "--max", "1", "--timeout", "90")
        assert alerts.returncode == 0, alerts.stderr
        alert = orjson.loads(alerts.stdout.splitlines()[0])
        assert alert["alert_id"].startswith("al-") and alert["explanation"]
        pretty = _cli(stream_env, "tail", "events", "--pretty", "--max", "3", "--timeout", "30")
        lines = pretty.stdout.decode().splitlines()
        assert len(lines) == 3 and all(line.startswith("[2025-") and "→" in line
                                       for line in lines)
    finally:
        stop_worker(worker)


def test_broker_commands_without_servers_fail_clearly() -> None:
    env = {k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"}
    result = subprocess.run([sys.executable, "-m", "riftwatch.cli", "publish", "--input", "-"],
                            input=b"", capture_output=True, env=env, timeout=60, check=False)
    assert result.returncode == 2
    assert b"KAFKA_BOOTSTRAP_SERVERS is not set" in result.stderr
