"""Roles and modality from the dependency parse (spaCy's ClearNLP labels), never from
word order: "Hamas was spied on by Iran" and "Iran spied on Hamas" give the same roles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

SUBJECT = {"nsubj", "csubj"}
OBJECT = {"dobj", "obj", "dative", "oprd"}
PATIENT_PREPS = {"on", "against", "into", "at", "upon", "toward", "towards", "with", "to"}
NP_LINKS = {"compound", "amod", "poss", "nmod", "appos", "prep", "pobj", "npadvmod", "nummod",
            "det", "flat", "case"}
NP_PREPS = {"of", "in", "from", "for", "at", "within", "inside"}
CLAUSE_LINKS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"}
SAME_CLAUSE = {"xcomp", "dobj", "pobj", "prep", "pcomp", "attr", "nsubj", "nsubjpass", "compound",
               "amod", "poss", "acomp", "dative", "agent", "oprd", "npadvmod", "appos", "obj",
               "advmod", "nmod", "conj", "cc"}
RELATIVE = {"which", "who", "that", "whom", "whose"}


@dataclass
class Args:
    """Argument heads of one trigger, by role, and how they were found."""

    agents: list[Token] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    beneficiaries: list[Token] = field(default_factory=list)
    accused: list[Token] = field(default_factory=list)
    accusers: list[Token] = field(default_factory=list)
    attribution: list[Token] = field(default_factory=list)
    copula_subject: list[Token] = field(default_factory=list)
    alt_agents: list[list[Token]] = field(default_factory=list)
    complements: list[Token] = field(default_factory=list)
    behalf_nouns: frozenset[str] = frozenset()
    runners: frozenset[str] = frozenset()
    agent_nouns: frozenset[str] = frozenset()
    grounds: frozenset[str] = frozenset()

    def agent_tiers(self) -> list[list[Token]]:
        """Agent candidates, most explicit first: own arguments, then the accused of an
        enclosing accusation, then the subject of a light verb or of the clause."""
        return [self.agents, *self.alt_agents]


def first_conjunct(tok: Token) -> Token:
    """The first of the coordinated heads a token belongs to ("said it *was* not
    involved and *had* no links": the clause the second verb shares with the first)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def conjuncts(tok: Token) -> list[Token]:
    """A head and its coordinated heads ("Egypt and Saudi Arabia")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def _pobjs(prep: Token) -> list[Token]:
    """Objects of a preposition, with those of a repeated one coordinated to it: "for
    the Somali government *and for* Kenyan intelligence" names two beneficiaries."""
    return [g for p in _coordinated_preps(prep) for c in p.children
            if c.dep_ in ("pobj", "pcomp") for g in conjuncts(c)]


def _coordinated_preps(prep: Token) -> list[Token]:
    """A preposition and the same preposition coordinated to it ("for X and for Y")."""
    return [prep, *(c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP"
                    and c.lower_ == prep.lower_)]


def _behalf(prep: Token, nouns: frozenset[str]) -> list[Token]:
    """X in "on behalf of X", "on instructions from X", "at the behest of X", "on the
    payroll of X", "in favour of X": the one an act is done for."""
    if prep.lower_ not in ("on", "at", "under", "in"):
        return []
    return [x for o in _pobjs(prep) if o.lower_ in nouns for p in o.children
            if p.dep_ == "prep" and p.lower_ in ("of", "from") for x in _pobjs(p)]


def nested_behalf(objects: list[Token], nouns: frozenset[str]) -> list[Token]:
    """X in "spying on Palestinians living in Turkey *on behalf of X*": a behalf phrase
    the parser hung inside an object (on a participle) still names who the act is for."""
    return [x for obj in objects for t in obj.subtree if t.dep_ == "prep" and t.i != obj.i
            for x in _behalf(t, nouns)]


def charge_behalf(act: Token, nouns: frozenset[str]) -> list[Token]:
    """X in "arrested on *suspicion* of spying … *on behalf of X*": the parser hangs the
    behalf phrase on the charge noun the act is the "of" object of."""
    cur = act
    while cur.dep_ in ("pobj", "pcomp") and cur.head.dep_ == "prep" and \
            cur.head.lower_ in ("of", "for", "with") and cur.head.head.i != cur.head.i:
        noun = cur.head.head
        if noun.pos_ != "NOUN":
            return []
        found = [x for p in noun.children if p.dep_ == "prep" and p.i > act.i
                 for x in _behalf(p, nouns)]
        if found:
            return found
        cur = noun
    return []


def _nested_preps(objects: list[Token], deps: tuple[str, ...], word: str) -> list[Token]:
    """Every `word` preposition anywhere inside the objects of the given relations."""
    return [t for obj in objects if obj.dep_ in deps for t in obj.subtree
            if t.dep_ == "prep" and t.lower_ == word]


def nested_recipients(objects: list[Token]) -> list[Token]:
    """X in "passing information on the movements of commanders *to X*": the "to"
    phrase of a transfer that the parser attached inside the direct object."""
    return [x for t in _nested_preps(objects, ("dobj", "nsubjpass"), "to") for x in _pobjs(t)]


def sponsor_patients(sponsors: list[Token]) -> list[Token]:
    """Y in "spying for Russian intelligence *on* the US Army's base": an "on" phrase the
    parser hung on the sponsor still names what was spied on."""
    return [o for s in sponsors for p in s.children if p.dep_ == "prep"
            and p.lower_ in ("on", "against") for o in _pobjs(p)]


def nested_for(objects: list[Token]) -> list[Token]:
    """"collected information on defence research *for Russian intelligence*", "spying on
    its leaders *for Saudi intelligence*": a "for" phrase anywhere inside a direct or
    prepositional object names who the act is for."""
    return [o for t in _nested_preps(objects, ("dobj", "pobj"), "for") for o in _pobjs(t)]


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a nominal or adjectival trigger."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if is_verb(cur):
            return cur
    return None


def clause_subjects(verb: Token, settings: dict[str, Any], depth: int = 0) -> list[Token]:
    """Subjects of a verb, inherited through coordination, control, relative and
    participial clauses when the verb has none of its own."""
    subs = [c for c in verb.children if c.dep_ in SUBJECT]
    agent = [p for c in verb.children if c.dep_ == "agent" for p in _pobjs(c)]
    if agent:
        return [g for a in agent for g in conjuncts(a)]
    if subs:
        if verb.dep_ == "relcl" and subs[0].lower_ in RELATIVE:
            return [verb.head]
        return [g for s in subs for g in conjuncts(s)]
    if depth > 4 or verb.head.i == verb.i:
        return []
    head = verb.head
    affiliated = _misread_affiliation(head, settings) if verb.dep_ in ("conj", "advcl") else []
    if affiliated:
        return clause_subjects(head, settings, depth + 1) + affiliated
    if _finite_conjunct_of_infinitive(verb, head):
        # "the consul refused orders to return and *requested* asylum": the subject of
        # the clause above the infinitive
        above = next((a for a in head.ancestors if is_verb(a)), None)
        return clause_subjects(above, settings, depth + 1) if above is not None else []
    if _conjunct_of_reporting(verb, head, settings):
        return clause_subjects(head.head, settings, depth + 1)
    if verb.dep_ in ("conj", "xcomp") and is_verb(head):
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        raised = [c for c in head.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "xcomp" and raised:
            # "the captain *was reported to have defected*", "he was forced to flee"
            return [g for r in raised for g in conjuncts(r)]
        return clause_subjects(head, settings, depth + 1)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and \
            head.lower_ in ("after", "before", "since", "upon", "while", "by") and \
            is_verb(head.head):
        # "sought refuge in Germany *after defecting*"
        return clause_subjects(head.head, settings, depth + 1)
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ == "acl" and (verb.tag_ != "VBN" or _misparsed_main_verb(verb)):
        return [verb.head]
    if verb.dep_ in ("advcl", "pcomp") and is_verb(head) and (verb.tag_ == "VBG" or
                                                               _as_clause(verb)):
        return clause_subjects(head, settings, depth + 1)
    return []


def _misread_affiliation(verb: Token, settings: dict[str, Any]) -> list[Token]:
    """"Hackers *linked to* Hezbollah spent a year reading …": the small model reads the
    participle as the main verb and the real predicate as its conjunct; the actor of
    the participle's phrase then belongs to the subject."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in settings.get("affiliation_verbs", []) \
            or not any(c.dep_ == "nsubj" for c in verb.children):
        return []
    return [o for p in verb.children if p.dep_ in ("prep", "agent")
            and p.lower_ in ("to", "with", "by", "for") for o in _pobjs(p)]


def _as_clause(verb: Token) -> bool:
    """"rejected *as fabricated* a statement": the small model makes the predicate an
    adverbial clause of the rejecting verb."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                        for c in verb.children)


def predicate_governor(word: Token, claims: set[str]) -> Token | None:
    """The verb that declares a claim false through `word`, past two misparses:
    "described the report *as propaganda spread* by exiles" (an "as" clause) and
    "called India's claims that … *baseless*" (the predicate inside the claim's clause)."""
    gov = governing_verb(word)
    if gov is None:
        return None
    if gov.i == word.i and word.dep_ in ("ccomp", "xcomp", "oprd") and is_verb(word.head):
        return word.head  # "branded the account *fabricated*": a verb-form predicate
    if _as_clause(gov) and is_verb(gov.head):
        return gov.head
    if gov.dep_ in ("acl", "relcl") and gov.head.lemma_.lower() in claims:
        return governing_verb(gov.head)
    if word.pos_ == "ADJ" and word.dep_ in ("dobj", "advmod") and gov.tag_ == "VBG" and \
            gov.dep_ == "pcomp" and gov.head.dep_ == "prep" and \
            gov.head.head.dep_ == "dobj" and is_verb(gov.head.head.head):
        # "called the suspicion *of spying* 'groundless'": an adjective is no object of
        # the gerund; it completes the verb whose object the gerund's noun is
        return gov.head.head.head
    return gov


def accusation_frame(tok: Token, settings: dict[str, Any]) -> tuple[list[Token], list[Token]]:
    """For a trigger inside "X accused Y of ..." / "Y, suspected of ...": (Y, X)."""
    allegers = set(settings.get("allegation_governors", []))
    cur = tok
    while cur.head.i != cur.i:
        child, cur = cur, cur.head
        if child.dep_ in ("pobj", "pcomp") and cur.dep_ == "prep" and \
                cur.lower_ in ("of", "for", "with"):
            gov = _object_of_alleger(cur.head, allegers)
            accused = []
            if gov.dep_ in ("dobj", "nsubjpass") and gov.head.lemma_.lower() in allegers:
                accused, gov = [gov], gov.head
            if gov.lemma_.lower() in allegers and is_verb(gov):
                accused = accused or [c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")]
                if not accused and gov.dep_ == "acl":
                    accused = [gov.head]
                if not accused and gov.dep_ == "conj" and is_verb(gov.head):
                    accused = [c for c in gov.head.children if c.dep_ in ("dobj", "nsubjpass")]
                accused = _accused_outside(gov, accused, settings)
                accusers = clause_subjects(gov, settings) if not any(
                    c.dep_ == "nsubjpass" for c in gov.children) else \
                    [p for c in gov.children if c.dep_ == "agent" for p in _pobjs(c)]
                return [g for a in accused for g in conjuncts(a)], accusers
            return [], []
        if _purpose_clause(child):
            if cur.lemma_.lower() in allegers and is_verb(cur):
                accused = [c for c in cur.children if c.dep_ == "dobj"]
                return [g for a in accused for g in conjuncts(a)], clause_subjects(cur, settings)
            continue
        if child.dep_ in CLAUSE_LINKS - {"acl"} or child.dep_ == "conj":
            return [], []
    return [], []


def _accused_outside(gov: Token, accused: list[Token], settings: dict[str, Any]) -> list[Token]:
    """The accused of an alleging verb told outside its own clause: the antecedent of
    "the consul, *who* was accused of spying" or of "nationals it suspected of
    spying", the subject of the main clause after an
    opening participle ("*Accused* by Lithuania of spying, *the consul* left …")."""
    if gov.dep_ == "relcl" and (not accused or accused[0].lower_ in RELATIVE):
        return [gov.head]  # "nationals (whom) it suspected of spying"
    if not accused and gov.dep_ == "advcl" and gov.tag_ == "VBN" and is_verb(gov.head) and \
            gov.i < gov.head.i:
        return [c for c in gov.head.children if c.dep_ in ("nsubj", "nsubjpass")] or \
            clause_subjects(gov.head, settings)
    return accused


def _object_of_alleger(noun: Token, allegers: set[str]) -> Token:
    """"accused *a group* linked to China's Ministry of State Security *of* breaking
    into …": the parser hangs the "of" phrase on the last noun of a long object; the
    object of the alleging verb above that noun phrase is where it belongs; likewise
    "accused *by Iranian prosecutors of* spying", the "of" phrase on the by-agent."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent" and is_verb(noun.head.head) and \
            noun.head.head.lemma_.lower() in allegers:
        return noun.head.head
    cur = noun
    while cur.dep_ in ("pobj", "prep", "acl", "compound", "appos", "poss") and \
            cur.head.i != cur.i and not (is_verb(cur) and cur.dep_ != "acl"):
        cur = cur.head
    if cur.dep_ in ("dobj", "nsubjpass") and cur.head.lemma_.lower() in allegers:
        return cur
    return noun


def _purpose_clause(verb: Token) -> bool:
    """"accused Iran of flying drones *to spy on* its positions": an infinitive of
    purpose belongs to the act it serves, so the accusation frame reaches through it."""
    return verb.dep_ in ("advcl", "xcomp") and is_verb(verb) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def attribution(tok: Token, settings: dict[str, Any]) -> list[Token]:
    """Who a reported clause is attributed to ("Egypt said [Qatar spied]")."""
    reporters = set(settings.get("report_governors", []))
    statements = set(settings.get("statement_nouns", []))
    stances = set(settings.get("stance_nouns", []))
    stance_verbs = set(settings.get("own_denial_reporters", []))
    cur = tok
    in_statement = in_stance = False
    while cur.head.i != cur.i:
        child, cur = cur, cur.head
        if (child.dep_ in ("ccomp", "parataxis") or (in_statement and child.dep_ == "prep")) \
                and cur.lemma_.lower() in reporters:
            return clause_subjects(cur, settings) or _aside_subjects(cur)
        if in_stance and child.dep_ == "dobj" and cur.lemma_.lower() in stance_verbs:
            return clause_subjects(cur, settings)
        if child.dep_ == "acl" and cur.lemma_.lower() in statements:
            in_statement = True  # "said in a statement *that the claims were lies*"
        # "reiterated its *position that* it never spied": the stance noun's clause
        in_stance = child.dep_ == "acl" and cur.lemma_.lower() in stances
        if child.dep_ in ("relcl", "advcl"):
            break
    for tok2 in tok.sent:
        if tok2.lower_ == "according":
            return [x for p in tok2.children if p.lower_ == "to" for x in _pobjs(p)]
    return []


def _aside_subjects(verb: Token) -> list[Token]:
    """"Iran's mission, *asked about the case*, said …": a reporting verb left without
    a subject because a participial aside before it took the speaker as its own."""
    return [s for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i < verb.i
            and c.tag_ in ("VBN", "VBD") and verb.doc[verb.i - 1].is_punct
            for s in c.children if s.dep_ == "nsubj"]


def collect_args(trigger: Token, settings: dict[str, Any]) -> Args:
    """Argument heads of a verbal, nominal or adjectival trigger."""
    args = Args(behalf_nouns=frozenset(settings.get("behalf_nouns", [])),
                runners=frozenset(settings.get("affiliation_verbs", [])),
                agent_nouns=frozenset(settings.get("agent_nouns", [])),
                grounds=frozenset(settings.get("ground_nouns", [])))
    light = set(settings.get("light_verbs", []))
    args.accused, args.accusers = accusation_frame(trigger, settings)
    args.attribution = attribution(trigger, settings)
    if is_verb(trigger):
        _verb_args(trigger, args)
        if not args.agents:
            args.agents = clause_subjects(trigger, settings)
        args.alt_agents.append(_copula_subjects(args.agents, settings))
        args.alt_agents.append(args.accused)
        args.alt_agents.append(_reporter_of_conjunct(trigger, settings))
        args.alt_agents.append(_reporter_of_unnamed(args, settings))
        args.alt_agents.append(_dateline_place(trigger, args))
        if trigger.dep_ == "acl" and trigger.head.lemma_.lower() in \
                settings.get("statement_nouns", []):
            issuer = governing_verb(trigger.head)
            if issuer is not None:
                args.alt_agents.append(clause_subjects(issuer, settings))
        return args
    _noun_args(trigger, args)
    if trigger.dep_ == "compound" and trigger.head.pos_ in ("NOUN", "PROPN"):
        _noun_args(trigger.head, args)
    gov = governing_verb(trigger)
    args.alt_agents.append(args.accused)
    if gov is None:
        return args
    path = _dep_path(trigger, gov)
    in_amount = path == ["pobj", "prep"] and trigger.head.lower_ in ("in", "of")
    if (path in (["dobj"], ["compound", "dobj"]) or in_amount) and gov.lemma_.lower() in light:
        args.alt_agents.append(clause_subjects(gov, settings))
        _verb_args(gov, args, objects=False)
    elif path in (["attr"], ["compound", "attr"]):
        args.copula_subject = [g for c in gov.children if c.dep_ in SUBJECT for g in conjuncts(c)]
    elif path in (["nsubj"], ["compound", "nsubj"]):
        extra = Args(behalf_nouns=args.behalf_nouns)
        _verb_args(gov, extra)
        args.patients += extra.patients
    elif path in (["nsubjpass"], ["compound", "nsubjpass"]) and not args.agents:
        extra = Args(behalf_nouns=args.behalf_nouns)
        _verb_args(gov, extra)
        args.alt_agents.append(extra.agents)
    elif trigger.pos_ == "ADJ":
        args.alt_agents.append(clause_subjects(gov, settings))
    return args


def _copula_subjects(agents: list[Token], settings: dict[str, Any]) -> list[Token]:
    """"two diplomats who were *intelligence officers trying to recruit* informants": an
    agent that is only the predicate noun of a copula is the copula's subject; "diplomats
    whom it described *as intelligence officers working* under cover": the noun an "as"
    phrase predicates of is the verb's object."""
    out = []
    for a in agents:
        if a.dep_ == "attr" and a.head.lemma_ == "be":
            subjects = clause_subjects(a.head, settings)
        elif a.dep_ == "pobj" and a.head.lower_ == "as" and is_verb(a.head.head):
            subjects = [o for o in a.head.head.children if o.dep_ == "dobj"]
        else:
            continue
        for s in subjects:
            if s.lower_ in RELATIVE:  # "diplomats who it said *were* officers"
                s = next((r.head for r in s.ancestors if r.dep_ == "relcl"), s)
            out.append(s)
    return out


def _reporter_of_conjunct(verb: Token, settings: dict[str, Any]) -> list[Token]:
    """"Damascus said the official had been on leave *and accused* Turkey": the small
    model hangs the second verb on the reported clause; when the subject it inherits
    there is no actor, the reporter is the next candidate."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT for c in verb.children):
        return []
    clause = verb.head
    reporters = set(settings.get("report_governors", []))
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in reporters:
        return clause_subjects(clause.head, settings)
    return []


def _reporter_of_unnamed(args: Args, settings: dict[str, Any]) -> list[Token]:
    """"Iran's judiciary said that *security forces* had arrested …": an indefinite
    agent that is only an official body with no side of its own acts for the side
    reporting it."""
    political = set(settings.get("political_heads", []))
    if args.agents and all(a.pos_ == "NOUN" and (a.lower_ in political or a.lemma_.lower()
                                                 in political) and not _definite(a)
                           for a in args.agents):
        return args.attribution
    return []


def _dateline_place(verb: Token, args: Args) -> list[Token]:
    """"*In Moscow*, spokeswoman Maria Zakharova dismissed …": a named speaker the
    dictionary does not know speaks for the place the sentence opens with."""
    if not args.agents or any(a.pos_ != "PROPN" for a in args.agents):
        return []
    first = min(a.left_edge.i for a in args.agents)
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
            and c.i < first for o in _pobjs(c) if o.pos_ == "PROPN"]


def _definite(noun: Token) -> bool:
    """"*the* fighters", "*its* forces": the noun refers back to a side named before."""
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children)


def _dep_path(tok: Token, top: Token) -> list[str]:
    path = []
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        path.append(cur.dep_)
        cur = cur.head
    return path


def _verb_args(verb: Token, args: Args, objects: bool = True) -> None:
    for child in verb.children:
        dep = child.dep_
        if dep in SUBJECT:
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                args.agents.append(verb.head)
            else:
                args.agents += conjuncts(child)
        elif dep == "nsubjpass":
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                args.patients.append(verb.head)
            else:
                args.patients += conjuncts(child)
        elif dep == "agent":
            args.agents += _pobjs(child)
        elif dep == "dative" and child.lower_ == "to":
            args.preps.setdefault("to", []).extend(_pobjs(child))
        elif dep in OBJECT and objects:
            args.patients += conjuncts(child)
            for grand in child.children:
                if grand.dep_ == "prep":
                    args.preps.setdefault(grand.lower_, []).extend(_pobjs(grand))
        elif dep == "prep":
            args.preps.setdefault(child.lower_, []).extend(_pobjs(child))
        elif dep in ("xcomp", "ccomp") and is_verb(child):
            args.complements.append(child)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not args.patients and \
            not _misparsed_main_verb(verb):
        args.patients.append(verb.head)
    if verb.dep_ == "relcl" and not args.patients and args.agents and \
            verb.head.i not in {a.i for a in args.agents}:
        args.patients.append(verb.head)
    for child in verb.children:
        if child.dep_ == "prep":
            args.beneficiaries += _behalf(child, args.behalf_nouns)
    for prep, objs in args.preps.items():
        if prep in PATIENT_PREPS:
            args.patients += [o for o in objs if o not in args.patients
                              and o.lower_ not in args.behalf_nouns
                              and o.lemma_.lower() not in args.grounds]
        if prep == "for":
            args.beneficiaries += objs


def _misparsed_main_verb(verb: Token) -> bool:
    """A small model often reads "Iranian agents spied on X." as a noun phrase with a
    participle; with no finite verb and no by-agent, the participle is the main verb."""
    head = verb.head
    return head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and \
        not any(c.dep_ == "agent" for c in verb.children)


def _noun_args(noun: Token, args: Args) -> None:
    for child in noun.children:
        dep = child.dep_
        if dep in ("poss", "amod", "compound", "nmod") and child.pos_ in ("PROPN", "ADJ", "NOUN"):
            args.agents += conjuncts(child)
        elif dep == "prep":
            objs = _pobjs(child)
            args.preps.setdefault(child.lower_, []).extend(objs)
            if child.lower_ == "by":
                args.agents += objs
            elif child.lower_ == "for" or (child.lower_ == "of" and
                                           noun.lower_ in args.agent_nouns):
                args.beneficiaries += objs
            elif child.lower_ in PATIENT_PREPS:
                args.patients += objs
            elif child.lower_ == "between":
                args.agents += objs
            args.beneficiaries += _behalf(child, args.behalf_nouns)
        elif dep == "relcl":
            # "an operation *that officials believe was directed by* Iranian agents"
            for verb in [child, *(c for c in child.children if c.dep_ == "ccomp")]:
                if verb.lemma_.lower() in args.runners:
                    args.agents += [p for g in verb.children if g.dep_ == "agent"
                                    for p in _pobjs(g)]
        elif dep == "acl":
            for grand in child.children:
                if grand.dep_ == "agent" and child.lemma_.lower() in args.runners:
                    args.agents += _pobjs(grand)
                elif grand.dep_ == "prep" and grand.lower_ in PATIENT_PREPS - {"with", "to"}:
                    args.patients += _pobjs(grand)


def trigger_head(span: Span) -> Token:
    """The token that carries a multi-word trigger's relations."""
    return span.root


@dataclass(frozen=True)
class Modality:
    """How the text commits to an event: `block` says why it is not an event at all."""

    block: str | None
    mode: str
    at: int | None = None


def denial_predicate(verb: Token, predicates: set[str]) -> Token | None:
    """The word that declares a verb's subject or object false: "the claims were
    baseless", "called the report a fabrication", "dismissed the charge as absurd"."""
    for child in verb.children:
        if child.dep_ in ("acomp", "attr", "oprd", "ccomp", "xcomp", "dobj") and \
                (child.lemma_.lower() in predicates or child.lower_ in predicates):
            return child
        if child.dep_ in ("attr", "dobj", "oprd") and child.lower_ == "nothing":
            # "the accusations were *nothing but lies*"
            for p in child.children:
                if p.dep_ == "prep" and p.lower_ == "but":
                    for o in p.children:
                        if o.lemma_.lower() in predicates or o.lower_ in predicates:
                            return o
        if child.dep_ == "prep" and child.lower_ == "without":
            # "the accusations were *without foundation*"
            for o in child.children:
                if o.dep_ == "pobj" and (o.lemma_.lower() in predicates or
                                         o.lower_ in predicates):
                    return o
        if _as_clause(child):
            for g in child.children:
                if g.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and \
                        g.lemma_.lower() in predicates:
                    return g
        if child.dep_ == "dobj":
            pred = next((o for p in child.children if p.dep_ == "prep" and p.lower_ == "as"
                         for o in p.children if o.lemma_.lower() in predicates), None)
            if pred is not None:
                return pred
        if child.dep_ == "prep" and child.lower_ == "as":
            for obj in child.children:
                if obj.lemma_.lower() in predicates or any(
                        g.dep_ in ("amod", "compound") and g.lemma_.lower() in predicates
                        for g in obj.children):
                    return obj
    return None


def _negated_noun(noun: Token) -> bool:
    """"*no* evidence that Russia spied", "*not* a sign of": the claim is negated."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in noun.children)


_WORD_SETS: dict[int, tuple[dict[str, Any], dict[str, frozenset[str]]]] = {}
_MODALITY_LISTS = ("negating_governors", "hypothetical_governors", "hypothetical_nouns",
                   "intent_governors", "hypothetical_aux", "hypothetical_marks",
                   "allegation_governors", "report_governors", "denial_predicates",
                   "hypothetical_modifiers", "no_evidence_nouns")


def _modality_words(settings: dict[str, Any]) -> dict[str, frozenset[str]]:
    """The modality word lists as sets, built once per settings object: modality runs
    for every trigger and rebuilding them was a measurable share of coding time."""
    cached = _WORD_SETS.get(id(settings))
    if cached is None or cached[0] is not settings:
        cached = (settings, {k: frozenset(settings.get(k, [])) for k in _MODALITY_LISTS})
        _WORD_SETS[id(settings)] = cached
    return cached[1]


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _finite_conjunct_of_infinitive(child: Token, verb: Token) -> bool:
    """"refused orders *to return* to Managua *and requested* asylum": a finite verb the
    parser coordinated with an infinitive belongs to the clause above it, so the
    infinitive's governor ("refused") neither negates nor makes it hypothetical."""
    return child.dep_ == "conj" and child.tag_ in FINITE_TAGS and verb.tag_ == "VB" and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def modality(trigger: Token, span: Span, settings: dict[str, Any]) -> Modality:
    """Negated / denied / hypothetical (blocked), else asserted / reported / alleged."""
    in_span = {t.i for t in span}
    w = _modality_words(settings)
    negators, hyp_gov, hyp_nouns = w["negating_governors"], w["hypothetical_governors"], \
        w["hypothetical_nouns"]
    hyp_preps = settings.get("hypothetical_prep_governors", {})
    intent, hyp_aux, marks = w["intent_governors"], w["hypothetical_aux"], \
        w["hypothetical_marks"]
    allegers, reporters, predicates = w["allegation_governors"], w["report_governors"], \
        w["denial_predicates"]
    hyp_mods, no_evidence = w["hypothetical_modifiers"], w["no_evidence_nouns"]
    mode = "asserted"
    for child in trigger.children:
        if child.i in in_span:
            continue
        if child.dep_ in ("amod", "compound") and child.lower_ in hyp_mods:
            return Modality("hypothetical", mode)
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no") or \
                negative_subject(child):
            return Modality("negated", mode)
        if child.dep_ in ("aux", "auxpass") and child.lower_ in hyp_aux:
            return Modality("hypothetical", mode)
        if child.dep_ == "mark" and child.lower_ in marks:
            return Modality("hypothetical", mode)
        if child.dep_ == "amod" and child.lemma_.lower() in predicates:
            return Modality("denied", mode, child.i)
        if child.lower_ in ("allegedly", "purportedly", "alleged", "suspected"):
            mode = "alleged"
        if child.lower_ in ("reportedly", "apparently") and mode == "asserted":
            mode = "reported"
    same_clause = True
    detached = False
    cur = trigger
    while cur.head.i != cur.i:
        child, cur = cur, cur.head
        dep = child.dep_
        lemma = cur.lemma_.lower()
        detached = detached or _finite_conjunct_of_infinitive(child, cur)
        if dep in CLAUSE_LINKS:
            same_clause = False
        if lemma in no_evidence and cur.pos_ == "NOUN" and _negated_noun(cur):
            return Modality("negated", mode)
        if detached and is_verb(cur) and cur.tag_ in FINITE_TAGS:
            detached = False  # the governor the finite conjunct really coordinates with
            continue
        if lemma in negators and dep == "ccomp" and (
                mode == "alleged" or _accusing_verb(child, allegers)) and \
                _apposed_claim(cur, child, settings):
            mode = "alleged"
            continue
        if lemma in negators and dep in ("xcomp", "dobj", "ccomp", "prep", "pcomp", "pobj") \
                and not detached:
            return Modality("denied" if lemma not in ("fail", "refuse", "decline") else "negated",
                            mode, cur.i)
        if dep in ("nsubj", "nsubjpass", "dobj") and is_verb(cur):
            pred = denial_predicate(cur, predicates)
            if pred is not None and pred.i not in in_span:
                return Modality("denied", mode, pred.i)
        if lemma in hyp_gov and dep in ("xcomp", "dobj", "prep", "pobj", "pcomp", "acomp") \
                and (dep != "prep" or child.lower_ in ("with", "of", "for", "to")):
            return Modality("hypothetical", mode, cur.i)
        if lemma in intent and dep == "xcomp":
            return Modality("hypothetical", mode)
        if dep in ("xcomp", "ccomp") and _refused_permission(cur, settings):
            return Modality("negated", mode, cur.i)
        if dep == "prep" and child.lower_ in hyp_preps.get(lemma, ()):
            return Modality("hypothetical", mode)
        if lemma in hyp_nouns and cur.pos_ == "NOUN" and dep in ("prep", "acl", "compound",
                                                                 "pobj", "xcomp"):
            return Modality("hypothetical", mode)
        if lemma in allegers and dep not in ("nsubj", "conj", "advcl", "relcl"):
            mode = "alleged"
        elif lemma in reporters and dep in ("ccomp", "parataxis", "pobj", "prep") \
                and mode == "asserted":
            mode = "reported"
        if is_verb(cur):
            for grand in cur.children:
                if grand.i == child.i:
                    continue
                if grand.dep_ == "mark" and grand.lower_ in marks and dep != "relcl":
                    return Modality("hypothetical", mode)
                if not same_clause:
                    continue
                if grand.dep_ == "neg" and dep != "conj":
                    return Modality("negated", mode)
                if grand.dep_ in ("aux", "auxpass") and grand.lower_ in hyp_aux and not (
                        dep == "conj" and child.tag_ in ("VBD", "VBZ")):
                    # "would not comment … but *denied*": a finite conjunct has its own
                    return Modality("hypothetical", mode)
    if yes_no_question(trigger):
        return Modality("hypothetical", mode)
    return Modality(None, mode)


QUESTION_LINKS = frozenset({"relcl", "acl", "advcl", "appos"})


def _opens_clause(tok: Token) -> bool:
    """The token starts its sentence, or follows only punctuation or a colon there
    ("*Did* Iran …", "'*Did* Iran …", "Spy row: *did* Iran …")."""
    cur = tok
    while not cur.is_sent_start:
        prev = cur.doc[cur.i - 1]
        if not prev.is_punct:
            return False
        if prev.text in (":", "—", "-"):
            return True
        cur = prev
    return True


def _ends_with_question_mark(tok: Token) -> bool:
    """The sentence holding the token ends with "?" (closing quotes aside)."""
    doc = tok.doc
    end = tok.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    last = end - 1
    while last > tok.i and doc[last].is_punct and doc[last].text != "?":
        last -= 1
    return doc[last].text == "?"


def yes_no_question(trigger: Token) -> bool:
    """"*Did* Iran spy on Hamas?", "*Could* Russia have hacked …?": an act asked about
    in an inverted yes/no question is not told as having happened. An act in a relative,
    participial or adverbial clause of the question ("did the pilot *who defected* …?")
    is presupposed and stays asserted; a wh-question ("why did Beijing deny …?") too."""
    cur = trigger
    while True:
        if is_verb(cur):
            subj = [c.i for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
            for aux in cur.children:
                if aux.dep_ in ("aux", "auxpass") and subj and aux.i < min(subj) and \
                        _opens_clause(aux):
                    return _ends_with_question_mark(trigger)
        if cur.dep_ in QUESTION_LINKS or cur.head.i == cur.i:
            return False
        cur = cur.head


def _apposed_claim(verb: Token, clause: Token, settings: dict[str, Any]) -> bool:
    """"Hamas detained members on suspicion of passing information to Egyptian
    intelligence, *a charge Cairo rejected*": the small model makes the apposed clause
    the main one and the accusation its complement; the act stays alleged (the
    rejection is a denial of its own), not denied by the text, and the accusing act
    itself stays told. Only for an act already told as a charge ("on suspicion of"):
    the arrest itself is not what is rejected."""
    claims = settings.get("claim_nouns", ())
    compound = _claim_compound_subject(verb, claims)
    return any(c.dep_ in ("nsubj", "dobj") and c.i > clause.i and c.pos_ == "NOUN"
               and c.lemma_.lower() in claims
               and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
               for c in verb.children) or (compound is not None and compound.i > clause.i)


def _accusing_verb(verb: Token, allegers: frozenset[str]) -> bool:
    """"*accused* Minsk *of* sending spies": a verb charging a side with an act (not an
    arrest "on suspicion of" one), which an apposed claim's denial leaves told."""
    return verb.lemma_.lower() in allegers and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in verb.children)


def _claim_compound_subject(verb: Token, claims: Any) -> Token | None:
    """"…, *an allegation Minsk* has denied": the small model reads the apposed claim
    noun as a compound of the denier ("an" then hangs on the denier); the claim noun."""
    for subj in verb.children:
        if subj.dep_ != "nsubj" or not any(d.dep_ == "det" and d.lower_ in ("a", "an")
                                           for d in subj.children):
            continue
        return next((c for c in subj.children if c.dep_ == "compound" and c.i < subj.i
                     and c.pos_ == "NOUN" and (c.lemma_.lower() in claims or
                                               c.lower_ in claims)), None)
    return None


def _refused_permission(verb: Token, settings: dict[str, Any]) -> bool:
    """"Moldova *will not allow* foreign services to spy on our soldiers": an act a
    negated permission verb (`permission_governors`) governs is refused, not done."""
    return verb.lemma_.lower() in settings.get("permission_governors", ()) and any(
        c.dep_ == "neg" for c in verb.children)


def relative_allegation(trigger: Token, claims: set[str], allegers: set[str],
                        reporters: set[str]) -> Token | None:
    """The accusation a relative-clause denial answers: the claim noun the clause
    hangs on ("…, *a charge* Moscow rejected", "*allegations* that Mogadishu has
    rejected") or, for a relative pronoun object, the accusing or reporting verb above
    the clause ("*accused* Belarus of pushing migrants across the border, which Minsk
    denies"). None when the clause has an object of its own ("…, which denied entry")."""
    if trigger.dep_ == "ccomp" and (trigger.head.lower_ in claims or (
            trigger.head.lower_.endswith("s") and trigger.head.lower_[:-1] in claims)) and \
            trigger.head.dep_ == "conj" and trigger.head.head.lemma_.lower() in allegers and \
            not any(c.dep_ in ("dobj", "nsubjpass", "ccomp") for c in trigger.children):
        return trigger.head.head  # "…, claims Beijing dismisses": "claims" misread as a verb
    rooted = _rooted_allegation(trigger, claims, allegers)
    if rooted is not None:
        return rooted
    apposed = _apposed_claim_clause(trigger, claims, allegers | reporters)
    if apposed is not None:
        return apposed
    if is_verb(trigger) and trigger.dep_ == "ROOT":
        return _apposed_allegation(trigger, claims, allegers)
    if trigger.dep_ not in ("relcl", "acl") or not is_verb(trigger):
        return None
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    if any(c.lower_ not in RELATIVE for c in objects) or any(
            c.dep_ in ("ccomp", "xcomp") for c in trigger.children):
        return None
    if not any((c.dep_ == "nsubj" and c.lower_ not in RELATIVE) or c.dep_ == "agent"
               for c in trigger.children):
        return None
    noun = trigger.head
    if noun.pos_ in ("NOUN", "PROPN") and (noun.lemma_.lower() in claims or
                                           noun.lower_ in claims):
        return noun
    if not objects:
        return None
    cur = noun
    for _ in range(10):
        if cur.head.i == cur.i:
            return None
        child, cur = cur, cur.head
        lemma = cur.lemma_.lower()
        if is_verb(cur) and lemma in allegers:
            return cur
        if cur.pos_ == "NOUN" and (lemma in claims or cur.lower_ in claims):
            return cur
        if is_verb(cur) and lemma in reporters and child.dep_ in ("ccomp", "parataxis"):
            return cur
    return None


def allegation_parties(node: Token, claims: set[str], allegers: set[str],
                       speakers: set[str],
                       settings: dict[str, Any]) -> tuple[list[Token], list[Token]] | None:
    """(accusers, accused) of an accusing verb or of a claim noun set beside the clause
    that makes it ("Lithuania *accused* Russia of …, a charge …", "Burundi closed the
    border after *accusing* Kigali …, a charge …", "a host *described* the men as
    traitors …, a claim …", "*made* allegations *against* its neighbour"). None when
    the text does not say who made the claim."""
    verb = node
    if not is_verb(node):
        if node.dep_ not in ("npadvmod", "appos", "dobj", "conj", "attr", "advcl"):
            return None
        anchor = node.head if is_verb(node.head) else governing_verb(node)
        if anchor is None:
            return None
        if node.dep_ == "dobj" and node.head.i == anchor.i and \
                anchor.lemma_.lower() not in allegers | speakers:
            against = [o for p in node.children if p.dep_ == "prep" and p.lower_ == "against"
                       for o in _pobjs(p)]
            return clause_subjects(anchor, settings), against
        found = _enclosing_alleger(node, allegers | speakers)
        if found is None:
            inside = {t.i for t in node.subtree}
            found = next((t for t in anchor.subtree if is_verb(t) and t.i not in inside
                          and t.lemma_.lower() in allegers), None)
        if found is None:
            return None
        verb = found
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        accusers = [p for c in verb.children if c.dep_ == "agent" for p in _pobjs(c)]
        accused = [g for c in verb.children if c.dep_ == "nsubjpass" for g in conjuncts(c)]
    else:
        accusers = clause_subjects(verb, settings)
        accused = [g for c in verb.children if c.dep_ == "dobj" and c.i != node.i
                   for g in conjuncts(c)]
    return accusers, accused


def _apposed_allegation(verb: Token, claims: set[str], allegers: set[str]) -> Token | None:
    """"Burundi closed the border after accusing Kigali of …, *a charge Rwanda
    rejected*": the small model makes the apposed clause the main one and the
    accusation before it a complement; the accusing verb in that complement is the
    claim denied."""
    claim = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                  and (c.lemma_.lower() in claims or c.lower_ in claims)), None)
    if claim is None:
        # "…, a charge Cairo rejected" read with two subjects: the claim noun first
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        claim = next((c for c in subjects[:1] if c.pos_ == "NOUN" and len(subjects) == 2
                      and (c.lemma_.lower() in claims or c.lower_ in claims)), None)
    if claim is None:
        claim = _claim_compound_subject(verb, claims)
    if claim is None or any(c.dep_ in ("poss", "prep", "acl", "relcl", "compound")
                            for c in claim.children):
        return None
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < claim.i]
    return next((t for c in before for t in c.subtree if is_verb(t)
                 and t.lemma_.lower() in allegers), None)


