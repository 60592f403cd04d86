"""What role rules produce: a `Mention` of an actor in a role and a `Draft` event
before article-level linking, and the word classes they share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

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
QUANTIFIERS = {"one", "all", "each", "any", "some", "most", "none", "both"}
DASHES = ("—", "–", "-", "--")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


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
