"""Relations on a real broker: a worker stopped mid-stream (RocksDB store) is replaced by
one with an empty state directory, which recovers the dyad table from its changelog; the
alerts still equal `replay`, each id with one content. The web view is tested on a live
worker by the expiry test."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.error
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


def test_replacement_worker_recovers_from_the_changelog_and_alerts_equal_replay(
        stream_env: dict[str, str], tmp_path: Path) -> None:
    path, records = _corpus(tmp_path)
    want = _offline("replay", path)
    assert len(want) >= 3
    env = {**stream_env, "RIFTWATCH_PARTITIONS": "2", "RIFTWATCH_STORE": "rocksdb://",
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
        stop_worker(first)
    asyncio.run(publish_records(settings, records[half:], progress=False))
    second = start_worker(settings, tmp_path, "worker-b.log", extra_env=env)
    try:
        got = asyncio.run(_collect(settings, {settings.topic_alerts: len(want)}, timeout=150,
                                   settle=6.0))[settings.topic_alerts]
        assert second.poll() is None, (tmp_path / "worker-b.log").read_text()[-3000:]
    finally:
        stop_worker(second)
    by_id: dict[str, set[bytes]] = {}
    for line in got:
        by_id.setdefault(orjson.loads(line)["alert_id"], set()).add(line)
    assert all(len(v) == 1 for v in by_id.values()), "one content per alert id"
    assert _by_id(got, "alert_id") == _by_id(want, "alert_id")


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


def test_idle_dyads_expire_on_the_worker_without_changing_alerts(
        stream_env: dict[str, str], tmp_path: Path) -> None:
    """With a short expiry the worker drops dyads idle for months (the web view no longer
    finds them) and still emits exactly the alerts of replay under the same config."""
    config = json.loads((ROOT / "riftwatch" / "data" / "relations.json").read_text())
    config.update(expire_days=60.0, expiry_check_seconds=1.0)
    config_path = tmp_path / "relations.json"
    config_path.write_text(json.dumps(config))
    path, records = _corpus(tmp_path)
    env = {**stream_env, "RIFTWATCH_PARTITIONS": "2", "RIFTWATCH_WEB_ENABLED": "true",
           "RIFTWATCH_WEB_PORT": str(_free_port()), "RIFTWATCH_RELATIONS_CONFIG": str(config_path)}
    out = subprocess.run([sys.executable, "-m", "riftwatch.cli", "replay", "--input", str(path)],
                         capture_output=True, check=True, timeout=300,
                         env={**os.environ, "RIFTWATCH_RELATIONS_CONFIG": str(config_path)})
    want = sorted(out.stdout.splitlines())
    assert want
    settings = _settings(env, 2)
    asyncio.run(create_topics(settings))
    asyncio.run(publish_records(settings, records, progress=False))
    worker = start_worker(settings, tmp_path, "worker.log", extra_env=env)
    base = f"http://127.0.0.1:{env['RIFTWATCH_WEB_PORT']}/dyads"
    try:
        got = asyncio.run(_collect(settings, {settings.topic_alerts: len(want)}, timeout=150,
                                   settle=4.0))[settings.topic_alerts]
        active = _get(f"{base}/irn/sau/")
        gone = _status(f"{base}/sau/are/", want=404, timeout=30.0)
    finally:
        stop_worker(worker)
    assert _by_id(got, "alert_id") == _by_id(want, "alert_id")
    assert active["key"] == "IRN|SAU"
    assert gone == 404, "SAU|ARE was idle for a year of event time and should be expired"


def _status(url: str, want: int, timeout: float) -> int:
    """HTTP status of `url`, polled until it is `want` or the time is up."""
    deadline = time.monotonic() + timeout
    status = 0
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                status = resp.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        except OSError:
            status = 0
        if status == want:
            break
        time.sleep(1.0)
    return status
