"""Article → events. Pure and synchronous: the code agent, `riftwatch code` and
`riftwatch replay` all call `Coder.code`, so the stream and the CLI cannot diverge.

Per article: repeated paragraphs removed → prefilter keeps sentences with a trigger
word and an actor → spaCy parses only those → each trigger becomes events whose roles
come from the dependency parse, filtered by modality and word sense."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from riftwatch import __version__
from riftwatch.actors import load_dictionary
from riftwatch.article import Article
from riftwatch.coding.prefilter import Prefilter, Selection
from riftwatch.coding.syntax import (
    RELATIVE,
    Args,
    Modality,
    allegation_parties,
    attribution,
    charge_behalf,
    clause_subjects,
    collect_args,
    conjuncts,
    denial_predicate,
    governing_verb,
    is_verb,
    modality,
    negative_subject,
    nested_behalf,
    nested_for,
    nested_recipients,
    predicate_governor,
    relative_allegation,
    sponsor_patients,
)
from riftwatch.dedup import normalise, unique_paragraphs
from riftwatch.ids import canonical_json, content_hash, event_id
from riftwatch.nlp import get_pipeline, load_taxonomy, preset_sentence_starts

SCHEMA_VERSION = 1
NP_LINKS = {"compound", "amod", "poss", "nmod", "appos", "prep", "pobj", "npadvmod", "conj",
            "flat"}
NP_PREPS = {"of", "in", "from", "for", "at", "within", "inside"}
LOCATIVE = {"in", "at", "within", "inside"}
PLURAL = {"they", "them", "their"}
PERSONAL = {"he", "she", "him", "her", "his"}
NEUTER = {"it", "its"}
PROMPTING_MARKS = {"after", "since", "following", "when"}
FIRST_PERSON = {"we", "i"}
DEFINITE = {"the", "this", "these", "that", "those"}
DASHES = ("—", "–", "-", "--")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def coder_version(model: str) -> str:
    """Version of the coder: its code (the coding modules and the trigger matcher) and
    every data file it reads, so a change to either marks re-coded events."""
    data = content_hash(load_dictionary().version, load_taxonomy(), model,
                        [p["id"] + p["pattern"] for p in load_dictionary().patterns],
                        _code_sources())
    return f"{__version__}+{data[:10]}"


def _code_sources() -> list[str]:
    """Source text of the modules whose logic decides the events."""
    here = Path(__file__).resolve().parent
    files = [*sorted(here.glob("*.py")), here.parent / "nlp.py"]
    return [f.read_text(encoding="utf-8") for f in files]


@dataclass
class Mention:
    """An actor reference filling a role, and how firmly the text ties it there."""

    actor: dict[str, Any]
    span: Span | None
    direct: bool
    how: str = "syntax"
    cue: str = ""


@dataclass
class Draft:
    """An event before article-level linking fixes its target and id."""

    etype: str
    source: Mention
    target: Mention | None
    sent_index: int
    sentence: str
    trigger: Token
    modality: str
    historical: bool
    attributed: list[Mention] = field(default_factory=list)
    denies: set[str] = field(default_factory=set)
    accusers: list[Mention] = field(default_factory=list)
    nonpolitical_source: bool = False
    unnamed_source: bool = False


class Coder:
    """Codes articles with one spaCy pipeline; output never depends on batch composition."""

    def __init__(self, nlp: Language, taxonomy: dict[str, Any], version: str,
                 batch_size: int = 16, prefilter: bool = True) -> None:
        self.nlp = nlp
        self.use_prefilter = prefilter
        self.taxonomy = taxonomy
        self.version = version
        self.batch_size = batch_size
        self.settings: dict[str, Any] = taxonomy.get("settings", {})
        self.prefilter = Prefilter(taxonomy, [p["pattern"] for p in load_dictionary().patterns])
        s = self.settings
        self._political = set(s.get("political_heads", []))
        self._nonpolitical = set(s.get("nonpolitical_heads", []))
        self._blocked_kinds = set(s.get("blocked_actor_kinds", []))
        self._pronouns = set(s.get("pronouns", []))
        self._possessives = set(s.get("possessive_pronouns", []))
        self._descriptions = set(s.get("description_nouns", []))
        self._described_kinds = {w: kind for kind, words in s.get("description_kinds", {}).items()
                                 for w in words}
        self._other_sides = set(s.get("other_side_modifiers", []))
        self._report_words = set(s.get("report_words", []))
        self._predicates = set(s.get("denial_predicates", []))
        self._transfer = set(s.get("transfer_verbs", []))
        self._info = set(s.get("information_nouns", []))
        self._proxy = set(s.get("proxy_markers", []))
        self._negators = set(s.get("negating_governors", []))
        self._claim_nouns = set(s.get("claim_nouns", []))
        self._reported_claims = set(s.get("reported_claim_nouns", []))
        self._claim_verbs = set(s.get("claim_verbs", []))
        self._media = set(s.get("media_nouns", []))
        self._accusing = set(taxonomy["types"].get("accuse", {}).get("verbs", []))
        self._own_denial_heads = set(s.get("own_denial_heads", []))
        self._own_denial_reporters = set(s.get("own_denial_reporters", []))
        self._denied_nouns = set(taxonomy["types"].get("denial", {}).get("denied_nouns", []))
        self._innocence = set(taxonomy["types"].get("denial", {}).get("innocence_verbs", []))
        self._accusing_acts = set(taxonomy["types"].get("denial", {}).get("accusing_acts", []))
        self._disowning = set(taxonomy["types"].get("denial", {}).get("disowning_heads", []))
        self._disowned_acts = set(taxonomy["types"].get("denial", {}).get("disowned_acts", []))
        self._unreal = set(s.get("unreal_modifiers", []))
        self._defection_denied = set(taxonomy["types"].get("denial", {}).get(
            "denied_defection_verbs", []))
        self._discord = set(taxonomy["types"].get("denial", {}).get("discord_nouns", []))
        self._refuted = set(taxonomy["types"].get("denial", {}).get("refuted_defection_verbs",
                                                                    []))
        self._borders = set(s.get("border_nouns", []))
        self._affiliation = set(s.get("affiliation_verbs", []))
        self._attached = set(s.get("attached_nouns", []))
        self._naming = set(s.get("naming_verbs", []))
        self._residents = set(s.get("residence_verbs", []))
        self._instrument = set(s.get("instrument_preps", []))
        self._labelling = set(s.get("labelling_verbs", []))
        self._relcl_cache: dict[int, list[set[int]]] = {}
        self._targetless = set(s.get("targetless_types", taxonomy["types"]))
        self._allegers = set(s.get("allegation_governors", []))
        self._reporters = set(s.get("report_governors", [])) | self._allegers
        self._context = {group: ({w.lower() for w in words if " " not in w},
                                 [w.lower() for w in words if " " in w])
                         for group, words in s.get("context_blockers", {}).items()}
        self._historical = [re.compile(p, re.IGNORECASE) for p in s.get("historical_patterns", [])]
        self._genres = [re.compile(r"\b" + re.escape(w.lower())
                                   + (r"\b" if w[-1].isalnum() else ""))
                        for words in s.get("article_context_blockers", {}).values()
                        for w in words]
        self._genre_keep: dict[str, set[str]] = {
            t: set(words) for t, words in s.get("article_context_keep", {}).items()}
        self._resolving: set[int] = set()
        self._counterpart_types = set(s.get("counterpart_types", []))
        self._counterpart_only = set(s.get("counterpart_only_types", []))
        self._support_nouns = set(s.get("support_nouns", []))
        self._pair_nouns = self._descriptions | set(s.get("pair_nouns", []))
        self._control_verbs = set(s.get("control_verbs", []))
        self._victim_preps = set(s.get("victim_place_preps", []))
        self._counterpart_by_mentions = set(s.get("counterpart_by_mentions", []))
        self._denied_acts = set(s.get("denied_acts", []))
        # acts a claim can allege against a denier; a reported cut of trade is no claim
        self._claimable_acts = self._denied_acts | self._disowned_acts
        self._spy_persons = set(s.get("spy_person_nouns", []))
        self._sponsor_nouns = set(s.get("sponsor_nouns", []))
        self._arresting_types = set(s.get("arresting_types", []))
        self._speakers = set(s.get("speaker_nouns", []))
        self._places = set(s.get("place_nouns", []))
        self._person_targetless = set(s.get("no_person_targets", []))
        self._state_agents = self._sponsor_nouns | set(s.get("state_agent_nouns", []))
        self._institutions = set(s.get("institution_heads", []))
        self._languages = set(s.get("language_heads", []))
        self._group_country = {a.id: a.country for a in load_dictionary().actors.values()
                               if a.kind == "group" and a.country}
        self._states = {a.id: a.ref() for a in load_dictionary().actors.values()
                        if a.kind == "state"}

    @classmethod
    def load(cls, model: str, batch_size: int = 16) -> Coder:
        return cls(get_pipeline(model), load_taxonomy(), coder_version(model), batch_size)

    # ---------------------------------------------------------------- batch driver

    def select(self, article: Article) -> Selection:
        """Sentences of one article worth parsing (repeated paragraphs removed first)."""
        return self.prefilter.select(unique_paragraphs(article.text)[0],
                                     everything=not self.use_prefilter)

    def make_doc(self, selection: Selection, article: Article) -> Doc:
        """A tokenised Doc of the selected sentences with their boundaries preset, so the
        parse of one article never depends on other articles or on the split."""
        text = " ".join(selection.sentences)
        doc = self.nlp.make_doc(text)
        preset_sentence_starts(doc, set(_starts(selection)))
        for i in _dateline(doc):  # "BAGHDAD — An Islamic State fighter …": parse apart
            if i + 2 < len(doc) and doc[i + 1].text in DASHES:
                doc[i + 2].is_sent_start = True
        doc._.published_at = article.published_at
        return doc

    def code(self, articles: Sequence[Article]) -> list[list[dict[str, Any]]]:
        """Events for each article, in input order."""
        selections = [self.select(a) for a in articles]
        results: list[list[dict[str, Any]]] = [[] for _ in articles]
        conditional = bool(self.settings.get("conditional_ner")) and "ner" in self.nlp.pipe_names
        for with_ner in (True, False):
            todo = [(self.make_doc(sel, art), i) for i, (sel, art) in
                    enumerate(zip(selections, articles, strict=True))
                    if sel.sentences and (sel.needs_ner or not conditional) == with_ner]
            if not todo:
                continue
            disable = [] if with_ner else ["ner"]
            for doc, i in self.nlp.pipe(todo, batch_size=self.batch_size, as_tuples=True,
                                        disable=disable):
                results[i] = self.code_doc(doc, articles[i], selections[i])
        return results

    # ---------------------------------------------------------------- one article

    def code_doc(self, doc: Doc, article: Article, selection: Selection) -> list[dict[str, Any]]:
        starts = _starts(selection)
        self._relcl_cache = {}
        dateline = _dateline(doc)
        mentions = {t.i: ent for ent in doc.ents if ent._.actor is not None
                    and ent.start not in dateline for t in ent}
        drafts: list[Draft] = []
        denied_at: dict[int, set[str]] = {}
        genre = self._article_genre(article)
        for etype, start, end in doc._.triggers:
            span = doc[start:end]
            head = span.root
            if genre and not self._genre_kept(etype, head):
                continue
            if head.pos_ == "ADP" and any(c.dep_ == "pobj" and c in span for c in head.children):
                # "the accusations were *without foundation*": the noun carries the sense
                head = next(c for c in head.children if c.dep_ == "pobj" and c in span)
            k = bisect_right(starts, head.idx) - 1
            if k < 0 or not selection.candidate[k]:
                continue
            spec = self.taxonomy["types"][etype]
            if etype == "denial":
                head = _shared_object_conjunct(head, self._innocence)
                span = doc[head.i:head.i + 1] if head not in span else span
            if etype == "denial" and head.lemma_.lower() in self._own_denial_heads | \
                    self._innocence | self._disowning | self._refuted:
                # "was *not involved*": the negation is the denial, not a block on it
                negs = [c.i for c in head.children if c.dep_ == "neg" or negative_subject(c)]
                span = doc[min([head.i, *negs]):max([head.i, *negs]) + 1]
            if etype == "denial" and head.lemma_.lower() in self._discord and \
                    head.pos_ == "NOUN":
                # "there had been *no crisis* with Egypt": the "no" is the denial
                span = doc[min(c.i for c in [head, *head.children] if c.dep_ != "prep"):
                           head.i + 1]
            mod = _asserting(modality(head, span, self.settings), doc, spec)
            if etype == "denial" and self._denial_in_denial(head, mod):
                mod = Modality(None, mod.mode)
            if mod.block == "denied" and mod.at is not None and etype != "denial":
                denied_at.setdefault(mod.at, set()).add(etype)
                gov = governing_verb(doc[mod.at])
                if gov is not None:
                    denied_at.setdefault(gov.i, set()).add(etype)
            if mod.block or not self._sense_ok(etype, spec, span, head):
                continue
            drafts.extend(self._drafts(etype, spec, span, head, mod, mentions,
                                       selection.index[k], selection.sentences[k],
                                       article))
        for d in drafts:
            if d.etype == "denial":
                d.denies |= denied_at.get(d.trigger.i, set()) | self._denied_defection(d.trigger)
                if not is_verb(d.trigger):
                    gov = governing_verb(d.trigger)
                    d.denies |= denied_at.get(gov.i, set()) if gov is not None else set()
        return self._finish(drafts, article, mentions)

    def _article_genre(self, article: Article) -> bool:
        """Whether the title or the lead sentence names a non-political genre
        (`article_context_blockers`: a review or recap, a carmaker's lawsuit, a striker's
        transfer): then the whole article tells of no political event, also in sentences
        without a context word ("the Canadian defected to the rival group")."""
        lead = re.split(r"(?<=[.!?])\s", article.text.strip().split("\n\n")[0], maxsplit=1)[0]
        low = f"{article.title or ''} | {lead}".lower()
        return any(p.search(low) for p in self._genres)

    def _genre_kept(self, etype: str, head: Token) -> bool:
        """In a non-political article, a trigger whose sentence holds one of the type's
        `article_context_keep` words still counts ("players who sought *asylum* after the
        tournament")."""
        keep = self._genre_keep.get(etype, set())
        return any(t.lemma_.lower() in keep or t.lower_ in keep for t in head.sent)

    def _sense_ok(self, etype: str, spec: dict[str, Any], span: Span, head: Token) -> bool:
        """Word sense: blocked compound heads ("spy thriller", "heart attack"), required
        objects ("denied the report", not "denied a visa"), non-political context."""
        if _participle_modifier(head) or (etype == "espionage" and (
                _generic_actor(head) or _counter_prefixed(head) or
                _occupational_agent(head, spec))) or any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in
                spec.get("blocked_objects", ()) for c in head.children):
            return False
        blocked = set(spec.get("blocked_heads", []))
        if blocked:
            if head.dep_ in ("compound", "amod", "nmod") and head.head.lower_ in blocked:
                return False
            if any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in blocked
                   for c in head.children):
                return False
        required = spec.get("requires_object")
        words = set(required or [])
        if etype == "denial" and any(
                c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in words or
                                                     c.lower_ in words)
                and any(g.lower_ == "such" for g in c.children) for c in head.children):
            return False  # "has in the past dismissed *such* accusations": a habit, no act
        if etype == "denial" and self._neither_nor(head):
            return False
        if etype == "defection" and self._civilian_movers(spec, head):
            return False
        if etype == "denial" and head.lemma_.lower() in self._refuted:
            return self._no_defector(head) and not self._context_hits(head)
        if etype == "denial" and head.lemma_.lower() in self._disowning and \
                self._disowned_person(head):
            return not self._context_hits(head)
        if etype == "denial" and head.lemma_.lower() in self._own_denial_heads:
            return self._own_denial(head)
        if etype == "denial" and head.lemma_.lower() in self._disowning:
            return False
        if etype == "denial" and head.lemma_.lower() in self._innocence:
            return self._innocent_side(head) and not self._context_hits(head)
        predicate = head.lemma_.lower() in self._predicates or head.lower_ in self._predicates
        if predicate and etype == "denial":
            if not self._predicate_on_claim(head, words) and not (
                    is_verb(head) and self._has_object(head, spec, words)):
                return False
        elif required and len(span) == 1 and not self._has_object(head, spec, words) and not (
                is_verb(head) and denial_predicate(head, self._predicates) is not None) and not (
                etype == "denial" and self._relative_parties(head) is not None):
            return False
        if not self._cue_ok(spec, head) or (spec.get("passive_needs_agent")
                                            and _agentless_passive(head)):
            return False
        hits = self._context_hits(head)
        exempt = set(spec.get("context_exempt", []))
        if hits & exempt and spec.get("context_exempt_words") and not any(
                t.lemma_.lower() in spec["context_exempt_words"] for t in span):
            return False  # "a tennis player *switched allegiance* to Australia"
        return not hits - exempt

    def _denial_in_denial(self, head: Token, mod: Modality) -> bool:
        """"Iran's consulate *dismissed* the arrests …, a charge Erbil has always
        rejected": a denial verb with a subject of its own, read as the clause another
        rejecting verb governs, is no denied act but a denial of its own (the parse took
        the trailing apposition for the main clause)."""
        if mod.block != "denied" or mod.at is None or not is_verb(head):
            return False
        gov = head.doc[mod.at]
        return gov.lemma_.lower() in self._negators and head.head.i == gov.i and \
            head.dep_ in ("ccomp", "parataxis") and \
            any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in head.children)

    def _innocent_side(self, head: Token) -> bool:
        """"Russia *has never spied* on India", "France does not spy on its partners,"
        the ministry said: a side's statement that it never did a hostile act
        (`innocence_verbs`, negated) denies it. The side must be the subject (a named
        political actor, a pronoun or "its agents") of a clause a speaker reports or
        quotes, and a named speaker must be that same side (not "Iran never spied on
        Iraq, Baghdad said")."""
        if not is_verb(head) or not any(c.dep_ == "neg" for c in head.children):
            return False
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        cur = head
        while cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
        reported = cur.dep_ in ("ccomp", "parataxis") and \
            cur.head.lemma_.lower() in self._own_denial_reporters
        before = [t for t in head.sent if t.i < head.i and t.text in ('"', "“", "”")]
        if not reported and len(before) % 2 == 0:
            return False
        if subj.pos_ == "PRON":
            return subj.lower_ in self._pronouns | FIRST_PERSON
        if any(c.dep_ == "poss" and c.lower_ in self._possessives | {"our"}
               for c in subj.children):
            return True
        side = self._actors([subj], "agent", self._mention_map(head))
        if not side or side[0].actor.get("person") or not side[0].direct:
            return False
        speaker = self._actors(clause_subjects(cur.head, self.settings), "agent",
                               self._mention_map(head)) if reported else []
        return all(m.actor["id"] == side[0].actor["id"] for m in speaker[:1])

    def _disowned_person(self, head: Token) -> bool:
        """"the KGB said the man *had never worked for* the state security bodies", "…
        claimed he *was never a commander* of the group": a side reporting that a person
        (a spy, a defector) was never its member or in touch with it denies the link. The
        clause must be reported by a speaker who is a political actor, its subject a
        person (no actor of its own), and a body named as employer that speaker's side."""
        subjects = clause_subjects(head, self.settings) or [
            c for c in head.head.children
            if head.dep_ == "conj" and c.dep_ in ("nsubj", "nsubjpass")]
        subj = next(iter(subjects), None)
        if subj is None or not (subj.lower_ == "none" or
                                any(c.dep_ == "neg" for c in head.children)):
            return False
        if subj.lower_ in FIRST_PERSON | NEUTER or (
                subj.pos_ == "PRON" and subj.lower_ not in PERSONAL | PLURAL | {"none"}):
            return False
        mentions = self._mention_map(head)
        if subj.pos_ != "PRON" and subj.i in mentions:
            return False
        speaker = self._actors(attribution(head, self.settings), "agent", mentions)
        if not speaker:
            return False
        employers = self._actors([o for p in head.children if p.dep_ == "prep"
                                  for o in p.children if o.dep_ == "pobj"], "agent", mentions)
        return all(m.actor["id"] == speaker[0].actor["id"] for m in employers)

    def _no_defector(self, head: Token) -> bool:
        """"the minister said *not a single soldier* has deserted", "the army said *no
        one* had defected": a side reporting that none of its people left denies the
        defection (`refuted_defection_verbs`); the speaker must be a political actor and
        the article must tell of a defection from it (`_unanswered_disowning`)."""
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None or not (subj.lower_ in ("none", "nobody") or any(
                c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in subj.children)):
            return False
        return bool(self._actors(attribution(head, self.settings), "agent",
                                 self._mention_map(head)))

    def _unanswered_disowning(self, d: Draft, drafts: list[Draft]) -> bool:
        """A side disowning a person ("officials said the man had never worked for
        American intelligence") denies something only where the article tells of the
        person's act as the side's (`disowned_acts`: spying for it, defecting from it);
        else it is a plain statement of fact."""
        if d.etype != "denial" or not (
                d.trigger.lemma_.lower() in self._refuted or (
                    d.trigger.lemma_.lower() in self._disowning and
                    self._disowned_person(d.trigger))):
            return False
        side = d.source.actor["id"]
        return not any(od.etype in self._disowned_acts and od.source.actor["id"] == side
                       for od in drafts)

    def _mention_map(self, tok: Token) -> dict[int, Span]:
        """Actor mentions of the trigger's doc by token index."""
        return {t.i: ent for ent in tok.doc.ents if ent._.actor is not None for t in ent}

    def _own_denial(self, head: Token) -> bool:
        """"Tehran said it *played no role* in the attacks", "Minsk insisted it was *not
        involved*": a side reporting that it had no part in something denies it. The
        clause must be reported by a speaker and be about the speaker's own side (a
        pronoun or "its forces" as subject), not a verdict on someone else ("Iran has no
        role in Syria's future, Riyadh said")."""
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not (
                (subj.pos_ == "PRON" and subj.lower_ in self._pronouns | FIRST_PERSON) or
                any(c.dep_ == "poss" and c.lower_ in self._possessives | {"our"}
                    for c in subj.children) or self._speaker_side(subj, head)):
            return False
        cur = head
        while cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
        return cur.dep_ in ("ccomp", "parataxis") and \
            cur.head.lemma_.lower() in self._own_denial_reporters

    def _speaker_side(self, subj: Token, head: Token) -> bool:
        """"Iran's spokesman said *Tehran* was not involved": a named subject is the
        speaker's own side when the reporting speaker resolves to the same actor."""
        if subj.pos_ != "PROPN":
            return False
        mentions = self._mention_map(head)
        side = self._actors([subj], "agent", mentions)
        cur = head
        while cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
        if not side or side[0].actor.get("person") or cur.dep_ not in ("ccomp", "parataxis"):
            return False
        speaker = self._actors(clause_subjects(cur.head, self.settings), "agent", mentions)
        return bool(speaker) and speaker[0].actor["id"] == side[0].actor["id"]

    @staticmethod
    def _neither_nor(head: Token) -> bool:
        """"has *neither confirmed nor denied* the report", "would not confirm or deny":
        a denial verb paired with "confirm" withholds an answer, it denies nothing."""
        pair = [head, *(c for c in head.children if c.dep_ == "conj")]
        if head.dep_ == "conj":
            pair.append(head.head)
        return any(t.lemma_.lower() == "confirm" for t in pair) and any(
            c.lower_ in ("neither", "nor") for t in pair for c in t.children)

    def _civilian_movers(self, spec: dict[str, Any], head: Token) -> bool:
        """"The Syrian *refugee family* was granted asylum", "*civilians* fled to Chad":
        refugees and civilians finding safety are no defectors from a side."""
        nouns = set(spec.get("civilian_nouns", []))
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [o for c in subjects for p in c.children if p.dep_ == "prep"
                     and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return any(t.lemma_.lower() in nouns or t.lower_ in nouns for s in subjects
                   for t in [s, *(c for c in s.children if c.dep_ in ("compound", "amod"))])

    @staticmethod
    def _cue_ok(spec: dict[str, Any], head: Token) -> bool:
        """A verb that only sometimes makes a threat (`cue_verbs`: "warned", "vowed")
        needs a retaliation cue in what it governs ("would not go *unanswered*", "pay a
        *heavy price*") or, for `object_cue_verbs`, a named addressee ("warned *Israel*
        that …"): "warned that aid deliveries had fallen" is no threat."""
        lemma = head.lemma_.lower()
        if lemma not in spec.get("cue_verbs", ()) or not is_verb(head):
            return True
        words = set(spec.get("cue_words", []))
        pairs = spec.get("cue_pairs", {})
        for t in head.subtree:
            if t.i == head.i:
                continue
            low = t.lemma_.lower()
            if low in words or t.lower_ in words:
                return True
            near = {c.lemma_.lower() for c in t.children} | {t.head.lemma_.lower()}
            if low in pairs and near & set(pairs[low]):
                return True
        return lemma in spec.get("object_cue_verbs", ()) and any(
            c.dep_ == "dobj" and c.ent_type_ for c in head.children)

    def _asides(self, head: Token) -> set[int]:
        """Token indices of the relative clauses of the trigger's sentence that do not
        hold the trigger (participant descriptions); the clauses are found once per
        sentence (the cache is reset for every doc by `code_doc`)."""
        sent = head.sent
        clauses = self._relcl_cache.get(sent.start)
        if clauses is None:
            clauses = [{t.i for t in r.subtree} for r in sent if r.dep_ == "relcl"]
            self._relcl_cache[sent.start] = clauses
        return {i for c in clauses if head.i not in c for i in c}

    def _instrument_phrases(self, head: Token) -> set[int]:
        """Token indices of short instrument phrases ("*through a messaging app*") that
        do not hold the trigger: how something was done is no non-political context."""
        return {t.i for r in head.sent if r.dep_ == "prep" and r.lower_ in self._instrument
                and head not in r.subtree for t in r.subtree}

    def _context_hits(self, head: Token) -> set[str]:
        """Non-political context groups whose words occur in the trigger's sentence,
        outside relative clauses and instrument phrases that do not hold the trigger
        ("Kazakhstan, which courts Western *investors*, expelled …", "sent images to
        China *through a messaging app*"), nor a verb after "to" ("paid *to film* a base").
        Lemmas count only for nouns: "a *film*
        premiere" is fiction, "was seen *filming* a base" is not."""
        aside = self._asides(head) | self._instrument_phrases(head)
        toks = [t for t in head.sent if t.i not in aside and not _infinitive_verb(t)]
        words = {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks
                                            if t.pos_ in ("NOUN", "PROPN")}
        low = " ".join(t.lower_ for t in toks)
        low += " | " + low.replace(" - ", "-")  # "quarter-final" is three tokens
        return {group for group, (single, multi) in self._context.items()
                if words & single or any(p in low for p in multi)}

    def _exempt_context(self, spec: dict[str, Any], head: Token) -> bool:
        """The sentence has a context the type is exempt from ("players … sought asylum
        after the match"): then the event needs a resolved target to count."""
        exempt = set(spec.get("context_exempt", []))
        return bool(exempt and self._context_hits(head) & exempt)

    def _predicate_on_claim(self, head: Token, claims: set[str]) -> bool:
        """A denial predicate counts when it qualifies a claim: "the claims were
        baseless", "called the report a fabrication", "groundless accusations", or any
        object of a rejecting verb ("dismissed the broadcast as propaganda")."""
        if head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN") and (
                head.head.lemma_.lower() in claims or head.head.lower_ in claims):
            return True
        if _claim_complement(head, self._claim_nouns | self._reported_claims | self._denied_nouns):
            return True
        gov = predicate_governor(head, claims)
        if gov is not None and gov.lemma_.lower() in self._labelling and any(
                c.dep_ in ("dobj", "oprd") for c in gov.children):
            return True
        if gov is not None and gov.lemma_.lower() in self._labelling and any(
                c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in claims or
                                                      c.lemma_.lower() in claims)
                for c in head.children):
            return True  # "branded the Philippine account *fabricated*"
        if gov is None or denial_predicate(gov, self._predicates) is None:
            return False
        return gov.lemma_.lower() in self._negators or any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") and (c.lower_ in claims or
                                                         c.lemma_.lower() in claims)
            for c in gov.children)

    @staticmethod
    def _has_object(head: Token, spec: dict[str, Any], words: set[str]) -> bool:
        clausal = spec.get("accept_clausal_object", False)
        for child in head.children:
            dep = child.dep_
            if head.dep_ in ("relcl", "acl") and child.lower_ in RELATIVE:
                continue  # "a convoy *that* Kyiv denied entry": the antecedent is the object
            if dep in ("ccomp", "xcomp", "pcomp") and clausal:
                return True
            if dep in ("dobj", "nsubjpass", "attr", "oprd", "pobj", "dative", "obj") and (
                    child.lower_ in words or child.lemma_.lower() in words):
                return True
            if dep == "prep" and any(g.lower_ in words or g.lemma_.lower() in words
                                     for g in child.children if g.dep_ == "pobj"):
                return True
            if dep in ("dobj", "nsubjpass") and clausal and child.pos_ == "VERB":
                return True
            if dep == "dobj" and clausal and any(g.dep_ == "amod" and g.tag_ == "VBG"
                                                 for g in child.children):
                return True  # "denies *running* spy networks", the gerund read as a modifier
        if head.dep_ in ("compound", "amod") and head.head.lemma_.lower() in words:
            return True
        if head.dep_ == "relcl" and is_verb(head) and (head.head.lemma_.lower() in words or
                                                       head.head.lower_ in words) and \
                not any(c.dep_ in ("dobj", "nsubjpass") for c in head.children):
            return True  # "an accusation *New Delhi dismissed*", "a charge *Tehran denied*"
        if head.dep_ == "ccomp" and is_verb(head) and head.head.dep_ in ("acl", "relcl") and \
                any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children) and \
                (head.head.head.lemma_.lower() in words or head.head.head.lower_ in words) and \
                not any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") for c in head.children):
            return True  # "allegations first reported by a paper *that Algiers rejected*"
        return not is_verb(head) and head.dep_ == "nsubjpass" and head.lower_ in words

    # ---------------------------------------------------------------- roles → drafts

    def _drafts(self, etype: str, spec: dict[str, Any], span: Span, head: Token, mod: Modality,
                mentions: dict[int, Span], sent_index: int, sentence: str,
                article: Article) -> list[Draft]:
        args = collect_args(head, self.settings)
        if spec.get("punishing_verbs") and not args.accused:
            accused, punishers = _punishment_frame(head, spec)
            if accused:
                args.accused, args.accusers = accused, punishers
                args.alt_agents.append(accused)
        sources, targets = self._roles(etype, spec, args, head, mentions)
        if not sources:
            return []
        if spec.get("topic_nouns"):
            targets = [t for t in targets if not _topic_mention(t, head, spec)]
        accusers = self._actors(args.accusers, "agent", mentions)
        inferred = False
        if not targets and spec.get("target_defaults_to_accuser") and accusers:
            targets, inferred = accusers, True
        if not targets and spec.get("target_fallback"):
            targets = self._nearest_other(head, sources, mentions)
            inferred = bool(targets)
        historical = self._is_historical(head, article)
        mode = mod.mode
        if mode == "asserted" and any(t.lower_ in self._report_words for t in head.sent):
            mode = "reported"
        attributed = self._actors(args.attribution, "agent", mentions)
        nonpolitical_source = not attributed and any(
            t.lemma_.lower() in self._nonpolitical for a in args.attribution for t in a.subtree)
        lemma = head.lemma_.lower()
        if lemma in spec.get("reciprocal_lemmas", ()):
            sources, targets = _reciprocal(sources, targets)
        out: list[Draft] = []
        for src in sources[:3]:
            tgts = [t for t in targets if t.actor["id"] != src.actor["id"]][:3] or [None]
            for tgt in tgts:
                if tgt is not None and inferred:
                    tgt = Mention(tgt.actor, tgt.span, False, "inferred")
                if tgt is None and (spec.get("patient_must_be_foreign") or
                                    etype not in self._targetless | self._counterpart_only or
                                    lemma in spec.get("no_counterpart_lemmas", ()) or
                                    self._exempt_context(spec, head)):
                    continue
                out.append(Draft(etype, src, tgt, sent_index, sentence, head, mode,
                                 historical, attributed, set(), accusers,
                                 nonpolitical_source,
                                 self._unnamed_attribution(args.attribution, attributed)))
        if any(d.target is not None for d in out):
            out = [d for d in out if d.target is not None]
        return out

    def _roles(self, etype: str, spec: dict[str, Any], args: Args, head: Token,
               mentions: dict[int, Span]) -> tuple[list[Mention], list[Mention]]:
        pick = self._actors
        preps = args.preps
        beneficiaries = args.beneficiaries
        if spec.get("for_is_source") and head.lemma_.lower() in self._transfer:
            # "handing *Russian intelligence* the locations of border posts"
            beneficiaries = beneficiaries + preps.get("to", []) + [
                c for c in head.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")]
            if any(w.lemma_.lower() in self._info for w in preps.get("with", [])):
                beneficiaries = beneficiaries + [p for p in args.patients if p.dep_ == "dobj"]
        if spec.get("for_is_source") and not beneficiaries:
            beneficiaries = nested_for(args.patients) or nested_behalf(
                args.patients, args.behalf_nouns) or self._governor_behalf(head, args)
        if spec.get("for_is_source") and not beneficiaries and \
                head.lemma_.lower() in self._transfer:
            beneficiaries = nested_recipients(args.patients)
        if spec.get("for_is_source") and not beneficiaries and \
                head.lemma_.lower() in spec.get("sponsor_from_verbs", ()):
            beneficiaries = preps.get("from", [])  # "received tasks *from* Russian handlers"
        if spec.get("for_is_source") and beneficiaries:
            sources = [Mention(m.actor, m.span, m.direct, m.how, "sponsor")
                       for m in pick(beneficiaries, "agent", mentions)]
            taken = frozenset(m.actor["id"] for m in sources)
            targets = (pick(args.patients, "victim", mentions, taken)
                       or pick(sponsor_patients(beneficiaries), "victim", mentions, taken)
                       or pick(args.copula_subject, "victim", mentions, taken)
                       or [Mention(m.actor, m.span, m.direct, m.how, "agent")
                           for m in self._first_agents(args, mentions, "victim", taken)])
            if sources:
                return sources, targets
        if spec.get("source_preps") or spec.get("agent_is_source"):
            sources, targets = self._defection_roles(spec, args, head, mentions)
            sources, targets = self._refuge_granted(spec, head, sources, targets, mentions)
            if sources and not targets:
                targets = self._settled_in(spec, head, mentions,
                                           frozenset(m.actor["id"] for m in sources))
            sources = [m for m in sources if not _ethnic_descriptor(m, spec)
                       and not _linked_modifier(m)]
            if sources and not targets:  # "switched his allegiance *to* Damascus"
                taken = frozenset(m.actor["id"] for m in sources)
                ties = [b for b in head.children if b.dep_ == "dobj"
                        and b.lemma_.lower() in spec.get("bond_nouns", [])]
                bonds = [o for b in ties for p in b.children if p.dep_ == "prep"
                         and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
                seats = [o for b in ties + bonds for p in b.children if p.dep_ == "prep"
                         and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
                own = [m for m in self._actors(bonds, "patient", mentions)
                       if m.how != "coreference"] or self._actors(seats, "patient", mentions)
                if own and all(m.actor["id"] in taken for m in own):
                    return [], []  # "a commander in Syria's X switched his allegiance to Damascus"
                targets = [m for m in own if m.actor["id"] not in taken]
            targets = self._team_sponsors_dropped(spec, head, targets)
            home = [] if targets else self._home_state(spec, head, sources)
            if home is None:
                return [], []
            return sources, targets or home
        if etype == "denial":
            return self._denial_roles(spec, args, head, mentions)
        sources = self._first_agents(args, mentions, exclude=self._accuser_ids(args, mentions))
        moved = [p for p in args.patients if p.dep_ == "nsubjpass"]
        if not sources and spec.get("passive_subject_is_agent"):
            # "*Chinese warships* were deployed around Taiwan": the forces moved are the side
            sources = pick(moved, "agent", mentions)
            args.patients = [p for p in args.patients if p not in moved] if sources else \
                args.patients
        taken = frozenset(m.actor["id"] for m in sources)
        targets = pick(args.patients, "victim" if spec.get("any_patient_head") else "patient",
                       mentions, taken)
        if not targets and spec.get("watched_preps") and not is_verb(head):
            targets = pick([t for p in spec["watched_preps"] for t in preps.get(p, [])],
                           "victim", mentions, taken)
        if not targets and spec.get("target_preps"):
            targets = pick([t for p in spec["target_preps"] for t in preps.get(p, [])
                            if t.lemma_.lower() not in self._support_nouns],
                           "patient", mentions, taken)
        if not targets and spec.get("target_from_complement"):
            inner = [collect_args(c, self.settings) for c in args.complements]
            heads = [p for a in inner for p in a.patients]
            if spec.get("complement_subject_is_target"):
                heads = [s for c in args.complements for s in c.children
                         if s.dep_ in ("nsubj", "nsubjpass")] + heads
            targets = pick(heads, "patient", mentions, taken)
        if not targets and not spec.get("symmetric"):
            targets = pick(_first_conjunct_objects(head), "patient", mentions, taken)
        if not targets and spec.get("consequence_verbs"):
            targets = pick(_consequence_patients(head, set(spec["consequence_verbs"]),
                                                 self.settings), "victim", mentions, taken)
        if spec.get("symmetric") and not targets and len(sources) > 1:
            return sources[:1], sources[1:]
        if spec.get("symmetric") and not targets:
            targets = pick(preps.get("with", []), "patient", mentions)
        return sources, targets

    def _accuser_ids(self, args: Args, mentions: dict[int, Span]) -> frozenset[str]:
        """Who makes the accusation an act sits in: "the Israeli military blamed *the
        group* for the attack" never means the military attacked."""
        if not args.accusers or not args.accused:
            return frozenset()
        return frozenset(m.actor["id"] for m in self._actors(args.accusers, "agent", mentions))

    def _defection_roles(self, spec: dict[str, Any], args: Args, head: Token,
                         mentions: dict[int, Span]) -> tuple[list[Mention], list[Mention]]:
        """Side left and side joined. A defection told only as movement plus joining
        ("fled across the border and was accepted into the army of Poland", "crossed
        into Thailand and announced that he had joined the resistance") needs a defector
        who belongs to a side (an officer *of* X, an X-ian guard, not "Afghans"), and the
        side joined wins over the place reached."""
        pick = self._actors
        preps = args.preps
        left = [t for p in spec.get("source_preps", []) for t in preps.get(p, [])]
        sources = []
        if head.lemma_.lower() in spec.get("movement_triggers", []) and is_verb(head):
            # "members of the PKK crossed the border *from northern Iraq*": the mover's
            # side comes before the place left
            for tok in (t for tier in args.agent_tiers() for t in tier):
                sources = [m for m in self._actors([tok], "victim", mentions)
                           if m.how != "coreference"]
                if sources:  # the mover itself, not a noun of its relative clause
                    break
        if not sources and is_verb(head) and head.lemma_.lower() in spec.get("leaving_verbs", []):
            # "quit *the Taliban* and joined the Islamic State": the group left
            sources = pick([p for p in args.patients if p.dep_ == "dobj" and p.i in mentions],
                           "patient", mentions)
        sources = sources or pick(left, "patient", mentions)
        if not sources and any(t.pos_ == "PROPN" for t in left):
            return [], []  # "defected from the Conservatives": a side with no actor id
        if self._unnamed_or_private_side(spec, args, head, mentions) or \
                self._visit(spec, head):
            return [], []
        if not sources and spec.get("of_is_agent") and not is_verb(head):
            sources = pick(preps.get("of", []), "victim", mentions)
        if not sources and spec.get("passive_subject_is_agent"):
            sources = pick([p for p in args.patients if p.dep_ == "nsubjpass"], "victim",
                           mentions)
        if not sources and spec.get("agent_is_source"):
            sources = self._quantity_members(head, mentions) or \
                self._first_agents(args, mentions, "victim")
        if not sources:
            sources = pick(self._serving_as(head), "victim", mentions)
        if not sources:
            sources = self._described_defector(spec, args, head, mentions)
        sources = self._absorbed_group(args, sources, mentions) or sources
        joins = set(spec.get("join_verbs", [])) | set(spec.get("refuge_verbs", []))
        motion = head.lemma_.lower() in spec.get("movement_triggers", []) and is_verb(head)
        join_verbs = [c for c in (head.subtree if motion else head.children) if c.i != head.i
                      and (motion or c.dep_ in ("conj", "xcomp")) and is_verb(c)
                      and c.lemma_.lower() in joins] + self._defector_clauses(head, joins)
        refuge = set(spec.get("object_preps", {}))  # "asked for *asylum*" joins no one
        bonds = set(spec.get("bond_nouns", []))  # "pledged *allegiance*" names no side
        joined = [o for c in join_verbs for o in collect_args(c, self.settings).patients
                  if o.lemma_.lower() not in refuge | bonds and c.is_ancestor(o)]
        siding = head.lemma_.lower() in spec.get("join_verbs", []) and is_verb(head)
        if siding:
            joined += args.patients  # "joined the *Ukrainian* side"
        if (motion or siding) and not any(self._is_political(a) or a.ent_type_ == "PERSON"
                                          for tier in args.agent_tiers() for a in tier) \
                and not self._quantity_members(head, mentions):
            sources = []
        taken = frozenset(m.actor["id"] for m in sources)
        # "surrendered *to* Ukrainian forces", "applied for asylum *in* Norway"
        reached = [o for c in join_verbs for p in c.children if p.dep_ == "prep"
                   and p.lower_ in spec.get("join_preps", []) for o in p.children
                   if o.dep_ == "pobj"] + _refuge_places(join_verbs, spec)
        if is_verb(head) and head.lemma_.lower() in spec.get("refuge_verbs", []):
            # "applied for asylum *in Germany*" with the refuge verb as the trigger
            reached += [t for p in spec.get("join_preps", []) for t in preps.get(p, [])]
            reached += _refuge_places([head], spec)
        held = _custody_sides([c for c in (head.subtree if motion else head.children)
                               if c.i != head.i and (motion or c.dep_ == "conj") and is_verb(c)
                               and c.lemma_.lower() in spec.get("custody_verbs", [])]
                              + [head], spec)
        keepers = pick(held, "patient", mentions)
        if keepers and all(m.actor["id"] in taken for m in keepers):
            return [], []  # "fled his unit and was taken into custody by *Russian* police"
        keepers = [m for m in keepers if m.actor["id"] not in taken]
        if motion and (join_verbs or held):
            if joined:  # a side joined, even one that resolves to no actor, wins
                return sources, pick(joined, "patient", mentions, taken)
            targets = pick(reached, "patient", mentions, taken) or keepers
            for place in self._destinations(head, spec) if not targets else []:
                targets = targets or pick(place, "patient", mentions, taken)
            return sources, targets
        asylum = [t for o in args.patients for p in
                  spec.get("object_preps", {}).get(o.lemma_.lower(), [])
                  for t in preps.get(p, [])]
        targets = pick([t for p in spec.get("target_preps", []) for t in preps.get(p, [])]
                       + joined + asylum, "patient", mentions, taken) or \
            pick(reached, "patient", mentions, taken) or keepers
        for place in self._destinations(head, spec) if not targets else []:
            targets = targets or pick(place, "patient", mentions, taken)
        return sources, targets or self._asylum_host(spec, head, mentions, taken)

    def _quantity_members(self, head: Token, mentions: dict[int, Span]) -> list[Mention]:
        """"*Dozens of al-Shabaab fighters* surrendered": the members counted by a
        quantity subject name the side left; a people counted ("millions of
        *Ukrainians*") are no members of a side."""
        return self._actors([o for c in head.children if c.dep_ == "nsubj"
                             and c.i not in mentions for p in c.children
                             if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
                             and not o.ent_type_], "victim", mentions)

    def _asylum_host(self, spec: dict[str, Any], head: Token, mentions: dict[int, Span],
                     taken: frozenset[str]) -> list[Mention]:
        """"An Iranian diplomat *in Norway* requested asylum": asking for refuge with no
        place named asks it of the state where the defector is."""
        if not is_verb(head) or head.lemma_.lower() not in spec.get("refuge_verbs", []):
            return []
        # "… *in Norway* requested asylum", "jumped ship *in Norway* and requested asylum"
        near = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        near += [head.head] if head.dep_ == "conj" and is_verb(head.head) else []
        places = [o for c in near for p in c.children if p.dep_ == "prep" and p.lower_ == "in"
                  for o in p.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"]
        return [m for m in self._actors(places, "patient", mentions, taken)
                if m.actor.get("kind") == "state"]

    def _settled_in(self, spec: dict[str, Any], head: Token, mentions: dict[int, Span],
                    taken: frozenset[str]) -> list[Mention]:
        """"A Russian officer *who deserted* last year is now living in Germany", "the
        diplomat, who defected in 2023, now lives in Seoul": a defector told in a relative
        clause whose own clause says where they live or stay went over to that state."""
        if head.dep_ != "relcl" or head.head.dep_ not in ("nsubj", "nsubjpass"):
            return []
        verb = head.head.head
        if not is_verb(verb) or verb.lemma_.lower() not in spec.get("custody_verbs", []):
            return []
        places = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                  for o in p.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"]
        return [m for m in self._actors(places, "patient", mentions, taken)
                if m.actor.get("kind") == "state"]

    def _refuge_granted(self, spec: dict[str, Any], head: Token, sources: list[Mention],
                        targets: list[Mention], mentions: dict[int, Span],
                        ) -> tuple[list[Mention], list[Mention]]:
        """"*Kazakhstan* granted asylum *to a Russian deserter*": the one given refuge
        (`grant_verbs` with a `granted_nouns` object) left its side, and the granter is the
        side joined, never the other way round; "granted refugee status to a soldier *who
        deserted*" gives the desertion its target."""
        verb, relative = head, False
        if head.dep_ in ("relcl", "acl") and head.head.dep_ in ("pobj", "dative"):
            noun = head.head
            verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" \
                else noun.head
            relative = True
        if not is_verb(verb) or verb.lemma_.lower() not in spec.get("grant_verbs", []) or \
                not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in
                        spec.get("granted_nouns", []) for c in verb.children):
            return sources, targets
        granters = self._actors([c for c in verb.children if c.dep_ == "nsubj"] +
                                _passive_agents(verb), "agent", mentions)
        if relative:
            taken = {m.actor["id"] for m in sources}
            return sources, targets or [m for m in granters if m.actor["id"] not in taken]
        given = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
                 for o in p.children if o.dep_ == "pobj"]
        given += [c for c in verb.children if c.dep_ == "dative"]
        if _passive_agents(verb):
            given += [c for c in verb.children if c.dep_ == "nsubjpass"]
        left = self._actors(given, "victim", mentions)
        if not left:
            return sources, targets
        taken = frozenset(m.actor["id"] for m in left)
        return left, [m for m in granters if m.actor["id"] not in taken]

    def _team_sponsors_dropped(self, spec: dict[str, Any], head: Token,
                               targets: list[Mention]) -> list[Mention]:
        """In a sport context a state naming a team ("joined *UAE* Team Emirates", a
        club's sponsor or home, `blocked_heads`) is no side a player defects to."""
        if not targets or not self._exempt_context(spec, head):
            return targets
        blocked = set(spec.get("blocked_heads", []))
        return [m for m in targets if m.span is None or not any(
            t.lower_ in blocked for t in [m.span.root.head, *m.span.root.head.children])]

    def _home_state(self, spec: dict[str, Any], head: Token,
                    sources: list[Mention]) -> list[Mention] | None:
        """"A commander of the RSF defected *to the army*", "an al-Shabaab official
        surrendered *to government forces*", "reached *government lines*": a group's
        member going over to unnamed state forces (`home_side_nouns`) joins the state the
        group fights in (its dictionary country; not one in `no_home_state`). A bare
        surrender ("had surrendered along with 16 fighters") is a defection only for a
        group's member, to that state (None: no event)."""
        homes = {self._group_country.get(m.actor["id"]) for m in sources}
        home = homes.pop() if len(homes) == 1 else None
        if home in spec.get("no_home_state", []) or home not in self._states:
            home = None
        bare = is_verb(head) and head.lemma_.lower() in spec.get("bare_surrender_verbs", []) \
            and not any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in head.children)
        if bare and (home is None or not any(c.dep_ == "nsubj" for c in head.children) or
                     any(c.dep_ == "conj" and is_verb(c) for c in head.children)):
            return None  # "surrendered at the border and defected to Israel": told there
        if home is None:
            return []
        sides = set(spec.get("home_side_nouns", []))
        if not bare and not any(_home_side(t, sides) for t in _side_ends(head, spec)):
            return []
        actor = {**self._states[home], "resolved": True, "via": "home_state", "role": None,
                 "kind": "state"}
        return [Mention(actor, None, False, "home_state")]

    @staticmethod
    def _visit(spec: dict[str, Any], head: Token) -> bool:
        """"the commander of the Quds Force flew into Baghdad *and met* faction leaders":
        a journey told with a meeting is a visit, not a defection."""
        if not is_verb(head) or head.lemma_.lower() not in spec.get("movement_triggers", []):
            return False
        visits = set(spec.get("visit_verbs", []))
        near = [c for c in head.children if c.dep_ in ("conj", "advcl", "xcomp")]
        near += [c for v in near for c in v.children if c.dep_ == "xcomp"]
        return any(v.lemma_.lower() in visits for v in near)

    @staticmethod
    def _defector_clauses(head: Token, joins: set[str]) -> list[Token]:
        """"The defector, a former officer of X *who surrendered to Congolese forces*":
        a joining verb in a relative clause on the defector noun or its apposition ("who"
        clauses the parser hung on a noun inside the apposition count too)."""
        if is_verb(head):
            return []
        verbs = [v for v in head.children if v.dep_ == "relcl"]
        verbs += [v for a in head.children if a.dep_ == "appos" for v in a.subtree
                  if v.dep_ == "relcl" and (v.head.i == a.i or any(
                      c.dep_ == "nsubj" and c.lower_ == "who" for c in v.children))]
        return [v for v in verbs if is_verb(v) and v.lemma_.lower() in joins]

    def _unnamed_or_private_side(self, spec: dict[str, Any], args: Args, head: Token,
                                 mentions: dict[int, Span]) -> bool:
        """Switches that are no defection between political sides: going over *to a
        Swiss bank* (a non-political destination), or quitting *the Congress party*
        and joining another (the side left is named but has no actor id)."""
        ends = [t for p in spec.get("target_preps", []) for t in args.preps.get(p, [])]
        if any(t.lemma_.lower() in self._nonpolitical or t.lower_ in self._nonpolitical
               for t in ends) and not self._actors(ends, "patient", mentions):
            return True
        if head.lemma_.lower() not in spec.get("leaving_verbs", []) or not is_verb(head):
            return False
        sides = [p for p in args.patients if p.dep_ == "dobj"]
        named = [t for s in sides for t in [s, *s.children] if t.pos_ == "PROPN"
                 and t.dep_ in ("dobj", "compound", "poss", "amod", "nmod")]
        return bool(named) and not self._actors(sides, "patient", mentions)

    def _described_defector(self, spec: dict[str, Any], args: Args, head: Token,
                            mentions: dict[int, Span]) -> list[Mention]:
        """A defector told by a description: "*the diplomat*, who served at North
        Korea's embassy in Kuwait, defected", "*The defector*, a former officer in Iran's
        Revolutionary Guards, …", or "North Korea's deputy ambassador in London has
        disappeared. *The diplomat* defected …" (the nearest earlier official)."""
        roles = set(self.settings.get("role_verbs", []))
        nouns = set(spec.get("defector_nouns", []))
        people = [t for t in args.agents if t.pos_ == "NOUN"] if is_verb(head) else [head]
        for tok in people:
            held = [o for c in tok.children if c.dep_ in ("relcl", "acl")
                    and c.lemma_.lower() in roles for p in c.children
                    if p.dep_ == "prep" and p.lower_ in ("as", "at", "in", "with", "for")
                    for o in p.children if o.dep_ == "pobj"]
            held += [c for c in tok.children if c.dep_ == "appos"]
            found = self._actors(held, "victim", mentions)
            if found:
                return found
            if tok.tag_ == "NN" and tok.lemma_.lower() in nouns and \
                    any(c.lower_ == "the" for c in tok.children):
                lower = tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 \
                    else tok.sent.start
                ante = self._nearest_mention(tok, lower, mentions, frozenset(),
                                             persons_only=True)
                if ante is not None:
                    return [ante]
        return []

    def _absorbed_group(self, args: Args, sources: list[Mention],
                        mentions: dict[int, Span]) -> list[Mention]:
        """"eleven former *Wagner* mercenaries *serving in a Russian* defence ministry
        corps crossed …": fighters of a group now serving in a state's forces leave
        that state, not the group they came from."""
        if not sources or any(m.actor.get("kind") != "group" for m in sources):
            return []
        roles = set(self.settings.get("role_verbs", []))
        units = [o for tok in args.agents for c in tok.children
                 if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in roles
                 for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "with")
                 for o in p.children if o.dep_ == "pobj"]
        return [m for m in self._actors(units, "victim", mentions)
                if m.actor.get("kind") == "state"]

    def _serving_as(self, head: Token) -> list[Token]:
        """"defected in 2016 *while serving as North Korea's deputy ambassador*": the
        office a person held names the side they belonged to."""
        roles = set(self.settings.get("role_verbs", []))
        gov = head if is_verb(head) else governing_verb(head)
        if gov is None:
            return []
        return [o for c in gov.children if c.dep_ == "advcl" and c.lemma_.lower() in roles
                for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
                for o in p.children if o.dep_ == "pobj"]

    @staticmethod
    def _governor_behalf(head: Token, args: Args) -> list[Token]:
        """"charged two men with *espionage on behalf of* Russia's military intelligence"
        with the behalf phrase on the verb: it names who a nominal act was for."""
        gov = None if is_verb(head) else governing_verb(head)
        found = [] if gov is None else nested_behalf([gov], args.behalf_nouns)
        return found or charge_behalf(head, args.behalf_nouns)

    @staticmethod
    def _destinations(head: Token, spec: dict[str, Any]) -> list[list[Token]]:
        """Where a defector went, from a coordinated or enclosing motion verb, nearest
        verb first: "crossed into Jordan and announced his defection", "defected and fled
        to Seoul", "landed at a *Ukrainian* airfield, switching sides", "flew into
        *Ethiopian* airspace and landed …, where he asked for asylum"."""
        gov = head if is_verb(head) else governing_verb(head)
        if gov is None:
            return []
        verbs = {gov, *[c for c in gov.children if c.dep_ == "conj"]}
        if gov.dep_ == "conj":
            verbs.add(gov.head)
        verbs |= {a for a in gov.ancestors if is_verb(a)}
        verbs |= {c for a in list(verbs) for c in a.children if c.dep_ == "conj" and is_verb(c)}
        # "the pilot *who flew his plane to Uzbekistan* was granted asylum there"
        verbs |= {r for s in gov.children if s.dep_ in ("nsubj", "nsubjpass")
                  for r in s.children if r.dep_ == "relcl" and is_verb(r)}
        # "defected … and *is believed to have been flown to* the United States"
        verbs |= {x for a in list(verbs) if a.i != gov.i for x in a.children
                  if x.dep_ == "xcomp" and is_verb(x)}
        motion = spec.get("motion_verbs", {})
        return [[o for p in v.children if p.dep_ == "prep" and p.lower_ in
                 motion[v.lemma_.lower()] for o in p.children if o.dep_ == "pobj"]
                for v in sorted(verbs, key=lambda v: (abs(v.i - gov.i), v.i))
                if v.lemma_.lower() in motion]

    def _denial_roles(self, spec: dict[str, Any], args: Args, head: Token,
                      mentions: dict[int, Span]) -> tuple[list[Mention], list[Mention]]:
        """Denier and accuser. "Hamas denied Egypt's claims"; "Ankara described the
        accusation by Cairo as absurd"; "the charges were baseless, Beijing said"."""
        allegations = set(spec.get("requires_object", []))
        if head.lemma_.lower() in self._discord and head.pos_ == "NOUN":
            # "there is no rift *between Cairo* and the movement, a Hamas official said":
            # the speaker denies; the sides named with the rift are no roles
            return self._actors(args.attribution, "agent", mentions), []
        if head.lemma_.lower() in self._predicates or head.lower_ in self._predicates:
            gov = predicate_governor(head, allegations)
            if gov is None:
                return [], []
            near = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "oprd")]
            near += [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                     and gov.i != head.i]
            if head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN"):
                near.append(head.head)
            claims = [c for c in near if c.lemma_.lower() in allegations or c.lower_ in
                      allegations]
            speakers = [c for c in near if c.dep_ == "nsubj" and c not in claims]
            sources = self._actors(speakers, "agent", mentions) or \
                self._actors(args.attribution, "agent", mentions) or \
                (self._coordinated_speakers(gov, mentions) if claims else [])
        elif head.lemma_.lower() in self._own_denial_heads | self._disowning | self._refuted:
            # the speaker of "it had no links to …" is the side denying
            claims = []
            sources = self._actors(args.attribution, "agent", mentions) or \
                self._first_agents(args, mentions)
        elif head.lemma_.lower() in self._innocence:
            # "Russia has never spied on India": the side named, else the speaker
            claims = []
            named = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            sources = self._actors(named, "agent", mentions) or \
                self._actors(args.attribution, "agent", mentions)
        else:
            claims = [p for p in args.patients if p.lemma_.lower() in allegations
                      or p.lower_ in allegations]
            if head.dep_ == "relcl" and (head.head.lemma_.lower() in allegations or
                                         head.head.lower_ in allegations):
                claims.append(head.head)
            if claims and any(c.dep_ == "nsubj" for c in head.children):
                # "dismissed the accusation *by Baku*": the phrase hangs on the active verb
                claims += [c for c in head.children if c.dep_ == "prep"
                           and c.lower_ in ("by", "from")]
            sources = self._first_agents(args, mentions)
            clause = head if is_verb(head) else governing_verb(head)
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] \
                if clause is not None else []
            if (not sources and clause is not None and not subjects) or any(
                    c.lower_ in FIRST_PERSON for c in subjects):
                # "'There is no truth to these claims,' the embassy said", "'*We* had
                # nothing to do with it,' a Hamas spokesman said": the speaker denies
                sources = self._actors(args.attribution, "agent", mentions) or sources
        gov = head if is_verb(head) else governing_verb(head)
        if gov is not None:
            pred = denial_predicate(gov, self._predicates)
            claims += [pred] if pred is not None else []
            rejecting = [c for c in gov.subtree if c.dep_ in ("advcl", "conj")
                         and c.i != head.i and c.lemma_.lower() in self._negators]
            claims += [o for c in rejecting for o in c.children
                       if o.dep_ == "dobj" or (o.dep_ == "prep" and o.lower_ == "by")]
        heads = _claimants(claims)
        accusers = self._actors(heads, "agent", mentions)
        if not accusers and gov is not None:
            accusers = self._actors(self._prompting_speakers(gov), "agent", mentions,
                                    frozenset(m.actor["id"] for m in sources))
        if not accusers:
            around = [t for t in head.sent if t.lemma_.lower() in self._claim_nouns
                      and t.pos_ == "NOUN" and t not in claims and not _own_statement(t)]
            accusers = self._actors(_claimants(around), "agent", mentions,
                                    frozenset(m.actor["id"] for m in sources))
        if not sources and gov is not None:
            # "Tehran responded … spokesman Esmaeil Baghai rejected …": a speaker the
            # dictionary does not know speaks for the side the text was just about
            taken = frozenset(m.actor["id"] for m in accusers)
            for subj in (c for c in gov.children if c.dep_ == "nsubj"):
                words = [subj, *(c for c in subj.children if c.dep_ in ("compound", "appos"))]
                if any(w.lemma_.lower() in self._speakers or w.lower_ in self._speakers
                       for w in words):
                    answered = self._answered_accusation(subj, mentions)
                    if answered is not None:
                        sources = [answered[0]]
                        accusers = accusers or list(answered[1:])
                        break
                    ante = self._described_speaker(subj, mentions, taken) or \
                        self._antecedent(subj, mentions, taken)
                    sources = [ante] if ante is not None else []
        return self._relative_denial(head, sources, accusers, mentions)

    def _described_speaker(self, subj: Token, mentions: dict[int, Span],
                           exclude: frozenset[str]) -> Mention | None:
        """"Publicly, *the party* denies any rift", "*The movement* rejected the report": a
        bare definite description of a kind (`description_kinds`: party, movement, group)
        as the denier means the nearest earlier actor of that kind, however far back (an
        Iranian embassy named in between is no party)."""
        kind = self._described_kinds.get(subj.lemma_.lower())
        if kind is None or subj.i in mentions or subj.tag_ != "NN" or \
                [c.lower_ for c in subj.children] != ["the"]:
            return None
        for i in range(subj.i - 1, -1, -1):
            ent = mentions.get(i)
            if ent is not None and ent.end - 1 == i and ent._.actor.get("kind") == kind and \
                    self._political_actor(ent._.actor) and ent._.actor["id"] not in exclude \
                    and not self._under_proxy(ent):
                return Mention(ent._.actor, ent, False, "coreference")
        return None

    def _coordinated_speakers(self, gov: Token, mentions: dict[int, Span]) -> list[Mention]:
        """"Peskov said …, and *described* the claims as absurd inventions": a labelling
        verb with no subject of its own, coordinated with an earlier verb, has that verb's
        subject as the side speaking (used only where what is labelled is a claim)."""
        if gov.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in gov.children):
            return []
        return self._actors(clause_subjects(gov, self.settings), "agent", mentions)

    def _answered_accusation(self, tok: Token,
                             mentions: dict[int, Span]) -> tuple[Mention, ...] | None:
        """"Kenya accused Somalia of arming militias … *A spokesman* rejected the
        allegations": a speaker the dictionary does not know, rejecting an accusation made
        in this or the previous sentence, speaks for the accused (then the accuser), not
        for the nearest subject."""
        sent = tok.sent
        lower = tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for i in range(tok.i - 1, lower - 1, -1):
            verb = tok.doc[i]
            if not is_verb(verb) or verb.lemma_.lower() not in self._accusing:
                continue
            passive = any(c.dep_ == "nsubjpass" for c in verb.children)
            accused = self._actors([c for c in verb.children if c.dep_ == (
                "nsubjpass" if passive else "dobj")], "agent", mentions)
            if not accused:
                continue
            makers = [p for c in verb.children if c.dep_ == "agent" for p in c.children
                      if p.dep_ == "pobj"] if passive else clause_subjects(verb, self.settings)
            accuser = self._actors(makers, "agent", mentions,
                                   frozenset({accused[0].actor["id"]}))
            return (Mention(accused[0].actor, accused[0].span, False, "coreference"),
                    *(Mention(m.actor, m.span, False, "accuser") for m in accuser[:1]))
        return None

    def _relative_parties(self, head: Token) -> tuple[Token, list[Token], list[Token]] | None:
        """The accusation a relative-clause denial answers, with its (accusers, accused)
        heads: "Poland accused Belarus of …, which Minsk denies", "…, a charge Moscow
        rejected"."""
        claims = self._claim_nouns | self._denied_nouns
        node = relative_allegation(head, claims, self._allegers, self._reporters)
        if node is None:
            return None
        parties = allegation_parties(node, claims, self._allegers,
                                     self._reporters | self._labelling, self.settings)
        return None if parties is None else (node, *parties)

    def _relative_denial(self, head: Token, sources: list[Mention], accusers: list[Mention],
                         mentions: dict[int, Span]) -> tuple[list[Mention], list[Mention]]:
        """Roles of a denial told in a relative clause after the accusation: the accuser
        is whoever made it, the denier a description or pronoun ("an accusation *the
        group* has always denied") is the accused, not the nearest earlier subject."""
        found = self._relative_parties(head)
        if found is None:
            return sources, accusers
        node, accuser_heads, accused_heads = found
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and accused_heads and subj.i not in mentions and (
                (subj.pos_ == "PRON" and subj.lower_ in self._pronouns) or
                (subj.lemma_.lower() in self._descriptions and
                 any(c.lower_ == "the" for c in subj.children))):
            accused = self._actors(accused_heads, "agent", mentions)
            sources = accused[:1] or sources
        taken = frozenset(m.actor["id"] for m in sources)
        direct = [] if is_verb(node) else self._actors(_claimants([node]), "agent", mentions,
                                                        taken)
        named = direct or self._actors(accuser_heads, "agent", mentions, taken)
        if named or accuser_heads:
            return sources, named
        return sources, accusers

    def _prompting_speakers(self, verb: Token) -> list[Token]:
        """"denied it, hours *after Minsk said* that debris was found", "denied … the
        sabotage, *which Warsaw had blamed* on Moscow": the subject of a reporting or
        accusing clause subordinate to the denial is the accuser."""
        found = [s for c in verb.subtree if c.dep_ in ("advcl", "relcl") and
                 c.lemma_.lower() in self._reporters for s in c.children
                 if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ != "PRON"]
        up = verb.head
        if not found and verb.dep_ == "ccomp" and up.i > verb.i and \
                up.lemma_.lower() in self._reporters and any(
                    c.dep_ == "mark" and c.lower_ in PROMPTING_MARKS for c in up.children):
            # "Ankara denied …, *after* a monitoring group said …", the "after" clause
            # misread as the main one
            found = [s for s in up.children if s.dep_ in ("nsubj", "nsubjpass")
                     and s.pos_ != "PRON"]
        return found

    def _first_agents(self, args: Args, mentions: dict[int, Span], role: str = "agent",
                      exclude: frozenset[str] = frozenset()) -> list[Mention]:
        for tier in args.agent_tiers():
            found = self._actors(tier, role, mentions, exclude)
            if found:
                return found
        return []

    def _actors(self, heads: list[Token], role: str, mentions: dict[int, Span],
                exclude: frozenset[str] = frozenset()) -> list[Mention]:
        """Resolved political actors that argument heads refer to, most direct first,
        other than those in `exclude` (already filling the other role)."""
        out: list[Mention] = []
        seen: set[str] = set()
        for tok in heads:
            if any(c.dep_ == "amod" and c.lower_ in self._unreal for c in tok.children):
                continue  # "the *fictional* Kremlin denies everything": a novel's side
            for m in self._actor_of(tok, role, mentions, exclude):
                if m.actor["id"] not in seen and m.actor["id"] not in exclude and \
                        self._political_actor(m.actor):
                    seen.add(m.actor["id"])
                    out.append(m)
        return out

    def _political_actor(self, actor: dict[str, Any]) -> bool:
        return bool(actor.get("resolved")) and actor.get("kind") not in self._blocked_kinds

    def _actor_of(self, tok: Token, role: str, mentions: dict[int, Span],
                  exclude: frozenset[str] = frozenset()) -> list[Mention]:
        placed = self._residence(tok, mentions, exclude) if role == "victim" else []
        if placed:
            return placed
        if tok.i in mentions and self._political_actor(mentions[tok.i]._.actor):
            ent = mentions[tok.i]
            found = [Mention(ent._.actor, ent, True)]
            found += [Mention(mentions[c.i]._.actor, mentions[c.i], True)
                      for c in ent.root.children if c.dep_ == "conj" and c.i in mentions]
            owner = self._possessor(ent, mentions, exclude) or [
                Mention(mentions[o.i]._.actor, mentions[o.i], False, "affiliation")
                for p in ent.root.children if p.dep_ == "prep" and p.lower_ == "of"
                and not ent.start <= p.i < ent.end for o in p.children
                if o.dep_ == "pobj" and o.i in mentions
                and mentions[o.i]._.actor["id"] not in exclude
                and self._political_actor(mentions[o.i]._.actor)]
            if owner and ent._.actor.get("via") == "metonym":
                # "*Pakistan's* Foreign Office", "the Ministry of Defence *of Armenia*"
                return owner[:1]
            if ent._.actor["id"] not in exclude or tok.i != ent.root.i:
                return found
            return self._possessor(ent, mentions, exclude) or found
        low = tok.lower_
        if tok.pos_ == "PRON" and low in self._pronouns:
            ante = self._antecedent(tok, mentions, exclude)
            return [ante] if ante else []
        held = self._controller(tok, mentions, exclude) if role == "victim" else []
        if held:
            return held
        named = self._known_as(tok, mentions, exclude)
        if named:
            return named
        lemma = tok.lemma_.lower()
        if role == "patient" and (low in self._nonpolitical or lemma in self._nonpolitical):
            role = "patient-nonpolitical"
        frontier = [(tok, self._is_political(tok), 0)]
        places: list[tuple[Mention, bool, int]] = []
        for _depth in range(5):
            found: list[tuple[Mention, bool, int]] = []
            nxt: list[tuple[Token, bool, int]] = []
            for t, pol, loc in frontier:
                for c in t.children:
                    if t.dep_ == "relcl" and c.dep_ != "agent":
                        continue  # "an officer, who was recruited *by* X", not "who worked for"
                    if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in self._affiliation:
                        # "a student recruited by X", "hackers linked to X" act for X
                        nxt.append((c, pol or t.lemma_.lower() not in self._nonpolitical, loc))
                        continue
                    if c.dep_ == "agent" and t.dep_ in ("acl", "relcl"):
                        nxt.append((c, pol, loc))
                        continue
                    if c.dep_ not in NP_LINKS or (
                            c.dep_ == "prep" and c.lower_ not in NP_PREPS and not is_verb(t)
                            and not (c.lower_ == "with" and t.lemma_.lower() in self._borders)
                            and not (c.lower_ == "to" and t.lemma_.lower() in self._affiliation)
                            and not (c.lower_ == "to" and t.lemma_.lower() in self._attached)
                            and not (role == "victim" and c.lower_ in self._victim_preps)):
                        # but "forces *loyal to* Yemen's government" serve that government
                        continue
                    if c.dep_ == "prep" and c.lower_ in LOCATIVE and not self._is_political(t) \
                            and role != "victim" and t.lemma_.lower() not in self._places:
                        continue  # but "villages *in Afghanistan's* Khost province" lie there
                    if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in self._possessives:
                        ante = self._antecedent(c, mentions, exclude)
                        if ante is not None:
                            found.append((ante, True, loc))
                        continue
                    if c.lower_ in self._proxy or c.lemma_.lower() in self._proxy:
                        continue
                    named = self._named_by_head(c, mentions, exclude) if c.dep_ == "poss" \
                        else None
                    if named is not None:
                        found.append((named, True, loc))
                        continue
                    if c.i in mentions and self._political_actor(mentions[c.i]._.actor) and \
                            t.lemma_.lower() not in self._languages:  # "*Persian*-language"
                        ent = mentions[c.i]
                        found.append((Mention(ent._.actor, ent, False, "affiliation"), pol, loc))
                        found += [(Mention(mentions[g.i]._.actor, mentions[g.i], False,
                                           "affiliation"), pol, loc)
                                  for g in ent.root.children if g.dep_ == "conj"
                                  and g.i in mentions]
                    elif (side := self._described_side(c, mentions, exclude)) is not None:
                        found.append((side, pol, loc))
                    elif c.pos_ != "PRON" and not (role == "agent" and c.dep_ == "pobj"
                                                   and self._nonpolitical_word(c)):
                        # "Zhenhua Auto, backed by *Chinese* venture capital *funds*":
                        # the funds' side is not the subject's
                        nxt.append((c, pol or self._is_political(c),
                                    loc + (c.dep_ == "prep" and c.lower_ in LOCATIVE)))
            if found:
                found = self._group_over_host(found)
                if role == "agent":
                    found = [f for f in found if f[1]]
                elif role == "patient-nonpolitical":
                    found = [f for f in found if f[0].how == "coreference"]
                if places and not _bare_places(found):
                    deeper = [f for f in found if f[2] <= min(p[2] for p in places)]
                    return _least_located(deeper or places)
                if places or not _bare_places(found) or not nxt:
                    return _least_located(places or found)
                places = found
            elif places:
                return _least_located(places)
            frontier = nxt
        if places:
            return _least_located(places)
        if tok.tag_ == "NNS" and tok.lemma_.lower() in self._pair_nouns and any(
                c.lower_ in ("both", "two") for c in tok.children):
            return self._pair_antecedent(tok, mentions)
        named = self._named_by_head(tok, mentions, exclude)
        if named is not None:
            return [named]
        side = self._described_side(tok, mentions, exclude)
        if side is not None:
            return [Mention(side.actor, side.span, False, "coreference")]
        if tok.lemma_.lower() in self._descriptions and tok.tag_ != "NNS" and \
                any(c.lower_ == "the" for c in tok.children) and \
                not any(c.lower_ in self._other_sides or _common_compound(c)
                        for c in tok.children):
            ante = self._antecedent(tok, mentions, exclude)
            return [Mention(ante.actor, ante.span, False, "coreference")] if ante else []
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return self._same_head_antecedent(tok, role, mentions, exclude)
        return []

    def _named_by_head(self, tok: Token, mentions: dict[int, Span],
                       exclude: frozenset[str]) -> Mention | None:
        """"the Polisario Front … *the front's* leadership", "the Kurdistan Workers' Party
        … *the party's* cadres": a definite singular noun that is the last word of an
        earlier actor's name refers back to that actor, however far back."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.i in mentions or \
                not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        for i in range(tok.i - 1, -1, -1):
            ent = mentions.get(i)
            if ent is not None and ent.end - 1 == i and len(ent) > 1 and \
                    ent[-1].lower_ == tok.lower_ and self._political_actor(ent._.actor) and \
                    ent._.actor["id"] not in exclude:
                return Mention(ent._.actor, ent, False, "coreference")
        return None

    def _group_over_host(self, found: list[tuple[Mention, bool, int]]
                         ) -> list[tuple[Mention, bool, int]]:
        """"*Yemen's* *Houthi* movement", "*Iraq's* *Kataib Hezbollah* militia": a group
        named with the state it operates in is the group; the state only places it."""
        hosts = {self._group_country.get(m.actor["id"]) for m, _pol, _loc in found}
        return [f for f in found if f[0].actor["id"] not in hosts] or found

    def _described_side(self, noun: Token, mentions: dict[int, Span],
                        exclude: frozenset[str]) -> Mention | None:
        """"an officer *of the group*", "*the front's* security directorate": a definite
        description that a person or force belongs to means the nearest earlier actor of
        its kind (`description_kinds`: a group for "group"/"movement"/"front"), not merely
        the nearest actor ("Lebanese army intelligence arrested … an officer of *the
        group*" is a Hezbollah officer), also as the subject of a denial ("*the movement*
        rejected the report"). "the *rival* group" names another side."""
        kind = self._described_kinds.get(noun.lemma_.lower())
        denier = noun.dep_ == "nsubj" and noun.head.lemma_.lower() in self._negators and \
            not attribution(noun.head, self.settings)  # "a UN spokesman said the organisation"
        if kind is None or noun.i in mentions or \
                (noun.dep_ not in ("pobj", "poss") and not denier) or \
                noun.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the"
                                             for c in noun.children) or \
                any(c.lower_ in self._other_sides or c.i in mentions or (
                    c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper())
                    for c in noun.children):
            return None  # "the *Zionist* regime", "the *Iraqi* government" name their own
        for i in range(noun.i - 1, -1, -1):
            ent = mentions.get(i)
            if ent is None or ent.end - 1 != i or ent._.actor.get("kind") != kind or \
                    not self._political_actor(ent._.actor) or ent._.actor["id"] in exclude \
                    or self._under_proxy(ent):
                continue
            return Mention(ent._.actor, ent, False, "affiliation")
        return None

    def _known_as(self, tok: Token, mentions: dict[int, Span],
                  exclude: frozenset[str]) -> list[Mention]:
        """"the Islamic State's regional branch, *known as ISIS-Khorasan*": the name a
        phrase is given (`naming_verbs` + "as") is the actor it means, before its owner."""
        names = [o for c in tok.children if c.dep_ == "acl"
                 and c.lemma_.lower() in self._naming for p in c.children
                 if (p.dep_ == "prep" and p.lower_ == "as") or p.dep_ == "oprd"
                 for o in ([p] if p.dep_ == "oprd" else p.children)
                 if o.dep_ in ("pobj", "oprd") and o.i in mentions]
        return [Mention(mentions[o.i]._.actor, mentions[o.i], False, "affiliation")
                for o in names[:1] if self._political_actor(mentions[o.i]._.actor)
                and mentions[o.i]._.actor["id"] not in exclude]

    def _controller(self, tok: Token, mentions: dict[int, Span],
                    exclude: frozenset[str]) -> list[Mention]:
        """"fuel tanks at Yemen's *Houthi-held* port": a place struck is the side that
        holds or runs it (`control_verbs`), not the state it lies in; searched in the
        noun phrase of the victim, nearest first."""
        for t in sorted(tok.subtree, key=lambda t: abs(t.i - tok.i)):
            if t.dep_ != "amod" or t.lemma_.lower() not in self._control_verbs:
                continue
            found = [Mention(mentions[c.i]._.actor, mentions[c.i], False, "affiliation")
                     for c in t.children if c.i in mentions
                     and c.dep_ in ("npadvmod", "compound", "nmod", "amod")
                     and self._political_actor(mentions[c.i]._.actor)
                     and mentions[c.i]._.actor["id"] not in exclude]
            if found:
                return found[:1]
        return []

    def _same_head_antecedent(self, tok: Token, role: str, mentions: dict[int, Span],
                              exclude: frozenset[str]) -> list[Mention]:
        """"A North Korean soldier crossed … *The soldier* was taken into custody": a
        definite noun takes the actor of the nearest earlier noun with the same lemma
        in this or the previous sentence."""
        lower = tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        lemma = tok.lemma_.lower()
        for i in range(tok.i - 1, lower - 1, -1):
            cand = tok.doc[i]
            if cand.pos_ == "NOUN" and cand.lemma_.lower() == lemma and cand.tag_ == tok.tag_ and \
                    not any(c.lower_ == "the" for c in cand.children):
                found = [m for m in self._actor_of(cand, role, mentions, exclude)
                         if m.how != "coreference"]
                return [Mention(m.actor, m.span, False, "coreference") for m in found]
        return []

    def _residence(self, tok: Token, mentions: dict[int, Span],
                   exclude: frozenset[str]) -> list[Mention]:
        """"spied on Iranian dissidents *living in Sweden*": people spied on where they
        live stand for the state they live in, not for their nationality. A clause after
        the last of coordinated nouns is shared by them all, though the parser hangs it on
        the first ("Rwandan dissidents and *Congolese activists* living in Germany")."""
        shared = [c for c in tok.head.children if c.dep_ == "acl" and c.i > tok.i] \
            if tok.dep_ == "conj" else []
        for t in [*tok.subtree, *shared]:
            if t.dep_ != "acl" or t.lemma_.lower() not in self._residents or \
                    self._group_members(t.head, mentions):
                continue
            places = [o for p in t.children if p.dep_ == "prep" and p.lower_ in LOCATIVE
                      for o in p.children if o.dep_ == "pobj" and o.i in mentions]
            found = self._actors(places, "victim", mentions, exclude)
            if found:
                return [Mention(found[0].actor, found[0].span, False, "affiliation")]
        return []

    @staticmethod
    def _group_members(noun: Token, mentions: dict[int, Span]) -> bool:
        """"tracking *Hamas members* living in Turkey": members of a group named on the
        noun are that group wherever they live."""
        return any(c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in mentions
                   and mentions[c.i]._.actor.get("kind") == "group" for c in noun.children)

    def _possessor(self, ent: Span, mentions: dict[int, Span],
                   exclude: frozenset[str]) -> list[Mention]:
        """"switched allegiance to *Russia's* Africa Corps" where Africa Corps resolves to
        the side already in the other role: the possessor names the side meant."""
        return [Mention(mentions[c.i]._.actor, mentions[c.i], False, "affiliation")
                for c in ent.root.children if c.dep_ == "poss" and c.i in mentions
                and not ent.start <= c.i < ent.end
                and mentions[c.i]._.actor["id"] not in exclude
                and self._political_actor(mentions[c.i]._.actor)]

    def _pair_antecedent(self, tok: Token, mentions: dict[int, Span]) -> list[Mention]:
        """"Estonia and Latvia said … and *both governments* expelled …": the nearest
        earlier coordinated pair of actors, within this and the previous sentence."""
        lower = tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        for i in range(tok.i - 1, lower - 1, -1):
            ent = mentions.get(i)
            if ent is None or ent.end - 1 != i or not self._political_actor(ent._.actor):
                continue
            pair = [mentions[c.i] for c in ent.root.children if c.dep_ == "conj"
                    and c.i in mentions and self._political_actor(mentions[c.i]._.actor)]
            if pair:
                return [Mention(e._.actor, e, False, "coreference") for e in [ent, *pair]]
        return self._only_two(tok, lower, mentions)

    def _only_two(self, tok: Token, lower: int, mentions: dict[int, Span]) -> list[Mention]:
        """"India arrested … for Pakistan. … *the two neighbours* exchanged fire": without a
        coordinated pair, exactly two sides named in this and the previous sentence."""
        sides: dict[str, Mention] = {}
        for i in range(lower, tok.i):
            ent = mentions.get(i)
            if ent is not None and ent.end - 1 == i and self._political_actor(ent._.actor) \
                    and not self._under_proxy(ent) and not self._modifies_nonpolitical(ent):
                sides.setdefault(ent._.actor["id"], Mention(ent._.actor, ent, False,
                                                            "coreference"))
        return list(sides.values()) if len(sides) == 2 else []

    def _is_political(self, tok: Token) -> bool:
        """A noun that makes its actor modifier a political actor ("*Egyptian*
        officials", "Russian foreign ministry *spokeswoman* Maria Zakharova")."""
        return tok.lower_ in self._political or tok.lemma_.lower() in self._political

    def _under_proxy(self, ent: Span) -> bool:
        """"*Gaza*-based", "*Iranian*-backed": the actor is not the one meant."""
        head = ent.root.head
        return head.i != ent.root.i and (head.lower_ in self._proxy or
                                         head.lemma_.lower() in self._proxy)

    def _antecedent(self, tok: Token, mentions: dict[int, Span],
                    exclude: frozenset[str] = frozenset()) -> Mention | None:
        """Coreference-lite: the nearest earlier resolved subject, else earlier mention,
        within the current and the previous sentence; "he"/"she" refer to a person or an
        official ("Egypt's prime minister … He") first, else to a subject, not to a
        modifier of something else ("the Berlin marathon … He"). A pronoun already being
        resolved further up has no antecedent of its own ("the man, whose … his"), which
        keeps the search finite."""
        if tok.i in self._resolving:
            return None
        self._resolving.add(tok.i)
        try:
            return self._find_antecedent(tok, mentions, exclude)
        finally:
            self._resolving.discard(tok.i)

    def _find_antecedent(self, tok: Token, mentions: dict[int, Span],
                         exclude: frozenset[str]) -> Mention | None:
        sent = tok.sent
        lower = sent.start
        if sent.start > 0:
            lower = tok.doc[sent.start - 1].sent.start
        if tok.lower_ in PLURAL:
            for i in range(tok.i - 1, lower - 1, -1):
                cand = tok.doc[i]
                if self._accused_plural(cand, mentions) and \
                        not self._actor_of(cand, "agent", mentions):
                    return None
                if cand.tag_ in ("NNS", "NNPS") and cand.i not in mentions and \
                        cand.lemma_.lower() in self._political:
                    found = [m for m in self._actor_of(cand, "agent", mentions)
                             if m.actor["id"] not in exclude]
                    if found:
                        return Mention(found[0].actor, found[0].span, False, "coreference")
        if tok.lower_ in PERSONAL:
            person = self._nearest_mention(tok, lower, mentions, exclude, persons_only=True)
            if person is not None:
                return person
        return self._nearest_mention(tok, lower, mentions, exclude,
                                     subjects_as_persons=tok.lower_ in PERSONAL)

    def _nearest_mention(self, tok: Token, lower: int, mentions: dict[int, Span],
                         exclude: frozenset[str], persons_only: bool = False,
                         subjects_as_persons: bool = False) -> Mention | None:
        """The nearest earlier subject mention, else the nearest mention. With
        `persons_only`, only a person or an official ("a *Belarusian* diplomat") counts:
        "he" after "Lithuania expelled a Belarusian diplomat" is the diplomat; with
        `subjects_as_persons` a subject counts as well ("Iran lost a player after she …")."""
        fallback = None
        for i in range(tok.i - 1, lower - 1, -1):
            if tok.lower_ == "it" and self._nonpolitical_subject(tok.doc[i], mentions):
                return None
            ent = mentions.get(i)
            if ent is None and tok.lower_ in PERSONAL | NEUTER and not (
                    tok.lower_ in PERSONAL and self._institution(tok.doc[i])):
                subject = self._subject_actor(
                    tok.doc[i], mentions, exclude,
                    objects=tok.lower_ in PERSONAL and i >= tok.sent.start)
                if subject is not None:
                    return subject
            if ent is None or not self._political_actor(ent._.actor) or ent.end - 1 != i \
                    or ent._.actor["id"] in exclude or self._under_proxy(ent) \
                    or self._modifies_nonpolitical(ent) or (
                        tok.lower_ in PERSONAL | NEUTER and _modifies_plural(ent)) or (
                        tok.lower_ in NEUTER and self._nationality_of_private(ent)):
                continue
            subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            if (persons_only or subjects_as_persons) and not (
                    ent.label_ == "PERSON" or ent._.actor.get("person")
                    or (subjects_as_persons and subject)
                    or (ent.root.head.i != ent.root.i and self._is_political(ent.root.head)
                        and ent.root.head.tag_ not in ("NNS", "NNPS"))):
                continue  # "he" is one person: not "Kyrgyz security *services*"
            if ent.root.dep_ in ("nsubj", "nsubjpass") or ent.root.head.dep_ in ("nsubj",
                                                                                  "nsubjpass"):
                return self._owner_of_metonym(ent, mentions, exclude)
            fallback = fallback or self._owner_of_metonym(ent, mentions, exclude)
        return fallback

    def _nationality_of_private(self, ent: Span) -> bool:
        """"the *Russian* ornithologist who found it denied that *it* was a hoax": a
        nationality adjective on a noun with no political head is no antecedent of "it"."""
        root = ent.root
        return root.dep_ == "amod" and root.head.i != root.i and \
            root.head.pos_ == "NOUN" and not self._is_political(root.head)

    def _nonpolitical_word(self, tok: Token) -> bool:
        """A non-political head noun, also hyphenated ("start-up")."""
        words = {tok.lower_, tok.lemma_.lower()}
        if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
            words.add(f"{tok.doc[tok.i - 2].lower_}-{tok.lower_}")
        return bool(words & self._nonpolitical)

    def _nonpolitical_subject(self, cand: Token, mentions: dict[int, Span]) -> bool:
        """"*The start-up* counts lenders in Luxembourg among its clients. *It* denied a
        report": a nearer main-clause subject with a non-political head (a company, a
        team) is what "it" means, not an actor named after it; a subject inside a reported
        clause ("said *the cell* had gathered …") is not the topic."""
        return cand.dep_ in ("nsubj", "nsubjpass") and cand.head.dep_ == "ROOT" and \
            cand.i not in mentions and \
            cand.pos_ in ("NOUN", "PROPN") and self._nonpolitical_word(cand)

    def _owner_of_metonym(self, ent: Span, mentions: dict[int, Span],
                          exclude: frozenset[str]) -> Mention:
        """An antecedent like "the *Palestinian Authority's* General Intelligence Service"
        (a metonym that also names another state's body) means its possessor, as the
        mention itself does."""
        owner = self._possessor(ent, mentions, exclude) \
            if ent._.actor.get("via") == "metonym" else []
        if owner:
            return Mention(owner[0].actor, owner[0].span, False, "coreference")
        return Mention(ent._.actor, ent, False, "coreference")

    def _institution(self, noun: Token) -> bool:
        """A body, not a person ("its security *service* concluded that he …"): "he" and
        "she" never refer to it."""
        return noun.lemma_.lower() in self._institutions or noun.lower_ in self._institutions

    def _accused_plural(self, cand: Token, mentions: dict[int, Span]) -> bool:
        """"charged *two men* with espionage …, alleging *they* photographed": the people
        an allegation is about are what "they" refers to; without a side of their own,
        "they" has no antecedent (not the prosecutors before them)."""
        return cand.tag_ == "NNS" and cand.i not in mentions and \
            cand.dep_ in ("dobj", "nsubjpass") and cand.head.lemma_.lower() in self._allegers

    def _modifies_nonpolitical(self, ent: Span) -> bool:
        """"the *Finnish* studio … it rejected claims": a nationality modifying a
        non-political head is no antecedent; the pronoun means the studio."""
        root = ent.root
        return root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i != root.i \
            and (root.head.lower_ in self._nonpolitical or
                 root.head.lemma_.lower() in self._nonpolitical)

    def _subject_actor(self, cand: Token, mentions: dict[int, Span],
                       exclude: frozenset[str], objects: bool = False) -> Mention | None:
        """"A crew member of a Chinese coast guard vessel … swam to the island, where
        *he* defected": a singular subject noun with a political head ("member",
        "officer") whose noun phrase names an actor is the antecedent of "he"/"she". With
        `objects` (same sentence) an object counts too: "ordered *a staff member of the
        Indian mission* to leave, accusing *him* of espionage"."""
        roles = ("nsubj", "nsubjpass", "dobj") if objects else ("nsubj", "nsubjpass")
        if cand.dep_ not in roles or cand.pos_ != "NOUN" or \
                cand.tag_ != "NN" or not self._is_political(cand):
            return None
        found = [m for m in self._actor_of(cand, "agent", mentions, exclude)
                 if m.actor["id"] not in exclude]
        return Mention(found[0].actor, found[0].span, False, "coreference") if found else None

    def _nearest_other(self, head: Token, sources: list[Mention],
                       mentions: dict[int, Span]) -> list[Mention]:
        """Last resort: the subject of an enclosing clause (who arrested, reported or
        discovered it), else the closest other political actor in the sentence that does
        not only modify a non-political noun."""
        src_ids = frozenset(s.actor["id"] for s in sources)
        sent = head.sent
        for verb in (a for a in head.ancestors if is_verb(a)):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.i != head.i and head not in c.subtree]
            main = self._actors(subjects, "victim", mentions, src_ids)
            if main:
                return [Mention(m.actor, m.span, False, "inferred") for m in main[:3]]
        best: tuple[int, int, Span] | None = None
        for ent in {id(e): e for i, e in mentions.items() if sent.start <= i < sent.end}.values():
            if ent._.actor["id"] in src_ids or not self._political_actor(ent._.actor) or \
                    self._under_proxy(ent) or self._modifies_nonpolitical(ent):
                continue  # "equipment from *Israeli* manufacturers" names no side
            key = (abs(ent.root.i - head.i), ent.start, ent)
            if best is None or key[:2] < best[:2]:
                best = key
        return [Mention(best[2]._.actor, best[2], False, "inferred")] if best else []

    def _is_historical(self, head: Token, article: Article) -> bool:
        """Background placed years before the article: a pattern, or only old years
        (not counting "since 2021", which is about now, nor a year in a relative clause
        about a participant: "an officer, who resigned in 2021, admitted …")."""
        sentence = head.sent.text
        if any(p.search(sentence) for p in self._historical):
            return True
        ongoing = set(self.settings.get("ongoing_year_words", []))
        aside = self._asides(head)
        years = [int(t.text) for t in head.sent if t.i not in aside and _YEAR.fullmatch(t.text)
                 and not (t.i > 0 and t.nbor(-1).lower_ in ongoing)]
        back = int(self.settings.get("historical_years_back", 2))
        now = article.published_at.year
        return bool(years) and all(y <= now - back for y in years)

    # ---------------------------------------------------------------- article-level linking

    def _finish(self, drafts: list[Draft], article: Article,
                mentions: dict[int, Span]) -> list[dict[str, Any]]:
        """Denials get their target (the accuser) and what they deny; then ids. An event
        without target is dropped where the article gives the same act with one."""
        events: dict[str, dict[str, Any]] = {}
        finals: list[tuple[Draft, dict[str, Any]]] = []
        self._espionage_roles(drafts, mentions)
        drafts = _guessed_beside_named(drafts)
        drafts = self._recruits_beside_task(drafts)
        drafts = [d for d in drafts if d.etype not in self._person_targetless
                  or d.target is None or not self._person_nationality(d.target)]
        self._defection_sides(drafts)
        linked = [d for d in self._article_targets(drafts, mentions)
                  if not self._unanswered_disowning(d, drafts)]
        for d in linked:
            if d.etype == "denial":
                self._link_denial(d, drafts, mentions)
        for d in linked:
            if d.target is None and d.etype in self._counterpart_types | self._counterpart_only:
                d.target = self._counterpart(d, linked, mentions)
        linked = [d for d in linked
                  if d.target is not None or d.etype not in self._counterpart_only]
        for d in linked:
            ev = self._event(d, article)
            if ev["event_id"] not in events:
                events[ev["event_id"]] = ev
                finals.append((d, ev))
        targeted = {(e["type"], e["source"]["id"]) for _, e in finals if e["target"] is not None}
        finals = [(d, e) for d, e in finals if e["target"] is not None or
                  (e["type"], e["source"]["id"]) not in targeted]
        for d, ev in finals:
            if d.etype == "denial":
                ev["denies"] = _denied_links(d, finals)
        return sorted((e for _, e in finals), key=lambda e: (e["sentence_index"], e["event_id"]))

    def _espionage_roles(self, drafts: list[Draft], mentions: dict[int, Span]) -> None:
        """Espionage roles come from who the information is for, never from the spy's
        nationality. The side spied for (sponsor) is the beneficiary of an act ("for X",
        "to X's handler") or an intelligence body met outside a subject ("recruited by
        Iranian intelligence", "an officer of China's Ministry of State Security"). An act
        whose source is only the nationality of a person (`spy_person_nouns`: "an
        Estonian citizen … he photographed", "a U.S. Army sergeant handed …") gets the
        sponsor as source and that nationality as victim. The victim of a sponsored act
        told only by the spy's nationality ("a Ukrainian national … transmitting footage
        to Russian intelligence") is rather the side that arrested or charged the spy;
        an arrest of that nationality counts only in the act's sentence or the next or
        previous one (a later, unrelated arrest says nothing of the act's victim)."""
        spies = [d for d in drafts if d.etype == "espionage"]
        if not spies:
            return
        sponsors = [d.source for d in spies if d.source.cue == "sponsor"
                    and d.source.how != "coreference"]
        sponsors += self._intelligence_mentions(mentions)
        ids = {m.actor["id"] for m in sponsors}
        for d in spies:
            if d.source.actor["id"] in ids or not (
                    (d.source.how == "coreference" and not self._state_agent(d.source))
                    or self._person_nationality(d.source)):
                continue
            tgt = d.target.actor["id"] if d.target is not None else None
            choice = [m for m in sponsors if m.actor["id"] == tgt] or \
                ([sponsors[0]] if len(ids) == 1 else [])
            if not choice:
                continue
            spy_side = d.source
            d.source = Mention(choice[0].actor, choice[0].span, False, "inferred", "sponsor")
            if d.target is None or tgt == d.source.actor["id"] or d.target.how == "inferred":
                d.target = Mention(spy_side.actor, spy_side.span, False, "affiliation")
        for d in spies:
            arrested = {od.target.actor["id"] for od in drafts
                        if od.etype in self._arresting_types and od.target is not None
                        and abs(od.sent_index - d.sent_index) <= 1}
            if d.source.cue != "sponsor" or d.target is None or (
                    d.target.cue != "agent" and d.target.actor["id"] not in arrested):
                continue
            nationality = d.target.actor["id"]
            for od in drafts:
                if od.etype in self._arresting_types and od.target is not None and \
                        od.target.actor["id"] == nationality and \
                        od.source.actor["id"] not in (nationality, d.source.actor["id"]):
                    d.target = Mention(od.source.actor, od.source.span, False, "inferred")
                    break
            else:
                charged = [m for m in d.accusers
                           if m.actor["id"] not in (nationality, d.source.actor["id"])]
                if charged:
                    d.target = Mention(charged[0].actor, charged[0].span, False, "inferred")

    def _recruits_beside_task(self, drafts: list[Draft]) -> list[Draft]:
        """"Iranian intelligence *recruited* members of a Danish gang *to carry out
        surveillance of* the Israeli embassy": the side spied on is the one the task names,
        not the recruits' country. A recruiting act (`recruiting_verbs`) yields to an act of
        the same sponsor in its own clause whose victim the text names."""
        verbs = set(self.taxonomy["types"]["espionage"].get("recruiting_verbs", []))
        named = [d for d in drafts if d.etype == "espionage" and d.target is not None
                 and d.target.how != "inferred"]
        return [d for d in drafts if not (
            d.etype == "espionage" and d.trigger.lemma_.lower() in verbs and any(
                o is not d and o.sent_index == d.sent_index
                and o.source.actor["id"] == d.source.actor["id"]
                and o.trigger in d.trigger.subtree and o.trigger.i != d.trigger.i
                and (d.target is None or o.target.actor["id"] != d.target.actor["id"])
                for o in named if o.target is not None))]

    @staticmethod
    def _defection_sides(drafts: list[Draft]) -> None:
        """A defection's side joined is never the side left in the same article: a
        defection whose source is the side another one joins ("they asked for asylum"
        read as the Lithuanians after "a Belarusian crew … landed near the Lithuanian
        town") is that defection, told again."""
        moves = [d for d in drafts if d.etype == "defection"]
        joined = {d.target.actor["id"]: d.target for d in moves if d.target is not None}
        left = {d.source.actor["id"]: d.source for d in moves
                if d.source.actor["id"] not in joined}
        if len(left) != 1:
            return
        side = next(iter(left.values()))
        for d in moves:
            src = d.source.actor["id"]
            if src in joined and (d.target is None or d.target.actor["id"] in left):
                d.target = joined[src]
                d.source = side

    def _state_agent(self, m: Mention) -> bool:
        """The mention names whom a state's own agent serves ("a *Belarusian* diplomat")."""
        if m.span is None:
            return False
        tok = m.span.root
        while tok.dep_ in ("amod", "compound", "poss", "nmod") and tok.head.i != tok.i:
            tok = tok.head
        return tok.lemma_.lower() in self._state_agents or tok.lower_ in self._state_agents

    def _person_nationality(self, m: Mention) -> bool:
        """The mention only gives the nationality of a person ("an *Estonian* citizen",
        "a *U.S.* Army sergeant", "a resident *of* Haifa")."""
        if m.span is None or m.span.label_ == "PERSON" or m.actor.get("person"):
            return False
        tok = m.span.root
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            tok = tok.head.head  # "a resident *of Haifa*"
        while tok.dep_ in ("amod", "compound", "poss", "nmod") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE and tok.i == m.span.root.i:
            return True  # "a second secretary at the embassy *in Warsaw*": only where
        return tok.lemma_.lower() in self._spy_persons or tok.lower_ in self._spy_persons

    def _intelligence_mentions(self, mentions: dict[int, Span]) -> list[Mention]:
        """Intelligence bodies outside subjects: "recruited by *Iranian intelligence*",
        "a handler from *Russia's* GRU" (not "*Estonia's* security service said")."""
        out = []
        for ent in sorted({id(e): e for e in mentions.values()}.values(), key=lambda e: e.start):
            actor = ent._.actor
            if not self._political_actor(actor):
                continue
            tok = ent.root
            while tok.dep_ in ("amod", "compound", "poss", "nmod", "appos") and \
                    tok.head.i != tok.i:
                tok = tok.head
            intelligence = actor.get("role") == "intelligence" or \
                tok.lemma_.lower() in self._sponsor_nouns
            if not intelligence or tok.dep_ in ("nsubj", "nsubjpass") or \
                    (any(a.dep_ in ("nsubj", "nsubjpass") for a in tok.ancestors
                        if not is_verb(a)) and not any(
                        a.dep_ in ("prep", "agent") for a in tok.ancestors)):
                continue
            if tok.dep_ == "pobj" or any(a.dep_ in ("prep", "agent", "pobj") for a in
                                         [tok, *tok.ancestors][:4]):
                out.append(Mention(actor, ent, False, "affiliation", "sponsor"))
        return out

    def _counterpart(self, d: Draft, drafts: list[Draft],
                     mentions: dict[int, Span]) -> Mention | None:
        """Missing target of a dyadic act: the article's dominant counterpart of the
        source. First the other side of the article's events between the source and one
        other actor (its hostile acts when it has any: aid or talks do not make a side of
        the conflict; for a denial only acts that put the denier in the wrong: hostile acts
        against it, or its `denied_acts` against a victim), when that side is unique; else the
        political actor the article names most often besides the source, when it is named
        at least `counterpart_min_mentions` times and more often than any other."""
        src = d.source.actor["id"]
        sides: dict[str, Mention] = {}
        hostile: dict[str, Mention] = {}
        for od in drafts:
            if od is d or od.target is None or (od.etype == d.etype and d.etype != "denial"):
                continue
            o_src, o_tgt = od.source.actor["id"], od.target.actor["id"]
            if o_src == o_tgt:
                continue
            if d.etype == "denial" and not (
                    (o_tgt == src and self._hostile(od)) or
                    (o_src == src and od.etype in self._denied_acts)):
                continue
            for side in ([od.target] if o_src == src else [od.source] if o_tgt == src else []):
                sides.setdefault(side.actor["id"], side)
                if self._hostile(od):
                    hostile.setdefault(side.actor["id"], side)
        if hostile:
            sides = hostile
        if len(sides) == 1:
            m = next(iter(sides.values()))
            return Mention(m.actor, m.span, False, "inferred")
        if sides or d.etype not in self._counterpart_by_mentions:
            return None
        tally: dict[str, list[Span]] = {}
        for ent in sorted({id(e): e for e in mentions.values()}.values(), key=lambda e: e.start):
            actor = ent._.actor
            if actor["id"] != src and self._political_actor(actor) and \
                    not self._under_proxy(ent) and not self._modifies_nonpolitical(ent):
                tally.setdefault(actor["id"], []).append(ent)
        ranked = sorted(tally.values(), key=lambda v: -len(v))
        least = int(self.settings.get("counterpart_min_mentions", 2))
        if not ranked or len(ranked[0]) < least or \
                (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
            return None
        return Mention(ranked[0][0]._.actor, ranked[0][0], False, "inferred")

    def _article_targets(self, drafts: list[Draft], mentions: dict[int, Span]) -> list[Draft]:
        """Acts that always have a victim (`target_from_article`) but name none in their
        sentence ("was convicted of passing information to Russia's GRU") take it from
        the article. A spy's own side is no source where the article already has the
        act against that side ("a German national … gathering information" after
        "spying for China" against Germany)."""
        out = []
        with_target = {(d.etype, d.source.actor["id"]) for d in drafts if d.target is not None}
        for d in drafts:
            src = d.source.actor["id"]
            if d.target is None and self.taxonomy["types"][d.etype].get("target_from_article") \
                    and (d.etype, src) not in with_target:
                if any(od.etype == d.etype and od.target is not None and
                       od.target.actor["id"] == src for od in drafts):
                    continue
                d.target = self._article_victim(d, drafts, mentions)
            out.append(d)
        return out

    def _article_victim(self, d: Draft, drafts: list[Draft],
                        mentions: dict[int, Span]) -> Mention | None:
        """The side that acted against the source nearest to the act (arrested its
        nationals, expelled its diplomats), else the other political actor the article
        names most often (earliest on a tie). A side the same act is also done for
        ("spying for Somalia and for Kenyan and US intelligence") is never its victim."""
        src = d.source.actor["id"]
        partners = _co_sources(d, drafts)
        for od in sorted(drafts, key=lambda od: (abs(od.sent_index - d.sent_index),
                                                 od.sent_index, od.trigger.i)):
            if od.etype != "denial" and od.target is not None and \
                    od.target.actor["id"] == src and od.source.actor["id"] not in partners and \
                    self._hostile(od):
                return Mention(od.source.actor, od.source.span, False, "inferred")
        tally: dict[str, tuple[int, int, Span]] = {}
        for ent in sorted({id(e): e for e in mentions.values()}.values(), key=lambda e: e.start):
            actor = ent._.actor
            if actor["id"] in partners or not self._political_actor(actor) or \
                    self._under_proxy(ent) or self._modifies_nonpolitical(ent):
                continue
            n, first, span = tally.get(actor["id"], (0, ent.start, ent))
            tally[actor["id"]] = (n + 1, first, span)
        if not tally:
            return None
        _n, _first, span = min(tally.values(), key=lambda v: (-v[0], v[1]))
        return Mention(span._.actor, span, False, "inferred")

    def _link_denial(self, d: Draft, drafts: list[Draft], mentions: dict[int, Span]) -> None:
        """Target of a denial without a named accuser: the accuser of the nearest
        accusation against the denier in the article, else the author of the same claim
        noun named earlier ("a report by the UN … rejected the report"), else whoever the
        denied act was reported by, else its victim (who complains) unless a firm or
        researchers made the claim ("according to a report by a security firm"), else
        whoever acted against the denier (arrested its nationals, expelled its diplomats)."""
        if d.target is not None and d.target.how != "inferred":
            return
        if self._discord_denial(d.trigger):
            d.target = None
            return
        relative = self._relative_parties(d.trigger)
        if relative is not None and relative[1]:
            return  # "…, a claim officials dismissed": its maker (a TV host) has no id
        if self._unlisted_claimant(d, mentions):
            return
        denier = d.source.actor["id"]
        nearest = sorted((od for od in drafts if od is not d and od.etype != "denial"),
                         key=lambda od: (abs(od.sent_index - d.sent_index), -od.sent_index))
        for od in nearest:
            if od.etype == "accuse" and od.target and od.target.actor["id"] == denier and \
                    od.source.actor["id"] != denier:
                d.target = Mention(od.source.actor, od.source.span, False, "accuser")
                return
        claimant = self._earlier_claimant(d, mentions) or self._earlier_report(d, mentions)
        if claimant is not None:
            d.target = claimant
            return
        gov = d.trigger if is_verb(d.trigger) else governing_verb(d.trigger)
        speakers = self._prompting_speakers(gov) if gov is not None else []
        if speakers and not self._actors(speakers, "agent", mentions):
            return  # "denied …, after *a monitoring group* said …": an accuser with no id
        for od in nearest:
            if od.source.actor["id"] != denier or od.etype == "accuse":
                continue
            accuser = next((m for m in [*od.accusers, *od.attributed]
                            if m.actor["id"] != denier), None)
            victim = self.taxonomy["types"][od.etype].get("target_is_victim", self._hostile(od))
            # a denied defection answers the side the defector is said to have joined
            victim = victim or (od.etype == "defection" and od.etype in d.denies)
            if accuser is None and od.target is not None and victim and \
                    not od.nonpolitical_source and not od.unnamed_source and (
                    od.etype in d.denies or (od.modality != "asserted" and
                                             od.etype in self._claimable_acts)):
                accuser = od.target
            if accuser is not None:
                d.target = Mention(accuser.actor, accuser.span, False, "accuser")
                return
        d.target = self._acting_against(d, nearest)
        if d.target is None:
            # the article's only accuser ("the Houthis accused the United States … of
            # using UN aid programmes …; a UN spokesperson rejected the allegations")
            accusers = {od.source.actor["id"]: od.source for od in nearest
                        if od.etype == "accuse" and od.source.actor["id"] != denier}
            if len(accusers) == 1:
                m = next(iter(accusers.values()))
                d.target = Mention(m.actor, m.span, False, "accuser")

    def _denied_defection(self, trigger: Token) -> set[str]:
        """"denied that any of its commanders *had surrendered*", "denied that they had
        *fled* for political reasons", "denied that any soldier *wished to defect*": a
        denial whose clause is a defection verb answers the article's defection, even
        where that verb alone makes no defection event (`denied_defection_verbs`); a side
        disowning the person answers the act the article tells of (`disowned_acts`)."""
        verbs = set(self.taxonomy["types"]["denial"].get("verbs", []))
        if trigger.lemma_.lower() in self._disowning and self._disowned_person(trigger) and \
                not any(a.lemma_.lower() in verbs for a in trigger.ancestors):
            # "said the man *was never a member* of …", not "rejected the claim, saying
            # the man had never been a commander" (the claim rejected is what it answers)
            return set(self._disowned_acts)
        clauses = [c for c in trigger.children if c.dep_ == "ccomp" and is_verb(c)]
        clauses += [x for c in clauses for x in c.children if x.dep_ == "xcomp"]
        return {"defection"} if any(c.lemma_.lower() in self._defection_denied
                                    for c in clauses) else set()

    def _discord_denial(self, trigger: Token) -> bool:
        """"denied any rift with Washington", "dismissed reports of divisions", "denied
        there was a crisis": a side denying discord in its own camp answers no accuser,
        so no other side of the article becomes the target (`discord_nouns`)."""
        verb = trigger if is_verb(trigger) else governing_verb(trigger)
        if verb is None:
            return False
        things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        things += [a for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"
                   for a in c.children if a.dep_ in ("attr", "nsubj")]
        things += [o for t in list(things) for p in t.children
                   if p.dep_ == "prep" and p.lower_ in ("of", "about")
                   for o in p.children if o.dep_ == "pobj"]
        return trigger.lemma_.lower() in self._discord or \
            any(t.lemma_.lower() in self._discord for t in things)

    def _unnamed_attribution(self, heads: list[Token], attributed: list[Mention]) -> bool:
        """"…, *according to officials familiar with the case*", "*two sources* told the
        paper": the act is told by someone with no id who is no named institution either
        (an unresolved "the National Intelligence Service told lawmakers" still speaks
        for a state)."""
        return bool(heads) and not attributed and not any(
            h.lemma_.lower() in self._institutions or h.lower_ in self._institutions
            for h in heads)

    def _unlisted_claimant(self, d: Draft, mentions: dict[int, Span]) -> bool:
        """"dismissed *the defector's* account", "dismissed reports *in foreign media*":
        the denied claim names its maker, and that maker is no political actor (a
        person, the press, unnamed sources), so no other side of the article is the
        accuser. A maker read as the denier's own ("the *officer's* account" of a defector
        from the denying state) is no accuser either."""
        gov = d.trigger if is_verb(d.trigger) else governing_verb(d.trigger)
        if gov is None:
            return False
        nouns = [c for c in gov.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")
                 and c.lemma_.lower() in self._reported_claims | self._claim_nouns]
        makers = [c for n in nouns for c in n.children
                  if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
        makers += [x for n in nouns for p in n.children
                   if p.dep_ == "prep" and p.lower_ in ("by", "from", "in")
                   for x in p.children if x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN")
                   and (p.lower_ != "in" or x.lemma_.lower() in self._media)]
        named = makers + [c for m in makers for c in m.children
                          if c.dep_ in ("compound", "amod", "poss", "nmod")]
        return bool(makers) and not self._actors(named, "agent", mentions,
                                                 frozenset({d.source.actor["id"]}))

    def _earlier_claimant(self, d: Draft, mentions: dict[int, Span]) -> Mention | None:
        """"according to a report by the UN monitoring team … Mujahid rejected the
        report": the denied claim noun, met earlier in the article with its author."""
        gov = d.trigger if is_verb(d.trigger) else governing_verb(d.trigger)
        if gov is None:
            return None
        lemmas = {c.lemma_.lower() for c in gov.children if c.dep_ in ("dobj", "nsubjpass")
                  and c.lemma_.lower() in self._claim_nouns}
        exclude = frozenset({d.source.actor["id"]})
        for tok in reversed(d.trigger.doc[:gov.sent.start]):
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in lemmas:
                found = self._actors(_claimants([tok]), "victim", mentions, exclude)
                if found:
                    return Mention(found[0].actor, found[0].span, False, "accuser")
        return None

    def _earlier_report(self, d: Draft, mentions: dict[int, Span]) -> Mention | None:
        """"The ministry announced … The Houthis dismissed *the announcement*": a denied
        claim noun with a definite article and no author of its own is the report of the
        nearest earlier sentence with a political author other than the denier: the
        subject of a claim-making verb ("said", "announced", "reported"), else the outlet
        it appeared on ("appeared *on Eritrean state television*")."""
        gov = d.trigger if is_verb(d.trigger) else governing_verb(d.trigger)
        if gov is None or gov.sent.start == 0:
            return None
        nouns = [c for c in [*gov.children, *_complement_claims(gov)]
                 if c.dep_ in ("dobj", "nsubjpass", "pobj")
                 and c.lemma_.lower() in self._reported_claims and any(
                     g.dep_ == "det" and g.lower_ in DEFINITE for g in c.children)]
        if not nouns or _claimants(nouns):
            return None
        exclude = frozenset({d.source.actor["id"]})
        doc = d.trigger.doc
        sent = doc[gov.sent.start - 1].sent
        for _ in range(4):
            if _denying(sent) and sent.start > 0:
                sent = doc[sent.start - 1].sent  # another side's denial makes no claim
                continue
            heads = [s for t in sent if is_verb(t) and t.lemma_.lower() in self._claim_verbs
                     for s in clause_subjects(t, self.settings) if s.pos_ in ("NOUN", "PROPN")]
            outlets = [t for t in sent if t.lemma_.lower() in self._media
                       and t.dep_ in ("pobj", "nsubj")]
            found = [m for m in self._actors(heads + outlets, "victim", mentions, exclude)
                     if m.how != "coreference"] or [
                m for h in heads for m in self._body_of_named(h, mentions, exclude)]
            if found:
                return Mention(found[0].actor, found[0].span, False, "accuser")
            if sent.start == 0 or any(
                    (h.i in mentions and not self._actors([h], "victim", mentions)) or
                    h.lemma_.lower() in self._nonpolitical for h in heads):
                return None  # the report's author has no id ("a rights group said")
            sent = doc[sent.start - 1].sent
        return None

    def _body_of_named(self, head: Token, mentions: dict[int, Span],
                       exclude: frozenset[str]) -> list[Mention]:
        """"forces loyal to Yemen's government …, *the government's* defence ministry
        announced", "*government*-run Saba news agency reported": a body owned by a bare
        description noun belongs to the actor of the same noun named just before."""
        owners = [t for t in head.subtree if t.i < head.i and t.pos_ == "NOUN"
                  and t.lemma_.lower() in self._descriptions]
        return [m for t in owners[:1] for m in self._same_head_antecedent(t, "victim", mentions,
                                                                           exclude)]

    def _hostile(self, d: Draft) -> bool:
        """Whether an act sets its source against its target (a negative weight): only
        such acts say who the other side of an article's conflict is; aid or talks do not."""
        return float(self.taxonomy["types"][d.etype]["weight"]) < 0

    def _acting_against(self, d: Draft, nearest: list[Draft]) -> Mention | None:
        """The side behind the nearest hostile act against the denier ("Iran arrested a
        French national …; France dismissed the allegations"): it made the claim. Only
        acts by which a side answers a wrong it claims count (`accusing_acts`: arrests,
        expulsions, protests, sanctions …), not a spy's act against the denier."""
        denier = d.source.actor["id"]
        for od in nearest:
            if od.etype in self._accusing_acts and od.target is not None and \
                    od.target.actor["id"] == denier and od.source.actor["id"] != denier:
                return Mention(od.source.actor, od.source.span, False, "accuser")
        return None

    def _event(self, d: Draft, article: Article) -> dict[str, Any]:
        spec = self.taxonomy["types"][d.etype]
        src, tgt = d.source.actor, d.target.actor if d.target else None
        weight = float(spec["weight"])
        if d.historical:
            weight = round(weight * float(self.settings.get("historical_weight_factor", 0.1)), 3)
        sentence = d.sentence
        event: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "event_id": event_id(article.id, d.etype, src["id"], tgt["id"] if tgt else None,
                                 sentence),
            "article_id": article.id,
            "type": d.etype,
            "weight": weight,
            "source": _actor_obj(d.source),
            "target": _actor_obj(d.target) if d.target else None,
            "sentence": sentence,
            "sentence_index": d.sent_index,
            "trigger": d.trigger.text,
            "modality": d.modality,
            "historical": d.historical,
            "published_at": article.published_iso,
            "confidence": self._confidence(d, spec),
            "coder_version": self.version,
            "fingerprint": content_hash(d.etype, src["id"], tgt["id"] if tgt else None,
                                        normalise(sentence))[:24],
        }
        return event

    def _confidence(self, d: Draft, spec: dict[str, Any]) -> float:
        """Evidence-based score in 0..1: syntactic roles, direct mentions and asserted,
        current events score higher than inferred, reported or background ones."""
        c = self.settings.get("confidence", {})
        score = float(c.get("base", 0.35))
        if d.source.how == "syntax" or d.source.how == "affiliation":
            score += float(c.get("source_syntactic", 0.25))
        if d.target is None:
            score += float(c.get("no_target", -0.1))
        elif d.target.how in ("syntax", "affiliation"):
            score += float(c.get("target_syntactic", 0.2))
        else:
            score += float(c.get("target_inferred", 0.08))
        if d.source.direct and (d.target is None or d.target.direct):
            score += float(c.get("direct_mention", 0.1))
        score += float(c.get("modality", {}).get(d.modality, 0.0))
        if d.historical:
            score += float(c.get("historical", -0.15))
        return round(min(0.99, max(0.05, score)), 3)


def _co_sources(d: Draft, drafts: list[Draft]) -> set[str]:
    """The sources of the drafts one trigger gave (the draft's own included): coordinated
    sides an act is done for or by ("for Saudi and US intelligence")."""
    return {od.source.actor["id"] for od in drafts if od.etype == d.etype
            and od.sent_index == d.sent_index and od.trigger.i == d.trigger.i} | \
        {d.source.actor["id"]}


def _dateline(doc: Doc) -> set[int]:
    """Tokens of a dateline ("CUCUTA, Colombia — …", "GAZA/DOHA, Jan 12 (LWS) - …"): place
    and date words before a dash at the start of the text say where the article was
    filed, not who acted."""
    if not len(doc):
        return set()
    for tok in doc[:12]:
        if tok.text in DASHES and tok.i > 0 and tok.whitespace_ \
                and doc[tok.i - 1].whitespace_:
            before = doc[:tok.i]
            if any(t.is_upper and t.is_alpha and len(t) > 2 for t in before) and all(
                    t.is_upper or t.is_title or t.is_punct or t.like_num for t in before):
                return {t.i for t in before}
            return set()
    return set()


def _generic_actor(head: Token) -> bool:
    """"will not tolerate *any* foreign agent operating on its soil": an act told of a
    noun with "any" or "every" is a rule about anyone, not something that happened."""
    noun = head.head if head.dep_ in ("acl", "relcl") else head
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("any", "every")
                                       for c in noun.children)


