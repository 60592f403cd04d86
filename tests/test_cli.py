"""`riftwatch code` / `replay`: byte-identical reruns, skipped lines, exit codes."""

from __future__ import annotations

import subprocess
import sys

import fastjsonschema
import orjson
from conftest import ROOT, SAMPLE


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "riftwatch.cli", *args], input=stdin,
                          capture_output=True, timeout=300, check=False)


def _schema(name: str):  # type: ignore[no-untyped-def]
    return fastjsonschema.compile(orjson.loads((ROOT / "schemas" / name).read_bytes()))


def test_code_and_replay_are_byte_identical_across_runs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for cmd in ("code", "replay"):
        a, b = tmp_path / f"{cmd}-a.jsonl", tmp_path / f"{cmd}-b.jsonl"
        assert _run(cmd, "--input", str(SAMPLE), "--output", str(a)).returncode == 0
        assert _run(cmd, "--input", str(SAMPLE), "--output", str(b)).returncode == 0
        assert a.read_bytes() == b.read_bytes()
        assert a.read_bytes().strip()
    events = [orjson.loads(x) for x in (tmp_path / "code-a.jsonl").read_bytes().splitlines()]
    alerts = [orjson.loads(x) for x in (tmp_path / "replay-a.jsonl").read_bytes().splitlines()]
    check_event, check_alert = _schema("event.schema.json"), _schema("alert.schema.json")
    for e in events:
        check_event(e)
    for a in alerts:
        check_alert(a)
    assert {"espionage", "denial"} <= {e["type"] for e in events}
    assert any(a["direction"] == "deteriorating" for a in alerts)


def test_bad_lines_are_reported_and_skipped_with_exit_3() -> None:
    good = SAMPLE.read_bytes().splitlines()[0]
    data = b"\n".join([good, b"{not json", b'{"id":"x","text":"t"}', b"\xff\xfe", good]) + b"\n"
    result = _run("code", "--input", "-", stdin=data)
    assert result.returncode == 3
    err = result.stderr.decode()
    assert "line 2: not_json" in err
    assert "line 3: missing_field" in err
    assert "line 4: not_utf8" in err
    assert "1 deduplicated" in err
    out = [orjson.loads(x) for x in result.stdout.splitlines()]
    assert out and {e["article_id"] for e in out} == {orjson.loads(good)["id"]}


def test_missing_input_file_is_a_clear_error() -> None:
    result = _run("code", "--input", "/nonexistent/articles.jsonl")
    assert result.returncode == 2
    assert b"cannot read" in result.stderr
