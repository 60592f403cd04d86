"""End to end on a real broker: the stream emits exactly what `code`/`replay` emit."""

from __future__ import annotations

import asyncio
import base64
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import orjson
import pytest
from aiokafka import AIOKafkaConsumer
from conftest import SAMPLE

from riftwatch.broker import create_topics
from riftwatch.cli import publish_records
from riftwatch.demo import start_worker, stop_worker
from riftwatch.settings import Settings

pytestmark = pytest.mark.broker


def _settings(env: dict[str, str], partitions: int) -> Settings:
    keys = {k.removeprefix("RIFTWATCH_").lower(): v for k, v in env.items()
            if k.startswith("RIFTWATCH_TOPIC") or k == "RIFTWATCH_APP_ID"}
    return replace(Settings(), bootstrap_servers=env["KAFKA_BOOTSTRAP_SERVERS"],
                   partitions=partitions, **keys)


async def _collect(settings: Settings, topics: dict[str, int], timeout: float,
                   settle: float = 4.0) -> dict[str, list[bytes]]:
    """Read topics until each holds at least the wanted count, then `settle` more seconds
    to catch extras."""
    consumer = AIOKafkaConsumer(*topics, bootstrap_servers=settings.bootstrap_servers,
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    got: dict[str, list[bytes]] = {t: [] for t in topics}
    deadline = time.monotonic() + timeout
    done_at: float | None = None
    try:
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for tp, msgs in batch.items():
                got[tp.topic].extend(m.value for m in msgs)
            if done_at is None and all(len(got[t]) >= n for t, n in topics.items()):
                done_at = time.monotonic()
            if done_at is not None and time.monotonic() - done_at >= settle:
                break
    finally:
        await consumer.stop()
    return got


def _offline(cmd: str, path: Path) -> list[bytes]:
    out = subprocess.run([sys.executable, "-m", "riftwatch.cli", cmd, "--input", str(path)],
                         capture_output=True, check=False, timeout=300)
    assert out.returncode in (0, 3), out.stderr.decode()
    return sorted(out.stdout.splitlines())


def _run_stream(env: dict[str, str], tmp_path: Path, records: list[bytes], partitions: int,
                workers: int, want: dict[str, int], timeout: float = 150
                ) -> dict[str, list[bytes]]:
    env = {**env, "RIFTWATCH_PARTITIONS": str(partitions)}
    settings = _settings(env, partitions)
    asyncio.run(create_topics(settings))
    asyncio.run(publish_records(settings, records, progress=False))
    procs = [start_worker(settings, tmp_path, f"worker-{i}.log", extra_env=env)
             for i in range(workers)]
    try:
        topics = {settings.topic_events: want.get("events", 0),
                  settings.topic_alerts: want.get("alerts", 0),
                  settings.topic_deadletter: want.get("deadletter", 0)}
        got = asyncio.run(_collect(settings, topics, timeout))
        for proc in procs:
            assert proc.poll() is None, (tmp_path / "worker-0.log").read_text()[-3000:]
    finally:
        for proc in procs:
            stop_worker(proc)
    return {"events": got[settings.topic_events], "alerts": got[settings.topic_alerts],
            "deadletter": got[settings.topic_deadletter]}


def _by_id(lines: list[bytes], key: str) -> dict[str, bytes]:
    return {orjson.loads(x)[key]: x for x in lines}


@pytest.mark.parametrize("partitions,workers,store", [(2, 1, "rocksdb://"),
                                                    (3, 2, "memory://")])
def test_stream_equals_code_and_replay(stream_env: dict[str, str], tmp_path: Path,
                                       partitions: int, workers: int, store: str) -> None:
    """Also with the deployed table store (RocksDB through rocksdict) on one worker."""
    records = [x for x in SAMPLE.read_bytes().splitlines() if x.strip()]
    want_events = _offline("code", SAMPLE)
    want_alerts = _offline("replay", SAMPLE)
    assert want_alerts, "the sample corpus must produce at least one alert"
    got = _run_stream({**stream_env, "RIFTWATCH_STORE": store}, tmp_path, records,
                      partitions, workers, {"events": len(want_events),
                                            "alerts": len(want_alerts)})
    assert _by_id(got["events"], "event_id") == _by_id(want_events, "event_id")
    assert _by_id(got["alerts"], "alert_id") == _by_id(want_alerts, "alert_id")


def test_bad_input_is_deadlettered_and_counts_add_up(stream_env: dict[str, str],
                                                     tmp_path: Path) -> None:
    good = [x for x in SAMPLE.read_bytes().splitlines() if x.strip()][:6]
    bad = [b"{not json", b"\xff\xfe\xfa", b'{"id":"m1","published_at":"2025-01-01T00:00:00Z"}',
           b'{"id":"t1","text":"x","published_at":"last week"}',
           b'{"id":"w1","text":["a"],"published_at":"2025-01-01T00:00:00Z"}',
           b'{"id":"f1","text":"Le Caire accuse Doha.","published_at":"2025-01-01T00:00:00Z",'
           b'"lang":"fr"}']
    records = [good[0], bad[0], good[1], bad[1], good[2], bad[2], good[3], bad[3], good[4],
               bad[4], good[5], bad[5]]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(records) + b"\n")
    want_events = _offline("code", path)
    got = _run_stream(stream_env, tmp_path, records, 2, 1,
                      {"events": len(want_events), "deadletter": len(bad)})
    assert _by_id(got["events"], "event_id") == _by_id(want_events, "event_id")
    letters = [orjson.loads(x) for x in got["deadletter"]]
    assert sorted(base64.b64decode(d["original_b64"]) for d in letters) == sorted(bad)
    assert sorted(d["reason"] for d in letters) == sorted(
        ["not_json", "not_utf8", "missing_field", "bad_timestamp", "wrong_type",
         "unsupported_language"])
    coded_articles = {orjson.loads(x)["article_id"] for x in got["events"]}
    assert coded_articles <= {orjson.loads(g)["id"] for g in good}
    assert len(letters) + len(good) == len(records)