def _guessed_beside_named(drafts: list[Draft]) -> list[Draft]:
    """"kept the front's leadership under watch, *tapping the telephones* of members of
    its secretariat": an espionage act whose target was only guessed (the nearest other
    actor) yields to an act of the same spy in the same sentence whose victim the text
    names."""
    named = {(d.sent_index, d.source.actor["id"]) for d in drafts if d.etype == "espionage"
             and d.target is not None and d.target.how != "inferred"}
    return [d for d in drafts if not (
        d.etype == "espionage" and d.target is not None and d.target.how == "inferred"
        and (d.sent_index, d.source.actor["id"]) in named)]


def _denied_links(d: Draft, finals: list[tuple[Draft, dict[str, Any]]]) -> list[dict[str, Any]]:
    """What a denial denies: hostile events of the article that put the denier in the
    wrong (or, for a bare "denied the report", that involve it), and denied types
    that were never events."""
    denier = d.source.actor["id"]
    hostile = [(od, oev) for od, oev in finals if od is not d and od.etype != "denial"
               and oev["weight"] < 0]
    links = [{"type": od.etype, "event_id": oev["event_id"]} for od, oev in hostile
             if _accused(od) == denier and (not d.denies or od.etype in d.denies
                                            or od.etype == "accuse")]
    if not links and not d.denies:
        links = [{"type": od.etype, "event_id": oev["event_id"]} for od, oev in hostile
                 if od.target is not None and od.target.actor["id"] == denier
                 and od.etype != "accuse"]
    linked = {x["type"] for x in links}
    links += [{"type": t, "event_id": None} for t in d.denies if t not in linked]
    return sorted(links, key=lambda x: (x["type"], x["event_id"] or ""))


