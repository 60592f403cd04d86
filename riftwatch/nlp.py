"""Builds the spaCy pipeline once: the model plus riftwatch's registered components
(dictionary entity ruler, actor resolver, trigger matcher)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from riftwatch.actors import ActorDictionary, load_dictionary, resolve_ent

ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON")

if not Span.has_extension("actor"):
    Span.set_extension("actor", default=None)
if not Doc.has_extension("triggers"):
    Doc.set_extension("triggers", default=[])


def _token_pattern(nlp: Language, form: str) -> list[dict[str, str]]:
    """Acronyms match case-sensitively ("US" is not "us"); other forms ignore case."""
    words = [t.text for t in nlp.make_doc(form)]
    exact = form.isupper() or "." in form
    return [{"ORTH": w} if exact else {"LOWER": w.lower()} for w in words]


@Language.factory("riftwatch_actors", default_config={"dictionary_path": None})
def make_actor_resolver(nlp: Language, name: str, dictionary_path: str | None) -> ActorResolver:
    return ActorResolver(load_dictionary(dictionary_path))


class ActorResolver:
    """Sets `ent._.actor` on every actor-like entity: dictionary id or unresolved id."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary

    def __call__(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS:
                ent._.actor = resolve_ent(ent.ent_id_, ent.text, ent.label_, self.dictionary)
        return doc


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> dict[str, Any]:
    """Trigger lexicon and weights: the packaged file, or a user file."""
    if path:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    return json.loads(resources.files("riftwatch.data").joinpath("lexicon.json").read_text())


@Language.factory("riftwatch_triggers", default_config={"lexicon_path": None})
def make_trigger_matcher(nlp: Language, name: str, lexicon_path: str | None) -> TriggerMatcher:
    return TriggerMatcher(nlp, load_lexicon(lexicon_path))


class TriggerMatcher:
    """Finds trigger lemmas and phrases; `doc._.triggers` is a list of (type, start, end)."""

    def __init__(self, nlp: Language, lexicon: dict[str, Any]) -> None:
        self.matcher = Matcher(nlp.vocab)
        for etype, spec in lexicon["types"].items():
            patterns = [[{"LEMMA": lemma}] for lemma in spec.get("lemmas", [])]
            patterns += [_token_pattern(nlp, p.lower()) for p in spec.get("phrases", [])]
            if patterns:
                self.matcher.add(etype, patterns)

    def __call__(self, doc: Doc) -> Doc:
        found = {}
        for match_id, start, end in self.matcher(doc):
            found[(start, end)] = doc.vocab.strings[match_id]
        doc._.triggers = sorted((t, s, e) for (s, e), t in found.items())
        return doc


def build_pipeline(model: str, dictionary_path: str | None = None,
                   lexicon_path: str | None = None) -> Language:
    """Load the model and add riftwatch's components, the spaCy way."""
    nlp = spacy.load(model)
    dictionary = load_dictionary(dictionary_path)
    ruler = nlp.add_pipe("entity_ruler", name="actor_ruler", before="ner",
                         config={"overwrite_ents": True})
    ruler.add_patterns([{"label": p["label"], "pattern": _token_pattern(nlp, p["pattern"]),
                         "id": p["id"]} for p in dictionary.patterns])
    nlp.add_pipe("riftwatch_actors", config={"dictionary_path": dictionary_path})
    nlp.add_pipe("riftwatch_triggers", config={"lexicon_path": lexicon_path})
    return nlp


@lru_cache(maxsize=2)
def get_pipeline(model: str) -> Language:
    """One pipeline per process and model: loading costs seconds."""
    return build_pipeline(model)
