"""The evaluation harness: the dev set as a CI regression test against eval/floors.json,
the labelled sets' integrity, and the scoring rules on tiny hand-made inputs."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from riftwatch.article import parse_article
from riftwatch.dedup import unique_paragraphs
from riftwatch.evaluate import (
    GOLD_TYPES,
    MISSION_TYPES,
    Counts,
    actor_slots,
    check,
    confidence_order,
    evaluate,
    historical_counts,
    load_set,
    loss_stages,
    match_article,
    render,
    score,
    source_only,
    type_only,
)

FLOORS = ROOT / "eval" / "floors.json"
ACTOR_ID = re.compile(r"[A-Z]{3}|[A-Z][A-Z0-9_]+")


def ev(etype: str, src: str, tgt: str | None, sentence: str = "") -> dict:
    """A predicted event in the coder's shape (actor objects)."""
    return {"type": etype, "source": {"id": src, "name": src},
            "target": {"id": tgt, "name": tgt} if tgt else None, "sentence": sentence}


def gold(etype: str, src: str, tgt: str | None, contains: str = "") -> dict:
    return {"type": etype, "source": src, "target": tgt, "sentence_contains": contains}


@pytest.fixture(scope="module")
def dev_results(coder):  # type: ignore[no-untyped-def]
    return evaluate("dev", coder=coder)


def test_dev_set_meets_floors(dev_results: dict) -> None:
    floors = json.loads(FLOORS.read_text())
    assert check(dev_results, floors) == []


@pytest.mark.parametrize("set_name",
                         ["news", "news2", "news3", "news4", "news5", "news6", "blind2",
                          "news7", "news8"])
def test_news_set_meets_its_floors(coder, set_name: str) -> None:  # type: ignore[no-untyped-def]
    floors = json.loads((ROOT / "eval" / f"floors-{set_name}.json").read_text())
    assert floors["set"] == set_name
    assert check(evaluate(set_name, coder=coder), floors) == []


def test_floors_cover_every_gold_type_and_the_seed() -> None:
    floors = json.loads(FLOORS.read_text())
    assert {f"per_type.{t}.f1" for t in GOLD_TYPES} <= set(floors["floors"])
    assert "seed.ok" in floors["required"]
    assert "nonpolitical.false_mission_events" in floors["ceilings"]


def test_evaluation_is_deterministic(coder, dev_results: dict) -> None:  # type: ignore[no-untyped-def]
    again = evaluate("dev", coder=coder)
    assert json.dumps(again, sort_keys=True) == json.dumps(dev_results, sort_keys=True)
    assert render(again, errors=True) == render(dev_results, errors=True)


@pytest.mark.parametrize("name", ["dev", "news", "news2", "news3", "news4", "news5", "news6",
                                  "news7", "news8", "news9", "news10", "holdout", "blind",
                                  "blind2"])
def test_labelled_set_is_well_formed(name: str) -> None:
    articles, labels = load_set(name)
    for art in articles:
        text = "\n\n".join(unique_paragraphs(art.text)[0])
        record = labels[art.id]
        assert record["category"] in ("political", "nonpolitical")
        for e in record["events"]:
            assert text.count(e["sentence_contains"]) == 1, (art.id, e["sentence_contains"])
            assert ACTOR_ID.fullmatch(e["source"]), (art.id, e)
            assert e["target"] is None or ACTOR_ID.fullmatch(e["target"]), (art.id, e)
            assert e["source"] != e["target"], (art.id, e)
        if record["category"] == "nonpolitical":
            assert record["events"] == [], art.id


def test_dev_set_coverage() -> None:
    articles, labels = load_set("dev")
    assert len(articles) >= 110
    for art in articles:
        assert 2 <= len(re.findall(r"[.!?](?:\s|$)", art.text)) <= 6, art.id
    assert sum(r["category"] == "nonpolitical" for r in labels.values()) >= 30
    events = [e for r in labels.values() for e in r["events"]]
    assert {e["type"] for e in events} == set(GOLD_TYPES)
    for mission in MISSION_TYPES:
        assert sum(e["type"] == mission for e in events) >= 15, mission
    assert any(e.get("historical") for e in events)
    assert sum(not r["events"] and r["category"] == "political" for r in labels.values()) >= 5


def test_holdout_is_disjoint_from_dev() -> None:
    dev, _ = load_set("dev")
    holdout, _ = load_set("holdout")
    assert len(holdout) >= 25
    assert not {a.id for a in dev} & {a.id for a in holdout}
    assert not {a.text for a in dev} & {a.text for a in holdout}