def _passive_agents(verb: Token) -> list[Token]:
    """The by-phrase nouns of a passive verb ("were granted asylum *by Taiwan*")."""
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children
            if o.dep_ == "pobj"]


def _punishment_frame(head: Token, spec: dict[str, Any]) -> tuple[list[Token], list[Token]]:
    """(punished, punishers) when the act is told only as the grounds of a punishment:
    "Moldova *expels* Russian diplomat *over espionage*", "Iran *hanged* a man *for
    spying*", "expelled a diplomat *for activities incompatible with* his status",
    "detained him *on espionage charges*": the one punished did the act, the side that
    punished was its victim (`punishing_verbs`, `punishing_preps`, `grounds_heads`). An
    act that names whom it served ("passing information *to* X") keeps its own roles."""
    verbs = set(spec.get("punishing_verbs", []))
    preps = set(spec.get("punishing_preps", []))
    if any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for c in head.subtree):
        return [], []  # "on suspicion of passing information *to* X": the act names its side
    cur = head
    if cur.dep_ in ("compound", "amod") and cur.head.lemma_.lower() in \
            spec.get("grounds_heads", ()):
        cur = cur.head  # "on *espionage* charges"
    if cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ == "of" and \
            cur.head.head.lemma_.lower() in spec.get("grounds_heads", ()):
        cur = cur.head.head  # "on suspicion *of espionage*"
    if cur.dep_ not in ("pobj", "pcomp") or cur.head.lower_ not in preps:
        return [], []
    verb = cur.head.head
    punished = []
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "nsubjpass"):
        punished, verb = conjuncts(verb), verb.head  # "expelled a diplomat *for* …"
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
        return [], []
    punished = punished or [g for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                            for g in conjuncts(c)]
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        punishers = _passive_agents(verb)
    else:
        punishers = [c for c in verb.children if c.dep_ == "nsubj"]
    return punished, punishers


