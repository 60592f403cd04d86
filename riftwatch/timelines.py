"""Development timelines: caught / missed / false alerts (`python -m riftwatch.timelines`).

Each eval/timelines/NAME.jsonl is a file of dated articles; eval/timelines/expected.json
labels the shifts (dyad, direction, date window) each should raise. Two modes:

- `coder` (default) runs `riftwatch.pipeline.run_replay`, i.e. the real coder and the
  real relationship state, exactly like `riftwatch replay`;
- `gold` skips the coder and builds events from each article's hand-written
  `gold_events` field (type, source, target, optional `historical`), so the relations
  stage can be judged on its own while the coder changes.

`--check` exits 1 when any expected shift is missed or any other alert appears.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riftwatch.actors import load_dictionary
from riftwatch.ids import event_id
from riftwatch.relations import DATA, RelationParams, replay

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "eval" / "timelines"


@dataclass
class Score:
    caught: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)


def _data(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _event_types() -> dict[str, float]:
    """Event weights from the coder's type file (taxonomy.json, formerly lexicon.json)."""
    for name in ("taxonomy.json", "lexicon.json"):
        if (DATA / name).exists():
            return {t: float(spec["weight"]) for t, spec in _data(name)["types"].items()}
    raise FileNotFoundError("no event type file in riftwatch/data")


def gold_events(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events as a perfect coder would emit them from the articles' annotations."""
    names = {actor_id: actor.name for actor_id, actor in load_dictionary().actors.items()}
    weights = _event_types()

    def ref(actor_id: str | None) -> dict[str, str] | None:
        return {"id": actor_id, "name": names[actor_id]} if actor_id in names else None

    events = []
    for art in articles:
        sentence = art["text"].split("\n\n")[0]
        for i, g in enumerate(art.get("gold_events", [])):
            src, tgt = ref(g["source"]), ref(g.get("target"))
            if src is None:
                continue
            events.append({
                "event_id": event_id(art["id"], g["type"], g["source"], g.get("target"),
                                     f"{i}:{sentence}"),
                "article_id": art["id"], "type": g["type"],
                "weight": float(weights[g["type"]]),
                "source": src, "target": tgt, "sentence": sentence,
                "published_at": art["published_at"], "confidence": 0.9,
                **({"historical": True} if g.get("historical") else {}),
            })
    return events


def coder_alerts(path: Path, params: RelationParams) -> list[dict[str, Any]]:
    from riftwatch.coding import Coder
    from riftwatch.pipeline import Tally, read_records, run_replay
    from riftwatch.settings import Settings

    global _CODER
    if _CODER is None:
        settings = Settings.from_env()
        _CODER = Coder.load(settings.model, batch_size=settings.batch_size)
    with open(path, "rb") as fh:
        records = list(read_records(fh))
    return run_replay(records, _CODER, Tally(), params)


_CODER: Any = None


def score(name: str, alerts: list[dict[str, Any]], expected: list[dict[str, Any]]) -> Score:
    """Match alerts to labelled shifts; the first matching alert catches a shift, every
    other alert (wrong dyad, direction, date, or a repeat) is false."""
    result = Score()
    used: set[int] = set()
    for exp in expected:
        key = "|".join(sorted(exp["dyad"]))
        label = f"{name} {key} {exp['direction']} [{exp['from']}..{exp['to']}]"
        hit = next((i for i, a in enumerate(alerts) if i not in used
                    and "|".join(x["id"] for x in a["dyad"]) == key
                    and a["direction"] == exp["direction"]
                    and exp["from"] <= a["triggered_at"][:10] <= exp["to"]), None)
        if hit is None:
            result.missed.append(label)
        else:
            used.add(hit)
            result.caught.append(f"{label} at {alerts[hit]['triggered_at']}")
    for i, a in enumerate(alerts):
        if i not in used:
            key = "|".join(x["id"] for x in a["dyad"])
            result.false.append(f"{name} {key} {a['direction']} at {a['triggered_at']}: "
                                f"{a['explanation']}")
    return result


def evaluate(directory: Path, mode: str, params: RelationParams,
             verbose: bool = False) -> Score:
    expected = json.loads((directory / "expected.json").read_text())["timelines"]
    total = Score()
    for name in sorted(expected):
        path = directory / f"{name}.jsonl"
        if mode == "gold":
            articles = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
            alerts = replay(gold_events(articles), params)
        else:
            alerts = coder_alerts(path, params)
        if verbose:
            for a in alerts:
                print(f"  {name}: [{a['triggered_at']}] {a['severity']} {a['explanation']}")
        s = score(name, alerts, expected[name])
        for attr in ("caught", "missed", "false"):
            getattr(total, attr).extend(getattr(s, attr))
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--mode", choices=("coder", "gold", "both"), default="coder")
    ap.add_argument("--check", action="store_true", help="exit 1 on any miss or false alert")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every alert")
    args = ap.parse_args(argv)
    params = RelationParams.load()
    bad = 0
    for mode in (("gold", "coder") if args.mode == "both" else (args.mode,)):
        s = evaluate(args.dir, mode, params, args.verbose)
        for attr in ("caught", "missed", "false"):
            for line in getattr(s, attr):
                print(f"{mode} {attr.upper()}: {line}")
        print(f"{mode}: {len(s.caught)} caught, {len(s.missed)} missed, {len(s.false)} false")
        bad += len(s.missed) + len(s.false)
    return 1 if args.check and bad else 0


if __name__ == "__main__":
    sys.exit(main())
