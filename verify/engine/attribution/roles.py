"""The role lexicon: which words make a named source an official, a person or an organisation.

One table, read by :mod:`~verify.engine.attribution.kinds` (a mention's kind),
:mod:`~verify.engine.attribution.context` (titles remembered with names) and the engine (a name
in apposition, "a spokeswoman for the agency, Jane Doe"):

* an *office* (minister, mayor, senator, chief financial officer, a named spokesperson) makes a
  named person ``official``;
* a *personal role* (analyst, lecturer, resident, witness, a relative) makes a named person
  ``person``; unnamed and plural, they are ``anonymous`` ("traders at a fund");
* an *institution word* in a capitalised name or at its end ("Orrin Pharma", "Die Autobahn
  GmbH", "the Department for Culture") makes it an ``organisation``.

:func:`role_kind` reads a description's words and answers with the kind its role gives.
"""

from __future__ import annotations

from collections.abc import Iterable

from verify.engine import lexicon as lx
from verify.engine.vocabulary import SourceKind


def words(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


# Roles that speak for themselves, not for an office.
PERSONAL_ROLES = words(
    """analyst analysts lecturer lecturers professor professors academic academics researcher
    researchers scientist scientists economist economists strategist strategists expert experts
    historian historians scholar scholars commentator commentators consultant consultants
    resident residents neighbour neighbours neighbor neighbors witness witnesses bystander
    bystanders survivor survivors victim victims relative relatives friend friends mother
    father son daughter wife husband brother sister sibling cousin uncle aunt grandmother
    grandfather grandson granddaughter widow widower parent parents child children
    student students pupil pupils teacher teachers nurse nurses farmer farmers driver drivers
    commuter commuters passenger passengers shopper shoppers customer customers patient
    patients trader traders investor investors worker workers rider riders voter voters fan
    fans supporter supporters owner owners shopkeeper shopkeepers landlord tenant tenants
    villager villagers local locals volunteer volunteers protester protesters activist
    activists campaigner campaigners pensioner pensioners doctor doctors lawyer lawyers
    veteran veterans employee employees haulier hauliers"""
)

# Offices: the words of lx.TITLES that name a post, not a personal role, and posts it lacks.
OFFICES = (lx.TITLES - PERSONAL_ROLES) | words(
    """alderman magistrate registrar coroner ombudsman comptroller auditor controller cto
    headteacher headmaster headmistress"""
)

# The last word of a company's or an institution's name ("Orrin Pharma", "Veldt Energie NV"):
# lx.CORPORATE_SUFFIXES and more.
INSTITUTION_ENDINGS = lx.CORPORATE_SUFFIXES | words(
    """gmbh ag sa nv bv spa srl ab asa oy pharma pharmaceuticals foods energy energie airways
    logistics telecom media insurance mining chemicals steel bancorp trust railways rail
    transport utilities water power electric ventures labs"""
)

# Words that make a capitalised name an institution wherever they stand in it ("the
# Department for Culture, Media and Sport", "the Association of Secondary Teachers").
INSTITUTION_WORDS = words(
    """department ministry association federation commission committee council agency
    authority institute university court tribunal bureau office union trust foundation
    society league board service inspectorate directorate"""
)


# Verbs of holding an office in a relative clause ("Jane Doe, who chairs the trust, said").
OFFICE_VERBS = words("chairs heads leads directs manages presides")


def role_kind(lows: Iterable[str]) -> SourceKind | None:
    """The kind a description's words give a named person: the last role word decides, as
    the head of the title ("chief economist" a person, "deputy mayor" and "a lawyer and city
    councillor" officials): ``official`` for an office, ``person`` for a personal role, else
    None."""
    seq = list(lows)
    for k in range(len(seq) - 1, -1, -1):
        low = seq[k]
        if low in OFFICES or (k > 0 and f"{seq[k - 1]} {low}" in _OFFICE_PHRASES):
            return SourceKind.OFFICIAL
        if low in PERSONAL_ROLES:
            return SourceKind.PERSON
    return None


# Offices named by two words whose last is a personal role ("head teacher").
_OFFICE_PHRASES = frozenset({"head teacher", "head nurse", "chief scientist", "chief medical"})


# Lower-case particles inside a personal name ("Jan de Boer", "Ursula von Trapp").
NAME_PARTICLES = words("de van von der den da di du del della le la bin al el ter ten")


# Words that give a person's gender where the text gives it ("a spokeswoman", "her husband"
# is a man), for "he" and "she" to find them.
FEMININE = words(
    """she her woman women spokeswoman chairwoman congresswoman businesswoman councilwoman
    assemblywoman mother wife daughter sister grandmother granddaughter aunt niece widow
    girlfriend ms ms. mrs mrs. miss dame lady queen princess actress"""
)
MASCULINE = words(
    """he him his man men spokesman chairman congressman businessman councilman assemblyman
    father husband son brother grandfather grandson uncle nephew widower boyfriend mr mr. sir
    lord king prince actor"""
)

# Short references to an institution named before ("the company said"): nouns that stand for
# any organisation with a proper name, and nouns for any outlet ("the paper reported").
GENERIC_ORGANISATIONS = words(
    """company firm group business carmaker lender retailer insurer operator utility maker
    manufacturer developer producer supplier airline bank chain conglomerate startup
    start-up"""
)
GENERIC_OUTLETS = words("paper newspaper broadcaster magazine outlet site station network")
