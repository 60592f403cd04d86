"""riftwatch's Faust application (`faust -A agents.app worker` or `riftwatch worker`).

articles.raw ─► code_articles ─► events.coded
                      │   └────► articles.deadletter
                      └─► riftwatch.dyad-events (keyed by dyad, + watermarks)
                                  ─► relate (table: dyad state) ─► alerts.relationship
expire_dyads (timer) ─► riftwatch.dyad-events (expiry ticks, one per owned partition)
GET /dyads/{a}/{b}/ (Faust web, RIFTWATCH_WEB_ENABLED) ─► one dyad's state and evidence
"""

from __future__ import annotations

import asyncio
import base64
import logging
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import faust
import orjson
from faust.exceptions import SameNode
from faust.web import Request, Response, View

from agents.recovery import GaplessTableManager
from riftwatch import metrics
from riftwatch.article import CODING_ERROR, Article, Rejection
from riftwatch.coding import Coder, event_line
from riftwatch.dedup import SeenArticles
from riftwatch.ids import canonical_json, dyad_key
from riftwatch.ordering import RELEASE_ALL, Watermarks, split_ready
from riftwatch.pipeline import triage
from riftwatch.relations import (
    RelationParams,
    apply,
    epoch,
    expired,
    inspect,
    iso,
    new_state,
    routes,
)
from riftwatch.settings import Settings

logger = logging.getLogger("riftwatch.agents")
settings = Settings.from_env()
params = RelationParams.load()

app = faust.App(
    settings.app_id,
    broker=settings.broker_url,
    store=settings.store,
    datadir=settings.state_dir,
    topic_partitions=settings.partitions,
    topic_replication_factor=settings.replication,
    processing_guarantee=settings.processing_guarantee,
    broker_session_timeout=settings.session_timeout,
    broker_heartbeat_interval=settings.heartbeat_interval,
    broker_rebalance_timeout=settings.rebalance_timeout,
    consumer_auto_offset_reset="earliest",
    web_enabled=settings.web_enabled,
    web_port=settings.web_port,
    key_serializer="raw",
    value_serializer="raw",
    TableManager=GaplessTableManager,  # see agents/recovery.py
)

articles_topic = app.topic(settings.topic_articles, partitions=settings.partitions)
events_topic = app.topic(settings.topic_events, partitions=settings.partitions)
alerts_topic = app.topic(settings.topic_alerts, partitions=settings.partitions)
deadletter_topic = app.topic(settings.topic_deadletter, partitions=settings.partitions)
dyad_topic = app.topic(settings.topic_dyad_events, partitions=settings.partitions)

# Dyad state: one JSON document per dyad, changelogged (restored after a restart or a
# rebalance); the store is RIFTWATCH_STORE (memory:// for tests, rocksdb:// deployed).
dyads = app.Table("dyads", default=None, partitions=settings.partitions,
                  schema=faust.Schema(key_type=str, key_serializer="raw",
                                      value_serializer="json"),
                  help="relationship state per dyad (riftwatch.relations)")

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="riftwatch-nlp")
_coder: Coder | None = None
_seen = SeenArticles()
_progress: dict[int, dict[str, Any]] = defaultdict(lambda: {"offset": -1, "active": 0.0})
_watermarks: dict[int, Watermarks] = {}
_pending_keys: dict[int, set[str]] = defaultdict(set)
_dyad_keys: dict[int, set[str]] = defaultdict(set)


def coder() -> Coder:
    global _coder
    if _coder is None:
        _coder = Coder.load(settings.model, batch_size=settings.batch_size)
    return _coder


@app.on_configured.connect
def _warm(app: faust.App, conf: Any, **kwargs: Any) -> None:
    """Load spaCy before joining the group, so the first rebalance is not stalled."""
    coder()


def _deadletter_record(raw: bytes, rejection: Rejection, message: Any) -> bytes:
    return canonical_json({
        **rejection.as_dict(),
        "original_b64": base64.b64encode(raw).decode("ascii"),
        "topic": message.topic, "partition": message.partition, "offset": message.offset,
    })


def _code_batch(articles: list[Article]) -> list[list[dict[str, Any]] | None]:
    """Code a batch; if the batch fails, code one by one so that only the articles
    that really fail (None) are dead-lettered and the rest still flow."""
    try:
        return list(coder().code(articles))
    except Exception:
        logger.exception("coding a batch of %d articles failed; retrying one by one",
                         len(articles))
    results: list[list[dict[str, Any]] | None] = []
    for article in articles:
        try:
            results.append(coder().code([article])[0])
        except Exception:
            logger.exception("coding article %s failed", article.id)
            results.append(None)
    return results


