"""Events → dyad state → alerts. Pure: the relations agent and `riftwatch replay`
share `apply`, and state is a plain JSON-able dict so a Faust table can hold it.

Scoring runs on event time (`published_at`). Each dyad keeps exponentially decayed
sums of mass, mass·weight and mass·weight²: over a short half-life for all events (the
recent tone), and over a long half-life for events older than `history_lag_days` (the
dyad's *history*, with its mean and spread, untouched by the episode being judged). A
shift is the recent tone minus the historical mean, and it must exceed both a fixed
threshold and `sigma_k` times the history's spread, so "sharp" is relative to the
dyad's own history.
A steadily hostile or friendly pair has recent ≈ history and never alerts; on top of
that an already hostile history cannot "deteriorate" and an already friendly one
cannot "improve". The rules (warm-up, late events, expiry, disputes) are documented
in riftwatch/data/RELATIONS.md; every number comes from riftwatch/data/relations.json.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from riftwatch.alerts import make_alert
from riftwatch.ids import dyad_key

DAY = 86400.0
DATA = Path(__file__).resolve().parent / "data"
CONFIG_ENV = "RIFTWATCH_RELATIONS_CONFIG"
DIRECTIONS = ("deteriorating", "improving")


@cache
def _read_config(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        config: dict[str, Any] = json.load(fh)
    name = config.get("baselines_file", "baselines.json")
    baselines = Path(path).parent / name
    if not baselines.exists():  # a user config may keep using the bundled baselines
        baselines = DATA / name
    with open(baselines, encoding="utf-8") as fh:
        config["baselines"] = {dyad_key(*b["dyad"]): b for b in json.load(fh)["baselines"]}
    return config


def config_path() -> str:
    """The relations config in force: $RIFTWATCH_RELATIONS_CONFIG or the bundled file."""
    return os.environ.get(CONFIG_ENV) or str(DATA / "relations.json")


def _cfg(name: str) -> Callable[[], Any]:
    return lambda: _read_config(config_path())[name]


@dataclass(frozen=True)
class RelationParams:
    """Every knob of scoring and alerting. Defaults come from the config file
    (riftwatch/data/relations.json, or $RIFTWATCH_RELATIONS_CONFIG), so replay, the CLI
    and the agent construct identical parameters; see riftwatch/data/RELATIONS.md."""

    short_half_life_days: float = field(default_factory=_cfg("short_half_life_days"))
    long_half_life_days: float = field(default_factory=_cfg("long_half_life_days"))
    history_lag_days: float = field(default_factory=_cfg("history_lag_days"))
    threshold: float = field(default_factory=_cfg("threshold"))
    sigma_k: float = field(default_factory=_cfg("sigma_k"))
    prior_sd: float = field(default_factory=_cfg("prior_sd"))
    prior_mass: float = field(default_factory=_cfg("prior_mass"))
    min_tone: float = field(default_factory=_cfg("min_tone"))
    hostile_history: float = field(default_factory=_cfg("hostile_history"))
    friendly_history: float = field(default_factory=_cfg("friendly_history"))
    warmup_mass: float = field(default_factory=_cfg("warmup_mass"))
    min_events: float = field(default_factory=_cfg("min_events"))
    min_articles: int = field(default_factory=_cfg("min_articles"))
    evidence_days: float = field(default_factory=_cfg("evidence_days"))
    cooldown_days: float = field(default_factory=_cfg("cooldown_days"))
    rearm_ratio: float = field(default_factory=_cfg("rearm_ratio"))
    regime_carry: float = field(default_factory=_cfg("regime_carry"))
    historical_factor: float = field(default_factory=_cfg("historical_factor"))
    disputed_factor: float = field(default_factory=_cfg("disputed_factor"))
    dispute_window_days: float = field(default_factory=_cfg("dispute_window_days"))
    unscored_types: list[str] = field(default_factory=_cfg("unscored_types"))
    allegations: dict[str, str] = field(default_factory=_cfg("allegations"))
    fingerprint_days: float = field(default_factory=_cfg("fingerprint_days"))
    near_duplicate_overlap: float = field(default_factory=_cfg("near_duplicate_overlap"))
    expire_days: float = field(default_factory=_cfg("expire_days"))
    expiry_check_seconds: float = field(default_factory=_cfg("expiry_check_seconds"))
    evidence_max: int = field(default_factory=_cfg("evidence_max"))
    evidence_keep: int = field(default_factory=_cfg("evidence_keep"))
    seen_max: int = field(default_factory=_cfg("seen_max"))
    fingerprint_max: int = field(default_factory=_cfg("fingerprint_max"))
    severity: list[list[Any]] = field(default_factory=_cfg("severity"))
    phrases: dict[str, list[str]] = field(default_factory=_cfg("phrases"))
    history_words: dict[str, str] = field(default_factory=_cfg("history_words"))
    names_with_the: list[str] = field(default_factory=_cfg("names_with_the"))
    baselines: dict[str, dict[str, Any]] = field(default_factory=_cfg("baselines"))

    @classmethod
    def load(cls, path: str | None = None, **overrides: Any) -> RelationParams:
        """Parameters from a config file (default: `config_path()`), with overrides."""
        config = _read_config(path or config_path())
        values = {f.name: config[f.name] for f in fields(cls)}
        values.update(overrides)
        return cls(**values)


def epoch(iso: str) -> float:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_SUMS = ("sw", "sn", "sq", "lw", "ln", "lq")


def new_state(key: str, a: dict[str, Any], b: dict[str, Any],
              params: RelationParams | None = None) -> dict[str, Any]:
    """Fresh dyad state, seeded from baselines.json when the pair is listed there."""
    actors = sorted(({"id": a["id"], "name": a["name"]}, {"id": b["id"], "name": b["name"]}),
                    key=lambda x: x["id"])
    state: dict[str, Any] = {
        "key": key, "actors": actors, "t": None, "since": None, "n": 0,
        **dict.fromkeys(_SUMS, 0.0), "recent": [], "seen": [], "fps": [], "disputes": {},
        "denied": [],
        "last_alert": None, "armed": dict.fromkeys(DIRECTIONS, True), "seed": None,
    }
    seed = (params or RelationParams()).baselines.get(key)
    if seed:
        mass, tone, sd = float(seed["mass"]), float(seed["tone"]), float(seed["sd"])
        state.update(ln=mass, lw=mass * tone, lq=mass * (sd * sd + tone * tone),
                     seed=seed.get("label", "seeded"))
    return state


def _decay(dt: float, half_life_days: float) -> float:
    return math.exp(-math.log(2) * max(dt, 0.0) / (half_life_days * DAY))


def accused(event: dict[str, Any], params: RelationParams) -> str | None:
    """The actor an allegation is against (e.g. the spy for espionage), or None."""
    role = params.allegations.get(event["type"])
    actor = event.get(role) if role else None
    return actor["id"] if actor else None


def _add(st: dict[str, Any], prefix: str, t_event: float, mass: float, weight: float,
         params: RelationParams) -> None:
    """Add mass at event time t_event to the short ("s") or history ("l") sums, which
    stand at st['t']; a negative mass removes."""
    half_life = params.short_half_life_days if prefix == "s" else params.long_half_life_days
    k = _decay(st["t"] - t_event, half_life)
    st[prefix + "n"] = max(st[prefix + "n"] + mass * k, 0.0)
    st[prefix + "w"] += mass * weight * k
    st[prefix + "q"] = max(st[prefix + "q"] + mass * weight * weight * k, 0.0)


def _mature(st: dict[str, Any], params: RelationParams) -> None:
    """Move events older than `history_lag_days` into the history sums, and trim the
    evidence list to `evidence_keep` (an event dropped early joins the history first)."""
    keep = len(st["recent"]) - params.evidence_keep
    for i, ev in enumerate(st["recent"]):
        te = ev["ts"]
        if not ev["hist"] and (i < keep or st["t"] - te >= params.history_lag_days * DAY):
            if ev["mass"] > 0:
                _add(st, "l", te, ev["mass"], ev["weight"], params)
            ev["hist"] = True
    st["recent"] = st["recent"][max(keep, 0):]


def _advance(st: dict[str, Any], t: float, params: RelationParams) -> None:
    if st["t"] is not None and t > st["t"]:
        ds = _decay(t - st["t"], params.short_half_life_days)
        dl = _decay(t - st["t"], params.long_half_life_days)
        for name in _SUMS:
            st[name] *= ds if name[0] == "s" else dl
    if st["t"] is None or t > st["t"]:
        st["t"] = t


def denied_refs(denial: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(event ids or fingerprints, event types) a denial's `denies` names. Accepts a
    string, a list of strings, or the coder's list of {"type", "event_id"} links."""
    raw = denial.get("denies") or []
    ids: set[str] = set()
    types: set[str] = set()
    for item in [raw] if isinstance(raw, str | dict) else raw:
        if isinstance(item, str):
            ids.add(item)
        elif isinstance(item, dict) and item.get("event_id"):
            ids.add(item["event_id"])
        elif isinstance(item, dict) and item.get("type"):
            types.add(item["type"])
    return ids, types


