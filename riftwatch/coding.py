"""Article → events. Pure and synchronous: the code agent, `riftwatch code` and
`riftwatch replay` all call `Coder.code`, so the stream and the CLI cannot diverge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from riftwatch import __version__
from riftwatch.actors import load_dictionary
from riftwatch.article import Article
from riftwatch.dedup import normalise, unique_paragraphs
from riftwatch.ids import canonical_json, content_hash, event_id
from riftwatch.nlp import get_pipeline, load_lexicon

SCHEMA_VERSION = 1
NEGATIONS = {"neg"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would", "should"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "obj", "dative", "attr", "nsubjpass", "oprd"}
MODIFIER_DEPS = {"poss", "compound", "amod", "nmod"}
PATIENT_PREPS = {"on", "against", "into", "at", "to", "with", "toward", "towards", "from"}


def coder_version(model: str) -> str:
    """Version of the coder and of every data file it reads."""
    data = content_hash(load_dictionary().version, load_lexicon(), model,
                        [p["id"] + p["pattern"] for p in load_dictionary().patterns])
    return f"{__version__}+{data[:10]}"


def _governor(tok: Token) -> Token:
    """The clause verb a (possibly nominal) trigger belongs to."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _role(mention: Span, trigger: Token, verb: Token) -> str | None:
    """Grammatical role of a mention relative to the trigger's clause."""
    child = mention.root
    cur = child
    while cur.i not in (trigger.i, verb.i):
        if cur.head.i == cur.i:
            return None
        child, cur = cur, cur.head
    if child.i == cur.i:
        return None
    dep = child.dep_
    if dep in SUBJECT_DEPS or dep == "agent" or (cur.i == trigger.i and dep in MODIFIER_DEPS):
        return "agent"
    if dep in OBJECT_DEPS:
        return "patient"
    if dep == "prep":
        prep = child.lower_
        if prep == "by":
            return "agent"
        if prep == "for":
            return "beneficiary"
        if prep in PATIENT_PREPS:
            return "patient"
    return None


def _modality_blocks(trigger: Token, verb: Token) -> str | None:
    """Why a trigger is not an asserted event (negated, hypothetical), or None."""
    for tok in (trigger, verb):
        for child in tok.children:
            if child.dep_ in NEGATIONS:
                return "negated"
            if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUX:
                return "hypothetical"
            if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
                return "hypothetical"
    return None


def _has_required_object(trigger: Token, verb: Token, words: list[str]) -> bool:
    for tok in (trigger, verb):
        for child in tok.children:
            if child.dep_ == "ccomp":
                return True
            if child.dep_ in OBJECT_DEPS and child.lemma_.lower() in words:
                return True
    return False


@dataclass
class Coder:
    """Codes articles with one spaCy pipeline; output never depends on batch composition."""

    nlp: Language
    lexicon: dict[str, Any]
    version: str
    batch_size: int = 16

    @classmethod
    def load(cls, model: str, batch_size: int = 16) -> Coder:
        return cls(get_pipeline(model), load_lexicon(), coder_version(model), batch_size)

    def code(self, articles: Sequence[Article]) -> list[list[dict[str, Any]]]:
        """Events for each article, in input order."""
        texts = ["\n\n".join(unique_paragraphs(a.text)[0]) for a in articles]
        docs = self.nlp.pipe(texts, batch_size=self.batch_size)
        return [self.code_doc(doc, art) for doc, art in zip(docs, articles, strict=True)]

    def code_doc(self, doc: Doc, article: Article) -> list[dict[str, Any]]:
        events: dict[str, dict[str, Any]] = {}
        for etype, start, _end in doc._.triggers:
            trigger = doc[start]
            event = self._event(etype, trigger, article)
            if event is not None and event["event_id"] not in events:
                events[event["event_id"]] = event
        return sorted(events.values(), key=lambda e: (e["sentence_index"], e["event_id"]))

    def _event(self, etype: str, trigger: Token, article: Article) -> dict[str, Any] | None:
        spec = self.lexicon["types"][etype]
        sent = trigger.sent
        verb = _governor(trigger)
        if _modality_blocks(trigger, verb):
            return None
        required = spec.get("requires_object")
        if required and not _has_required_object(trigger, verb, required):
            return None
        mentions = [e for e in sent.ents if e._.actor is not None]
        if not mentions:
            return None
        roles = {id(m): _role(m, trigger, verb) for m in mentions}
        src_role = "beneficiary" if spec.get("for_is_source") else None
        source = next((m for m in mentions if roles[id(m)] == src_role), None) if src_role else None
        source = source or next((m for m in mentions if roles[id(m)] == "agent"), None)
        syntactic = int(source is not None)
        if source is None:
            source = next((m for m in mentions if roles[id(m)] != "patient"), None)
        if source is None:
            return None
        src = source._.actor
        target = next((m for m in mentions if roles[id(m)] in ("patient", "agent")
                       and m._.actor["id"] != src["id"]), None)
        syntactic += int(target is not None)
        target = target or next((m for m in mentions if m._.actor["id"] != src["id"]), None)
        tgt = target._.actor if target is not None else None
        if not src["resolved"] and not (tgt and tgt["resolved"]):
            return None
        sentence = sent.text.strip()
        confidence = round((0.5 + 0.2 * syntactic) * (1.0 if tgt else 0.85), 3)
        return {
            "schema_version": SCHEMA_VERSION,
            "event_id": event_id(article.id, etype, src["id"], tgt["id"] if tgt else None,
                                 sentence),
            "article_id": article.id,
            "type": etype,
            "weight": float(spec["weight"]),
            "source": _actor_obj(src, source),
            "target": _actor_obj(tgt, target) if tgt and target is not None else None,
            "sentence": sentence,
            "sentence_index": sent.start,
            "trigger": trigger.text,
            "published_at": article.published_iso,
            "confidence": confidence,
            "coder_version": self.version,
            "fingerprint": content_hash(etype, src["id"], tgt["id"] if tgt else None,
                                        normalise(sentence))[:24],
        }


def _actor_obj(actor: dict[str, Any], mention: Span) -> dict[str, Any]:
    return {"id": actor["id"], "name": actor["name"], "resolved": actor["resolved"],
            "mention": mention.text}


def event_line(event: dict[str, Any]) -> bytes:
    """The canonical byte form of an event, shared by the topic and `riftwatch code`."""
    return canonical_json(event)