def _counter_prefixed(head: Token) -> bool:
    """"Russian *counter-espionage* officers detained …": the hunt for spies, not spying."""
    doc = head.doc
    return head.i >= 2 and doc[head.i - 1].text == "-" and doc[head.i - 2].lower_ == "counter"


def _occupational_agent(head: Token, spec: dict[str, Any]) -> bool:
    """"a Russian *travel* agent", "a Brazilian *football* agent": an agent whose kind
    is a common noun other than a spy's (`spy_agent_kinds`: "intelligence agent",
    "sleeper agent") is a trade, not an intelligence officer."""
    if head.lemma_.lower() != "agent":
        return False
    kinds = set(spec.get("spy_agent_kinds", []))
    return any(c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and c.lower_ not in kinds
               for c in head.children)


def _participle_modifier(head: Token) -> bool:
    """"possessed *intercepted* messages": a participle right after a verb, parsed as a
    coordinated verb with no conjunction before it, modifies the noun that follows."""
    if head.dep_ != "conj" or head.tag_ not in ("VBN", "VBD") or head.i == 0:
        return False
    before = head.doc[head.i - 1]
    return before.pos_ == "VERB" and before.i != head.head.i


def _reciprocal(sources: list[Mention], targets: list[Mention]) -> tuple[list[Mention],
                                                                          list[Mention]]:
    """"the two neighbours *exchanged* artillery fire", "India exchanged fire with
    Pakistan": each side acts against the other, so every side is source and target
    (the draft loop skips a side as its own target)."""
    sides = list({m.actor["id"]: m for m in [*sources, *targets]}.values())
    if len(sides) < 2:
        return sources, targets
    return sides, sides


