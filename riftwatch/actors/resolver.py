"""spaCy components that turn mentions into actors.

`riftwatch_actor_matcher` (before "ner") marks every dictionary form as an entity with
the form's key as `ent_id_`; `riftwatch_actors` (after "ner") sets `Span._.actor` on
every GPE/NORP/ORG/PERSON entity: dictionary hit, person by role date, in-text cue,
earlier mention in the same article, guarded fuzzy match, or a deterministic
unresolved id. Both build their indexes once, when the pipeline is built."""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from riftwatch.actors.dictionary import (
    NON_STATE_LABEL,
    ActorDictionary,
    Person,
    fold,
    load_dictionary,
    strip_article,
)
from riftwatch.ids import unresolved_actor_id

ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON")
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
DETERMINERS = {"a", "an", "the", "its", "their"}
CUE_WINDOW = 7

if not Span.has_extension("actor"):
    Span.set_extension("actor", default=None)
if not Doc.has_extension("published_at"):
    Doc.set_extension("published_at", default=None)


def event_day(doc: Doc) -> str | None:
    """ISO date the article speaks of: `doc._.published_at`, or the context passed with
    `nlp.pipe(..., as_tuples=True)` (a string or a dict with "published_at")."""
    value = doc._.published_at
    if value is None:
        context = getattr(doc, "_context", None)
        if isinstance(context, dict):
            context = context.get("published_at")
        value = getattr(context, "published_at", context)
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    match = re.match(r"\d{4}-\d{2}-\d{2}", str(value))
    return match.group(0) if match else None


@Language.factory("riftwatch_actor_matcher", default_config={"dictionary_path": None})
def make_actor_matcher(nlp: Language, name: str, dictionary_path: str | None) -> ActorMatcher:
    return ActorMatcher(nlp, load_dictionary(dictionary_path))