def _rooted_allegation(trigger: Token, claims: set[str], allegers: set[str]) -> Token | None:
    """"The militia accused Qatar of …, *charges* Doha has rejected": the small model
    makes the claim noun (or a verb "charges") the root, with the accusing clause and the
    rejecting one both its complements; the accusing verb before it is the claim denied."""
    noun = trigger.head
    if trigger.dep_ != "ccomp" or noun.dep_ != "ROOT" or \
            not (noun.lemma_.lower() in claims or noun.lower_ in claims) or \
            not any(c.dep_ == "nsubj" for c in trigger.children) or \
            any(c.dep_ in ("dobj", "nsubjpass", "ccomp") for c in trigger.children):
        return None
    return next((c for c in noun.children if c.dep_ == "ccomp" and c.i < noun.i
                 and is_verb(c) and c.lemma_.lower() in allegers), None)


def _apposed_claim_clause(trigger: Token, claims: set[str], verbs: set[str]) -> Token | None:
    """"Egypt said Ethiopian agents bugged its embassy, *claims* Addis Ababa dismissed",
    "the army accused the UAE of …, *allegations* the UAE has denied": the small model
    reads the apposed claim (a noun, or "claims" as a verb without a subject) as a clause
    of the accusing or saying verb before it, and the relative denial as its complement;
    that verb is the claim denied. The denial must have a subject and no object."""
    noun = trigger.head
    if trigger.dep_ != "ccomp" or not is_verb(trigger) or noun.i > trigger.i or \
            not (noun.lemma_.lower() in claims or noun.lower_ in claims) or \
            noun.dep_ not in ("conj", "advcl", "appos", "npadvmod") or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in noun.children) or \
            not any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in trigger.children) or \
            any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") for c in trigger.children):
        return None
    verb = noun.head
    return verb if is_verb(verb) and verb.i < noun.i and verb.lemma_.lower() in verbs else None