def _agentless_passive(head: Token) -> bool:
    """"a guard *who had been threatened* with prosecution": a passive verb without a
    by-agent names no one who acted."""
    return is_verb(head) and any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children) \
        and not any(c.dep_ == "agent" for c in head.children)


def _first_conjunct_objects(head: Token) -> list[Token]:
    """"accused *Russia's GRU* of hacking … and imposed sanctions on three officers of
    the agency": a coordinated act whose own objects name no side is aimed at the object
    of the first verb."""
    gov = head if is_verb(head) else governing_verb(head)
    if gov is None or gov.dep_ != "conj" or not is_verb(gov.head):
        return []
    return [c for c in gov.head.children if c.dep_ == "dobj"]


def _consequence_patients(head: Token, verbs: set[str], settings: dict[str, Any]) -> list[Token]:
    """"struck a house on the edge of the camp, *killing two Hamas members*": the
    patients of a participle clause that reports the act's result are its victims."""
    gov = head if is_verb(head) else governing_verb(head)
    if gov is None:
        return []
    return [p for c in gov.children if c.dep_ in ("advcl", "conj", "xcomp")
            and c.lemma_.lower() in verbs for p in collect_args(c, settings).patients]


def _custody_sides(verbs: list[Token], spec: dict[str, Any]) -> list[Token]:
    """Who holds a defector: "was taken into custody *by South Korean troops*", "was
    placed under the protection *of Colombian authorities*" — the side joined."""
    nouns = set(spec.get("custody_nouns", []))
    out: list[Token] = []
    chain = list(verbs)
    chain += [c for v in verbs for c in v.children if c.dep_ == "xcomp"]  # "is believed to be"
    for verb in chain:
        held = [o for p in verb.children if p.dep_ == "prep" for o in p.children
                if o.dep_ == "pobj" and o.lemma_.lower() in nouns]
        if held:
            out += [o for a in verb.children if a.dep_ == "agent" for o in a.children
                    if o.dep_ == "pobj"]
            out += [o for n in held for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"]
            out += [a for n in held for a in n.children if a.dep_ in ("amod", "compound")]
    return out


def _side_ends(head: Token, spec: dict[str, Any]) -> list[Token]:
    """Where a defector went, as nouns: objects of "to"/"into" on the trigger, on its
    coordinated verbs or on its `bond_nouns` object ("switched his allegiance *to* …"),
    and the objects of joining verbs ("defected … and *rejoined* the national armed
    forces", "reached *government lines*")."""
    joins = set(spec.get("join_verbs", []))
    verbs = [head] + [c for c in head.children if c.dep_ in ("conj", "xcomp", "advcl")
                      and is_verb(c)]
    verbs += [o for o in head.children if o.dep_ == "dobj"
              and o.lemma_.lower() in spec.get("bond_nouns", [])]
    out = [o for v in verbs for p in v.children if p.dep_ == "prep"
           and p.lower_ in ("to", "into") for o in p.children if o.dep_ == "pobj"]
    return out + [o for v in verbs if v.lemma_.lower() in joins for o in v.children
                  if o.dep_ == "dobj"]


def _home_side(tok: Token, sides: set[str]) -> bool:
    """"the army", "government forces", "the national armed forces": unnamed state
    forces (never a proper name, "the Arakan Army")."""
    if _named(tok) or any(_named(c) and c.dep_ in ("compound", "amod", "poss")
                          for c in tok.children):
        return False
    return tok.lemma_.lower() in sides or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in sides for c in tok.children)