class ActorMatcher:
    """Marks dictionary forms as entities before the statistical NER runs, which then
    keeps them. Longest match wins; one-word forms need a capital letter ("Chad", not
    "chad"); acronyms match exactly ("US", not "us")."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary) -> None:
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[str, str] = {}
        self.qualifiers = set(dictionary.rules.get("fuzzy", {}).get("qualifiers", []))
        by_key: dict[tuple[bool, str], list[Doc]] = {}
        for form in dictionary.forms:
            self.labels[form.key] = form.label
            by_key.setdefault((form.exact_case, form.key), []).append(nlp.make_doc(form.text))
        for (exact, key), docs in by_key.items():
            (self.exact if exact else self.lower).add(key, docs)
        self.folded: dict[tuple[str, ...], str] = {}
        for form in dictionary.forms:
            if not form.exact_case:
                words = tuple(fold(t.text) for t in nlp.make_doc(form.text))
                self.folded.setdefault(words, form.key)
        self.longest = max((len(k) for k in self.folded), default=1)

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        spans = []
        for match_id, start, end in self.exact(doc):
            spans.append(Span(doc, start, end, label=self.labels[strings[match_id]],
                              span_id=match_id))
        cased = any(c.isupper() for c in doc.text)  # all-lower text keeps its names
        for match_id, start, end in self.lower(doc):
            if end - start == 1 and not self._one_word_ok(doc, start, strings[match_id]):
                continue
            if cased and not any(c.isupper() for c in doc[start:end].text):
                continue  # "the region's *security council*" is no "Security Council"
            spans.append(Span(doc, start, end, label=self.labels[strings[match_id]],
                              span_id=match_id))
        if not doc.text.isascii():
            spans += self._folded_matches(doc)
        spans.sort(key=lambda s: not s.id_.startswith("-|"))  # a non-actor phrase wins ties
        kept = [s for s in filter_spans(spans) if not s.id_.startswith("-|")]
        doc.ents = filter_spans(list(doc.ents) + kept)
        return doc


    def _one_word_ok(self, doc: Doc, i: int, key: str) -> bool:
        """One-word forms need a capital, and a state name right after a given name is a
        surname ("Michael Jordan"), unless that word is a qualifier ("Northern Iraq")."""
        if not doc[i].text[:1].isupper():
            return False
        if i == 0 or key.split("|")[1] not in ("name", "capital"):
            return True
        prev = doc[i - 1]
        return not (prev.tag_ == "NNP" and prev.text.istitle()
                    and prev.lower_ not in self.qualifiers)

    def _folded_matches(self, doc: Doc) -> list[Span]:
        """Forms written with other diacritics ("Hezbolláh", "Irán") than the dictionary."""
        words = [fold(t.text) for t in doc]
        found = []
        for start, tok in enumerate(doc):
            if not tok.text[:1].isupper():
                continue
            for width in range(min(self.longest, len(doc) - start), 0, -1):
                key = self.folded.get(tuple(words[start:start + width]))
                if key is not None:
                    found.append(Span(doc, start, start + width, label=self.labels[key],
                                      span_id=key))
                    break
        return found


@Language.factory("riftwatch_actors", default_config={"dictionary_path": None})
def make_actor_resolver(nlp: Language, name: str, dictionary_path: str | None) -> ActorResolver:
    return ActorResolver(load_dictionary(dictionary_path))


class ActorResolver:
    """Sets `ent._.actor` = {"id", "name", "resolved", "via", "role", ...} on actor-like
    entities; see ACTORS.md for what each `via` means."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        rules = dictionary.rules
        self.sector_of: dict[str, str] = {}
        for sector, words in rules.get("sectors", {}).items():
            for word in words:
                self.sector_of.setdefault(word.lower(), sector)
        self.title_words = {w for t in rules.get("titles", []) for w in fold(t).split()}
        self.title_words |= {w for phrase in self.sector_of for w in fold(phrase).split()}
        self.ambiguous = {k: sorted(v) for k, v in rules.get("ambiguous", {}).items()}
        fz = rules.get("fuzzy", {})
        self.min_length = int(fz.get("min_length", 5))
        self.min_score = float(fz.get("min_score", 87))
        self.min_margin = float(fz.get("min_margin", 6))
        self.qualifiers = set(fz.get("qualifiers", []))
        self.translit = [tuple(p) for p in fz.get("translit", [])]
        self.confusable = {a: set(group) - {a} for group in fz.get("confusable", [])
                           for a in group}
        self.unit_nouns = {w.lower() for w in rules.get("unit_nouns", [])}
        self.exact_keys: dict[str, str | None] = {}
        for form in dictionary.forms:
            folded = fold(strip_article(form.text))
            if form.key.startswith("-|"):
                self.exact_keys[folded] = None
                continue
            if form.key.startswith("?|"):
                continue
            seen = self.exact_keys.get(folded, form.key)
            self.exact_keys[folded] = form.key if seen == form.key else None
        self.fuzzy_person: dict[str, tuple[str, frozenset[str]] | None] = {}
        self.fuzzy_actor: dict[str, tuple[str, frozenset[str]] | None] = {}
        for folded, key in self.exact_keys.items():
            if key is None or len(folded) < self.min_length:
                continue
            table = self.fuzzy_person if key.startswith("PERSON|") else self.fuzzy_actor
            entry = (key, frozenset(self.qualifiers.intersection(folded.split())))
            spelled = self._translit(folded)
            table[spelled] = entry if table.get(spelled, entry) == entry else None
        self.fuzzy_person_keys = [k for k, v in self.fuzzy_person.items() if v is not None]
        self.fuzzy_actor_keys = [k for k, v in self.fuzzy_actor.items() if v is not None]

    def __call__(self, doc: Doc) -> Doc:
        day = event_day(doc)
        memory: dict[str, dict[str, Any]] = {}
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS:
                ent._.actor = self._resolve(ent, day, memory)
        if self.unit_nouns:
            self._owned_units(doc)
        self._add_later_mentions(doc, memory)
        if self.dictionary.short_forms:
            self._add_short_forms(doc, day)
        return doc

    def _add_short_forms(self, doc: Doc, day: str | None) -> None:
        """A short form too ambiguous on its own ("PA": a press agency, Pennsylvania)
        stands for its actor in a text that names the actor by the words it abbreviates
        ("the Palestinian Authority's intelligence service … Hamas called *the PA's*
        claim a fabrication")."""
        named = {(_initials(e.text), e._.actor["ruled"] if "ruled" in e._.actor
                  else e._.actor["id"])
                 for e in doc.ents if e._.actor is not None and e._.actor["resolved"]}
        wanted = {form: actor_id for form, actor_id in self.dictionary.short_forms.items()
                  if (form, actor_id) in named}
        if not wanted:
            return
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        added: list[Span] = []
        for tok in doc:
            actor_id = wanted.get(tok.text)
            if actor_id is None or tok.i in taken:
                continue
            new = Span(doc, tok.i, tok.i + 1, label=NON_STATE_LABEL)
            actor = self.dictionary.actors[actor_id]
            role = self._sector(new) if actor.kind == "state" else None
            new._.actor = {**actor.ref(), "resolved": True, "via": "short_form",
                           "role": role or "government", "kind": actor.kind}
            added.append(new)
        if added:
            doc.ents = sorted([*doc.ents, *added], key=lambda s: s.start)

    def _owned_units(self, doc: Doc) -> None:
        """An agency the dictionary lacks, named somewhere in the article as a state's
        unit: "officers of Venezuela's *SEBIN* intelligence service", "*the DGCIM*,
        Venezuela's military counterintelligence agency". Every mention of the name
        ("a former SEBIN officer") then stands for that state, found by the NER or not
        (acronyms)."""
        by_token = {i: e for e in doc.ents for i in range(e.start, e.end)}
        owned: dict[str, dict[str, Any]] = {}
        for tok in doc:
            ent = by_token.get(tok.i)
            if ent is not None:
                if ent.root.i != tok.i or ent._.actor is None or ent._.actor["resolved"] or \
                        "candidates" in ent._.actor or \
                        not all(t.pos_ == "PROPN" or t.text.isupper() for t in ent):
                    continue
                name = ent.text
            elif tok.text.isupper() and tok.text.isalpha() and len(tok.text) > 1:
                name = tok.text
            else:
                continue
            if name not in owned:
                actor = self._unit_owner(tok, by_token)
                if actor is not None:
                    owned[name] = actor
        if not owned:
            return
        added: list[Span] = []
        for name, actor in owned.items():
            words = name.split()
            for start in range(len(doc) - len(words) + 1):
                span = doc[start:start + len(words)]
                if span.text != name:
                    continue
                ent = by_token.get(start)
                if ent is None and all(i not in by_token for i in range(span.start, span.end)):
                    new = Span(doc, span.start, span.end, label="ORG")
                    new._.actor = actor
                    added.append(new)
                elif ent is not None and ent.text == name:
                    ent._.actor = actor
        if added:
            doc.ents = sorted([*doc.ents, *added], key=lambda s: s.start)

    def _unit_owner(self, root: Token, by_token: dict[int, Span]) -> dict[str, Any] | None:
        """The state owning the unit noun that `root` names: "Venezuela's X intelligence
        service", "X, Venezuela's agency"."""
        units = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos" or (root.dep_ in ("compound", "nmod", "amod")
                                    and root.head.i > root.i):
            units.append(root.head)
        for unit in units:
            if unit.lemma_.lower() not in self.unit_nouns and unit.lower_ not in self.unit_nouns:
                continue
            for c in unit.children:
                owner = by_token.get(c.i)
                if c.dep_ not in ("poss", "amod", "compound") or owner is None or \
                        owner.start <= root.i < owner.end:
                    continue
                actor = owner._.actor
                if actor is not None and actor["resolved"] and actor.get("kind") == "state":
                    phrase = " ".join(t.lower_ for t in unit.children
                                      if t.dep_ == "compound" and t.i > c.i)
                    role = self.sector_of.get(f"{phrase} {unit.lower_}".strip()) or \
                        self.sector_of.get(unit.lower_) or actor.get("role")
                    return {**actor, "via": "owner", "role": role}
        return None

    def _resolve(self, ent: Span, day: str | None,
                 memory: dict[str, dict[str, Any]]) -> dict[str, Any]:
        text = strip_article(ent.text)
        folded = fold(text)
        key = ent.id_
        if not key and len(ent) == 1 and not ent.text[:1].isupper():
            return self._unresolved(text, ent.label_.lower(), None)
        key = key or self.exact_keys.get(folded) or ""
        if key.startswith("?|"):
            return self._unresolved(text, "ambiguous", self.ambiguous.get(key.split("|")[1]))
        if key:
            return self._from_key(key, ent, day, memory, via=None)
        if folded in memory:
            return {**memory[folded], "via": "coreference"}
        person = ent.label_ == "PERSON"
        named = person or all(t.pos_ == "PROPN" for t in ent)  # NER often calls names GPE
        cued = self._cue(ent) if named else None
        fuzzy_key = self._fuzzy(folded, person=person) or self._fuzzy(folded, person=not person)
        if fuzzy_key:
            found = self._from_key(fuzzy_key, ent, day, {}, via="fuzzy")
            if cued is None or cued["id"] == found["id"]:
                self._remember(ent.text, found, memory)
                return found
        if cued is not None:
            self._remember(ent.text, cued, memory)
            return cued
        return self._unresolved(text, ent.label_.lower(), None)

    def _from_key(self, key: str, ent: Span, day: str | None,
                  memory: dict[str, dict[str, Any]], via: str | None) -> dict[str, Any]:
        actor_id, how, role = key.split("|")
        if actor_id == "PERSON":
            person = self.dictionary.persons[how]
            found = self._person(person, day, via)
            self._remember(person.name, found, memory)
            self._remember(ent.text, found, memory)
            return found
        actor = self.dictionary.actors[actor_id]
        sector = (role or self._sector(ent)) if actor.kind == "state" else (role or None)
        ruler_id = actor.ruler(sector or None, day) if actor.ruled_by else None
        if ruler_id is not None:  # "the Afghan embassy" in 2026: the Taliban's
            ruler = self.dictionary.actors[ruler_id]
            return {**ruler.ref(), "resolved": True, "via": via or how, "role": sector,
                    "kind": ruler.kind, "ruled": actor.id}
        return {**actor.ref(), "resolved": True, "via": via or how, "role": sector or None,
                "kind": actor.kind}

    def _person(self, person: Person, day: str | None, via: str | None) -> dict[str, Any]:
        role, in_office = person.role_at(day)
        actor = self.dictionary.actors[role.actor]
        return {**actor.ref(), "resolved": True,
                "via": via or ("person" if in_office else "person_out_of_office"),
                "role": role.sector, "kind": actor.kind, "person": person.name,
                "title": role.title}

    def _remember(self, name: str, actor: dict[str, Any], memory: dict[str, Any]) -> None:
        """A later bare surname ("Abu Marzouk", "Qassem") refers to the same person."""
        words = fold(strip_article(name)).split()
        for i in range(len(words)):
            suffix = " ".join(words[i:])
            if len(suffix) >= 4 and suffix not in self.exact_keys:
                memory.setdefault(suffix, actor)

    def _sector(self, ent: Span) -> str | None:
        """Sub-state role from the noun the mention modifies: "Egyptian media",
        "Iran's foreign ministry", "a spokesman for the Egyptian army"."""
        doc = ent.doc
        i = ent.end
        if i < len(doc) and doc[i].text in POSSESSIVE:
            i += 1
        for width in (3, 2, 1):
            phrase = " ".join(t.lower_ for t in doc[i:i + width])
            if i + width <= len(doc) and phrase in self.sector_of:
                return self.sector_of[phrase]
        root = ent.root
        while root.dep_ == "conj" and root.head.i < root.i:  # "Saudi and Iranian envoys"
            root = root.head
        head = None
        if root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i > root.i:
            head = root.head
        elif root.dep_ == "pobj" and root.head.lower_ in ("of", "for"):
            head = root.head.head  # "the foreign ministers of Saudi Arabia"
        if head is not None:
            for word in (head.lower_, head.lemma_.lower()):
                if word in self.sector_of:
                    return self.sector_of[word]
        return None

    def _cue(self, ent: Span) -> dict[str, Any] | None:
        """Actor named next to a person with a title: "Hamas deputy leader X",
        "Iran's foreign minister X", "X, a senior Hamas official"."""
        doc = ent.doc
        left = list(doc[max(ent.sent.start, ent.start - CUE_WINDOW):ent.start])[::-1]
        if left and left[0].text == ",":
            left = left[1:]
        right = list(doc[ent.end:min(ent.sent.end, ent.end + CUE_WINDOW)])
        if right and right[0].text == ",":
            right = right[1:]
            if right and right[0].lower_ in DETERMINERS:
                right = right[1:]
        else:
            right = []
        for tokens in (left, right):
            found = self._cue_tokens(tokens)
            if found is not None:
                actor, titles = found
                sector = next((self.sector_of[w] for w in titles if w in self.sector_of), None)
                return {**actor, "via": "cue", "role": actor.get("role") or sector,
                        "person": ent.text, "title": " ".join(titles)}
        return None

    def _cue_tokens(self, tokens: list[Token]) -> tuple[dict[str, Any], list[str]] | None:
        """One resolved actor and at least one title word, nothing else but modifiers."""
        titles: list[str] = []
        actor: dict[str, Any] | None = None
        for tok in tokens:
            word = tok.lower_
            if word in self.title_words:
                titles.append(word)
            elif tok.ent_type_ and tok.ent_type_ != "PERSON":
                ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
                found = ent._.actor if ent is not None else None
                if found is None or not found["resolved"] or (actor and actor != found):
                    break
                actor = found
            elif not (tok.text in POSSESSIVE or tok.text == "-" or tok.pos_ == "ADJ"
                      or word in DETERMINERS or word in ("of", "for")):
                break
        return (actor, titles) if actor is not None and titles else None

    def _translit(self, folded: str) -> str:
        text = folded
        for old, new in self.translit:
            text = text.replace(old, new)
        return re.sub(r"(.)\1+", r"\1", text)

    def _fuzzy(self, folded: str, person: bool) -> str | None:
        """A close spelling of exactly one actor; near-miss pairs (Iran/Iraq, Niger/Nigeria,
        Sudan/South Sudan...) are kept apart by qualifier, margin and confusable guards."""
        if len(folded) < self.min_length:
            return None
        query = self._translit(folded)
        table = self.fuzzy_person if person else self.fuzzy_actor
        keys = self.fuzzy_person_keys if person else self.fuzzy_actor_keys
        words = len(query.split())
        quals = self.qualifiers.intersection(folded.split())
        best: dict[str, tuple[float, str]] = {}
        for cand, score, _ in process.extract(query, keys, scorer=fuzz.ratio, limit=25,
                                              score_cutoff=self.min_score - 2 * self.min_margin):
            key, cand_quals = table[cand] or ("", frozenset())
            target = key.split("|")[1] if person else key.split("|")[0]
            if len(cand.split()) != words or cand_quals != quals:
                continue
            if score > best.get(target, (-1.0, ""))[0]:
                best[target] = (score, key)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        target, (score, key) = ranked[0]
        if score < self.min_score:
            return None
        runner_up = ranked[1][1][0] if len(ranked) > 1 else 0.0
        if score - runner_up < self.min_margin:
            return None
        if not person and self.confusable.get(target):
            rivals = [s for t, (s, _) in ranked[1:] if t in self.confusable[target]]
            if rivals and score - max(rivals) < 2 * self.min_margin:
                return None
        return key

    @staticmethod
    def _unresolved(text: str, via: str, candidates: list[str] | None) -> dict[str, Any]:
        actor: dict[str, Any] = {"id": unresolved_actor_id(text), "name": text,
                                 "resolved": False, "via": via, "role": None}
        if candidates:
            actor["candidates"] = candidates
        return actor

    def _add_later_mentions(self, doc: Doc, memory: dict[str, dict[str, Any]]) -> None:
        """Bare surnames the NER missed become PERSON mentions of the remembered actor."""
        if not memory:
            return
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        added: list[Span] = []
        i = 0
        while i < len(doc):
            hit = None
            if doc[i].text[:1].isupper() and i not in taken:
                for width in (3, 2, 1):
                    span = doc[i:i + width]
                    if (len(span) == width and not taken.intersection(range(i, i + width))
                            and fold(span.text) in memory):
                        hit = span
                        break
            if hit is None:
                i += 1
                continue
            new = Span(doc, hit.start, hit.end, label="PERSON")
            new._.actor = {**memory[fold(hit.text)], "via": "coreference"}
            added.append(new)
            i = hit.end
        if added:
            doc.ents = sorted([*doc.ents, *added], key=lambda s: s.start)


def _initials(text: str) -> str:
    """"the Palestinian Authority" -> "PA": the capitals starting its words."""
    return "".join(w[0] for w in text.split() if w[:1].isupper())


def add_actor_pipes(nlp: Language, dictionary_path: str | None = None) -> None:
    """Matcher before the NER (which then respects its entities), resolver after it."""
    config = {"dictionary_path": dictionary_path}
    nlp.add_pipe("riftwatch_actor_matcher", name="actor_ruler", before="ner", config=config)
    nlp.add_pipe("riftwatch_actors", after="ner", config=config)