def _enclosing_alleger(node: Token, verbs: set[str]) -> Token | None:
    """The nearest accusing or speaking verb above a claim noun set after the clause it
    sums up ("accused the RSF of killing civilians in El Fasher, *an accusation* …")."""
    cur = node
    for _ in range(10):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if is_verb(cur) and cur.lemma_.lower() in verbs:
            return cur
    return None


def _conjunct_of_reporting(verb: Token, head: Token, settings: dict[str, Any]) -> bool:
    """"Iran said the officer *had been* kidnapped by US agents and *denied* that he had
    defected": a simple-past verb of saying or denying read as a conjunct of a perfect
    passive clause with an agent, reported by a past-tense verb, goes with the reporting
    verb (the tense of "said", not of "had been"), so its subject is the speaker, never
    the kidnappers."""
    speech = set(settings.get("report_governors", ())) | \
        set(settings.get("negating_governors", ()))
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.dep_ != "ccomp" or \
            verb.lemma_.lower() not in speech or \
            not any(c.dep_ == "agent" for c in head.children) or \
            not any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have")
                    for c in head.children):
        return False
    report = head.head
    return report.tag_ == "VBD" and \
        report.lemma_.lower() in settings.get("report_governors", ()) and \
        any(c.dep_ == "nsubj" for c in report.children)


def negative_subject(child: Token) -> bool:
    """"*no one* had defected", "*not a single soldier* has deserted", "*none* of the
    guards fled", "*no commander* was persuaded to switch": a subject that is a negative
    quantifier negates its verb."""
    return child.dep_ in ("nsubj", "nsubjpass") and (child.lower_ in ("none", "nobody") or any(
        c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in child.children))
