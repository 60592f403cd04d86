"""Actor dictionary: loads the data file and turns it into EntityRuler patterns and
a lookup from pattern id to actor. The resolver component lives in `nlp`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from riftwatch.ids import unresolved_actor_id


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str

    def ref(self) -> dict[str, str]:
        """The actor object carried by events and alerts."""
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True)
class ActorDictionary:
    version: str
    actors: dict[str, Actor]
    patterns: list[dict[str, Any]]

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)


def _surface_forms(entry: dict[str, Any]) -> list[tuple[str, str]]:
    forms = [(n, "name") for n in entry.get("names", [])]
    if entry.get("capital"):
        forms.append((entry["capital"], "capital"))
    forms += [(a, "adjective") for a in entry.get("adjectives", [])]
    forms += [(m, "metonym") for m in entry.get("metonyms", [])]
    return forms


_LABELS = {"state": "GPE", "group": "ORG", "igo": "ORG"}


def build_dictionary(data: dict[str, Any]) -> ActorDictionary:
    """Validate a parsed dictionary file and derive its matcher patterns."""
    actors: dict[str, Actor] = {}
    patterns: list[dict[str, Any]] = []
    for entry in data["actors"]:
        actor = Actor(entry["id"], entry["name"], entry.get("kind", "state"))
        if actor.id in actors:
            raise ValueError(f"duplicate actor id {actor.id}")
        actors[actor.id] = actor
        for form, how in _surface_forms(entry):
            patterns.append({"label": _LABELS.get(actor.kind, "ORG"), "pattern": form,
                             "id": f"{actor.id}#{how}"})
    for person in data.get("persons", []):
        if person["actor"] not in actors:
            raise ValueError(f"person {person['name']!r} names unknown actor {person['actor']}")
        for form in [person["name"], *person.get("aliases", [])]:
            patterns.append({"label": "PERSON", "pattern": form,
                             "id": f"{person['actor']}#person"})
    return ActorDictionary(data.get("version", "0"), actors, patterns)


@lru_cache(maxsize=4)
def load_dictionary(path: str | None = None) -> ActorDictionary:
    """The packaged dictionary, or a user file given by path."""
    if path:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    else:
        data = json.loads(resources.files("riftwatch.data").joinpath("actors.json").read_text())
    return build_dictionary(data)


def resolve_ent(ent_id: str, text: str, label: str, dictionary: ActorDictionary) -> dict[str, Any]:
    """Actor object for one entity: dictionary hit, or a deterministic unresolved id."""
    if ent_id:
        actor_id, _, how = ent_id.partition("#")
        actor = dictionary.get(actor_id)
        if actor is not None:
            return {**actor.ref(), "resolved": True, "via": how}
    return {"id": unresolved_actor_id(text), "name": text, "resolved": False, "via": label.lower()}
