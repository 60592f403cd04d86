"""The development timelines (eval/timelines): every labelled shift is caught inside its
window in the right direction and nothing else alerts, both from hand-labelled events
and through the real coder; plus `riftwatch dyad` on one of them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from riftwatch.coding import Coder
from riftwatch.pipeline import Tally, read_records, run_replay
from riftwatch.relations import RelationParams
from riftwatch.timelines import DEFAULT_DIR, evaluate, main, score

P = RelationParams.load()


NEWS_DIR = DEFAULT_DIR.parent / "timelines-news"


@pytest.mark.parametrize("folder", [DEFAULT_DIR, NEWS_DIR], ids=["dev", "news"])
def test_gold_events_catch_every_labelled_shift_and_nothing_else(folder: Path) -> None:
    labels = json.loads((folder / "expected.json").read_text())["timelines"]
    result = evaluate(folder, "gold", P)
    assert result.missed == [] and result.false == []
    assert len(result.caught) == sum(len(v) for v in labels.values()) >= 4


def test_the_real_coder_catches_every_labelled_shift_and_nothing_else(coder: Coder) -> None:
    expected = json.loads((DEFAULT_DIR / "expected.json").read_text())["timelines"]
    for name, labels in sorted(expected.items()):
        with open(DEFAULT_DIR / f"{name}.jsonl", "rb") as fh:
            alerts = run_replay(list(read_records(fh)), coder, Tally(), P)
        result = score(name, alerts, labels)
        assert result.missed == [] and result.false == [], (name, result)
        assert len(result.caught) == len(labels)


def test_the_scorer_counts_misses_and_false_alerts() -> None:
    label = {"dyad": ["IRN", "SAU"], "direction": "improving", "from": "2026-05-04",
             "to": "2026-05-10"}
    alert = {"dyad": [{"id": "IRN"}, {"id": "SAU"}], "direction": "improving",
             "triggered_at": "2026-05-12T00:00:00Z", "explanation": "late"}
    result = score("t", [alert], [label])
    assert len(result.missed) == 1 and len(result.false) == 1 and result.caught == []
    assert main(["--mode", "gold", "--check"]) == 0


def test_dyad_command_prints_the_state_and_evidence_of_one_dyad() -> None:
    out = subprocess.run([sys.executable, "-m", "riftwatch.cli", "dyad", "irn", "hamas",
                          "--input", str(DEFAULT_DIR / "hamas-irn-spy.jsonl")],
                         capture_output=True, check=True, timeout=300)
    view = json.loads(out.stdout)
    assert view["key"] == "HAMAS|IRN"
    assert [a["direction"] for a in view["alerts"]] == ["deteriorating"]
    assert view["recent_evidence"] and view["scores"]["history_mass"] > 0
    assert any(e["type"] == "espionage" for e in view["recent_evidence"])


def _seed_in_context(follow_up: bool) -> list[tuple[int, bytes]]:
    """Months of Hamas–Iran cooperation, then the seed story republished by four outlets
    over a week (one with a word changed), optionally one independent report."""
    from conftest import SEED

    seed = SEED.read_text(encoding="utf-8")
    rows = [json.loads(x) for x in (DEFAULT_DIR / "hamas-irn-spy.jsonl").read_text()
            .splitlines()[:10]]
    for i, day in enumerate(("12", "13", "16", "18")):
        text = seed.replace("Thursday", "on Thursday") if i == 3 else seed
        rows.append({"id": f"outlet-{i}", "published_at": f"2026-02-{day}T09:00:00Z",
                     "text": text})
    if follow_up:
        rows.append({"id": "follow-up", "published_at": "2026-02-19T10:00:00Z",
                     "text": "Hamas accused Iran of planting spies inside its political "
                             "bureau.\n\nHamas expelled an Iranian envoy from its office."})
    return [(i, json.dumps(r).encode()) for i, r in enumerate(rows, start=1)]


def test_copies_of_the_seed_story_alone_do_not_alert_but_a_second_report_does(
        coder: Coder) -> None:
    assert run_replay(_seed_in_context(False), coder, Tally(), P) == []
    alerts = run_replay(_seed_in_context(True), coder, Tally(), P)
    assert [(a["dyad"][0]["id"], a["dyad"][1]["id"], a["direction"]) for a in alerts] == \
        [("HAMAS", "IRN", "deteriorating")]
    assert "follow-up" in {e["article_id"] for e in alerts[0]["evidence"]}
