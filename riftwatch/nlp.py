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
from spacy.tokens import Doc

from riftwatch.actors import add_actor_pipes

if not Doc.has_extension("triggers"):
    Doc.set_extension("triggers", default=[])


def _token_pattern(nlp: Language, form: str) -> list[dict[str, str]]:
    """Acronyms match case-sensitively ("US" is not "us"); other forms ignore case."""
    words = [t.text for t in nlp.make_doc(form)]
    exact = form.isupper() or "." in form
    return [{"ORTH": w} if exact else {"LOWER": w.lower()} for w in words]


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
    add_actor_pipes(nlp, dictionary_path)
    nlp.add_pipe("riftwatch_triggers", config={"lexicon_path": lexicon_path})
    return nlp


@lru_cache(maxsize=2)
def get_pipeline(model: str) -> Language:
    """One pipeline per process and model: loading costs seconds."""
    return build_pipeline(model)
