"""Article → events. Pure and synchronous: the code agent, `riftwatch code` and
`riftwatch replay` all call `Coder.code`, so the stream and the CLI cannot diverge.

Per article: repeated paragraphs removed → prefilter keeps sentences with a trigger
word and an actor → spaCy parses only those → each trigger becomes events whose roles
come from the dependency parse, filtered by modality and word sense.

`Coder` holds the pipeline, the per-trigger drafting and the article-level finish; the
role rules of each family live beside it and are mixed in: `mentions` (which actor a
token stands for), `denial`, `defection`, `espionage`; `clauses` holds the plain
token-level helpers they share and `drafts` the `Mention`/`Draft` records."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from riftwatch import __version__
from riftwatch.actors import load_dictionary
from riftwatch.article import Article
from riftwatch.coding.clauses import (
    _actor_obj,
    _agentless_passive,
    _asserting,
    _claim_complement,
    _consequence_patients,
    _counter_prefixed,
    _dateline,
    _denied_links,
    _ethnic_descriptor,
    _first_conjunct_objects,
    _generic_actor,
    _guessed_beside_named,
    _infinitive_verb,
    _linked_modifier,
    _occupational_agent,
    _participle_modifier,
    _passive_modifier,
    _punishment_frame,
    _reciprocal,
    _shared_object_conjunct,
    _starts,
    _topic_mention,
)
from riftwatch.coding.defection import DefectionRules, _posting_place
from riftwatch.coding.denial import DenialRules
from riftwatch.coding.drafts import (
    _YEAR,
    DASHES,
    QUANTIFIERS,
    Draft,
    Mention,
)
from riftwatch.coding.espionage import EspionageRules
from riftwatch.coding.mentions import ActorMentions
from riftwatch.coding.prefilter import CommonWords, Prefilter, Selection
from riftwatch.coding.syntax import (
    RELATIVE,
    Args,
    Modality,
    collect_args,
    denial_predicate,
    governing_verb,
    is_verb,
    modality,
    negative_subject,
    nested_behalf,
    nested_for,
    nested_recipients,
    predicate_governor,
    sponsor_patients,
)
from riftwatch.dedup import normalise, unique_paragraphs
from riftwatch.ids import canonical_json, content_hash, event_id
from riftwatch.nlp import get_pipeline, load_taxonomy, preset_sentence_starts

SCHEMA_VERSION = 1


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


def _common_words(nlp: Language) -> CommonWords | None:
    """The language's words from the lemmatizer's lookup tables, for the prefilter's
    misspelling gate (None if the model has no rule lemmatizer)."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    tables = ("lemma_index", "lemma_rules", "lemma_exc")
    if lookups is None or not all(lookups.has_table(t) for t in tables):
        return None
    index, rules, exc = (lookups.get_table(t) for t in tables)
    return CommonWords(dict(index.items()), dict(rules.items()),
                       {pos: list(words) for pos, words in exc.items()}, nlp.Defaults.stop_words)


class Coder(ActorMentions, DenialRules, DefectionRules, EspionageRules):
    """Codes articles with one spaCy pipeline; output never depends on batch composition."""

    def __init__(self, nlp: Language, taxonomy: dict[str, Any], version: str,
                 batch_size: int = 16, prefilter: bool = True) -> None:
        self.nlp = nlp
        self.use_prefilter = prefilter
        self.taxonomy = taxonomy
        self.version = version
        self.batch_size = batch_size
        self.settings: dict[str, Any] = taxonomy.get("settings", {})
        self.prefilter = Prefilter(taxonomy, [p["pattern"] for p in load_dictionary().patterns],
                                   _common_words(nlp))
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
        self._national_words = set(s.get("national_body_words", []))
        self._negators = set(s.get("negating_governors", []))
        self._claim_nouns = set(s.get("claim_nouns", []))
        self._reported_claims = set(s.get("reported_claim_nouns", []))
        self._claim_verbs = set(s.get("claim_verbs", []))
        self._media = set(s.get("media_nouns", []))
        self._accusing = set(taxonomy["types"].get("accuse", {}).get("verbs", []))
        self._own_denial_heads = set(s.get("own_denial_heads", []))
        self._own_denial_reporters = set(s.get("own_denial_reporters", []))
        self._denied_nouns = set(taxonomy["types"].get("denial", {}).get("denied_nouns", []))
        self._answered_accusations = set(taxonomy["types"].get("denial", {}).get(
            "answered_accusations", []))
        self._innocence = set(taxonomy["types"].get("denial", {}).get("innocence_verbs", []))
        self._object_phrases = set(taxonomy["types"].get("denial", {}).get("object_phrases", []))
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
                    and ent.start not in dateline and not self._national_body(ent) for t in ent}
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
        elif required and (len(span) == 1 or span.text.lower() in self._object_phrases) and \
                not self._has_object(head, spec, words) and not (
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
            if dep == "dobj" and child.lower_ in QUANTIFIERS and any(
                    g.lower_ in words or g.lemma_.lower() in words for p in child.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"):
                return True  # "denied *every one of* these claims", "rejected *all of* them"
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
        if _passive_modifier(head) and (head.head.lemma_.lower() in words or
                                         head.head.lower_ in words):
            return True  # "the attache, *expelled* for spying", "a diplomat *who was expelled*"
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
        # "served Russian intelligence *for a decade*": a duration is no beneficiary
        beneficiaries = [b for b in args.beneficiaries if b.ent_type_ not in ("DATE", "TIME")]
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
                head.lemma_.lower() in spec.get("sponsor_from_verbs", ()) and \
                not any(p.lemma_.lower() in self._info for p in args.patients):
            beneficiaries = preps.get("from", [])  # "received tasks *from* Russian handlers"
        if spec.get("for_is_source") and not beneficiaries:
            beneficiaries = self._told_sponsors(spec, head, args)
        if spec.get("for_is_source") and beneficiaries:
            sources = [Mention(m.actor, m.span, m.direct, m.how, "sponsor")
                       for m in pick(beneficiaries, "agent", mentions)]
            sources = self._recipient_side(sources, beneficiaries, mentions)
            taken = frozenset(m.actor["id"] for m in sources)
            targets = (pick(self._attributors(spec, head, args), "victim", mentions, taken)
                       or pick(args.patients, "victim", mentions, taken)
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
                       and not _linked_modifier(m) and not _posting_place(m, spec)]
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

    def _recipient_side(self, sources: list[Mention], beneficiaries: list[Token],
                        mentions: dict[int, Span]) -> list[Mention]:
        """"passed documents to *his* Russian contacts", "to his handler *in Moscow*": a
        recipient's side is the one its modifiers or its place name; the spy's own "his"
        names the spy, never whom he works for (kept only where nothing else is named)."""
        if not any(c.dep_ == "poss" and c.pos_ == "PRON"
                   for b in beneficiaries for c in b.children):
            return sources
        own = frozenset(m.actor["id"] for m in sources if m.how == "coreference")
        if not own:
            return sources
        inside = {t.i for b in beneficiaries for t in b.subtree}
        other = [Mention(m.actor, m.span, m.direct, m.how, "sponsor")
                 for m in self._actors(beneficiaries, "agent", mentions, own)
                 if m.span is not None and m.span.root.i in inside]
        return other or sources

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



def event_line(event: dict[str, Any]) -> bytes:
    """The canonical byte form of an event, shared by the topic and `riftwatch code`."""
    return canonical_json(event)