def _dispute(st: dict[str, Any], denial: dict[str, Any], t: float,
             params: RelationParams) -> None:
    """An accused actor's denial: its allegations in this dyad within the dispute window
    (before it now, after it on arrival), and the events the denial names, lose weight.
    Only allegations against the denier are disputed: a victim denying a report of being
    spied on does not make the report about the spy less true."""
    denier = denial["source"]["id"]
    ids, types = denied_refs(denial)
    window = params.dispute_window_days * DAY
    st["disputes"] = {**st["disputes"], denier: t}
    st["denied"] = (st["denied"] + [[ref, denier] for ref in sorted(ids)]
                    )[-params.fingerprint_max:]
    for ev in st["recent"]:
        if ev["disputed"] or ev["mass"] <= 0:
            continue
        te = ev["ts"]
        recent_enough = 0 <= t - te <= window
        against_denier = ev["accused"] in (denier, None)
        named = ev["event_id"] in ids or ev.get("fingerprint") in ids
        hit = against_denier and (named or (recent_enough and ev["accused"] == denier)
                                  or (recent_enough and ev["type"] in types))
        if hit:
            cut = ev["mass"] * (1.0 - params.disputed_factor)
            _add(st, "s", te, -cut, ev["weight"], params)
            if ev["hist"]:
                _add(st, "l", te, -cut, ev["weight"], params)
            ev["mass"] -= cut
            ev["factor"] *= params.disputed_factor
            ev["disputed"] = True