def _ethnic_descriptor(mention: Mention, spec: dict[str, Any]) -> bool:
    """"officers *of Serb ethnicity*", "an *ethnic Kazakh* employee": kin by descent, not
    the side a defector served (`ethnic_nouns`)."""
    if mention.span is None:
        return False
    words = set(spec.get("ethnic_nouns", []))
    root = mention.span.root
    near = [root, *root.children, *root.head.children]
    return (root.head.lemma_.lower() in words and root.dep_ in ("amod", "compound")) or any(
        t.lower_ in words for t in near if t.dep_ in ("amod", "advmod", "compound"))


def _linked_modifier(mention: Mention) -> bool:
    """"a defector from *the al Qaeda-linked group*": the actor a hyphenated participle
    names ("X-linked", "X-aligned") is another side than the group described."""
    if mention.span is None:
        return False
    root = mention.span.root
    return root.dep_ == "npadvmod" and root.head.dep_ == "amod" and root.head.tag_ == "VBN"


def _named(tok: Token) -> bool:
    """A proper name as written (the tagger calls "the national army" PROPN too)."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def _refuge_places(verbs: list[Token], spec: dict[str, Any]) -> list[Token]:
    """The place phrase the parser hung on the refuge noun of a joining verb: "applied
    for international protection *in Poland*", "applied for a protection visa *in
    Australia*"."""
    refuge = spec.get("object_preps", {})
    out: list[Token] = []
    for verb in verbs:
        for noun in verb.subtree:
            if noun.head.i != verb.i and noun.head.head.i != verb.i:
                continue
            key = next((w for w in [noun.lemma_.lower()] + [c.lemma_.lower() for c in
                                                           noun.children if c.dep_ == "compound"]
                        if w in refuge), None)
            if key is not None and noun.pos_ in ("NOUN", "PROPN"):
                out += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in refuge[key]
                        for o in p.children if o.dep_ == "pobj"]
    return out