def test_perfect_prediction_scores_one() -> None:
    g = [gold("espionage", "IRN", "HAMAS"), gold("denial", "HAMAS", None)]
    p = [ev("espionage", "IRN", "HAMAS"), ev("denial", "HAMAS", None)]
    cells = match_article(g, p)
    assert cells == {"espionage": Counts(1, 0, 0), "denial": Counts(1, 0, 0)}
    assert sum(cells.values(), Counts()).scores()["f1"] == 1.0


def test_swapped_roles_count_as_false_positive_and_false_negative() -> None:
    cells = match_article([gold("espionage", "IRN", "HAMAS")], [ev("espionage", "HAMAS", "IRN")])
    assert cells == {"espionage": Counts(0, 1, 1)}
    assert cells["espionage"].scores()["f1"] == 0.0


def test_missing_target_is_a_different_event() -> None:
    cells = match_article([gold("denial", "HAMAS", "ISR")], [ev("denial", "HAMAS", None)])
    assert cells == {"denial": Counts(0, 1, 1)}


def test_repeated_event_counts_once_on_both_sides() -> None:
    g = [gold("attack", "UKR", "RUS", "a"), gold("attack", "UKR", "RUS", "b")]
    p = [ev("attack", "UKR", "RUS", "x"), ev("attack", "UKR", "RUS", "y"),
         ev("attack", "UKR", "RUS", "z")]
    assert match_article(g, p) == {"attack": Counts(1, 0, 0)}


def test_symmetric_types_ignore_order_but_directed_types_do_not() -> None:
    assert match_article([gold("meet", "IND", "PAK")], [ev("meet", "PAK", "IND")]) == {
        "meet": Counts(1, 0, 0)}
    assert match_article([gold("praise", "IND", "PAK")], [ev("praise", "PAK", "IND")]) == {
        "praise": Counts(0, 1, 1)}


def test_empty_cell_and_precision_recall_arithmetic() -> None:
    assert Counts().scores()["f1"] == 1.0
    s = Counts(tp=2, fp=2, fn=0).scores()
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 1.0, 0.6667)
    assert Counts(0, 3, 0).scores()["precision"] == 0.0


def test_confidence_order_auc_and_precision_bands() -> None:
    perfect = confidence_order([(0.9, True), (0.8, True), (0.3, False)])
    assert perfect["auc"] == 1.0
    assert perfect["at_least"]["50"] == {"events": 2, "precision": 1.0}
    inverted = confidence_order([(0.2, True), (0.9, False)])
    assert inverted["auc"] == 0.0
    assert confidence_order([(0.5, True), (0.5, False)])["auc"] == 0.5
    assert confidence_order([(0.5, True)])["auc"] is None


def test_score_ranks_every_predicted_event_by_its_confidence() -> None:
    arts = [parse_article({"id": "a", "text": "x", "published_at": "2026-01-01T00:00:00Z"})]
    golds = {"a": {"article_id": "a", "events": [gold("espionage", "IRN", "HAMAS")]}}
    right = {**ev("espionage", "IRN", "HAMAS"), "confidence": 0.8}
    wrong = {**ev("espionage", "HAMAS", "IRN"), "confidence": 0.4}
    conf = score(arts, golds, [[right, wrong]])["confidence"]
    assert (conf["events"], conf["correct"], conf["auc"]) == (2, 1, 1.0)


def test_type_only_ignores_actors() -> None:
    g = [gold("espionage", "IRN", "HAMAS"), gold("denial", "HAMAS", None)]
    assert type_only(g, [ev("espionage", "USA", "CHN"), ev("attack", "USA", "CHN")]) == Counts(
        1, 1, 1)


def test_source_only_ignores_the_target_of_mission_events_only() -> None:
    g = [gold("denial", "IRN", None), gold("espionage", "IRN", "HAMAS"),
         gold("accuse", "HAMAS", "IRN")]
    p = [ev("denial", "IRN", "HAMAS"), ev("denial", "IRN", "ISR"), ev("espionage", "HAMAS", "IRN"),
         ev("accuse", "HAMAS", "ISR")]
    assert source_only(g, p) == {"denial": Counts(1, 0, 0), "espionage": Counts(0, 1, 1)}


