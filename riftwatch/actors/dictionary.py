"""Actor dictionary: reads the data files under riftwatch/data/actors/ (plus any user
files) into actors, persons, surface forms and resolver rules. Everything a user may
want to extend is data; this module only validates and indexes it."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

ENV_EXTRA = "RIFTWATCH_ACTORS"
LABELS = {"name": "GPE", "capital": "GPE", "metonym": "GPE", "adjective": "NORP",
          "person": "PERSON", "ambiguous": "NORP"}
NON_STATE_LABEL = "ORG"


@dataclass(frozen=True)
class Rule:
    """A dated rule of a state by another actor: the state's `roles` (government,
    intelligence) stand for `actor` from `start` to `end` (None = still)."""

    actor: str
    start: str
    end: str | None
    roles: tuple[str, ...]

    def active(self, day: str | None) -> bool:
        if day is None:
            return self.end is None
        return self.start <= day and (self.end is None or day <= self.end)


DEFAULT_RULED_ROLES = ("government", "intelligence")


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    ruled_by: tuple[Rule, ...] = ()

    def ruler(self, role: str | None, day: str | None) -> str | None:
        """The actor that held this state's `role` on `day` when a dated rule says
        so ("the Afghan embassy" in 2026 is the Taliban's), else None."""
        if role is None:
            return None
        return next((r.actor for r in self.ruled_by if role in r.roles and r.active(day)),
                    None)

    def ref(self) -> dict[str, str]:
        """The actor object carried by events and alerts."""
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True)
class Role:
    actor: str
    title: str
    sector: str | None
    start: str
    end: str | None

    def active(self, day: str) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_at(self, day: str | None) -> tuple[Role, bool]:
        """The role held on `day` (ISO date), else the nearest one; the flag says
        whether it was held on that day. No day means the latest role."""
        latest = max(self.roles, key=lambda r: r.start)
        if day is None:
            return latest, True
        active = [r for r in self.roles if r.active(day)]
        if active:
            return max(active, key=lambda r: r.start), True
        ended = [r for r in self.roles if r.end is not None and r.end < day]
        if ended:
            return max(ended, key=lambda r: r.end or ""), False
        return min(self.roles, key=lambda r: r.start), False


@dataclass(frozen=True)
class Form:
    """One surface form and what it stands for; `key` is the matcher's id."""

    text: str
    key: str
    label: str
    exact_case: bool


@dataclass
class ActorDictionary:
    version: str
    actors: dict[str, Actor]
    persons: dict[str, Person]
    forms: list[Form]
    rules: dict[str, Any]
    patterns: list[dict[str, str]] = field(default_factory=list)
    short_forms: dict[str, str] = field(default_factory=dict)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)


