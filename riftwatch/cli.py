"""The `riftwatch` command."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Iterator
from typing import IO, Annotated, Any

import orjson
import typer

from riftwatch.settings import Settings

cli = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Detect sharp shifts in political relationships from a news stream.")

EXIT_SKIPPED = 3


@contextlib.contextmanager
def _open_in(path: str) -> Iterator[IO[bytes]]:
    if path == "-":
        yield sys.stdin.buffer
    else:
        try:
            fh = open(path, "rb")  # noqa: SIM115
        except OSError as exc:
            raise typer.BadParameter(f"cannot read {path}: {exc.strerror}") from exc
        with fh:
            yield fh


@contextlib.contextmanager
def _open_out(path: str | None) -> Iterator[IO[bytes]]:
    if path in (None, "-"):
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    else:
        with open(path, "wb") as fh:
            yield fh


def _write_lines(records: list[dict[str, Any]], out: IO[bytes]) -> None:
    from riftwatch.ids import canonical_json

    for record in records:
        out.write(canonical_json(record) + b"\n")


InputOpt = Annotated[str, typer.Option("--input", "-i", help="JSON lines file, - for stdin")]
OutputOpt = Annotated[str | None, typer.Option("--output", "-o", help="default: stdout")]


def _offline(kind: str, input_path: str, output: str | None) -> None:
    from riftwatch.coding import Coder
    from riftwatch.pipeline import Tally, read_records, run_code, run_replay
    from riftwatch.relations import RelationParams

    settings = Settings.from_env()
    tally = Tally()
    with _open_in(input_path) as fh:
        records = list(read_records(fh))
    print(f"riftwatch {kind}: {len(records)} input lines, loading {settings.model}",
          file=sys.stderr)
    coder = Coder.load(settings.model, batch_size=settings.batch_size)
    if kind == "code":
        out_records = run_code(records, coder, tally)
    else:
        out_records = run_replay(records, coder, tally, RelationParams())
    with _open_out(output) as out:
        _write_lines(out_records, out)
    print(f"riftwatch {kind}: {tally.summary()}, {len(out_records)} "
          f"{'events' if kind == 'code' else 'alerts'}", file=sys.stderr)
    if tally.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@cli.command()
def code(input: InputOpt, output: OutputOpt = None) -> None:
    """Code articles into events offline (no broker), exactly as the agents do."""
    _offline("code", input, output)


@cli.command()
def replay(input: InputOpt, output: OutputOpt = None) -> None:
    """Run articles in published_at order through coding and relationship state;
    print the alerts the stream would emit."""
    _offline("replay", input, output)


@cli.command()
def dyad(
    a: Annotated[str, typer.Argument(help="actor id, e.g. EGY")],
    b: Annotated[str, typer.Argument(help="actor id, e.g. QAT")],
    input: InputOpt,
) -> None:
    """Replay articles offline and print one dyad's final state, recent evidence and
    alerts as JSON (what the worker's /dyads/A/B/ page shows)."""
    from riftwatch.coding import Coder
    from riftwatch.ids import dyad_key
    from riftwatch.pipeline import Tally, read_records, run_replay_states
    from riftwatch.relations import RelationParams, inspect

    settings = Settings.from_env()
    with _open_in(input) as fh:
        records = list(read_records(fh))
    coder = Coder.load(settings.model, batch_size=settings.batch_size)
    states, alerts = run_replay_states(records, coder, Tally(), RelationParams())
    key = dyad_key(a.upper(), b.upper())
    if key not in states:
        typer.echo(f"no events for dyad {key} in {input}", err=True)
        raise typer.Exit(1)
    view = {**inspect(states[key]),
            "alerts": [x for x in alerts if "|".join(y["id"] for y in x["dyad"]) == key]}
    typer.echo(orjson.dumps(view, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode())


@cli.command()
def worker(ctx: typer.Context) -> None:
    """Run a Faust worker of the deployed service (same as `faust -A agents.app worker`)."""
    settings = Settings.from_env()
    from agents.app import app

    level = {"warning": "warn", "critical": "crit"}.get(settings.log_level.lower(),
                                                         settings.log_level.lower())
    web = [] if settings.web_enabled else ["--without-web"]
    sys.argv = ["riftwatch", "worker", "--loglevel", level, *web, *ctx.args]
    app.main()


worker_cmd = cli.registered_commands[-1]
worker_cmd.context_settings = {"allow_extra_args": True, "ignore_unknown_options": True}


def _require_servers(settings: Settings) -> str:
    if not settings.bootstrap_servers:
        typer.echo("KAFKA_BOOTSTRAP_SERVERS is not set", err=True)
        raise typer.Exit(2)
    return settings.bootstrap_servers


@cli.command()
def topics() -> None:
    """Create riftwatch's topics with explicit partition counts (idempotent)."""
    from riftwatch.broker import create_topics

    settings = Settings.from_env()
    _require_servers(settings)
    created = asyncio.run(create_topics(settings))
    typer.echo(f"created: {', '.join(created) or 'none (all exist)'}", err=True)


async def publish_records(settings: Settings, records: list[bytes], progress: bool = True) -> int:
    """Send raw article lines to the articles topic in order, keyed by article id."""
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all",
                                linger_ms=5)
    await producer.start()
    try:
        futures = []
        for i, raw in enumerate(records, start=1):
            futures.append(await producer.send(settings.topic_articles, value=raw,
                                               key=_article_key(raw)))
            if progress and i % 100 == 0:
                print(f"published {i}/{len(records)}", file=sys.stderr)
        await producer.flush()
        for fut in futures:
            await fut
    finally:
        await producer.stop()
    return len(records)


def _article_key(raw: bytes) -> bytes | None:
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return value["id"].encode()
    return None


@cli.command()
def publish(input: InputOpt) -> None:
    """Publish articles (one JSON object a line) to the articles topic."""
    from riftwatch.pipeline import read_records

    settings = Settings.from_env()
    _require_servers(settings)
    with _open_in(input) as fh:
        records = [raw for _, raw in read_records(fh)]
    n = asyncio.run(publish_records(settings, records))
    typer.echo(f"published {n} records to {settings.topic_articles}", err=True)


def render_pretty(kind: str, record: dict[str, Any]) -> str:
    """One human-readable line for an event or an alert."""
    if kind == "alerts":
        a, b = record["dyad"]
        return (f"[{record['triggered_at']}] {record['severity'].upper()} "
                f"{a['name']}–{b['name']} {record['direction']}: {record['explanation']}")
    target = record["target"]["name"] if record.get("target") else "-"
    return (f"[{record['published_at']}] {record['type']}: {record['source']['name']} → "
            f"{target} ({record['confidence']:.2f}) {record['sentence'][:100]}")


@cli.command()
def tail(
    kind: Annotated[str, typer.Argument(help="events or alerts")],
    pretty: Annotated[bool, typer.Option(help="render for people")] = False,
    max_records: Annotated[int, typer.Option("--max", help="stop after N (0 = never)")] = 0,
    timeout: Annotated[float, typer.Option(help="stop after S idle seconds (0 = never)")] = 0,
) -> None:
    """Print a downstream topic as JSON lines (an example alert consumer)."""
    if kind not in ("events", "alerts"):
        raise typer.BadParameter("kind must be 'events' or 'alerts'")
    settings = Settings.from_env()
    _require_servers(settings)
    topic = settings.topic_events if kind == "events" else settings.topic_alerts
    asyncio.run(_tail(settings, topic, kind, pretty, max_records, timeout))


async def _tail(settings: Settings, topic: str, kind: str, pretty: bool, max_records: int,
                timeout: float) -> None:
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(topic, bootstrap_servers=settings.bootstrap_servers,
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    seen = 0
    try:
        while not max_records or seen < max_records:
            batch = await consumer.getmany(timeout_ms=int((timeout or 3600) * 1000))
            if not batch and timeout:
                break
            for msg in (m for messages in batch.values() for m in messages):
                record = orjson.loads(msg.value)
                print(render_pretty(kind, record) if pretty else msg.value.decode(), flush=True)
                seen += 1
                if seen == max_records:
                    break
    finally:
        await consumer.stop()


@cli.command()
def demo(
    timeout: Annotated[float, typer.Option(help="give up after S seconds")] = 170.0,
) -> None:
    """Run the main job on the embedded broker with the bundled sample corpus."""
    from riftwatch.demo import run_demo

    raise typer.Exit(run_demo(timeout))


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