def _modifies_plural(ent: Span) -> bool:
    """"*Moldovan* authorities … he": a modifier of a plural noun is no antecedent of a
    singular pronoun."""
    root = ent.root
    return root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i != root.i \
        and root.head.tag_ in ("NNS", "NNPS")


def _asserting(mod: Modality, doc: Doc, spec: dict[str, Any]) -> Modality:
    """"crossed the border and *asked to defect*": for some types a governor that
    otherwise makes an act hypothetical reports it (`asserting_governors`)."""
    if mod.block == "hypothetical" and mod.at is not None and \
            doc[mod.at].lemma_.lower() in spec.get("asserting_governors", ()):
        return Modality(None, mod.mode)
    return mod


def _own_statement(noun: Token) -> bool:
    """"Hezbollah, *in a statement* carried by its television, denied …": a statement the
    denial is made in is the denier's own, not the claim denied."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "in"


def _infinitive_verb(tok: Token) -> bool:
    """"paid *to film* the base": a verb after infinitival "to" is no context noun."""
    return tok.pos_ == "VERB" and tok.i > 0 and tok.nbor(-1).lower_ == "to" and \
        tok.nbor(-1).dep_ == "aux"


def _topic_mention(m: Mention, head: Token, spec: dict[str, Any]) -> bool:
    """"read correspondence *on Ukraine* (and sanctions) policy": an actor named after a
    topic preposition of a topic noun (not of the trigger itself) is what the material
    is about."""
    if m.span is None:
        return False
    root = m.span.root
    while root.dep_ in ("nmod", "compound", "amod", "poss", "conj") and root.head.i != root.i:
        root = root.head
    prep = root.head
    noun = prep.head
    return root.dep_ == "pobj" and prep.dep_ == "prep" and \
        prep.lower_ in spec.get("topic_preps", ()) and noun.i != head.i and \
        noun.pos_ in ("NOUN", "PROPN") and (noun.lower_ in spec["topic_nouns"] or
                                            noun.lemma_.lower() in spec["topic_nouns"])


def _least_located(found: list[tuple[Mention, bool, int]]) -> list[Mention]:
    """Of the actors found at one depth, those reached through the fewest locative
    phrases: "an official in the *Houthi*-run administration in Sanaa" is a Houthi
    official; Sanaa only says where the administration sits."""
    if not found:
        return []
    least = min(loc for _m, _pol, loc in found)
    return [m for m, _pol, loc in found if loc == least]


def _bare_places(found: list[tuple[Mention, bool, int]]) -> bool:
    """Whether every actor found is only a place named after "in"/"at" ("a deputy
    minister in the Houthi administration *in Sanaa*"): the city says where someone
    sits, so an affiliation one step deeper in the same phrase wins over it."""
    return bool(found) and all(
        m.span.label_ == "GPE" and m.span.root.dep_ == "pobj" and
        m.span.root.head.lower_ in LOCATIVE for m, _pol, _loc in found)


def _claimants(claims: list[Token]) -> list[Token]:
    """Who makes a claim: "*Egypt's* claims", "the *US* charges", "allegations *by
    Cairo*", "accusations *from* Riyadh", "a fabrication *of* the State Department",
    "accusations *made by* Somalia's president"."""
    heads = [c for p in claims for c in p.children
             if c.dep_ in ("poss", "compound", "amod", "nmod")
             or (c.dep_ == "prep" and c.lower_ in ("by", "from", "of"))]
    heads += [p for p in claims if p.dep_ == "prep"]
    heads += [a for p in claims for acl in p.children if acl.dep_ == "acl"
              for a in acl.children if a.dep_ == "agent"]
    return [g for h in heads for g in ([h] if h.dep_ not in ("prep", "agent") else
                                       [x for x in h.children if x.dep_ == "pobj"
                                        and x.tag_ != "VBG"])]  # "claims *of spying*"


def _accused(d: Draft) -> str | None:
    """Who an event puts in the wrong: the target of an accusation, else the source."""
    if d.etype == "accuse":
        return d.target.actor["id"] if d.target else None
    return d.source.actor["id"]


def _claim_complement(head: Token, claims: set[str]) -> bool:
    """"There was *no basis* for the complaint", "no foundation to the charges": a
    negated ground noun whose preposition names the claim declares that claim false."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "no"
                                      for c in head.children):
        return False
    return any(p.dep_ == "prep" and p.lower_ in ("for", "to", "in", "behind") and any(
        o.dep_ == "pobj" and (o.lemma_.lower() in claims or o.lower_ in claims)
        for o in p.children) for p in head.children)