def _evidence(event: dict[str, Any], mass: float, factor: float, disputed: bool,
              params: RelationParams) -> dict[str, Any]:
    return {"event_id": event["event_id"], "article_id": event["article_id"],
            "sentence": event["sentence"], "type": event["type"],
            "published_at": event["published_at"], "weight": float(event["weight"]),
            "mass": mass, "factor": factor, "disputed": disputed,
            "accused": accused(event, params), "fingerprint": event.get("fingerprint"),
            "hist": False, "ts": epoch(event["published_at"])}


_WORD = re.compile(r"\w+")


def _words(sentence: str) -> set[str]:
    return set(_WORD.findall(sentence.casefold()))


def _is_duplicate(st: dict[str, Any], event: dict[str, Any], t: float,
                  params: RelationParams) -> bool:
    """Seen id; or the same fingerprint, or a near-identical sentence of the same type
    from another article, within `fingerprint_days`: another copy of one story."""
    if event["event_id"] in st["seen"]:
        return True
    window = params.fingerprint_days * DAY
    fp = event.get("fingerprint")
    if fp and any(f == fp and abs(t - ft) <= window for f, ft in st["fps"]):
        return True
    words = _words(event["sentence"])
    for ev in st["recent"]:
        if ev["type"] == event["type"] and ev["article_id"] != event["article_id"] \
                and abs(t - ev["ts"]) <= window:
            other = _words(ev["sentence"])
            if len(words & other) >= params.near_duplicate_overlap * len(words | other):
                return True
    return False


def _copy(state: dict[str, Any]) -> dict[str, Any]:
    """A copy deep enough that `apply` never mutates its input (cheaper than deepcopy)."""
    return {**state, "recent": [dict(e) for e in state["recent"]],
            "seen": list(state["seen"]), "fps": [list(f) for f in state["fps"]],
            "denied": [list(d) for d in state["denied"]], "disputes": dict(state["disputes"]),
            "armed": dict(state["armed"])}


