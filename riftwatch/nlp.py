"""Builds the spaCy pipeline once: the model plus riftwatch's registered components
(dictionary entity ruler, actor resolver, trigger matcher)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy
import spacy
from spacy.attrs import DEP, IDX, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.matcher import DependencyMatcher, PhraseMatcher
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from riftwatch.actors import add_actor_pipes

if not Doc.has_extension("triggers"):
    Doc.set_extension("triggers", default=[])
if not Doc.has_extension("published_at"):
    Doc.set_extension("published_at", default=None)


def _intelligence_body(tok: Token) -> bool:
    """Whether the token lies in a mention of an intelligence service ("reporting to
    *China's Ministry of State Security*"): dependency patterns test it where a named
    service's head word ("Ministry", "Security") is generic."""
    if not tok.ent_type_ or not Span.has_extension("actor"):
        return False
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1  # the entity's own tokens, not `doc.ents` rebuilt for every token
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    actor = doc[start:end]._.actor
    return bool(actor) and actor.get("role") == "intelligence"


if not Token.has_extension("intelligence_body"):
    Token.set_extension("intelligence_body", getter=_intelligence_body)


_CACHE_LIMIT = 500_000  # entries; a long-running service starts afresh past it
_WORD_POS = {VERB: "VERB", NOUN: "NOUN", PROPN: "NOUN"}  # a proper noun is looked up as a noun


@lru_cache(maxsize=4)
def load_taxonomy(path: str | None = None) -> dict[str, Any]:
    """Event taxonomy (types, weights, trigger patterns, modality words): the packaged
    `data/taxonomy.json` (format in data/TAXONOMY.md), or a user file."""
    if path:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    return json.loads(resources.files("riftwatch.data").joinpath("taxonomy.json").read_text())


def preset_sentence_starts(doc: Doc, starts: set[int]) -> None:
    """Mark each token of an unparsed doc as starting a sentence iff its character
    offset is in `starts`, and as not starting one otherwise (the parser keeps both):
    what `tok.is_sent_start = tok.idx in starts` does for every token, in one array
    write instead of a Token and an annotation check per token."""
    offsets = doc.to_array([IDX]).tolist()
    doc.from_array([SENT_START], numpy.array(
        [1 if idx in starts else -1 for idx in offsets], dtype=numpy.int64).astype(numpy.uint64))


@Language.factory("riftwatch_triggers", default_config={"lexicon_path": None})
def make_trigger_matcher(nlp: Language, name: str, lexicon_path: str | None) -> TriggerMatcher:
    return TriggerMatcher(nlp, load_taxonomy(lexicon_path))


class TriggerMatcher:
    """Finds trigger words, phrases and dependency patterns of the taxonomy;
    `doc._.triggers` is a sorted list of (type, start, end) token spans. Verbs and
    nouns are looked up by lemma and part of speech (so "defect" the flaw is not
    "defect" the act), phrases by their lower-case words (PhraseMatcher): a dict lookup
    per token is much cheaper than token patterns with set predicates."""

    def __init__(self, nlp: Language, taxonomy: dict[str, Any]) -> None:
        self.by_pos: dict[tuple[str, str], set[str]] = {}
        for etype, spec in taxonomy["types"].items():
            for pos, words in (("VERB", spec.get("verbs", [])), ("NOUN", spec.get("nouns", []))):
                for word in words:
                    self.by_pos.setdefault((pos, word.lower()), set()).add(etype)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._types: dict[tuple[int, int, int], tuple[str, ...]] = {}
        self.dep_matchers: list[tuple[list[frozenset[int]], SentenceDependencyMatcher]] = []
        for etype, spec in taxonomy["types"].items():
            if spec.get("phrases"):
                self.phrases.add(etype, [nlp.make_doc(p.lower()) for p in spec["phrases"]])
            for pattern in spec.get("dep_patterns", []):
                matcher = SentenceDependencyMatcher(nlp.vocab)
                matcher.add(etype, [pattern])
                self.dep_matchers.append(([frozenset(nlp.vocab.strings.add(w) for w in node)
                                           for node in _node_words(pattern)], matcher))
        # word id -> (pattern, node) pairs it can fill: a sentence's words find the
        # patterns whose every word-constrained node it fills
        self._node_index: dict[int, list[tuple[int, int]]] = {}
        for k, (req, _matcher) in enumerate(self.dep_matchers):
            for n, node in enumerate(req):
                for word in node:
                    self._node_index.setdefault(word, []).append((k, n))
        self._unconstrained = [k for k, (req, _m) in enumerate(self.dep_matchers) if not req]

    def __call__(self, doc: Doc) -> Doc:
        found: set[tuple[str, int, int]] = set()
        rows = doc.to_array([POS, LEMMA, LOWER, SENT_START]).tolist()
        for i, (pos, lemma, lower, _start) in enumerate(rows):
            if pos in _WORD_POS:
                types = self._types.get((pos, lemma, lower))
                if types is None:
                    types = self._word_types(doc, pos, lemma, lower)
                found.update((t, i, i + 1) for t in types)
        for match_id, start, end in self.phrases(doc):
            found.add((doc.vocab.strings[match_id], start, end))
        if doc.has_annotation("DEP"):
            for matcher, sentences in self._candidate_matchers(doc, rows):
                for match_id, token_ids in matcher.within(doc, sentences):
                    found.add((doc.vocab.strings[match_id], token_ids[0], token_ids[0] + 1))
        doc._.triggers = sorted(found)
        return doc

    def _word_types(self, doc: Doc, pos: int, lemma: int, lower: int) -> tuple[str, ...]:
        """The types a verb or noun triggers, by lemma, else by its lower-case form;
        memoised on the token's (POS, LEMMA, LOWER) ids: one dict lookup per token."""
        strings, by_pos, tag = doc.vocab.strings, self.by_pos, _WORD_POS[pos]
        types = by_pos.get((tag, strings[lemma].lower())) or by_pos.get((tag, strings[lower]))
        if len(self._types) >= _CACHE_LIMIT:
            self._types.clear()
        self._types[(pos, lemma, lower)] = result = tuple(sorted(types or ()))
        return result

    def _candidate_matchers(self, doc: Doc, rows: list[list[int]] | None = None
                            ) -> list[tuple[SentenceDependencyMatcher, list[tuple[int, int]]]]:
        """Dependency matching is costly (set predicates on every token it scans): each
        pattern has its own matcher, run only over the sentences in which every
        word-constrained node of the pattern has a candidate token (by lemma or
        lower-case form). A match lies within one dependency tree, hence within one
        sentence, so no match is lost. `rows`: each token's POS, LEMMA, LOWER and
        SENT_START ids (`__call__` has them already); sentences split as `Doc.sents`
        does."""
        if rows is None:
            rows = doc.to_array([POS, LEMMA, LOWER, SENT_START]).tolist()
        sentences: list[tuple[int, int, set[int]]] = []
        start, words = 0, set()
        for i, (_pos, lemma, lower, sent_start) in enumerate(rows):
            if i and sent_start == 1:
                sentences.append((start, i, words))
                start, words = i, set()
            words.add(lemma)
            words.add(lower)
        if rows:
            sentences.append((start, len(rows), words))
        spans: dict[int, list[tuple[int, int]]] = {k: [] for k in self._unconstrained}
        for start, end, words in sentences:
            met: dict[int, set[int]] = {}
            for word in words:
                for k, node in self._node_index.get(word, ()):
                    met.setdefault(k, set()).add(node)
            for k in self._unconstrained:
                spans[k].append((start, end))
            for k, nodes in met.items():
                if len(nodes) == len(self.dep_matchers[k][0]):
                    spans.setdefault(k, []).append((start, end))
        return [(self.dep_matchers[k][1], spans[k]) for k in sorted(spans) if spans[k]]


class SentenceDependencyMatcher(DependencyMatcher):
    """A DependencyMatcher whose token matching (the set predicates and extension
    getters of every node, evaluated on every token: nearly all of its cost) can be
    limited to some sentences of the doc. spaCy matches a pattern only among the tokens
    of one dependency tree (it groups the token matches by their tree's root), and a
    parsed doc's sentences are its trees, so the matches found within the sentences
    that may hold one are the whole doc's."""

    _sentences: list[tuple[int, int]] | None = None

    def within(self, doc: Doc, sentences: list[tuple[int, int]]) -> list[tuple[int, list[int]]]:
        """The matches of `self(doc)` whose tokens lie in the given (start, end) sentences."""
        self._sentences = sentences
        try:
            return self(doc)
        finally:
            self._sentences = None

    def _get_keys_to_position_maps(self, doc: Doc) -> dict[int, dict[int, list[int]]]:
        """spaCy's own grouping (tree root -> node pattern -> token positions), from the
        token matches of the chosen sentences only."""
        if self._sentences is None:
            return super()._get_keys_to_position_maps(doc)
        maps: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for start, end in self._sentences:
            for match_id, first, _last in self._matcher(doc[start:end]):
                token = doc[start + first]
                root = ([token, *token.ancestors])[-1]
                maps[root.i][match_id].append(token.i)
        return maps


def _node_words(pattern: list[dict[str, Any]]) -> list[frozenset[str]]:
    """For each node of a dependency pattern constrained by LEMMA or LOWER to a word or
    an `IN` list, the words it accepts (other nodes, and other operators such as
    `NOT_IN` or `REGEX`, accept anything: the gate only needs a superset)."""
    out = []
    for node in pattern:
        attrs = node.get("RIGHT_ATTRS", {})
        for key in ("LEMMA", "LOWER"):
            value = attrs.get(key)
            if isinstance(value, str) or (isinstance(value, dict) and "IN" in value):
                out.append(frozenset([value] if isinstance(value, str) else value["IN"]))
                break
    return out


def _memoise_lemmatizer(nlp: Language) -> None:
    """spaCy's rule lemmatizer caches only the forms it derives by rule, not the base
    forms it returns early (singular nouns, infinitives, punctuation: most tokens),
    and recomputes those through `morph.to_dict()` each time. Its result is a pure
    function of (orth, pos, morph), so caching every result gives the same lemmas at
    a fraction of the cost."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    rule = lemmatizer.lemmatize
    cache: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        lemmas = cache.get(key)
        if lemmas is None:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            lemmas = cache[key] = rule(token)
        return lemmas

    lemmatizer.lemmatize = lemmatize
    lemmatizer.__class__ = type(f"Array{type(lemmatizer).__name__}",
                                (_ArrayLemmatizer, type(lemmatizer)), {})


class _ArrayLemmatizer:
    """Mixed into the model's lemmatizer class: spaCy's `__call__` builds a Token and
    sets `lemma_` for every token; this reads (ORTH, POS, MORPH, LEMMA) of the whole
    doc at once, maps each (orth, pos, morph) to its lemma id (memoised, as
    `lemmatize` is), and writes the LEMMA column back: the same lemmas."""

    def __call__(self, doc: Doc) -> Doc:
        if not getattr(self, "_validated", False) or not len(doc):
            return super().__call__(doc)  # type: ignore[misc]
        ids: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_lemma_ids", {})
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        overwrite = self.overwrite  # type: ignore[attr-defined]
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                new = ids.get(key)
                if new is None:
                    if len(ids) >= _CACHE_LIMIT:
                        ids.clear()
                    new = ids[key] = strings.add(self.lemmatize(doc[i])[0])  # type: ignore[attr-defined]
                lemmas[i] = new
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype=numpy.uint64))
        return doc



_TOKEN_ATTRS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space}


_PREDICATES: dict[str, Callable[[Any], Callable[[Any], bool]]] = {
    "IN": lambda values: frozenset(values).__contains__,
    "NOT_IN": lambda values: lambda got, excluded=frozenset(values): got not in excluded,
    "REGEX": lambda pattern: lambda got, rx=re.compile(pattern): bool(rx.search(got))}


def _predicate(value: Any) -> Callable[[Any], bool]:
    """A Matcher token predicate as a function of the attribute's value (a string; the
    unset value is "", which spaCy's `NOT_IN: [""]` excludes)."""
    if isinstance(value, dict):
        op, arg = next(iter(value.items()))
        return _PREDICATES[op](arg)
    return lambda got: got == value


def _memoise_attribute_ruler(nlp: Language) -> None:
    """The model's attribute ruler (tag -> POS and morphology, a few word exceptions)
    runs a generic token Matcher with ~180 patterns over every token: as costly as the
    parser on the sentences the coder parses. Its patterns here test only a token's
    tag, lower-case form, dependency label and whitespace flag (plain values, `IN`,
    `NOT_IN`, `REGEX`), so which patterns start at a token is a function of those four
    values: memoised, then checked against the following tokens for the few two-token
    patterns.
    The matches and their order (by rule, then position) are those of the Matcher; the
    ruler's own `set_annotations` applies them. Any other pattern shape, or a doc
    without tags or parse, keeps the Matcher."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    rules: list[tuple[int, int, list[dict[str, Any]]]] = []
    for attr_id, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            if any(key not in _TOKEN_ATTRS or (isinstance(value, dict) and (
                    len(value) != 1 or next(iter(value)) not in _PREDICATES))
                    for spec in pattern for key, value in spec.items()):
                return
            rules.append((attr_id, nlp.vocab.strings[str(attr_id)], pattern))
    tests = [[{key: _predicate(value) for key, value in spec.items()} for spec in pattern]
             for _, _, pattern in rules]
    original = ruler.match
    cache: dict[tuple[int, ...], list[int]] = {}
    # A miss (a new word) tests only the rules that may hold for it: those whose first
    # token ignores LOWER (memoised on tag, label and whitespace), those listing the
    # word, and the few with another LOWER test (REGEX, NOT_IN).
    by_rest: dict[tuple[int, ...], list[int]] = {}
    plain, by_word, open_lower = [], {}, []
    for r, (_, _, pattern) in enumerate(rules):
        lower = pattern[0].get("LOWER")
        if lower is None:
            plain.append(r)
        elif isinstance(lower, str) or "IN" in lower:
            for word in [lower] if isinstance(lower, str) else lower["IN"]:
                by_word.setdefault(word, []).append(r)
        else:
            open_lower.append(r)

    def holds(tok: Token, spec: dict[str, Callable[[Any], bool]]) -> bool:
        return all(test(_TOKEN_ATTRS[key](tok)) for key, test in spec.items())

    def starting_rules(tok: Token, key: tuple[int, ...]) -> list[int]:
        rest = (key[0], key[2], key[3])
        base = by_rest.get(rest)
        if base is None:
            base = by_rest[rest] = [r for r in plain if holds(tok, tests[r][0])]
        return sorted(base + [r for r in by_word.get(tok.lower_, []) + open_lower
                              if holds(tok, tests[r][0])])

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        if not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
            return original(doc)
        found = set()
        n = len(doc)
        for i, row in enumerate(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            key = tuple(row)  # the ids of the four values: no Token built for a known key
            starting = cache.get(key)
            if starting is None:
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                starting = cache[key] = starting_rules(doc[i], key)
            for r in starting:
                test = tests[r]
                if len(test) == 1 or (i + len(test) <= n and all(
                        holds(doc[i + k], test[k]) for k in range(1, len(test)))):
                    attr_id, match_id, _ = rules[r]
                    found.add((attr_id, match_id, i, i + len(test)))
        return sorted(found)

    ruler.match = match
    _array_ruler_annotations(ruler)


_RULER_COLUMNS = [LEMMA, POS, TAG, MORPH, DEP]


def _array_ruler_annotations(ruler: Any) -> None:
    """spaCy's `set_annotations` builds a Span and a Token for each of the ruler's
    matches (about one per token) to set its attributes; where every rule sets only
    token struct attributes (LEMMA, POS, TAG, MORPH, DEP: nothing on the lexeme), the
    same writes, in the same order, go to the doc's columns in one array. Anything else
    keeps spaCy's method."""
    column = {attr: k for k, attr in enumerate(_RULER_COLUMNS)}
    if any(key not in column for attrs in ruler.attrs for key in attrs):
        return
    writes = [[(column[key], value) for key, value in attrs.items()] for attrs in ruler.attrs]
    indices = list(ruler.indices)
    original = ruler.set_annotations

    def set_annotations(doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        if len(ruler.attrs) != len(writes) or not matches:
            return original(doc, matches)
        rows = doc.to_array(_RULER_COLUMNS).tolist()
        for attr_id, _match_id, start, end in matches:
            index = indices[attr_id]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:
                return original(doc, matches)  # spaCy's error for a bad index
            row = rows[i]
            for col, value in writes[attr_id]:
                row[col] = value
        doc.from_array(_RULER_COLUMNS, numpy.asarray(rows, dtype=numpy.uint64))
        return None

    ruler.set_annotations = set_annotations


def build_pipeline(model: str, dictionary_path: str | None = None,
                   lexicon_path: str | None = None) -> Language:
    """Load the model and add riftwatch's components, the spaCy way."""
    nlp = spacy.load(model)
    _memoise_lemmatizer(nlp)
    _memoise_attribute_ruler(nlp)
    add_actor_pipes(nlp, dictionary_path)
    nlp.add_pipe("riftwatch_triggers", config={"lexicon_path": lexicon_path})
    return nlp


@lru_cache(maxsize=2)
def get_pipeline(model: str) -> Language:
    """One pipeline per process and model: loading costs seconds."""
    return build_pipeline(model)
