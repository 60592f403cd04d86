"""Actor-resolution accuracy on labelled sentences (eval/actors/cases.jsonl): the number
`make eval` reports."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    """One case a line: {"text", "published_at", "mentions": {surface: actor id or null}}."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predicted_id(doc: Any, surface: str) -> str | None:
    """Actor id of the entity covering the first occurrence of `surface`, or None."""
    start = doc.text.find(surface)
    if start < 0:
        raise ValueError(f"mention {surface!r} not in text {doc.text!r}")
    end = start + len(surface)
    for ent in doc.ents:
        if ent.start_char < end and start < ent.end_char and ent._.actor is not None:
            return ent._.actor["id"] if ent._.actor["resolved"] else None
    return None


def actor_accuracy(nlp: Language, cases: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Share of labelled mentions resolved to the labelled id. A label of null means the
    mention must stay unresolved (a guard case); errors list what went wrong."""
    total = correct = n_cases = 0
    errors: list[dict[str, Any]] = []
    for case in cases:
        n_cases += 1
        doc = nlp.make_doc(case["text"])
        doc._.published_at = case.get("published_at")
        doc = nlp(doc)
        for surface, expected in case["mentions"].items():
            got = predicted_id(doc, surface)
            total += 1
            if got == expected:
                correct += 1
            else:
                errors.append({"text": case["text"], "mention": surface,
                               "expected": expected, "got": got})
    return {"cases": n_cases, "mentions": total, "correct": correct,
            "accuracy": round(correct / total, 4) if total else 0.0, "errors": errors}


ACTOR_PIPES = ("actor_ruler", "riftwatch_actors")


def actor_cost(nlp: Language, texts: list[str], repeats: int = 10) -> dict[str, float]:
    """Median milliseconds per article spent in each pipe, and in the actor pipes together:
    every component is timed on its own, so the numbers need no second pipeline."""
    runs: dict[str, list[float]] = {name: [] for name in nlp.pipe_names}
    for _ in range(repeats):
        spent = dict.fromkeys(runs, 0.0)
        for text in texts:
            doc = nlp.make_doc(text)
            for name, proc in nlp.pipeline:
                start = time.perf_counter()
                doc = proc(doc)
                spent[name] += time.perf_counter() - start
        for name, total in spent.items():
            runs[name].append(1000 * total / max(len(texts), 1))
    per_pipe = {name: statistics.median(values) for name, values in runs.items()}
    actors = sum(v for k, v in per_pipe.items() if k in ACTOR_PIPES)
    whole = sum(per_pipe.values())
    return {**{f"ms_{k}": round(v, 4) for k, v in per_pipe.items()},
            "ms_actors": round(actors, 4), "ms_pipeline": round(whole, 4),
            "actor_share": round(actors / whole, 4) if whole else 0.0}
