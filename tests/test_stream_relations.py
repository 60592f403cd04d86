"""Relations on a real broker: a worker killed mid-stream (RocksDB store) is replaced by
one with an empty state directory, which recovers the dyad table from its changelog; the
alerts still equal `replay`, each id with one content. The replacement worker serves the
dyad web view."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
import urllib.request
from pathlib import Path

import orjson
import pytest
from test_stream import _by_id, _collect, _offline, _settings

from riftwatch.broker import create_topics
from riftwatch.cli import publish_records
from riftwatch.demo import start_worker, stop_worker

pytestmark = pytest.mark.broker

ROOT = Path(__file__).resolve().parent.parent
TIMELINES = ROOT / "eval" / "timelines"


def _corpus(tmp_path: Path) -> tuple[Path, list[bytes]]:
    """Three timelines with shifts and one steady pair, merged in published_at order."""
    lines = []
    for name in ("sau-are-rift", "hamas-irn-spy", "sau-irn-thaw", "rus-chn-steady"):
        lines += [x for x in (TIMELINES / f"{name}.jsonl").read_bytes().splitlines()
                  if x.strip()]
    lines.sort(key=lambda x: (orjson.loads(x)["published_at"], orjson.loads(x)["id"]))
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path, lines


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_killed_worker_recovers_from_the_changelog_and_alerts_equal_replay(
        stream_env: dict[str, str], tmp_path: Path) -> None:
    path, records = _corpus(tmp_path)
    want = _offline("replay", path)
    assert len(want) >= 3
    port = _free_port()
    env = {**stream_env, "RIFTWATCH_PARTITIONS": "2", "RIFTWATCH_STORE": "rocksdb://",
           "RIFTWATCH_WEB_ENABLED": "true", "RIFTWATCH_WEB_PORT": str(port),
           "RIFTWATCH_BATCH_SIZE": "4"}
    settings = _settings(env, 2)
    asyncio.run(create_topics(settings))
    half = len(records) // 2
    asyncio.run(publish_records(settings, records[:half], progress=False))
    first = start_worker(settings, tmp_path, "worker-a.log", extra_env=env)
    try:
        seen = asyncio.run(_collect(settings, {settings.topic_alerts: 1}, timeout=120,
                                    settle=0.5))
        assert seen[settings.topic_alerts], (tmp_path / "worker-a.log").read_text()[-3000:]
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    asyncio.run(publish_records(settings, records[half:], progress=False))
    second = start_worker(settings, tmp_path, "worker-b.log", extra_env=env)
    try:
        got = asyncio.run(_collect(settings, {settings.topic_alerts: len(want)}, timeout=150,
                                   settle=6.0))[settings.topic_alerts]
        assert second.poll() is None, (tmp_path / "worker-b.log").read_text()[-3000:]
        view = _get(f"http://127.0.0.1:{port}/dyads/hamas/irn/")
    finally:
        stop_worker(second)
    by_id: dict[str, set[bytes]] = {}
    for line in got:
        by_id.setdefault(orjson.loads(line)["alert_id"], set()).add(line)
    assert all(len(v) == 1 for v in by_id.values()), "one content per alert id"
    assert _by_id(got, "alert_id") == _by_id(want, "alert_id")
    assert view["key"] == "HAMAS|IRN" and view["recent_evidence"]
    assert view["last_alert"]["direction"] == "deteriorating"


def _get(url: str, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return json.loads(resp.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1.0)
