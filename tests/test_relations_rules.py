"""The relations rules one by one: disputes, historical events, near-duplicates,
idempotence, late events, expiry, bounded state, baselines and configuration."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from riftwatch.ids import dyad_key
from riftwatch.relations import (
    CONFIG_ENV,
    RelationParams,
    apply,
    expired,
    new_state,
    replay,
    replay_states,
    routes,
    scores,
)

P = RelationParams.load()
TUR = {"id": "TUR", "name": "Turkey"}
QAT = {"id": "QAT", "name": "Qatar"}
KEY = dyad_key("TUR", "QAT")
T0 = datetime(2025, 1, 1, tzinfo=UTC)
_n = iter(range(10**6))


def ev(day: float, etype: str, weight: float, src: dict = TUR, tgt: dict | None = QAT,
       article: str | None = None, **extra: Any) -> dict[str, Any]:
    n = next(_n)
    return {"event_id": f"ev-{n:024x}", "article_id": article or f"art-{n}", "type": etype,
            "weight": weight, "confidence": 0.9, "source": src, "target": tgt,
            "sentence": f"{etype} sentence {n}",
            "published_at": (T0 + timedelta(days=day)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            **extra}


def _epoch(e: dict[str, Any]) -> float:
    return datetime.fromisoformat(e["published_at"].replace("Z", "+00:00")).timestamp()


def friendly_history(days: int = 120, every: int = 8) -> list[dict[str, Any]]:
    kinds = [("meet", 2.0), ("agree", 5.0), ("praise", 3.0), ("cooperate", 4.0)]
    return [ev(d, *kinds[(d // every) % 4]) for d in range(0, days, every)]


def crisis(start: float) -> list[dict[str, Any]]:
    """Three allegations against Qatar in three articles within four days."""
    return [ev(start, "espionage", -7.0, src=QAT, tgt=TUR),
            ev(start + 2, "accuse", -4.0, src=TUR, tgt=QAT),
            ev(start + 4, "espionage", -7.0, src=QAT, tgt=TUR)]


def test_the_crisis_alone_alerts_after_a_friendly_history() -> None:
    alerts = replay(friendly_history() + crisis(130), P)
    assert [a["direction"] for a in alerts] == ["deteriorating"]
    assert alerts[0]["triggered_at"].startswith("2025-05-15")


def test_a_denial_by_the_accused_disputes_earlier_and_later_allegations() -> None:
    denial = ev(131, "denial", 1.0, src=QAT, tgt=TUR)
    assert replay(friendly_history() + crisis(130) + [denial], P) == []
    states, _ = replay_states(friendly_history() + crisis(130) + [denial], P)
    disputed = [e["type"] for e in states[KEY]["recent"] if e["disputed"]]
    assert disputed == ["espionage", "accuse", "espionage"]


def test_a_denial_naming_no_accuser_reaches_the_dyad_of_what_it_denies() -> None:
    """ "Doha denied the report": no target, but it denies the article's allegation, so
    it is routed to that dyad and disputes it, in replay as in the stream."""
    story = crisis(130)
    denial = ev(130, "denial", 1.0, src=QAT, tgt=None, article=story[0]["article_id"],
                denies=[{"type": "espionage", "event_id": story[0]["event_id"]}])
    assert [k for k, _, _ in routes([story[0], denial])] == [KEY, KEY]
    states, alerts = replay_states(friendly_history() + story + [denial], P)
    assert alerts == []
    assert story[0]["event_id"] in [e["event_id"] for e in states[KEY]["recent"]
                                    if e["disputed"]]


def test_a_target_less_denial_of_someone_elses_quarrel_goes_nowhere() -> None:
    third = {"id": "EGY", "name": "Egypt"}
    story = crisis(130)[0]
    denial = ev(130, "denial", 1.0, src=third, tgt=None, article=story["article_id"],
                denies=[{"type": "espionage", "event_id": story["event_id"]}])
    assert [k for k, _, _ in routes([story, denial])] == [KEY]


def test_a_denial_naming_events_disputes_exactly_those() -> None:
    events = [*crisis(130), ev(131, "sanction", -6.0, src=TUR, tgt=QAT)]
    denial = ev(132, "denial", 1.0, src=TUR, tgt=QAT, denies=[events[-1]["event_id"]])
    states, _ = replay_states(friendly_history() + events + [denial], P)
    assert [e["event_id"] for e in states[KEY]["recent"] if e["disputed"]] == \
        [events[-1]["event_id"]]


def test_a_victim_denying_a_report_about_the_other_side_disputes_nothing() -> None:
    """Like the seed: the spied-on side denies the report; the allegations stand."""
    events = crisis(130)
    denial = ev(131, "denial", -1.0, src=TUR, tgt=QAT,
                denies=[{"type": e["type"], "event_id": e["event_id"]} for e in events])
    alerts = replay(friendly_history() + events + [denial], P)
    assert [a["direction"] for a in alerts] == ["deteriorating"]


def test_a_denial_by_the_accuser_does_not_dispute() -> None:
    denial = ev(131, "denial", 1.0, src=TUR, tgt=QAT)
    alerts = replay(friendly_history() + crisis(130) + [denial], P)
    assert [a["direction"] for a in alerts] == ["deteriorating"]


def test_historical_events_count_for_nothing_by_default() -> None:
    old = [ev(130 + i, "attack", -9.0, src=QAT, tgt=TUR, historical=True) for i in range(4)]
    assert replay(friendly_history() + old, P) == []
    states, _ = replay_states(friendly_history() + old, P)
    assert states[KEY]["n"] == len(friendly_history()) + 4
    heavier = replace(P, historical_factor=1.0)
    assert [a["direction"] for a in replay(friendly_history() + old, heavier)] == \
        ["deteriorating"]


def test_near_duplicates_by_fingerprint_are_dropped_within_the_window() -> None:
    copies = [ev(130 + i * 0.1, "espionage", -7.0, src=QAT, tgt=TUR, fingerprint="fp-same")
              for i in range(5)]
    assert replay(friendly_history() + copies, P) == []
    states, _ = replay_states(friendly_history() + copies, P)
    assert sum(1 for e in states[KEY]["recent"] if e["fingerprint"] == "fp-same") == 1


def test_every_event_delivered_twice_changes_neither_state_nor_alerts() -> None:
    events = sorted(friendly_history() + crisis(130),
                    key=lambda e: (e["published_at"], e["event_id"]))
    state, doubled = new_state(KEY, TUR, QAT, P), new_state(KEY, TUR, QAT, P)
    once_alerts: list[dict[str, Any]] = []
    twice_alerts: list[dict[str, Any]] = []
    for i, e in enumerate(events):
        state, fired = apply(state, e, P)
        once_alerts += fired
        doubled, fired = apply(doubled, e, P)
        twice_alerts += fired
        again, fired_again = apply(doubled, e, P)
        assert again == doubled and fired_again == []
        if i % 3 == 0 and i > 0:  # a redelivery of an older event, too
            again, fired_again = apply(doubled, events[i - 1], P)
            assert again == doubled and fired_again == []
    assert state == doubled and once_alerts == twice_alerts and once_alerts


def test_a_late_event_folds_in_without_alerting_and_deterministically() -> None:
    events = sorted(friendly_history() + crisis(130),
                    key=lambda e: (e["published_at"], e["event_id"]))
    late = [ev(126, "espionage", -7.0, src=QAT, tgt=TUR),
            ev(127, "expel_diplomats", -7.0, src=TUR, tgt=QAT)]
    state = new_state(KEY, TUR, QAT, P)
    alerts = []
    for e in events[:-1] + late + events[-1:]:
        state, fired = apply(state, e, P)
        alerts += [(e["event_id"], a) for a in fired]
    assert all(eid not in {x["event_id"] for x in late} for eid, _ in alerts)
    again = new_state(KEY, TUR, QAT, P)
    for e in events[:-1] + late + events[-1:]:
        again, _ = apply(again, e, P)
    assert again == state
    assert state["t"] == again["t"] == _epoch(events[-1])  # the clock never moves back
    assert scores(state)["short"] < 0


def test_idle_dyads_expire_and_restart_cold() -> None:
    first = friendly_history()
    state = new_state(KEY, TUR, QAT, P)
    for e in first:
        state, _ = apply(state, e, P)
    last = state["t"]
    assert not expired(state, last + (P.expire_days - 1) * 86400, P)
    assert expired(state, last + (P.expire_days + 1) * 86400, P)
    comeback = ev(120 + P.expire_days + 5, "espionage", -7.0, src=QAT, tgt=TUR)
    after, _ = apply(state, comeback, P)
    assert after["n"] == 1 and after["since"] == after["t"]
    # so dropping expired state (as the agent does) changes no output
    dropped, _ = apply(new_state(KEY, TUR, QAT, P), comeback, P)
    assert dropped == after


def test_state_size_is_bounded_by_constants() -> None:
    small = replace(P, seen_max=16, evidence_keep=8, fingerprint_max=8)
    state = new_state(KEY, TUR, QAT, small)
    sizes = []
    for d in range(400):
        state, _ = apply(state, ev(d * 0.5, "meet", 2.0, fingerprint=f"fp-{d}"), small)
        sizes.append(len(json.dumps(state)))
    assert len(state["seen"]) == 16 and len(state["recent"]) == 8 and len(state["fps"]) == 8
    assert max(sizes[100:]) - min(sizes[100:]) < 200


def test_cold_start_needs_history_but_a_seeded_alliance_can_alert_at_once() -> None:
    sau, are = {"id": "SAU", "name": "Saudi Arabia"}, {"id": "ARE", "name": "UAE"}
    scandal = [ev(0, "espionage", -7.0, src=are, tgt=sau),
               ev(1, "expel_diplomats", -7.0, src=sau, tgt=are),
               ev(2, "accuse", -4.0, src=sau, tgt=are)]
    assert dyad_key("SAU", "ARE") in P.baselines
    alerts = replay(scandal, P)
    assert [a["direction"] for a in alerts] == ["deteriorating"]
    assert "long-standing partnership" in alerts[0]["explanation"]
    unseeded = replace(P, baselines={})
    assert replay(scandal, unseeded) == []


def test_one_episode_gives_one_alert() -> None:
    long_crisis = [ev(130 + d, "attack" if d % 2 else "threaten", -8.0, src=QAT, tgt=TUR)
                   for d in range(40)]
    alerts = replay(friendly_history() + long_crisis, P)
    assert [a["direction"] for a in alerts] == ["deteriorating"]


def test_a_recovery_after_an_alerted_crisis_is_a_shift_of_its_own() -> None:
    """After an alert the crisis is the new regime: a return to friendship months later
    alerts as improving. Judged against the whole mixed history (carry 1) it would not."""
    hostile = [ev(130 + d, ("threaten", "accuse", "protest")[d % 3], -5.0, src=QAT, tgt=TUR)
               for d in range(0, 45, 3)]
    recovery = [ev(225 + d, kind, w) for d, (kind, w) in
                enumerate([("meet", 2.0), ("agree", 5.0), ("restore_relations", 7.0),
                           ("praise", 3.0), ("cooperate", 4.0)])]
    events = friendly_history() + hostile + recovery
    alerts = replay(events, P)
    assert [a["direction"] for a in alerts] == ["deteriorating", "improving"]
    assert alerts[1]["triggered_at"] >= recovery[0]["published_at"]
    assert [a["direction"] for a in replay(events, replace(P, regime_carry=1.0))] == [
        "deteriorating"]


def test_explanation_and_alert_fields() -> None:
    (alert,) = replay(friendly_history() + crisis(130), P)
    assert alert["explanation"] == (
        "Relations between Qatar and Turkey deteriorated sharply: 2 espionage accusations "
        "and a public accusation in 4 days after months of cooperation.")
    assert alert["severity"] in ("low", "medium", "high")
    assert alert["alert_id"].startswith("al-") and len(alert["alert_id"]) == 27
    assert alert["dyad"] == [QAT, TUR]
    assert {e["article_id"] for e in alert["evidence"]} == \
        {e["article_id"] for e in crisis_ids(alert)}


def crisis_ids(alert: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in alert["evidence"] if e["type"] in ("espionage", "accuse")]


def test_severity_grows_with_the_size_of_the_shift() -> None:
    mild = [ev(130 + i, "accuse", -4.0, src=TUR, tgt=QAT) for i in range(3)]
    harsh = [ev(130 + i, "attack", -9.0, src=TUR, tgt=QAT) for i in range(3)]
    order = ["low", "medium", "high"]
    (a,) = replay(friendly_history() + mild, P)
    (b,) = replay(friendly_history() + harsh, P)
    assert order.index(b["severity"]) > order.index(a["severity"])


def test_params_come_from_the_config_file_and_env(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = Path(__file__).resolve().parent.parent / "riftwatch" / "data" / "relations.json"
    config = json.loads(bundled.read_text())
    assert RelationParams() == RelationParams.load() == RelationParams.load(str(bundled))
    assert RelationParams().threshold == config["threshold"]
    config["threshold"] = 42.0
    mine = tmp_path / "relations.json"
    mine.write_text(json.dumps(config))
    monkeypatch.setenv(CONFIG_ENV, str(mine))
    assert RelationParams().threshold == 42.0 == RelationParams.load().threshold
    assert replay(friendly_history() + crisis(130), RelationParams()) == []


def test_coder_style_denial_links_dispute_events_applied_after_the_denial() -> None:
    """Same article, same timestamp: event_id order may apply the denial first."""
    spy = ev(130, "espionage", -7.0, src=QAT, tgt=TUR, article="a-1")
    denial = ev(130, "denial", -1.0, src=QAT, tgt=TUR, article="a-1",
                denies=[{"type": "espionage", "event_id": spy["event_id"]}])
    denial["event_id"] = "ev-" + "0" * 24  # sorts before the allegation
    states, _ = replay_states([*friendly_history(), spy, denial], P)
    (applied,) = [e for e in states[KEY]["recent"] if e["event_id"] == spy["event_id"]]
    assert applied["disputed"] and applied["factor"] == P.disputed_factor


def test_coder_style_denial_by_type_disputes_earlier_events_of_that_type() -> None:
    events = [*crisis(130), ev(131, "sanction", -6.0, src=TUR, tgt=QAT)]
    denial = ev(132, "denial", -1.0, src=TUR, tgt=QAT,
                denies=[{"type": "sanction", "event_id": None}])
    states, _ = replay_states(friendly_history() + events + [denial], P)
    assert [e["type"] for e in states[KEY]["recent"] if e["disputed"]] == ["sanction"]


def test_apply_never_mutates_its_input_state() -> None:
    events = sorted(friendly_history() + crisis(130) + [ev(131, "denial", 1.0, src=QAT,
                                                           tgt=TUR)],
                    key=lambda e: (e["published_at"], e["event_id"]))
    state = new_state(KEY, TUR, QAT, P)
    for e in events:
        frozen = json.dumps(state, sort_keys=True)
        new, _ = apply(state, e, P)
        assert json.dumps(state, sort_keys=True) == frozen
        state = new


def test_a_near_copy_of_a_sentence_from_another_outlet_is_dropped() -> None:
    a = ev(130, "espionage", -7.0, src=QAT, tgt=TUR)
    a["sentence"] = "Turkish police said Qatari agents had spied on ministers in Ankara for a year."
    b = ev(133, "espionage", -7.0, src=QAT, tgt=TUR)
    b["sentence"] = "Turkish police said Qatari agents had spied on ministers in Ankara for a year"
    c = ev(134, "espionage", -7.0, src=QAT, tgt=TUR)
    c["sentence"] = "Qatar ran an informer inside the Turkish defence ministry, prosecutors said."
    states, _ = replay_states([*friendly_history(), a, b, c], P)
    kept = {e["event_id"] for e in states[KEY]["recent"]}
    assert a["event_id"] in kept and c["event_id"] in kept and b["event_id"] not in kept
