"""`riftwatch demo`: broker (embedded unless KAFKA_BOOTSTRAP_SERVERS), topics, a
worker process, the bundled corpus; prints events and alerts as they arrive and
checks them against the offline replay of the same corpus."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import orjson

from riftwatch.broker import EmbeddedBroker, create_topics, start_embedded
from riftwatch.settings import Settings


def sample_corpus() -> list[bytes]:
    text = resources.files("riftwatch.data").joinpath("sample_corpus.jsonl").read_bytes()
    return [line for line in text.splitlines() if line.strip()]


def _say(msg: str) -> None:
    print(f"riftwatch demo: {msg}", file=sys.stderr, flush=True)


def start_worker(settings: Settings, workdir: Path, log_name: str = "worker.log",
                 extra_env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """A `riftwatch worker` process with its own state directory."""
    state = workdir / f"state-{log_name}"
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": settings.bootstrap_servers or "",
           "RIFTWATCH_STATE_DIR": str(state), **(extra_env or {})}
    log = (workdir / log_name).open("wb")
    return subprocess.Popen([sys.executable, "-m", "riftwatch.cli", "worker"], env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def stop_worker(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def expected_output(corpus: list[bytes], settings: Settings) -> tuple[set[str], set[str]]:
    from riftwatch.coding import Coder
    from riftwatch.pipeline import Tally, run_code, run_replay
    from riftwatch.relations import RelationParams

    coder = Coder.load(settings.model, batch_size=settings.batch_size)
    records = list(enumerate(corpus, start=1))
    events = run_code(records, coder, Tally())
    alerts = run_replay(records, coder, Tally(), RelationParams())
    return {e["event_id"] for e in events}, {a["alert_id"] for a in alerts}


async def _end_offsets(servers: str, topics: list[str]) -> dict[Any, int]:
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(bootstrap_servers=servers, enable_auto_commit=False)
    await consumer.start()
    try:
        tps = [TopicPartition(t, p) for t in topics
               for p in sorted(consumer.partitions_for_topic(t) or [])]
        return dict(await consumer.end_offsets(tps)) if tps else {}
    finally:
        await consumer.stop()


async def watch(settings: Settings, start: dict[Any, int], want_events: set[str],
                want_alerts: set[str], deadline: float) -> bool:
    """Print events and alerts as they arrive; True once every expected id was seen."""
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers,
                                enable_auto_commit=False)
    await consumer.start()
    got_events: set[str] = set()
    got_alerts: set[str] = set()
    try:
        consumer.assign(list(start))
        for tp, offset in start.items():
            consumer.seek(tp, offset)
        last_note = 0.0
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for tp, messages in sorted(batch.items()):
                for msg in messages:
                    record = orjson.loads(msg.value)
                    if tp.topic == settings.topic_alerts:
                        got_alerts.add(record["alert_id"])
                        print("ALERT " + msg.value.decode(), flush=True)
                    else:
                        got_events.add(record["event_id"])
                        print("EVENT " + msg.value.decode(), flush=True)
            if want_events <= got_events and want_alerts <= got_alerts:
                _say(f"drained: {len(got_events)} events, {len(got_alerts)} alerts, "
                     "identical ids to the offline replay")
                return True
            if time.monotonic() - last_note > 5:
                last_note = time.monotonic()
                _say(f"progress: {len(got_events & want_events)}/{len(want_events)} events, "
                     f"{len(got_alerts & want_alerts)}/{len(want_alerts)} alerts")
        _say(f"timed out: missing {len(want_events - got_events)} events, "
             f"{len(want_alerts - got_alerts)} alerts")
        return False
    finally:
        await consumer.stop()


def run_demo(timeout: float = 170.0) -> int:
    """Exit status 0 when the corpus is drained and matches the offline replay."""
    started = time.monotonic()
    settings = Settings.from_env()
    broker: EmbeddedBroker | None = None
    workdir = Path(tempfile.mkdtemp(prefix="riftwatch-demo-"))
    if not settings.bootstrap_servers:
        broker = start_embedded()
        settings = replace(settings, bootstrap_servers=broker.bootstrap_servers)
        _say(f"embedded broker (Tansu) on {broker.bootstrap_servers}")
    else:
        _say(f"using KAFKA_BOOTSTRAP_SERVERS={settings.bootstrap_servers}")
    worker = None
    ok = False
    try:
        created = asyncio.run(create_topics(settings))
        _say(f"topics ready ({len(created)} created, {settings.partitions} partitions each)")
        start = asyncio.run(_end_offsets(settings.bootstrap_servers or "",
                                         [settings.topic_events, settings.topic_alerts]))
        corpus = sample_corpus()
        from riftwatch.cli import publish_records

        asyncio.run(publish_records(settings, corpus, progress=False))
        _say(f"published {len(corpus)} sample articles; starting a worker "
             f"(log: {workdir / 'worker.log'})")
        worker = start_worker(settings, workdir, extra_env={"RIFTWATCH_LOG_LEVEL": "warning"})
        want_events, want_alerts = expected_output(corpus, settings)
        _say(f"offline replay expects {len(want_events)} events and {len(want_alerts)} alerts")
        ok = asyncio.run(watch(settings, start, want_events, want_alerts,
                               started + timeout))
        _say(f"finished in {time.monotonic() - started:.1f}s")
        return 0 if ok else 1
    finally:
        if worker is not None:
            stop_worker(worker)
        if broker is not None:
            broker.stop()
        if ok:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            _say(f"kept the worker log for inspection in {workdir}")