def _complement_claims(verb: Token) -> list[Token]:
    """The claim a negated ground noun names: "there was no basis *for the complaint*"."""
    return [o for c in verb.children if c.dep_ in ("attr", "dobj") and any(
        g.dep_ == "det" and g.lower_ == "no" for g in c.children)
        for p in c.children if p.dep_ == "prep" and p.lower_ in ("for", "to", "in", "behind")
        for o in p.children if o.dep_ == "pobj"]


def _starts(selection: Selection) -> list[int]:
    starts, pos = [], 0
    for sent in selection.sentences:
        starts.append(pos)
        pos += len(sent) + 1
    return starts


def _actor_obj(m: Mention) -> dict[str, Any]:
    obj = {"id": m.actor["id"], "name": m.actor["name"], "resolved": m.actor["resolved"]}
    if m.span is not None:
        obj["mention"] = m.span.text
    return obj


def event_line(event: dict[str, Any]) -> bytes:
    """The canonical byte form of an event, shared by the topic and `riftwatch code`."""
    return canonical_json(event)



def _shared_object_conjunct(head: Token, verbs: set[str]) -> Token:
    """"Turkey does not conduct and would never conduct espionage": the object hangs on
    the second, hypothetical verb; the denial is the first, negated one with the subject
    (the same innocence verb, negated)."""
    first = head.head
    if head.dep_ == "conj" and head.lemma_.lower() in verbs and \
            first.lemma_.lower() == head.lemma_.lower() and \
            any(c.dep_ == "neg" for c in first.children) and \
            not any(c.dep_ in ("dobj", "prep") for c in first.children):
        return first
    return head


def _denying(sent: Span) -> bool:
    """Whether a sentence holds a denial trigger and no other: its speaker answers a
    claim ("a Hezbollah official said the stories were written in Tel Aviv"), so it is no
    report a later denial answers (one telling an act too, "…, a charge Moscow denied",
    still is)."""
    types = {etype for etype, start, _end in sent.doc._.triggers
             if sent.start <= start < sent.end}
    return types == {"denial"}


def _common_compound(tok: Token) -> bool:
    """"the *rights* group", "the *trade* ministry"? A lower-case noun compound names a
    kind of body of its own (a rights group is no earlier armed group)."""
    return tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.text.islower()