def apply(state: dict[str, Any], event: dict[str, Any],
          params: RelationParams) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Fold one event into its dyad; returns the new state and any alerts it triggers.
    A seen event id (or a fingerprint applied within `fingerprint_days`) is a no-op, so
    at-least-once redelivery and near-duplicate stories change nothing."""
    t = epoch(event["published_at"])
    if _is_duplicate(state, event, t, params):
        return state, []
    st = _copy(state)
    if st["t"] is not None and t - st["t"] > params.expire_days * DAY:
        st = new_state(st["key"], *st["actors"], params)
    late = st["t"] is not None and t < st["t"]
    _advance(st, t, params)
    st["since"] = t if st["since"] is None else min(st["since"], t)
    st["n"] += 1
    st["seen"] = (st["seen"] + [event["event_id"]])[-params.seen_max:]
    if event.get("fingerprint"):
        st["fps"] = (st["fps"] + [[event["fingerprint"], t]])[-params.fingerprint_max:]
    factor = params.historical_factor if event.get("historical") else 1.0
    if event["type"] in params.unscored_types:
        factor = 0.0
    who = accused(event, params)
    denied_at = st["disputes"].get(who) if who else None
    named = any(ref in (event["event_id"], event.get("fingerprint")) and who in (denier, None)
                for ref, denier in st["denied"])
    disputed = named or (denied_at is not None
                         and 0 <= t - denied_at <= params.dispute_window_days * DAY)
    if disputed:
        factor *= params.disputed_factor
    mass = factor * float(event.get("confidence", 1.0))
    if mass > 0:
        _add(st, "s", t, mass, float(event["weight"]), params)
    st["recent"] = sorted(st["recent"] + [_evidence(event, mass, factor, disputed, params)],
                          key=lambda e: (e["published_at"], e["event_id"]))
    _mature(st, params)
    if event["type"] in params.unscored_types and not event.get("historical"):
        _dispute(st, event, t, params)
    if late:
        return st, []
    return st, _maybe_alert(st, event, params)


def scores(st: dict[str, Any], prior_sd: float = 0.0,
           prior_mass: float = 0.0) -> dict[str, float]:
    """Recent tone, historical mean and spread, and the shift between them."""
    hist_n = st["ln"]
    short = st["sw"] / st["sn"] if st["sn"] > 1e-9 else 0.0
    hist = st["lw"] / hist_n if hist_n > 1e-9 else 0.0
    var = st["lq"] / hist_n - hist * hist if hist_n > 1e-9 else 0.0
    # shrink the spread towards a prior, so a thin history cannot look deceptively calm
    var = (hist_n * max(var, 0.0) + prior_mass * prior_sd ** 2) / (hist_n + prior_mass) \
        if hist_n + prior_mass > 1e-9 else 0.0
    return {"short": short, "history": hist, "sd": math.sqrt(max(var, 0.0)),
            "history_mass": hist_n, "recent_mass": st["sn"],
            "shift": short - hist if st["sn"] > 1e-9 else 0.0}


def _maybe_alert(st: dict[str, Any], event: dict[str, Any],
                 params: RelationParams) -> list[dict[str, Any]]:
    sc = scores(st, params.prior_sd, params.prior_mass)
    shift = sc["shift"]
    for d, signed in (("deteriorating", -shift), ("improving", shift)):
        if not st["armed"][d] and signed < params.rearm_ratio * params.threshold:
            st["armed"] = {**st["armed"], d: True}
    direction = "deteriorating" if shift < 0 else "improving"
    need = max(params.threshold, params.sigma_k * sc["sd"])
    if abs(shift) < need or sc["history_mass"] < params.warmup_mass:
        return []
    if direction == "deteriorating" and (sc["short"] > -params.min_tone
                                         or sc["history"] <= params.hostile_history):
        return []
    if direction == "improving" and (sc["short"] < params.min_tone
                                     or sc["history"] >= params.friendly_history):
        return []
    if not st["armed"][direction]:
        return []
    last = st["last_alert"]
    if last and last["direction"] == direction and \
            st["t"] - last["t"] < params.cooldown_days * DAY:
        return []
    horizon = st["t"] - params.evidence_days * DAY
    window = [e for e in st["recent"] if e["ts"] >= horizon
              and e["mass"] > 0 and (e["weight"] < 0) == (direction == "deteriorating")
              and e["weight"] != 0]
    articles = {e["article_id"] for e in window if not e["disputed"]}
    if sum(e["factor"] for e in window) < params.min_events - 1e-9 or \
            len(articles) < params.min_articles:
        return []
    st["last_alert"] = {"t": st["t"], "direction": direction}
    st["armed"] = {**st["armed"], direction: False}
    for name in ("ln", "lw", "lq"):  # the shift starts a new regime: see RELATIONS.md
        st[name] *= params.regime_carry
    return [make_alert(st, direction, sc, need, event, window[-params.evidence_max:], params)]


def event_dyad(event: dict[str, Any]) -> str | None:
    """Partitioning key of an event, or None when it names no target."""
    target = event.get("target")
    if not target or target["id"] == event["source"]["id"]:
        return None
    return dyad_key(event["source"]["id"], target["id"])


Route = tuple[str, list[dict[str, Any]], dict[str, Any]]


def routes(events: Iterable[dict[str, Any]]) -> list[Route]:
    """Where one article's events go in relationship state: (dyad key, the pair's two
    actors, event). An event with a target goes to its own dyad. A denial that names no
    accuser ("Tehran denied the report") goes to the dyad of every event of the same
    article it denies and takes part in, so that it can still dispute them there."""
    events = list(events)
    by_id = {e["event_id"]: e for e in events}
    out: list[Route] = []
    for ev in events:
        key = event_dyad(ev)
        if key is not None:
            out.append((key, [ev["source"], ev["target"]], ev))
            continue
        if ev.get("target") or not ev.get("denies"):
            continue
        denier = ev["source"]["id"]
        keys: set[str] = set()
        for ref in sorted(denied_refs(ev)[0]):
            denied = by_id.get(ref)
            key = event_dyad(denied) if denied else None
            if key is None or key in keys or denier not in (
                    denied["source"]["id"], denied["target"]["id"]):
                continue
            keys.add(key)
            out.append((key, [denied["source"], denied["target"]], ev))
    return out


def expired(state: dict[str, Any], now: float, params: RelationParams) -> bool:
    """Whether a dyad has been idle (in event time) long enough to drop its state. The
    next event of an expired dyad would reset it anyway (see `apply`), so dropping it
    never changes output."""
    return state["t"] is not None and now - state["t"] > params.expire_days * DAY


def replay_states(events: Iterable[dict[str, Any]], params: RelationParams
                  ) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Final dyad states and all alerts, events processed in (published_at, event_id)
    order, exactly as the relations agent applies them."""
    states: dict[str, dict[str, Any]] = {}
    alerts: list[dict[str, Any]] = []
    by_article: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_article.setdefault(event["article_id"], []).append(event)
    routed = [r for evs in by_article.values() for r in routes(evs)]
    for key, pair, event in sorted(routed, key=lambda r: (r[2]["published_at"],
                                                          r[2]["event_id"], r[0])):
        state = states.get(key) or new_state(key, *pair, params)
        states[key], fired = apply(state, event, params)
        alerts.extend(fired)
    return states, alerts


def replay(events: Iterable[dict[str, Any]], params: RelationParams) -> list[dict[str, Any]]:
    """All alerts for events processed in (published_at, event_id) order."""
    return replay_states(events, params)[1]


def inspect(state: dict[str, Any]) -> dict[str, Any]:
    """A readable view of one dyad's state (web page and `riftwatch dyad`)."""
    sc = {k: round(v, 3) for k, v in scores(state).items()}
    return {"dyad": state["actors"], "key": state["key"],
            "latest_event_at": iso(state["t"]) if state["t"] is not None else None,
            "first_event_at": iso(state["since"]) if state["since"] is not None else None,
            "events_applied": state["n"], "seed": state["seed"], "scores": sc,
            "last_alert": ({**state["last_alert"], "t": iso(state["last_alert"]["t"])}
                           if state["last_alert"] else None),
            "disputes": {a: iso(t) for a, t in sorted(state["disputes"].items())},
            "recent_evidence": [{k: e[k] for k in ("published_at", "type", "event_id",
                                                   "article_id", "sentence", "weight",
                                                   "disputed")} for e in state["recent"]]}