async def _deadletter(raw: bytes, rejection: Rejection, key: Any, msg: Any) -> None:
    """Send the original bytes with the reason, and count the article as dead-lettered."""
    metrics.ARTICLES.labels("deadlettered").inc()
    metrics.DEADLETTERS.labels(rejection.reason).inc()
    await deadletter_topic.send(key=key, value=_deadletter_record(raw, rejection, msg),
                                headers={"riftwatch-reason": rejection.reason.encode()})


@app.agent(articles_topic)
async def code_articles(stream: faust.StreamT) -> None:
    """Validate, dead-letter, deduplicate and code batches of articles."""
    loop = asyncio.get_running_loop()
    async for batch in stream.take_events(settings.batch_size, within=settings.batch_seconds):
        articles: list[Article] = []
        origins: list[tuple[bytes, Any, Any]] = []
        newest: dict[int, str] = {}
        for event in batch:
            msg = event.message
            raw = event.value if isinstance(event.value, bytes) else bytes(event.value or b"")
            result = triage(raw, _seen)
            if isinstance(result, Rejection):
                await _deadletter(raw, result, event.key, msg)
            elif isinstance(result, Article):
                articles.append(result)
                origins.append((raw, event.key, msg))
                if result.published_iso > newest.get(msg.partition, ""):
                    newest[msg.partition] = result.published_iso
            else:
                metrics.ARTICLES.labels("deduplicated").inc()
        n_events = 0
        if articles:
            started = time.perf_counter()
            coded = await loop.run_in_executor(_executor, _code_batch, articles)
            metrics.BATCH_SECONDS.observe(time.perf_counter() - started)
            for article, article_events, (raw, key, msg) in zip(articles, coded, origins,
                                                                strict=True):
                if article_events is None:
                    await _deadletter(raw, Rejection(
                        CODING_ERROR, "the coder raised an error on this article (see the "
                        "worker log)", None, article.id), key, msg)
                    continue
                metrics.ARTICLES.labels("coded").inc()
                n_events += len(article_events)
                for ev in article_events:
                    metrics.EVENTS.labels(ev["type"]).inc()
                    await events_topic.send(key=ev["article_id"].encode(), value=event_line(ev))
                for dyad, pair, ev in routes(article_events):
                    await dyad_topic.send(key=dyad.encode(), value=canonical_json(
                        {"kind": "event", "dyad": dyad, "pair": pair, "event": ev}))
        for source, newest_time in sorted(newest.items()):
            await _send_watermark(source, newest_time, idle=False)
        for event in batch:
            prog = _progress[event.message.partition]
            prog["offset"] = max(prog["offset"], event.message.offset)
            prog["active"] = time.monotonic()
        logger.info("batch of %d records: %d coded, %d events, newest %s", len(batch),
                    len(articles), n_events, dict(sorted(newest.items())))


async def _send_watermark(source: int, time_: str | None, idle: bool) -> None:
    value = canonical_json({"kind": "watermark", "source": source, "time": time_, "idle": idle})
    for partition in range(settings.partitions):
        await dyad_topic.send(key=None, value=value, partition=partition)


@app.timer(interval=max(settings.idle_seconds / 2, 0.1))
async def idle_watermarks() -> None:
    """Mark caught-up, quiet article partitions idle so the relations stage does not
    wait on them (a wall-clock decision about transport only, never about state).

    Caught up: this process has processed up to the partition's high-water mark. A
    worker that took a partition over and has processed nothing from it (everything
    was committed before) counts as caught up after 3 × idle_seconds of quiet."""
    now = time.monotonic()
    for tp in sorted(app.consumer.assignment()):
        if tp.topic != settings.topic_articles:
            continue
        prog = _progress[tp.partition]
        prog.setdefault("assigned", now)
        highwater = app.consumer.highwater(tp)
        if prog["offset"] >= 0:
            quiet = now - prog["active"] >= settings.idle_seconds
            caught_up = highwater is not None and prog["offset"] + 1 >= highwater
        else:
            quiet = caught_up = now - prog["assigned"] >= 3 * settings.idle_seconds
        if caught_up and quiet:
            await _send_watermark(tp.partition, None, idle=True)