def test_actor_slots_align_by_type_and_sentence() -> None:
    g = [gold("espionage", "IRN", "HAMAS", "operating spies"),
         gold("defection", "PRK", "KOR", "crossed the line")]
    p = [ev("espionage", "IRN", "QAT", "Tehran had been Operating  spies to track him."),
         ev("defection", "PRK", "KOR", "Somewhere else entirely.")]
    assert actor_slots(g, p) == (1, 2)


def test_score_counts_false_events_on_nonpolitical_articles() -> None:
    articles, labels = load_set("dev")
    picked = [a for a in articles if labels[a.id]["category"] == "nonpolitical"][:2]
    fake = [[ev("attack", "BRA", "ARG"), ev("espionage", "GBR", "RUS")], []]
    results = score(picked, labels, fake)
    assert results["nonpolitical"] == {"articles": 2, "false_events": 2,
                                       "false_mission_events": 1,
                                       "by_type": {"attack": 1, "espionage": 1}}
    assert results["micro"]["fp"] == 2 and results["micro"]["tp"] == 0


def test_historical_events_are_counted_and_their_flag_checked() -> None:
    g = [gold("attack", "ETH", "ERI", "in 1999") | {"historical": True},
         gold("meet", "ETH", "ERI", "held talks")]
    flagged = ev("attack", "ETH", "ERI") | {"historical": True}
    assert historical_counts(g, [flagged, ev("meet", "ERI", "ETH")]) == {
        "gold": 1, "found": 1, "flagged": 1}
    assert historical_counts(g, [ev("attack", "ETH", "ERI")]) == {
        "gold": 1, "found": 1, "flagged": 0}
    assert historical_counts(g, []) == {"gold": 1, "found": 0, "flagged": 0}


def test_check_reports_floors_ceilings_and_required_flags() -> None:
    results = {"micro": {"f1": 0.5}, "nonpolitical": {"false_events": 3},
               "seed": {"ok": False}}
    floors = {"floors": {"micro.f1": 0.6, "per_type.espionage.f1": 0.1},
              "ceilings": {"nonpolitical.false_events": 2}, "required": ["seed.ok"]}
    failures = check(results, floors)
    assert len(failures) == 4
    assert any("per_type.espionage.f1 = None" in f for f in failures)
    ok = {"floors": {"micro.f1": 0.5}, "ceilings": {"nonpolitical.false_events": 3}}
    assert check(results, ok) == []


def test_seed_article_check(dev_results: dict) -> None:
    seed = dev_results["seed"]
    assert seed["available"] and seed["ok"]
    assert seed["espionage_IRN_HAMAS"] and seed["denial_by_HAMAS"] and seed["no_duplicates"]


STAGED_TEXT = ("Iran spied on Hamas for years, the movement said on Tuesday.\n\n"
               "The weather in the city was mild and the markets were busy.\n\n"
               "Hamas called the spying a betrayal.\n\n"
               "Syria spied on Jordan in 2025.\n\n"
               "The Egyptian envoy wore a grey suit. He rejected the reports.")


@pytest.mark.parametrize(("etype", "src", "tgt", "contains", "stage"), [
    ("espionage", "IRN", "HAMAS", "Iran spied on Hamas", None),
    ("espionage", "IRN", "EGY", "Iran spied on Hamas", "another target"),
    ("defection", "HAMAS", "IRN", "Iran spied on Hamas", "no trigger of the type"),
    ("denial", "IRN", None, "weather in the city", "sentence not parsed"),
    ("espionage", "QAT", "HAMAS", "the spying a betrayal", "trigger without an event"),
    ("espionage", "RUS", "JOR", "Syria spied on Jordan", "event with another source"),
    ("espionage", "EGY", "HAMAS", "wore a grey suit", "sentence parsed as context"),
])
def test_loss_stages_place_each_missed_event_at_the_coder_stage_that_lost_it(
        coder, etype: str, src: str, tgt: str | None, contains: str,  # type: ignore[no-untyped-def]
        stage: str | None) -> None:
    art = parse_article({"id": "st-1", "text": STAGED_TEXT,
                         "published_at": "2026-01-02T10:00:00Z"})
    labels = {"st-1": {"events": [gold(etype, src, tgt, contains)]}}
    predicted = coder.code([art])
    lost = loss_stages(coder, [art], labels, predicted)
    placed = [(t, s) for t, counts in lost.items() for s, n in counts.items() if n]
    assert placed == ([] if stage is None else [(etype, stage)])