def fold(text: str) -> str:
    """Case, diacritics, apostrophes and hyphens folded away: the lookup key of a name."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[\u2019'`]s\b", "", text)
    text = re.sub(r"[-\u2010\u2011\u2013_/]", " ", text)
    text = re.sub(r"[^a-z0-9 ]", "", text)
    return " ".join(text.split())


def strip_article(text: str) -> str:
    """Drop a leading 'the' and a trailing possessive: "the Kremlin's" -> "Kremlin"."""
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s*[\u2019']s?$", "", text)


def _variants(form: str) -> list[str]:
    """The form as written plus spellings users type: no diacritics, hyphen as space."""
    out = [form]
    plain = unicodedata.normalize("NFKD", form).encode("ascii", "ignore").decode()
    for cand in (plain, form.replace("-", " "), plain.replace("-", " ")):
        if cand and cand not in out:
            out.append(cand)
    return out


def _exact_case(form: str) -> bool:
    """Acronyms ("US", "U.S.", "OPEC+") match case-sensitively; other forms ignore case."""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _actor_forms(entry: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    forms: list[tuple[str, str, str | None]] = [(n, "name", None) for n in entry.get("names", [])]
    if entry.get("name") and entry["name"] not in entry.get("names", []):
        forms.insert(0, (entry["name"], "name", None))
    if entry.get("capital"):
        forms.append((entry["capital"], "capital", None))
    forms += [(a, "adjective", None) for a in entry.get("adjectives", [])]
    for m in entry.get("metonyms", []):
        if isinstance(m, str):
            forms.append((m, "metonym", "government"))
        else:
            forms.append((m["form"], "metonym", m.get("role", "government")))
    return forms


def _read(path: Path | Any) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _sources(extra: str | None) -> list[dict[str, Any]]:
    """Packaged files in name order, then user files (a file, or every *.json in a folder)."""
    base = resources.files("riftwatch.data").joinpath("actors")
    docs = [_read(p) for p in sorted(base.iterdir(), key=lambda p: p.name)
            if p.name.endswith(".json")]
    for item in filter(None, (extra or "").split(os.pathsep)):
        path = Path(item)
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        docs += [_read(f) for f in files]
    return docs


def _merge(docs: list[dict[str, Any]]) -> tuple[list[dict], list[dict], dict[str, Any], str]:
    """Later files override earlier ones: same actor id or person name replaces the entry."""
    actors: dict[str, dict] = {}
    persons: dict[str, dict] = {}
    rules: dict[str, Any] = {}
    versions = []
    for doc in docs:
        for entry in doc.get("actors", []):
            actors[entry["id"]] = entry
        for person in doc.get("persons", []):
            persons[person["name"]] = person
        for key, value in doc.get("rules", {}).items():
            if isinstance(value, dict) and isinstance(rules.get(key), dict):
                rules[key] = {**rules[key], **value}
            elif isinstance(value, list) and isinstance(rules.get(key), list):
                rules[key] = rules[key] + [v for v in value if v not in rules[key]]
            else:
                rules[key] = value
        if "version" in doc:
            versions.append(str(doc["version"]))
    return list(actors.values()), list(persons.values()), rules, "+".join(versions) or "0"


def build_dictionary(docs: list[dict[str, Any]]) -> ActorDictionary:
    """Validate parsed dictionary files and derive the surface forms for the matcher."""
    actor_entries, person_entries, rules, version = _merge(docs)
    actors: dict[str, Actor] = {}
    forms: list[Form] = []
    short_forms: dict[str, str] = {}
    for entry in actor_entries:
        for text in entry.get("short_forms", []):
            short_forms[text] = entry["id"]
        if not re.fullmatch(r"[A-Z0-9_]+", entry["id"]):
            raise ValueError(f"actor id {entry['id']!r} must be upper-case letters, digits, _")
        kind = entry.get("kind", "state")
        rules_of = tuple(Rule(r["actor"], r["from"], r.get("to"),
                              tuple(r.get("roles", DEFAULT_RULED_ROLES)))
                         for r in entry.get("ruled_by", []))
        actor = Actor(entry["id"], entry["name"], kind, entry.get("country"), rules_of)
        actors[actor.id] = actor
        for text, how, role in _actor_forms(entry):
            label = LABELS[how] if kind == "state" else NON_STATE_LABEL
            key = f"{actor.id}|{how}|{role or ''}"
            forms += [Form(v, key, label, _exact_case(v)) for v in _variants(strip_article(text))]
    for entry in actor_entries:
        if entry.get("country") and entry["country"] not in actors:
            raise ValueError(f"actor {entry['id']} names unknown country {entry['country']}")
        for rule in entry.get("ruled_by", []):
            if rule["actor"] not in actors:
                raise ValueError(f"actor {entry['id']} is ruled by unknown actor {rule['actor']}")
    persons: dict[str, Person] = {}
    for entry in person_entries:
        roles = tuple(Role(r["actor"], r.get("title", ""), r.get("sector"), r["from"], r.get("to"))
                      for r in entry["roles"])
        for r in roles:
            if r.actor not in actors:
                raise ValueError(f"person {entry['name']!r} names unknown actor {r.actor}")
        person = Person(entry["name"], tuple(entry.get("aliases", [])), roles)
        persons[person.name] = person
        for text in (person.name, *person.aliases):
            forms += [Form(v, f"PERSON|{person.name}|", "PERSON", _exact_case(v))
                      for v in _variants(text)]
    for text in rules.get("ambiguous", {}):
        forms.append(Form(text, f"?|{text}|", "NORP", False))
    for text in rules.get("not_actors", []):
        forms.append(Form(text, "-||", "", False))
    patterns = [{"label": f.label, "pattern": f.text, "id": f.key} for f in forms]
    return ActorDictionary(version, actors, persons, forms, rules, patterns, short_forms)


@lru_cache(maxsize=4)
def load_dictionary(path: str | None = None) -> ActorDictionary:
    """The packaged dictionary extended by user files: `path` (os.pathsep-separated files or
    folders) or, when not given, the RIFTWATCH_ACTORS environment variable."""
    return build_dictionary(_sources(path if path is not None else os.environ.get(ENV_EXTRA)))