@app.agent(dyad_topic)
async def relate(stream: faust.StreamT) -> None:
    """Order events by event time, fold them into dyad state, emit alerts."""
    async for event in stream.events():
        partition = event.message.partition
        record = orjson.loads(event.value)
        marks = _watermarks.setdefault(partition, Watermarks(settings.partitions))
        if record["kind"] == "watermark":
            marks.update(record["source"], record["time"], record["idle"])
            for key in sorted(_pending_keys[partition]):
                await _release(key, partition, marks)
            continue
        if record["kind"] == "expire":
            _expire(partition, marks)
            continue
        ev, key = record["event"], record["dyad"]
        state = dyads.get(key) or new_state(key, *record["pair"], params)
        pending = state.get("pending", [])
        if ev["event_id"] in state["seen"] or any(p["event_id"] == ev["event_id"]
                                                   for p in pending):
            continue
        dyads[key] = {**state, "pending": [*pending, ev], "partition": partition}
        _pending_keys[partition].add(key)
        _dyad_keys[partition].add(key)
        metrics.DYADS.set(sum(len(keys) for keys in _dyad_keys.values()))
        await _release(key, partition, marks)


async def _release(key: str, partition: int, marks: Watermarks) -> None:
    state = dyads[key]
    ready, waiting = split_ready(state.get("pending", []), marks.low(), settings.max_pending)
    if not ready:
        return
    fired: list[dict[str, Any]] = []
    for ev in ready:
        if state["t"] is not None and ev["published_at"] < iso(state["t"]):
            metrics.LATE_EVENTS.inc()
        state, alerts = apply(state, ev, params)
        fired.extend(alerts)
    dyads[key] = {**state, "pending": waiting, "partition": partition}
    if not waiting:
        _pending_keys[partition].discard(key)
    for alert in fired:
        metrics.ALERTS.labels(alert["direction"], alert["severity"]).inc()
        await alerts_topic.send(key=alert["alert_id"].encode(), value=canonical_json(alert))


def _expiry_horizon(marks: Watermarks) -> float | None:
    """Event time that every future in-order event of this partition is at least: the
    low watermark, or the newest watermark once every source is idle."""
    low = marks.low()
    if low is None:
        return None
    if low == RELEASE_ALL:
        times = [t for t in marks.times.values() if t is not None]
        return epoch(max(times)) if times else None
    return epoch(low)


def _expire(partition: int, marks: Watermarks) -> None:
    """Drop dyads idle (in event time) for longer than expire_days. Their next event
    would reset them anyway (riftwatch.relations.apply), so output never changes."""
    horizon = _expiry_horizon(marks)
    if horizon is None:
        return
    for key in sorted(_dyad_keys[partition]):
        state = dyads.get(key)
        if state is None:
            _dyad_keys[partition].discard(key)
        elif not state.get("pending") and expired(state, horizon, params):
            del dyads[key]
            _dyad_keys[partition].discard(key)
            metrics.EXPIRED_DYADS.inc()
    metrics.DYADS.set(sum(len(keys) for keys in _dyad_keys.values()))


@app.timer(interval=params.expiry_check_seconds)
async def expire_dyads() -> None:
    """Ask each dyad partition this worker owns to drop expired dyads. Tables can only be
    changed from their stream, so the timer sends a tick that `relate` acts on."""
    tick = canonical_json({"kind": "expire"})
    for tp in sorted(app.assignor.assigned_actives()):
        if tp.topic == settings.topic_dyad_events:
            await dyad_topic.send(key=None, value=tick, partition=tp.partition)


@dyads.on_recover
async def _index_pending() -> None:
    """Rebuild the in-memory indexes of dyads (and of those with waiting events)."""
    _pending_keys.clear()
    _dyad_keys.clear()
    for key, state in dyads.items():
        if state:
            _dyad_keys[state["partition"]].add(key)
            if state.get("pending"):
                _pending_keys[state["partition"]].add(key)
    metrics.DYADS.set(sum(len(keys) for keys in _dyad_keys.values()))


@app.page("/dyads/{a}/{b}/")
async def dyad_page(web: View, request: Request, a: str, b: str) -> Response:
    """One dyad's state and recent evidence as JSON, served by the worker that owns it."""
    key = dyad_key(a.upper(), b.upper())
    try:
        return await app.router.route_req(dyads.name, key, web.web, request)
    except SameNode:
        state = dyads.get(key)
    if not state:
        return web.json({"key": key, "error": "no state for this dyad"}, status=404)
    return web.json({**inspect(state), "pending_events": len(state.get("pending", []))})
