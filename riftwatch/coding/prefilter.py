"""Cheap sentence prefilter that runs before spaCy: parsing is where the time goes, and
an event needs both a trigger word and an actor mention in its sentence, so only those
sentences (plus the previous sentence where a pronoun needs an antecedent) are parsed.
It also tells whether an article needs the statistical NER: dictionary actors are found
by the actor matcher alone; only a misspelt actor name needs NER + the fuzzy resolver."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from itertools import pairwise
from typing import Any

from rapidfuzz import fuzz, process

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")
_ABBREV = {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "st", "no", "vs", "sen", "rep",
           "gov", "prof", "capt", "maj", "adm", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
           "u.s", "u.n", "u.k", "e.g", "i.e", "inc", "ltd", "co", "corp"}
_VOWELS = "aeiou"
_DOUBLED = re.compile(r"(.)\1+")
_TYPO_LENGTH = 2  # letters a misspelling may add or drop ("Zaharova", "zakharova")
_RUN = re.compile(r"\w+", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
_INFINITIVE = re.compile(r"\bto\s+[A-Za-z]+")  # "paid *to film* a base": a verb, no film
_RELATIVE = re.compile(r",\s*(?:which|who|whose|whom|where)\b[^,]*,", re.IGNORECASE)


def split_sentences(paragraph: str) -> list[str]:
    """Rule-based sentence split: terminal punctuation followed by a capital, except
    after common abbreviations and initials."""
    parts: list[str] = []
    start = 0
    for m in _SENT_END.finditer(paragraph):
        before = paragraph[start:m.start()].rstrip(".!?\"'”’)]")
        last = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        if last in _ABBREV or (len(last) == 1 and last.isalpha()):
            continue
        parts.append(paragraph[start:m.start()].strip())
        start = m.end()
    parts.append(paragraph[start:].strip())
    return [p for p in parts if p]


def inflections(lemma: str, irregular: dict[str, list[str]], verb: bool = True) -> set[str]:
    """Surface forms a verb (or, with verb=False, a noun) may take in text; a superset
    is fine, it only costs time."""
    w = lemma.lower()
    if not verb:
        forms = {w, w + "s", w + "es"} | ({w[:-1] + "ies"} if w.endswith("y") else set())
        return forms | {f.lower() for f in irregular.get(w, [])}
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        forms.add(w[:-1] + "ing")
    if w.endswith("y"):
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS and w[-3] not in _VOWELS:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    forms.update(f.lower() for f in irregular.get(w, []))
    return forms


def _node_words(attrs: dict[str, Any], irregular: dict[str, list[str]]) -> set[str] | None:
    """Surface forms one dependency-pattern node can take, or None if unconstrained."""
    for key in ("LEMMA", "LOWER", "ORTH"):
        value = attrs.get(key)
        words = [value] if isinstance(value, str) else list((value or {}).get("IN", []))
        if words:
            if key == "LEMMA":
                return {f for w in words for f in inflections(w, irregular)}
            return {w.lower() for w in words}
    return None


def trigger_forms(taxonomy: dict[str, Any]) -> tuple[set[str], list[list[set[str]]]]:
    """What a sentence must contain to hold a trigger: one of the single word forms, or
    every part of a multi-word requirement (each part: any of its forms)."""
    irregular = taxonomy.get("settings", {}).get("irregular_forms", {})
    single: set[str] = set()
    multi: list[list[set[str]]] = []
    for spec in taxonomy["types"].values():
        for lemma in spec.get("verbs", []):
            single |= inflections(lemma, irregular)
        for lemma in spec.get("nouns", []):
            single |= inflections(lemma, irregular, verb=False)
        for phrase in spec.get("phrases", []):
            words = _WORD.findall(phrase.lower())
            if len(words) == 1:
                single.add(words[0])
            elif words:
                multi.append([{w} for w in words])
        for pattern in spec.get("dep_patterns", []):
            nodes = [_node_words(n.get("RIGHT_ATTRS", {}), irregular) for n in pattern]
            multi.append([n for n in nodes if n is not None])
    return single, multi


@dataclass(frozen=True)
class Selection:
    """The text handed to spaCy for one article: sentences to parse, which of them may
    yield events (the others are context), and their index in the article."""

    sentences: list[str]
    candidate: list[bool]
    index: list[int]
    needs_ner: bool = False


class CommonWords:
    """Words of the language, from the model's lemmatizer tables (WordNet's nouns, verbs,
    adjectives and adverbs with their exceptions and suffix rules) and stop words: a
    capitalised "Relations", "April", "Aides", "Adding" or "Whoever" is such a word
    that happens to look like an actor's ("ration", "avril", "aires", "ad-din"), not a
    misspelt name."""

    def __init__(self, index: dict[Any, Iterable[str]], rules: dict[Any, list[list[str]]],
                 exceptions: dict[Any, Iterable[str]], stop_words: Iterable[str] = ()) -> None:
        self.lemmas: set[str] = {w for words in index.values() for w in words}
        self.lemmas |= {w for words in exceptions.values() for w in words}
        self.stop_words = frozenset(stop_words)
        self.lemmas |= self.stop_words
        self.suffixes = sorted({(old, new) for pairs in rules.values()
                                for old, new in pairs if old.isalpha()})

    def __contains__(self, word: object) -> bool:
        """A word, an inflection of one ("analytics"), or a hyphenated compound of
        them ("Counter-intelligence")."""
        if not isinstance(word, str):
            return False
        if "-" in word:
            return all(self._known(part) for part in word.split("-"))
        return self._known(word)

    def _known(self, word: str) -> bool:
        return word in self.lemmas or any(
            word.endswith(old) and word[:-len(old)] + new in self.lemmas
            for old, new in self.suffixes)


class Prefilter:
    """Decides, from raw text only, which sentences can possibly yield an event."""

    def __init__(self, taxonomy: dict[str, Any], actor_forms: Iterable[str],
                 common_words: CommonWords | None = None) -> None:
        settings = taxonomy.get("settings", {})
        self.triggers, self.multi = trigger_forms(taxonomy)
        self._multi_by_word = _index_requirements(self.multi)
        self.pronouns = {p.lower() for p in settings.get("pronouns", [])}
        # "Information Minister Yemane Gebremeskel dismissed …": an unlisted speaker
        # whose side the previous sentence names
        self.speakers = {p.lower() for p in settings.get("speaker_nouns", [])}
        self.kinds = {w for words in settings.get("description_kinds", {}).values()
                      for w in words}
        self._aside = _asides(settings.get("instrument_preps", []))
        lone_types = set(settings.get("targetless_types", taxonomy["types"]))
        self.lone = trigger_forms({"types": {name: spec for name, spec in
                                             taxonomy["types"].items() if name in lone_types},
                                   "settings": settings})
        self._lone_by_word = _index_requirements(self.lone[1])
        nouns = settings.get("description_nouns", [])
        self.references = self.pronouns | set(settings.get("possessive_pronouns", [])) | \
            {f for n in nouns for f in inflections(n, {}, verb=False)}
        self.blockers = {group: {w.lower() for w in words if " " not in w}
                         for group, words in settings.get("context_blockers", {}).items()}
        self.exempt = [(frozenset(spec["context_exempt"]),
                        trigger_forms({"types": {name: spec}, "settings": settings}))
                       for name, spec in taxonomy["types"].items() if spec.get("context_exempt")]
        exact, folded = set(), set()
        for form in actor_forms:
            (exact if form.isupper() or "." in form else folded).add(form)
        self._exact = _alternation_index(exact, re.UNICODE, fold=False)
        self._folded = _alternation_index(folded, re.IGNORECASE | re.UNICODE, fold=True)
        self._form_words = {w.lower() for f in folded | exact for w in _WORD.findall(f)}
        self._common = common_words or CommonWords({}, {}, {})
        self._neighbours: dict[tuple[str, int], set[str]] = {}
        for form in folded | exact:
            parts = [w.lower() for w in _WORD.findall(form)]
            for a, b in pairwise(parts):
                self._neighbours.setdefault((a, 1), set()).add(b)
                self._neighbours.setdefault((b, -1), set()).add(a)
        self._fuzzy_by_initial: dict[tuple[str, int], list[str]] = {}
        for w in sorted(self._form_words):
            if len(w) >= 5:
                for size in range(len(w) - _TYPO_LENGTH, len(w) + _TYPO_LENGTH + 1):
                    self._fuzzy_by_initial.setdefault((w[0], size), []).append(w)

    def misspelt_actor(self, words: list[str]) -> bool:
        """A capitalised word that is not a dictionary word but within a typo of one
        ("North Korian"): only the statistical NER + fuzzy resolver can catch it."""
        return next(self.misspelt_words(words), None) is not None

    def misspelt_words(self, words: list[str]) -> Iterator[str]:
        """The words of `misspelt_actor`. A typo keeps about the length and makes no word
        of the language ("Relations" is no misspelt "ration", nor "Nuremberg" "number");
        it keeps the first letter, or the rest of the name is right ("Hassan
        Hasrallah")."""
        lowered = [_POSSESSIVE.sub("", w.lower()) for w in words]
        for i, (word, low) in enumerate(zip(words, lowered, strict=True)):
            if not word[:1].isupper() or len(low) < 5 or low in self._form_words or \
                    low in self._common:
                continue
            if (i and self._paired_typo(low, words[i - 1], 1)) or \
                    (i + 1 < len(words) and self._paired_typo(low, words[i + 1], -1)):
                yield word
                continue
            near = self._fuzzy_by_initial.get((low[0], len(low)), [])
            best = process.extractOne(low, near, scorer=fuzz.ratio, score_cutoff=80)
            if best and _typo_of(low, best[0]):
                yield word

    def _paired_typo(self, low: str, other: str, side: int) -> bool:
        """Whether `low` is within a typo of a word that follows (side 1) or precedes
        (side -1) the correctly spelt name word `other` in some actor name: "Hassan
        *Hasrallah*" has its first letter wrong, which the initial-letter index cannot
        see. A function word is no anchor ("Republic *of* Benin" is no "of Jenin")."""
        anchor = _POSSESSIVE.sub("", other.lower())
        near = self._neighbours.get((anchor, side))
        if not near or not other[:1].isupper() or anchor in self._common.stop_words:
            return False
        near = [w for w in near if abs(len(w) - len(low)) <= _TYPO_LENGTH]
        best = process.extractOne(low, near, scorer=fuzz.ratio, score_cutoff=80)
        return bool(best) and _typo_of(low, best[0])

    def blocked(self, present: set[str]) -> bool:
        """A word of a non-political context ("match", "film") that the coder would
        block anyway, unless a trigger of a type exempt from that context occurs. Words
        of a parenthetical relative clause do not count (`is_candidate`): "Kazakhstan,
        *which courts Western investors*, expelled …" is not business news."""
        hit = {g for g, words in self.blockers.items() if present & words}
        if not hit:
            return False
        return not any(hit <= groups and (present & single or any(
            all(part & present for part in req) for req in multi))
            for groups, (single, multi) in self.exempt)

    def actor_forms(self, sentence: str) -> set[str]:
        """The dictionary forms of actors in the sentence ("Iran" and "Tehran" count as
        two: a superset of the actors is fine)."""
        found: set[str] = set()
        runs = [(m.start(), m.group(0)) for m in _RUN.finditer(sentence)]
        for index, fold in ((self._folded, True), (self._exact, False)):
            end = 0
            for start, run in runs:
                rx = index.get(run.lower() if fold else run) if start >= end else None
                match = rx.match(sentence, start) if rx else None
                if match:
                    found.add(match.group(0).lower())
                    end = match.end()
        return found

    def _kind_described(self, sentence: str) -> bool:
        """"Publicly, *the party* denies any rift": a description of a kind of actor
        among the first words refers back to the nearest actor of that kind, however
        far back (the coder's `description_kinds`)."""
        lowered = [w.lower() for w in _WORD.findall(sentence)[:8]]
        return any(a == "the" and b in self.kinds for a, b in pairwise(lowered))

    def one_role_enough(self, present: set[str]) -> bool:
        """A trigger of a type that may be coded without a target (a defection, a
        denial): one actor in the sentence can make an event."""
        return bool(present & self.lone[0]) or _any_met(self._lone_by_word, present)

    def is_candidate(self, sentence: str, forms: Callable[[], set[str]] | None = None,
                     misspelt: Callable[[], bool] | None = None) -> tuple[bool, bool, bool]:
        """(may yield an event, needs the previous sentence for a pronoun, needs NER).
        `forms` and `misspelt` give the sentence's actor forms and typo flag when the
        caller keeps them (`select` shares them across sentences); asked only for a
        sentence with a trigger."""
        words = _WORD.findall(sentence)
        lowered = [w.lower() for w in words]
        lowered += _hyphen_heads(words) + _hyphen_prefixes(words)
        present = set(lowered)
        if not any(w in self.triggers for w in lowered) and \
                not _any_met(self._multi_by_word, present):
            return False, False, False
        if self.blocked({w.lower() for w in _WORD.findall(
                _INFINITIVE.sub("to", self._aside.sub(",", sentence)))}):
            return False, False, False
        pronoun = any(w in self.pronouns for w in lowered[:8]) or lowered[:1] == ["the"] or (
            self.one_role_enough(present) and any(w in self.speakers for w in lowered[:8]))
        misspelt = misspelt() if misspelt else self.misspelt_actor(words)
        forms = forms() if forms else self.actor_forms(sentence)
        if (misspelt or forms) and (present & self.references or self.one_role_enough(present)
                                    or len(forms) + misspelt > 1):
            return True, pronoun, misspelt
        return pronoun, pronoun, False

    def select(self, paragraphs: list[str], everything: bool = False) -> Selection:
        """Candidate sentences in article order, each preceded by its context sentence
        where a pronoun may refer back; `everything` keeps all (no prefilter)."""
        sentences = [s for p in paragraphs for s in split_sentences(p)]
        if everything:
            return Selection(sentences, [True] * len(sentences), list(range(len(sentences))),
                             True)
        keep: dict[int, bool] = {}
        needs_ner = False
        forms_of = cache(lambda k: self.actor_forms(sentences[k]))
        misspelt_of = cache(lambda k: self.misspelt_actor(_WORD.findall(sentences[k])))
        has_actor = cache(lambda k: bool(forms_of(k)) or misspelt_of(k))

        for i, sent in enumerate(sentences):
            candidate, needs_context, misspelt = self.is_candidate(
                sent, partial(forms_of, i), partial(misspelt_of, i))
            if candidate and not has_actor(i) and not (i > 0 and has_actor(i - 1)) and \
                    not (self._kind_described(sent) and any(has_actor(j) for j in range(i))):
                continue  # nothing for a pronoun or "the soldier" to refer back to
            if candidate:
                keep[i] = True
                needs_ner = needs_ner or misspelt
                if needs_context and i > 0:
                    keep.setdefault(i - 1, False)
        for i in [k for k, cand in keep.items() if cand]:
            for j in self._definitions(sentences, i, forms_of):
                keep.setdefault(j, False)
        order = sorted(keep)
        return Selection([sentences[i] for i in order], [keep[i] for i in order], order,
                         needs_ner)

    def _definitions(self, sentences: list[str], i: int,
                     forms_of: Callable[[int], Any]) -> list[int]:
        """Earlier sentences that introduce an acronym of sentence `i` the dictionary
        lacks next to an actor ("officers of *Venezuela's SEBIN* intelligence service"
        before "a former SEBIN officer defected"): parsed as context, the resolver can
        tie the acronym to its state."""
        unknown = {w for w in _ACRONYM.findall(sentences[i]) if w.lower() not in self._form_words}
        out = []
        for word in sorted(unknown):
            rx = re.compile(rf"\b{word}\b")
            j = next((j for j in range(i) if rx.search(sentences[j]) and forms_of(j)), None)
            if j is not None:
                out.append(j)
        return out


Requirements = tuple[bool, dict[str, list[list[set[str]]]]]


def _hyphen_heads(words: list[str]) -> list[str]:
    """The last part of hyphen-joined words with a lower-case first part
    ("cyber-*espionage*"): the parser splits them and the trigger matcher sees the part,
    so the prefilter must see it too. After a name ("China-*brokered* talks",
    "Iran-*backed*") the part describes an actor, it tells no act."""
    return [w.rsplit("-", 1)[1].lower() for w in words if "-" in w and w[:1].islower()]


def _hyphen_prefixes(words: list[str]) -> list[str]:
    """The first part of hyphen-joined words with a lower-case first part ("*ex*-Taliban",
    "*ex*-army"): the parser splits them and a dependency pattern may ask for the part
    ("a former or *ex-* commander")."""
    return [w.split("-", 1)[0].lower() for w in words if "-" in w and w[:1].islower()]


def _index_requirements(multi: list[list[set[str]]]) -> Requirements:
    """Multi-word requirements by the words of their first part: a sentence is checked
    only against those whose first part it contains (about 200 requirements, checked
    for every sentence, were most of the prefilter's time). The flag: a requirement
    without parts holds everywhere."""
    by_word: dict[str, list[list[set[str]]]] = {}
    for req in multi:
        for word in req[0] if req else ():
            by_word.setdefault(word, []).append(req)
    return any(not req for req in multi), by_word


def _any_met(index: Requirements, present: set[str]) -> bool:
    """Whether some requirement of `index` has every part in `present`."""
    always, by_word = index
    return always or any(all(part & present for part in req)
                         for word in present for req in by_word.get(word, ()))


def _typo_of(word: str, form: str) -> bool:
    """Whether a close `word` is a misspelling of the dictionary word `form`: not an
    inflection of it, unless the two differ only in a doubled letter ("Khazaali",
    "khazali"), which the fuzzy resolver reads as one spelling."""
    return not _inflected(word, form) or _DOUBLED.sub(r"\1", word) == _DOUBLED.sub(r"\1", form)


def _inflected(word: str, form: str) -> bool:
    """Whether `word` differs from a dictionary word only in its ending ("ministers",
    "authorities", "Soviets"): another word of the language, not a misspelling of a name."""
    shorter = min(len(word), len(form))
    shared = next((i for i, (a, b) in enumerate(zip(word, form, strict=False))
                   if a != b), shorter)
    return shared >= shorter - 2


def _asides(instrument_preps: list[str]) -> re.Pattern[str]:
    """Parenthetical relative clauses and short instrument phrases ("through an
    encrypted messaging app"): their words do not make a sentence non-political."""
    if not instrument_preps:
        return _RELATIVE
    preps = "|".join(re.escape(p) for p in sorted(instrument_preps))
    return re.compile(rf"{_RELATIVE.pattern}|\b(?:{preps})\s+(?:[\w'’-]+\s+){{0,3}}[\w'’-]+",
                      re.IGNORECASE)


def _alternation(forms: set[str], flags: int) -> re.Pattern[str] | None:
    if not forms:
        return None
    body = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def _alternation_index(forms: set[str], flags: int, fold: bool) -> dict[str, re.Pattern[str]]:
    """One whole-word alternation per leading word run ("U" for "U.S.", "North" for
    "North Korea"): a form can only match where the text's word run starting there is
    its own leading run, so `actor_forms` tries the few forms sharing that run instead
    of scanning the sentence with one alternation of ~2,000 forms (the cost was ~1 ms
    a sentence). Same longest-first order, hence the same matches."""
    groups: dict[str, set[str]] = {}
    for form in forms:
        lead = _RUN.match(form)
        if lead is None:
            raise ValueError(f"actor form must start with a word character: {form!r}")
        groups.setdefault(lead.group(0).lower() if fold else lead.group(0), set()).add(form)
    return {key: rx for key, group in groups.items()
            if (rx := _alternation(group, flags)) is not None}
